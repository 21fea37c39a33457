"""File ▸ Import… and File ▸ Export… in the main window: the open views see the new rows."""

from PySide6.QtCore import Qt

from alliance_desk.models import ActionItem
from alliance_desk.ui.transfer.export_dialog import ExportDialog
from alliance_desk.ui.transfer.import_dialog import ImportDialog
from tests.conftest import PASSPHRASE
from tests.reports.import_support import write_csv
from tests.ui.shell_support import make_window


def test_file_import_adds_rows_that_the_open_actions_tab_shows(qtbot, portfolio_file, tmp_path):
    window = make_window(qtbot)
    window.open_path(portfolio_file, PASSPHRASE)
    window.workspace.select_tab("Actions")
    tab = window.workspace.tab("Actions")
    assert tab.table.model.rowCount() == 0
    assert window.import_action.isEnabled() and window.export_action.isEnabled()
    path = write_csv(tmp_path / "a.csv", "Alliance,Title\nHelios Oncology,Imported action\n")

    def run_dialog(dialog: ImportDialog) -> bool:
        dialog.path_edit.setText(str(path))
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.reading, timeout=10_000)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result is not None

    window.run_dialog = run_dialog
    window.import_action.trigger()
    assert [a.title for a in window.portfolio.all(ActionItem)] == ["Imported action"]
    assert "Imported: 1 added" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 1)  # the tab refreshed itself

    assert window.undo_action.text() == "&Undo Import from a.csv"  # the whole import, one step
    window.undo_action.trigger()
    assert window.portfolio.all(ActionItem) == []
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 0)
    window.redo_action.trigger()
    assert [a.title for a in window.portfolio.all(ActionItem)] == ["Imported action"]
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 1)
    window.close_portfolio()
    assert not window.import_action.isEnabled()


def test_file_export_writes_the_chosen_format(qtbot, portfolio_file, tmp_path):
    window = make_window(qtbot)
    window.open_path(portfolio_file, PASSPHRASE)
    target = tmp_path / "out.ics"

    def run_dialog(dialog: ExportDialog) -> bool:
        dialog.findChild(type(dialog.one), "format-ics").setChecked(True)
        return True

    window.run_dialog = run_dialog
    window.choose_save_path = lambda title, suggested, filters: target
    window.export_action.trigger()
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "calendar events" in window.statusBar().currentMessage()
