"""A start's first window: the glance (glance.py) in the main window, painted before the
portfolio opens, until the portfolio replaces it (or the open fails, or the window closes)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desk.ui.after_paint import UNPAINTED_MS, AfterFirstPaint
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext

if TYPE_CHECKING:
    from alliance_desk.glance import Glance
    from alliance_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_failure(path: Path, exc: BaseException) -> str:
    """The sentence for an open that failed in a way nobody foresaw (it is logged in full)."""
    reason = str(exc).strip().rstrip(".") or type(exc).__name__
    return f"{Path(path).name} could not be opened ({reason})."


class StartGlance:
    """`glance` on screen in `window`: the sidebar and the Dashboard, nothing editable (the
    window has no portfolio yet). `then` opens the portfolio once the glance is painted; its
    set_portfolio drops the glance. If it fails, the window goes back to its welcome page."""

    def __init__(self, window: MainWindow, glance: Glance, then: Callable[[], object]):
        self.window = window
        self.glance = glance
        self.bridge = PortfolioBridge(glance, window)
        self._then = then
        window.show_workspace(UiContext(glance, self.bridge, window.undo_stack), glance=True)
        window.status(f"Opening {glance.path.name}…")
        self._after_paint: AfterFirstPaint | None = AfterFirstPaint(
            window.workspace, self._painted, UNPAINTED_MS
        )

    def _painted(self, on_screen: bool) -> None:
        self._after_paint = None
        window = self.window
        if on_screen:
            window.glance_painted.emit()
        failure = None
        try:
            self._then()
        except Exception as exc:  # noqa: BLE001 - said, not left as a glance to stare at
            log.exception("Opening %s after its glance failed", self.glance.path.name)
            failure = exc
        if failure is not None or window.portfolio is None:  # failed, or the user cancelled
            window.close_portfolio()  # the glance, and what half opened (its lock released)
            window.show_welcome()
            window.status("")
        if failure is not None:
            window.show_error(open_failure(self.glance.path, failure))

    def drop(self) -> None:
        """Take the glance off the window and close it."""
        if self._after_paint is not None:  # dropped before it was painted
            self._after_paint.cancel()
            self._after_paint = None
        self.window.workspace.clear()
        self.bridge.deleteLater()
        self.glance.close()
