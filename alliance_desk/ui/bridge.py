"""Portfolio changes as a Qt signal: the one place views learn what an edit touched."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from alliance_desk.changes import Change

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.portfolio import Portfolio


class PortfolioBridge(QObject):
    """Re-emits every `Change` announced by a Portfolio as the `changed` signal."""

    changed = Signal(object)  # a portfolio.Change
    health_known = Signal()  # the health of a big file, worked out beside the window, is in

    def __init__(self, portfolio: "Portfolio", parent: QObject | None = None):
        super().__init__(parent)
        self.portfolio = portfolio
        self._unsubscribe = portfolio.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._unsubscribe()
