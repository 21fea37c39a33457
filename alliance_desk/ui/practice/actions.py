"""View ▸ My practice…: the manager's self-assessment dialog."""

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow


def install(window: "MainWindow", view_menu: QMenu) -> None:
    """Add View ▸ My practice… (enabled while a portfolio is open); set `window.practice_action`."""
    action = QAction("My &practice…", window)
    action.setStatusTip("Self-assess your alliance practice: seven habits, strategic deliverables")
    action.triggered.connect(lambda: show_practice(window))
    view_menu.addSeparator()
    view_menu.addAction(action)
    view_menu.aboutToShow.connect(lambda: action.setEnabled(window.context is not None))
    window.practice_action = action


def show_practice(window: "MainWindow") -> None:
    from alliance_desk.ui.practice.dialog import PracticeDialog  # with its charts: when chosen

    if window.context is None:
        return
    dialog = PracticeDialog(window.context, window)
    try:
        window.run_dialog(dialog)
    finally:
        dialog.deleteLater()
