"""What the main window starts once an opened portfolio is on screen: `AfterFirstPaint` waits
for the first paint (a big file's health and whole-file check, and the keyring's question,
start after it), and `KeyringQuestion` asks the keyring in a thread so the window stays live."""

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from alliance_desk.storage import keychain

# a window not painted by then (hidden) starts what waits for its paint anyway
UNPAINTED_MS = 1000


class AfterFirstPaint(QObject):
    """Calls `then(True)` once, on the event loop's pass after `widget` is first painted (the
    paint is then on screen), or `then(False)` after `unpainted_ms` when it has not been
    painted by then (a hidden window). `cancel` stops it."""

    def __init__(self, widget: QWidget, then, unpainted_ms: int):
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._painted = False
        widget.installEventFilter(self)
        self._timer = QTimer(self, singleShot=True, interval=unpainted_ms)
        self._timer.timeout.connect(self._run)
        self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._painted = True
            self._timer.start(0)
        return False

    def cancel(self) -> None:
        self._then = None
        self._timer.stop()
        self._run()

    def _run(self) -> None:
        then, self._then = self._then, None
        self._widget.removeEventFilter(self)
        self.deleteLater()
        if then is not None:
            then(self._painted)


class KeyringQuestion(QObject):
    """Asks the keyring in a thread whether it holds a file's passphrase: its first question
    loads its backends (0.1-0.3 s), and a locked OS keyring may wait for the user to unlock it,
    while the window stays live. `answered(number, remembered)` arrives on the window's
    thread; `number` tells an answer from one asked before. It has no Qt parent: the window
    may close while a thread still holds it, and Qt then drops the answer."""

    answered = Signal(int, bool)

    def __init__(self):
        super().__init__()
        self.asked = 0  # questions asked, and answers made known otherwise
        self._waiting: tuple[Path, int] | None = None  # a question not answered yet

    def ask(self, path: Path) -> None:
        if self._waiting == (path, self.asked):
            return  # the same question is on its way (a locked keyring: one unlock prompt)
        self.asked += 1
        number = self.asked
        self._waiting = (path, number)

        def run() -> None:
            try:
                remembered = keychain.recall(path) is not None
            except Exception:  # noqa: BLE001 (a keyring failing its own way remembers nothing)
                remembered = False
            self._waiting = None
            try:
                self.answered.emit(number, remembered)
            except RuntimeError:  # the application is shutting down
                pass

        threading.Thread(target=run, name="keyring-question", daemon=True).start()
