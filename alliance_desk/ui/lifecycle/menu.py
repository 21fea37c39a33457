"""The lifecycle editors in the window's Alliance menu: Checklist templates… and Benchmarks…"""

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from alliance_desk.ui.lifecycle.benchmarks_dialog import BenchmarksDialog
    from alliance_desk.ui.lifecycle.templates_dialog import ChecklistTemplatesDialog
    from alliance_desk.ui.main_window import MainWindow


def install(window: "MainWindow", alliance_menu: QMenu) -> None:
    """Add the two editors at the end of the Alliance menu; set them on the window."""
    alliance_menu.addSeparator()
    window.checklist_templates_action = QAction("Checklist &templates…", window)
    window.checklist_templates_action.setStatusTip(
        "Add, edit, reorder and retire the items of the portfolio's checklists"
    )
    window.checklist_templates_action.triggered.connect(lambda: show_templates(window))
    window.benchmarks_action = QAction("&Benchmarks and thresholds…", window)
    window.benchmarks_action.setStatusTip(
        "Edit the benchmark definitions, and the selected alliance's own thresholds"
    )
    window.benchmarks_action.triggered.connect(lambda: show_benchmarks(window))
    alliance_menu.addAction(window.checklist_templates_action)
    alliance_menu.addAction(window.benchmarks_action)


def show_templates(window: "MainWindow") -> "ChecklistTemplatesDialog | None":
    from alliance_desk.ui.lifecycle.templates_dialog import ChecklistTemplatesDialog

    if window.context is None:
        return None
    window.lifecycle_dialog = ChecklistTemplatesDialog(window.context, window)
    window.lifecycle_dialog.show()
    return window.lifecycle_dialog


def show_benchmarks(window: "MainWindow") -> "BenchmarksDialog | None":
    from alliance_desk.ui.lifecycle.benchmarks_dialog import BenchmarksDialog

    if window.context is None:
        return None
    alliance = window.workspace.alliance
    window.lifecycle_dialog = BenchmarksDialog(window.context, alliance, window)
    window.lifecycle_dialog.show()
    return window.lifecycle_dialog
