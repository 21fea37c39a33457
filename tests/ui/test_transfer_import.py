"""File ▸ Import…: a user picks a file, corrects the mapping, reads the preview, imports."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton

from alliance_desk.models import ActionItem
from alliance_desk.ui.transfer.import_dialog import MAPPING, PREVIEW, SOURCE, ImportDialog
from tests.reports.import_support import write_csv, write_xlsx
from tests.ui.conftest import DISK_FAILURE


@pytest.fixture
def dialog(portfolio, qtbot):
    shown = ImportDialog(portfolio, undo_stack=QUndoStack())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def choose_file(qtbot, dialog, path, kind="actions"):
    dialog.choose_file = lambda: path
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Choose…")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)


def test_the_dialog_goes_from_file_to_mapping_to_preview_and_imports(
    dialog, qtbot, portfolio, tmp_path
):
    rows = [
        ["Programme", "Task", "Responsible", "Deadline", "Notes"],
        ["Helios Oncology", "Call Ann", "Ann", date(2026, 3, 1), "x"],
        ["Helios Oncology", "Bad date", "Bob", "someday", "y"],
        ["Helios Oncology", "Write memo", "Cy", date(2026, 3, 9), "z"],
    ]
    choose_file(qtbot, dialog, write_xlsx(tmp_path / "t.xlsx", rows))
    assert dialog.pages.currentIndex() == MAPPING
    assert dialog.mapping() == ["", "title", "owner", "due_date", ""]
    assert dialog.mapping_table.item(1, 1).text() == "Call Ann · Bad date · Write memo"
    assert dialog.mapping_table.item(0, 1).text() == "Helios Oncology"  # different values only
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "No column is mapped to 'Alliance'" in dialog.message.text()
    assert dialog.pages.currentIndex() == MAPPING
    dialog.set_field("Programme", "alliance")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PREVIEW
    assert "2 good rows" in dialog.summary.text() and "1 bad row(s)" in dialog.summary.text()
    problem = [dialog.problems_table.item(0, c).text() for c in range(3)]
    assert problem == ["3", "Deadline", "'someday' is not a date."]
    assert portfolio.all(ActionItem) == []
    changes = []
    portfolio.subscribe(changes.append)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None and str(dialog.result).startswith("2 added")
    assert not dialog.isVisible()
    assert sorted(a.title for a in portfolio.all(ActionItem)) == ["Call Ann", "Write memo"]
    assert [c.op for c in changes] == ["added"]
    assert dialog.undo_stack.undoText() == "Import from t.xlsx"
    dialog.undo_stack.undo()  # both rows in one step
    assert portfolio.all(ActionItem) == []


def test_ambiguous_dates_are_asked_in_the_dialog(dialog, qtbot, portfolio, tmp_path):
    path = write_csv(tmp_path / "a.csv", "Alliance,Title,Due\nHelios Oncology,Call,03/04/2026\n")
    choose_file(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == MAPPING
    assert "day-first or month-first" in dialog.message.text()
    dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("month"))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PREVIEW
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [a.due_date for a in portfolio.all(ActionItem)] == [date(2026, 3, 4)]


def test_a_file_that_is_not_a_spreadsheet_is_said_on_the_first_step(dialog, qtbot, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10)
    choose_file(qtbot, dialog, path)
    assert dialog.pages.currentIndex() == SOURCE
    assert "is not a spreadsheet" in dialog.message.text()


def test_workbook_sheets_can_be_chosen_and_hidden_ones_are_not_offered(dialog, qtbot, tmp_path):
    path = write_xlsx(
        tmp_path / "w.xlsx",
        [["Alliance", "Title"], ["Helios Oncology", "From tracker"]],
        sheet="Tracker",
        before=[("Cover", [["Read me"], ["Nothing here"]])],
        hidden=[("Secret", [["Alliance", "Title"]])],
    )
    choose_file(qtbot, dialog, path)
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == [
        "Cover",
        "Tracker",
    ]
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    dialog.sheet_combo.setCurrentText("Tracker")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
    assert dialog.table.sheet == "Tracker"
    assert dialog.mapping() == ["alliance", "title"]


def test_a_mapping_is_saved_and_loaded_from_the_dialog(dialog, qtbot, tmp_path):
    path = write_csv(tmp_path / "a.csv", "Deal,What\nHelios Oncology,Call\n")
    choose_file(qtbot, dialog, path)
    dialog.set_field("Deal", "alliance")
    dialog.set_field("What", "title")
    dialog.choose_mapping_file = lambda save: tmp_path / "m.json"
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Sa&ve mapping…"], Qt.MouseButton.LeftButton)
    assert "Saved the mapping as m.json" in dialog.message.text()
    dialog.set_field("Deal", "")
    qtbot.mouseClick(buttons["&Load mapping…"], Qt.MouseButton.LeftButton)
    assert dialog.mapping() == ["alliance", "title"]


def test_cancel_during_a_long_import_stores_nothing(dialog, qtbot, portfolio, tmp_path):
    text = "Alliance,Title\n" + "".join(f"Helios Oncology,Action {i}\n" for i in range(2500))
    choose_file(qtbot, dialog, write_csv(tmp_path / "big.csv", text))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.text() == "&Import 2500 rows"
    QTimer.singleShot(0, lambda: qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Stopped; nothing was imported."
    assert dialog.isVisible() and dialog.result is None
    assert portfolio.all(ActionItem) == []
    assert dialog.undo_stack.count() == 0  # nothing to undo either


def test_a_disk_failure_during_the_import_is_said_once_and_keeps_the_dialog(
    dialog, qtbot, portfolio, tmp_path, failing_commits
):
    path = write_csv(tmp_path / "a.csv", "Alliance,Title\nHelios Oncology,Call\n")
    choose_file(qtbot, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    with failing_commits(portfolio):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == DISK_FAILURE
    assert dialog.isVisible() and dialog.result is None
    assert dialog.undo_stack.count() == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # the disk is back
    assert [a.title for a in portfolio.all(ActionItem)] == ["Call"]
