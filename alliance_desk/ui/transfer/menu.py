"""File ▸ Import… and File ▸ Export…, installed by one call from ui/menus.py."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from alliance_desk.ui.dialogs import documents_dir

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow


def install(window: "MainWindow", file_menu: QMenu) -> None:
    """Add Import… and Export… to the File menu (as `window.import_action`, `export_action`)."""
    window.import_action = QAction("&Import from spreadsheet…", window)
    window.import_action.setShortcut("Ctrl+Shift+I")
    window.import_action.setStatusTip("Add or update records from an .xlsx or .csv file")
    window.import_action.triggered.connect(lambda: import_file(window))
    window.export_action = QAction("E&xport…", window)
    window.export_action.setShortcut("Ctrl+Shift+X")
    window.export_action.setStatusTip("Save the portfolio as a workbook, CSV files or a calendar")
    window.export_action.triggered.connect(lambda: export_file(window))
    file_menu.addAction(window.import_action)
    file_menu.addAction(window.export_action)
    for action in (window.import_action, window.export_action):
        action.setEnabled(False)  # the window's _update_actions enables them with a portfolio


def import_file(window: "MainWindow") -> bool:
    """Run the import dialog; True when rows were imported."""
    from alliance_desk.ui.transfer.import_dialog import ImportDialog  # loaded when chosen

    portfolio = window.portfolio
    if portfolio is None or portfolio.read_only:
        return False
    dialog = ImportDialog(portfolio, window, undo_stack=window.undo_stack)
    if not window.run_dialog(dialog) or dialog.result is None:
        return False
    result = dialog.result
    undo = " Edit ▸ Undo takes the whole import back." if result.added or result.updated else ""
    window.status(f"Imported: {result}.{undo}")
    return True


def export_file(window: "MainWindow") -> bool:
    from alliance_desk.ui.transfer.export_dialog import (  # loaded when chosen
        ExportDialog,
        filter_for,
        suggested_name,
        write_export,
    )

    portfolio = window.portfolio
    if portfolio is None:
        return False
    dialog = ExportDialog(window.workspace.alliance, window)
    if not window.run_dialog(dialog):
        return False
    key, alliance = dialog.choice()
    suggested = documents_dir() / suggested_name(portfolio.name, key, alliance)
    path = window.choose_save_path("Export", suggested, filter_for(key))
    if path is None:
        return False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        message = write_export(portfolio, key, path, alliance)
    except OSError as exc:
        window.show_error(f"Could not write {path}: {exc.strerror or exc}.", "Export failed")
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.status(message)
    return True
