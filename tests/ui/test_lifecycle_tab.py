"""The Lifecycle tab driven like a user: move stage, tick items off, see progress, undo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alliance_desk import clock
from alliance_desk.defaults import find_template, seed_defaults
from alliance_desk.models import ChecklistItem, StageChange
from alliance_desk.ui.app import create_application
from alliance_desk.ui.fields import format_date
from alliance_desk.ui.lifecycle.tab import LifecycleTab

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tab(context, alliance, qtbot):
    """The Lifecycle tab of Helios Oncology (in Formation, no checklist yet), shown and active."""
    create_application()
    seed_defaults(context.portfolio)
    widget = LifecycleTab(context)
    qtbot.addWidget(widget)
    widget.set_alliance(alliance)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def wait_for_dialog(qtbot, tab):
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    return tab.dialog


def history_cells(tab) -> list[tuple[str, str]]:
    model = tab.header.history.model
    return [
        (model.data(model.index(r, 0)), model.data(model.index(r, 1)))
        for r in range(model.rowCount())
    ]


def settle(qtbot, tab) -> None:
    """Let the queued reloads run (changes are applied on the next turn of the event loop),
    and give the keyboard back to the tab once a dialog has closed."""
    qtbot.wait(10)
    tab.table._apply_pending()
    if QApplication.activeWindow() is not tab:
        tab.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)


def move_to(qtbot, tab, stage: str):
    qtbot.mouseClick(tab.header.move_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, tab)
    dialog.stage.set_value(stage)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    return dialog


def add_checklist(qtbot, tab, key: str):
    """Add another checklist through the header's button and its dialog."""
    qtbot.mouseClick(tab.header.checklist_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, tab)
    dialog.select_key(key)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    return dialog


