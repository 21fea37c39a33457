"""Helpers for driving the application shell: a real window, and answers to modal dialogs.

Modal dialogs run their own event loop, so a test answers them from a timer: `Answering`
waits for each dialog in turn, hands it to a function that types and clicks like a user, and
closes anything left open afterwards, so a failing test fails instead of hanging.
"""

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from alliance_desk.ui.app import create_application
from alliance_desk.ui.main_window import MainWindow

Handler = Callable[[QWidget], None]


def make_window(qtbot, shown_errors: list[str] | None = None) -> MainWindow:
    """A styled, shown, active main window; error boxes are collected instead of shown."""
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    if shown_errors is not None:
        window.show_error = lambda message, title="": shown_errors.append(message)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot, window: QWidget) -> None:
    """Make `window` the active one, as the window manager does after a dialog closes."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def shortcut(qtbot, window: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press a key combination in the active window (where menu shortcuts live)."""
    activate(qtbot, window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


class Answering:
    """Within the block, answer the next modal dialogs with `handlers`, one per dialog."""

    def __init__(self, *handlers: Handler, timeout: float = 15.0):
        self.handlers = list(handlers)
        self.errors: list[BaseException] = []
        self.deadline = time.monotonic() + timeout
        self.seen: list[QWidget] = []
        self.active = False

    def __enter__(self) -> "Answering":
        self.active = True
        QTimer.singleShot(0, self._poll)
        return self

    def _poll(self) -> None:
        if not self.active:
            return
        dialog = QApplication.activeModalWidget()
        fresh = dialog is not None and all(dialog is not old for old in self.seen)
        if fresh and self.handlers:
            self.seen.append(dialog)
            handler = self.handlers.pop(0)
            QTimer.singleShot(20, self._poll)  # scheduled first: the handler may open another
            try:
                handler(dialog)
            except BaseException as exc:  # noqa: BLE001 (reported when the block ends)
                self.errors.append(exc)
                close_modals()
            return
        if fresh:
            self.errors.append(AssertionError(f"unexpected dialog: {dialog.windowTitle()}"))
            close_modals()
        if time.monotonic() > self.deadline:
            self.errors.append(TimeoutError("a dialog was not answered in time"))
            close_modals()
            return
        QTimer.singleShot(20, self._poll)

    def __exit__(self, exc_type, exc, tb) -> None:
        self.active = False
        if exc_type is not None:
            return
        if self.errors:
            raise self.errors[0]
        if self.handlers:
            raise AssertionError(f"{len(self.handlers)} expected dialog(s) never appeared")


def close_modals() -> None:
    for _ in range(5):
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()


def click_ok(qtbot, dialog: QDialog) -> None:
    """Click the dialog's accepting button (OK, Open, Create, Add, Rename, Change)."""
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_cancel(qtbot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)


def click_message_button(qtbot, box: QMessageBox, text: str) -> None:
    """Click the message box button labelled `text`."""
    for button in box.buttons():
        if button.text().replace("&", "") == text:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def type_keys(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` key by key; QTest aborts on non-ASCII, so those go as plain key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Replace the text of a line edit by typing."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_keys(qtbot, widget, text)


def sidebar_names(window: MainWindow) -> list[str]:
    return [alliance.name for alliance in window.sidebar.visible_alliances()]
