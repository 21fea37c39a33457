"""The questions the main window asks in modal boxes, each behind one small method.

Modal boxes run their own event loop; keeping every one of them behind a method of this
base class lets tests (and a future scripting layer) answer without a user.
"""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from alliance_desk.storage import errors, paths
from alliance_desk.ui.dialogs import documents_dir
from alliance_desk.ui.settings import AppSettings


class PromptingWindow(QMainWindow):
    """A main window that asks its questions through overridable methods."""

    settings: AppSettings

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, title: str, text: str, detail: str, action_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setInformativeText(detail)
        go = box.addButton(action_label, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def show_error(self, message: str, title: str = "Cannot open the portfolio") -> None:
        QMessageBox.warning(self, title, message)

    def ask_lock_choice(self, exc: errors.PortfolioLocked) -> str | None:
        """'read_only', 'take_over' or None (cancel) for a file someone else has open."""
        box = QMessageBox(QMessageBox.Icon.Question, "Portfolio in use", "", parent=self)
        box.setText(f"{exc.path.name} is open by {exc.holder}.")
        box.setInformativeText(
            "Open it read-only to look without changing anything. Open anyway only if you are "
            "sure they are no longer working in it: two people editing one file lose work."
        )
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton("Open anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        return "read_only" if clicked is read_only else "take_over" if clicked is anyway else None

    def run_print_dialog(self, dialog: QDialog) -> bool:
        """A QPrintDialog: True when the user chose to print."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def run_print_preview(self, dialog: QDialog) -> None:
        """A QPrintPreviewDialog (it prints from inside when the user asks)."""
        dialog.exec()

    def choose_save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(suggested), filters)
        return Path(chosen) if chosen else None

    def choose_open_path(self) -> Path | None:
        recent = self.settings.recent_files()
        start = str(recent[0].parent) if recent else str(documents_dir())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Open portfolio",
            start,
            f"Alliance Desk portfolios (*{paths.EXTENSION});;All files (*)",
        )
        return Path(chosen) if chosen else None
