"""What every workspace widget is handed: the open portfolio, its change signal, the undo stack."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack

from alliance_desk.ui.bridge import PortfolioBridge

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio


@dataclass
class UiContext:
    portfolio: "Portfolio"
    bridge: PortfolioBridge
    undo_stack: QUndoStack


class WorkspaceTab(Protocol):
    """A tab of the alliance workspace (or the portfolio Dashboard)."""

    def set_alliance(self, alliance: "Alliance | None") -> None: ...

    def set_read_only(self, read_only: bool) -> None: ...
