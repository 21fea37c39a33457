"""Long work (merges, syncs) off the UI thread: a QThread that reports back by signals."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class Job(QThread):
    """Runs `work(progress)` in a thread; `done(result)` or `failed(exception)` follow."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], parent: QObject):
        super().__init__(parent)
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.progressed.emit)
        except Exception as exc:  # handed to the UI thread, which says it in words
            self.failed.emit(exc)
            return
        self.done.emit(result)
