"""The window's actions, menus and toolbar (DESIGN.md §6: the shortcuts users expect).

The functions set the actions as attributes of the window (`window.open_action`, ...), so
the window and tests reach them by name.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget

from alliance_desk.ui import restore_backup
from alliance_desk.ui.dialogs import show_about
from alliance_desk.ui.lifecycle import menu as lifecycle_menu
from alliance_desk.ui.practice import actions as practice_actions
from alliance_desk.ui.tracking import menu as tracking_menu
from alliance_desk.ui.transfer import menu as transfer_menu
from alliance_desk.ui.worksheet import actions as worksheet_actions

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow

ASK_PLACEHOLDER = "Ask about the portfolio — e.g. which risks should I raise next week?"


def _action(window, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def install_actions(window: "MainWindow") -> None:
    """The File, Edit, View and Help actions, as attributes of the window."""
    window.new_portfolio_action = _action(
        window,
        "&New portfolio…",
        window.new_portfolio,
        "Ctrl+Shift+N",
        "Create an encrypted portfolio",
    )
    window.open_action = _action(window, "&Open…", window.choose_and_open, "Ctrl+O")
    window.open_demo_action = _action(
        window, "Open &demo portfolio", window.open_demo, tip="Sample alliances; passphrase: demo"
    )
    window.change_passphrase_action = _action(
        window, "Change &passphrase…", window.change_passphrase
    )
    window.forget_action = _action(
        window, "&Forget remembered passphrase", window.forget_passphrase
    )
    window.close_action = _action(window, "&Close portfolio", window.close_portfolio, "Ctrl+W")
    window.print_worksheet_action = _action(
        window,
        "&Print worksheet…",
        lambda: worksheet_actions.print_worksheet(window),
        "Ctrl+P",
        "Print or save the stakeholder worksheet for an interview",
    )
    window.all_stakeholders_action = _action(
        window, "All &stakeholders", lambda: worksheet_actions.show_all_stakeholders(window)
    )
    window.unused_items_action = _action(
        window,
        "Report items nobody &uses",
        lambda: worksheet_actions.show_unused_items(window),
        tip="Candidates to stop reporting, across the portfolio",
    )
    window.quit_action = _action(window, "&Quit", window.close, "Ctrl+Q")
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    window.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    window.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    window.show_archived_action = QAction("Show &archived alliances", window)
    window.show_archived_action.setCheckable(True)
    window.show_archived_action.toggled.connect(window.sidebar.set_show_archived)
    window.focus_filter_action = _action(
        window, "&Filter alliances", window.sidebar.focus_filter, "Ctrl+F"
    )
    window.about_action = _action(window, "&About Alliance Desk", lambda: show_about(window))
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    window.sidebar.set_context_actions(
        [window.alliance_actions.rename, window.alliance_actions.archive]
        + [window.alliance_actions.delete, window.alliance_actions.new]
    )


def install_menus(window: "MainWindow") -> None:
    bar = window.menuBar()
    file_menu = window.file_menu = bar.addMenu("&File")
    file_menu.addAction(window.new_portfolio_action)
    file_menu.addAction(window.open_action)
    window.recent_menu = file_menu.addMenu("Open &recent")
    window.recent_menu.aboutToShow.connect(window._fill_recent_menu)
    file_menu.addAction(window.open_demo_action)
    file_menu.addSeparator()
    file_menu.addAction(window.change_passphrase_action)
    file_menu.addAction(window.forget_action)
    restore_backup.install(window, file_menu)
    file_menu.aboutToShow.connect(window._update_actions)
    file_menu.aboutToShow.connect(window._update_forget_action)  # the keyring, in a thread
    file_menu.addSeparator()
    file_menu.addAction(window.print_worksheet_action)
    _install_preread(window, file_menu)
    transfer_menu.install(window, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(window.close_action)
    file_menu.addAction(window.quit_action)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)

    alliance_menu = bar.addMenu("&Alliance")
    alliance_menu.addAction(window.alliance_actions.new)
    alliance_menu.addSeparator()
    alliance_menu.addAction(window.alliance_actions.rename)
    alliance_menu.addAction(window.alliance_actions.archive)
    alliance_menu.addSeparator()
    alliance_menu.addAction(window.alliance_actions.delete)
    window.alliance_menu = alliance_menu

    view_menu = bar.addMenu("&View")
    view_menu.addAction(window.show_archived_action)
    view_menu.addAction(window.focus_filter_action)
    view_menu.addSeparator()
    view_menu.addAction(window.all_stakeholders_action)
    view_menu.addAction(window.unused_items_action)

    tracking_menu.install(window, alliance_menu, view_menu)
    lifecycle_menu.install(window, alliance_menu)
    practice_actions.install(window, view_menu)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(window.about_action)


def install_toolbar(window: "MainWindow") -> None:
    """New alliance, Undo, Redo on the left; the Ask box on the right."""
    toolbar = QToolBar("Main toolbar")
    toolbar.setObjectName("MainToolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addAction(window.alliance_actions.new)
    toolbar.addAction(window.undo_action)
    toolbar.addAction(window.redo_action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    window.ask_edit = QLineEdit()
    window.ask_edit.setObjectName("AskBox")
    window.ask_edit.setPlaceholderText(ASK_PLACEHOLDER)
    window.ask_edit.setClearButtonEnabled(True)
    window.ask_edit.setMinimumWidth(440)
    window.ask_edit.setMaximumWidth(560)
    window.ask_edit.returnPressed.connect(window.ask)
    toolbar.addWidget(window.ask_edit)
    window.addToolBar(toolbar)
    window.toolbar = toolbar


def _install_preread(window: "MainWindow", file_menu) -> None:
    """File ▸ Export pre-read…; the dialog (and python-docx behind it) loads when chosen."""

    def export() -> None:
        from alliance_desk.ui import preread

        preread.export_preread(window)

    window.preread_action = QAction("Export &pre-read…", window)
    window.preread_action.setShortcut("Ctrl+Shift+W")
    window.preread_action.setStatusTip(
        "A Word pre-read for the board, an executive sponsor or the JSC"
    )
    window.preread_action.triggered.connect(export)
    window.preread_action.setEnabled(False)
    file_menu.addAction(window.preread_action)