def test_a_new_alliance_shows_its_stage_and_offers_its_stage_checklist(tab, qtbot):
    assert "Helios Oncology is in <b>Formation</b>" in tab.header.stage_label.text()
    assert tab.header.progress_texts == []
    assert not tab.header.stage_checklist_button.isHidden()
    assert tab.header.stage_checklist_button.text() == "Add the Formation checklist"
    qtbot.mouseClick(tab.header.stage_checklist_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert tab.header.progress_texts == ["Formation: 0 of 10 done"]
    assert tab.header.stage_checklist_button.isHidden()


def test_moving_stage_adds_the_new_checklist_and_history_shows_the_date(
    tab, context, alliance, qtbot
):
    dialog = move_to(qtbot, tab, "governance")
    assert not dialog.isVisible()
    today = format_date(clock.today())
    assert (today, "Governance") in history_cells(tab)
    assert len(history_cells(tab)) == 2
    assert len(tab.table.model.rows) == 10
    assert {row.checklist for row in tab.table.model.rows} == {
        "Governance: agreeing how we work together"
    }
    assert tab.header.progress_texts == ["Governance: 0 of 10 done"]
    assert "is in <b>Governance</b>" in tab.header.stage_label.text()

    context.undo_stack.undo()  # one step: the stage, its history row and its checklist
    settle(qtbot, tab)
    assert alliance.stage == "formation"
    assert len(history_cells(tab)) == 1 and tab.table.model.rows == []
    context.undo_stack.redo()
    settle(qtbot, tab)
    assert len(context.portfolio.all(StageChange, alliance_id=alliance.id)) == 2
    assert len(tab.table.model.rows) == 10


def test_a_move_dated_in_the_future_shows_the_message_beside_the_date(tab, alliance, qtbot):
    qtbot.mouseClick(tab.header.move_button, Qt.MouseButton.LeftButton)
    dialog = wait_for_dialog(qtbot, tab)
    dialog.on.editor.setText("1 Jan 2199")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors() == {"changed_on": "The date of the move cannot be in the future."}
    assert dialog.isVisible()
    assert alliance.stage == "formation"
    assert tab.context.portfolio.all(ChecklistItem) == []


def test_space_toggles_done_and_progress_follows_and_undo_reverts(tab, context, qtbot):
    move_to(qtbot, tab, "governance")
    first = tab.table.model.rows[0]
    tab.table.select(first.id)
    tab.table.view.setFocus()
    qtbot.keyClick(tab.table.view, Qt.Key.Key_Space)
    settle(qtbot, tab)
    item = context.portfolio.get(ChecklistItem, first.id)
    assert item.status == "done" and item.done_on == clock.today()
    assert tab.header.progress_texts == ["Governance: 1 of 10 done"]

    qtbot.keyClick(tab.table.view, Qt.Key.Key_Space)  # and back
    settle(qtbot, tab)
    assert item.status == "open" and item.done_on is None
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert item.status == "done"
    assert tab.header.progress_texts == ["Governance: 1 of 10 done"]


def test_ctrl_d_marks_several_items_done_in_one_undoable_step(tab, context, qtbot):
    move_to(qtbot, tab, "governance")
    ids = [row.id for row in tab.table.model.rows[:3]]
    tab.table.select_ids(ids)
    tab.table.view.setFocus()
    qtbot.keyClick(tab.table.view, Qt.Key.Key_D, CTRL)
    settle(qtbot, tab)
    assert tab.header.progress_texts == ["Governance: 3 of 10 done"]
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert tab.header.progress_texts == ["Governance: 0 of 10 done"]


def test_the_panel_edits_status_note_owner_and_date_each_undoable(tab, context, qtbot):
    move_to(qtbot, tab, "governance")
    row = tab.table.model.rows[1]
    tab.table.select(row.id)
    qtbot.waitUntil(lambda: tab.panel.record is not None and tab.panel.record.id == row.id)
    form = tab.panel.form
    status = form.field("status")
    status.editor.setCurrentIndex(status.editor.findData("na"))
    status.editor.activated.emit(status.editor.currentIndex())
    item = context.portfolio.get(ChecklistItem, row.id)
    assert item.status == "na"
    note = form.field("note")
    note.editor.setFocus()
    note.editor.setPlainText("Only one committee tier needed.")
    tab.table.view.setFocus()  # leaving the field stores it
    assert item.note == "Only one committee tier needed."
    owner = form.field("owner_name")
    owner.editor.setEditText("Maren Lindqvist")
    owner.committed.emit()
    assert item.owner_name == "Maren Lindqvist"
    text = form.field("text")
    text.editor.setPlainText("Roles and decision rights written down per committee.")
    text.committed.emit()
    assert item.text == "Roles and decision rights written down per committee."
    done_on = form.field("done_on")
    done_on.editor.setText("3 Feb 2026")
    done_on.committed.emit()
    assert item.status == "done" and format_date(item.done_on) == "3 Feb 2026"
    settle(qtbot, tab)
    assert tab.header.progress_texts == ["Governance: 1 of 10 done"]
    for _ in range(5):
        context.undo_stack.undo()
    assert (item.status, item.note, item.owner_name, item.done_on) == ("open", "", "", None)
    assert item.text == row.text


def test_add_checklist_and_add_item_through_their_dialogs(tab, context, alliance, qtbot):
    add_checklist(qtbot, tab, "growth_readiness")
    assert tab.header.progress_texts == ["Growth readiness: 0 of 9 done"]

    tab.dialog = None
    qtbot.keyClick(tab.table.view, Qt.Key.Key_Insert)
    dialog = wait_for_dialog(qtbot, tab)
    dialog.form.field("text").editor.setPlainText("Agree the phase-2 budget with finance")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.errors() == {}
    assert dialog.created is not None, dialog.form.general_error.text()
    settle(qtbot, tab)
    assert tab.header.progress_texts == [
        "Growth readiness: 0 of 9 done",
        "Own items: 0 of 1 done",
    ]
    context.undo_stack.undo()
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert tab.table.model.rows == []


def shown_progress(tab) -> list[tuple[str, ...]]:
    """What the progress box shows, row by row: the checklist, its bar's value of its
    maximum, the counts (or the one line saying there is no checklist)."""
    grid, box = tab.header.progress_grid, tab.header.progress_box
    rows: dict[int, list[str]] = {}
    for index in range(grid.count()):
        widget = grid.itemAt(index).widget()
        if widget is None or not widget.isVisibleTo(box):
            continue
        row, _column, _rows, _columns = grid.getItemPosition(index)
        text = widget.text() if hasattr(widget, "text") and not hasattr(widget, "maximum") else ""
        if hasattr(widget, "maximum"):
            text = f"{widget.value()}/{widget.maximum()}"
        rows.setdefault(row, []).append(text)
    return [tuple(cells) for _row, cells in sorted(rows.items())]


def test_progress_rows_follow_the_alliance_shown(tab, context, alliance, qtbot):
    add_checklist(qtbot, tab, "growth_readiness")
    move_to(qtbot, tab, "governance")
    both = [
        ("Governance", "0/10", "0 of 10 done"),
        ("Growth readiness", "0/9", "0 of 9 done"),
    ]
    assert sorted(shown_progress(tab)) == both
    later = context.portfolio.add_alliance("Aurora Diagnostics")
    tab.set_alliance(later)
    assert shown_progress(tab) == [("No checklist yet.",)]
    tab.set_alliance(alliance)
    assert sorted(shown_progress(tab)) == both


def test_a_template_item_retired_after_use_stays_on_the_alliance_that_had_it(
    tab, context, alliance, qtbot
):
    portfolio = context.portfolio
    move_to(qtbot, tab, "governance")
    governance = find_template(portfolio, stage="governance")
    retired = portfolio.template_items(governance)[0]
    portfolio.retire_template_item(retired)
    settle(qtbot, tab)
    shown = [row for row in tab.table.model.rows if row.text == retired.text]
    assert len(shown) == 1 and shown[0].retired
    column = 1
    index = tab.table.model.index(tab.table.model.rows.index(shown[0]), column)
    assert tab.table.model.data(index).endswith("(retired)")
    assert tab.header.progress_texts == ["Governance: 0 of 10 done"]

    later = portfolio.add_alliance("Aurora Diagnostics")
    tab.set_alliance(later)
    move_to(qtbot, tab, "governance")
    texts = [row.text for row in tab.table.model.rows]
    assert len(texts) == 9 and retired.text not in texts


def test_changing_the_stage_on_the_overview_also_brings_the_checklist(
    tab, context, alliance, qtbot
):
    from alliance_desk.ui.overview_tab import OverviewTab

    overview = OverviewTab(context)
    qtbot.addWidget(overview)
    overview.set_alliance(alliance)
    overview.show()
    stage = overview.fields["stage"].editor
    stage.setFocus()
    qtbot.keyClick(stage, Qt.Key.Key_Down)  # Formation -> Governance
    assert alliance.stage == "governance"
    settle(qtbot, tab)
    assert tab.header.progress_texts == ["Governance: 0 of 10 done"]
    context.undo_stack.undo()
    settle(qtbot, tab)
    assert tab.header.progress_texts == []


def test_whole_portfolio_lists_every_alliance_and_read_only_disables_the_edits(
    tab, context, alliance, qtbot
):
    portfolio = context.portfolio
    portfolio.move_stage(alliance, "governance")
    other = portfolio.add_alliance("Aurora Diagnostics")
    portfolio.move_stage(other, "governance")
    tab.set_portfolio_wide(True)
    settle(qtbot, tab)
    assert {row.alliance_name for row in tab.table.model.rows} == {
        "Helios Oncology",
        "Aurora Diagnostics",
    }
    assert tab.new_record() is None  # an item belongs to one alliance
    tab.set_portfolio_wide(False)
    tab.set_read_only(True)
    assert not tab.header.move_button.isEnabled()
    assert not tab.toggle_action.isEnabled() and not tab.done_action.isEnabled()
    assert tab.move_stage() is None
