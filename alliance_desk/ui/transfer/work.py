"""Running import work with a progress bar: reading a file on a worker thread, and the
Portfolio work (preview, import) on the UI thread in steps that keep the window alive.

The Portfolio's session belongs to the UI thread (views read through it while they paint), so
only the file reading, which touches no portfolio, runs elsewhere.
"""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QProgressBar


class Cancelled(Exception):
    """The user pressed Cancel during long work; the batch rolls back."""


class FileReader(QObject):
    """Reads a spreadsheet on a worker thread; `finished` carries the Table or the error."""

    finished = Signal(object, object)  # (table or None, error message or None)
    progressed = Signal(int, int)

    def start(self, read: Callable[..., object]) -> None:
        def run() -> None:
            try:
                table = read(progress=lambda done, total: self.progressed.emit(done, total or 0))
            except Exception as exc:  # noqa: BLE001 (every reading error becomes a message)
                self.finished.emit(None, str(exc))
                return
            self.finished.emit(table, None)

        threading.Thread(target=run, name="import-reader", daemon=True).start()


class Stepper:
    """A progress callback for Portfolio work on the UI thread: moves the bar, lets the
    window repaint, and raises Cancelled once the user asked to stop."""

    def __init__(self, bar: QProgressBar):
        self.bar = bar
        self.cancelled = False

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            self.bar.setMaximum(total)
            self.bar.setValue(min(done, total))
        QApplication.processEvents()
        if self.cancelled:
            raise Cancelled
