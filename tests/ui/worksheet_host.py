"""A main window stand-in for the Stakeholders tab tests: it answers the tab's modal questions
(dialogs, confirmations, file choices, print dialogs) with test code instead of a user."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from alliance_desk.ui.prompts import PromptingWindow
from alliance_desk.ui.worksheet.tab import StakeholdersTab

Handler = Callable[[QDialog], None]


class Host(PromptingWindow):
    """Holds a StakeholdersTab; `answers` handle the next dialogs, one each, in order."""

    def __init__(self, context):
        super().__init__()
        self.answers: list[Handler] = []
        self.seen: list[QDialog] = []
        self.errors: list[str] = []
        self.confirmations: list[str] = []
        self.confirm_answer = True
        self.save_to: Path | None = None
        self.print_to: Path | None = None
        self.previews: list[int] = []
        self.messages: list[str] = []
        self.tab = StakeholdersTab(context)
        self.setCentralWidget(self.tab)

    def run_dialog(self, dialog: QDialog) -> bool:
        assert self.answers, f"unexpected dialog: {dialog.windowTitle()}"
        self.seen.append(dialog)
        dialog.show()
        self.answers.pop(0)(dialog)
        dialog.hide()
        return dialog.result() == QDialog.DialogCode.Accepted

    def run_print_dialog(self, dialog) -> bool:
        if self.print_to is None:
            return False
        printer = dialog.printer()
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True

    def run_print_preview(self, dialog) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()  # asks for the pages, as showing the preview does
        self.previews.append(widget.pageCount())

    def choose_save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        return self.save_to

    def confirm(self, title: str, text: str, detail: str, action_label: str) -> bool:
        self.confirmations.append(text)
        return self.confirm_answer

    def show_error(self, message: str, title: str = "") -> None:
        self.errors.append(message)

    def status(self, message: str) -> None:
        self.messages.append(message)


def press_ok(qtbot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type like a user (QTest only takes ASCII; other characters go as key events)."""
    widget.setFocus()
    for char in text:
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)
