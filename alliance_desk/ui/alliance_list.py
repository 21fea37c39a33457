"""The alliance list as a Qt item model, and the proxy that filters and sorts it.

Rows are the Alliance objects `Portfolio.alliances()` returns; changes arrive as `Change`s
and become single-row inserts, removals and dataChanged, never a reset, so views keep their
selection while the portfolio changes under them.
"""

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from alliance_desk.changes import Change
from alliance_desk.insights.health import HealthStatus
from alliance_desk.models.choices import STAGES
from alliance_desk.portfolio_errors import database_errors
from alliance_desk.ui.health.lights import dot_colour

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio


HealthColor = Callable[["Alliance"], QColor | None]
# a hollow dot: a big file's health is still being worked out beside the window
PENDING_DOT = QColor(0, 0, 0, 0)
HEALTH_PENDING = "Health: being worked out…"
log = logging.getLogger(__name__)

IdRole = Qt.ItemDataRole.UserRole + 1
PartnerRole = Qt.ItemDataRole.UserRole + 2
StageRole = Qt.ItemDataRole.UserRole + 3
StageLabelRole = Qt.ItemDataRole.UserRole + 4
ArchivedRole = Qt.ItemDataRole.UserRole + 5
HealthRole = Qt.ItemDataRole.UserRole + 6
SortRole = Qt.ItemDataRole.UserRole + 7
AllianceRole = Qt.ItemDataRole.UserRole + 8
# what the sidebar draws, in one call: (name, partner, stage label, archived, health colour)
PaintRole = Qt.ItemDataRole.UserRole + 9


class AllianceListModel(QAbstractListModel):
    """One row per live alliance (archived ones included; the proxy hides them)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._portfolio: Portfolio | None = None
        self._rows: list[Alliance] = []
        self.health_color: HealthColor = lambda alliance: None

    def set_portfolio(self, portfolio: "Portfolio | None") -> None:
        self.beginResetModel()
        self._portfolio = portfolio
        self._rows = portfolio.alliances() if portfolio else []
        self.health_color = _health_colour(portfolio)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        alliance = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return alliance.name
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [alliance.name, alliance.partner, STAGES.get(alliance.stage, alliance.stage)]
            if alliance.archived_at:
                parts.append(f"archived {alliance.archived_at:%d %b %Y}")
            elif self._portfolio is not None and not self._portfolio.closed:
                status = _status(self._portfolio, alliance)
                if status is not None:
                    parts.append(f"Health: {status.text()}")
                elif self._portfolio.health_computing:
                    parts.append(HEALTH_PENDING)
            return " · ".join(p for p in parts if p)
        if role == IdRole:
            return alliance.id
        if role == PartnerRole:
            return alliance.partner or ""
        if role == StageRole:
            return alliance.stage
        if role == StageLabelRole:
            return STAGES.get(alliance.stage, alliance.stage)
        if role == ArchivedRole:
            return alliance.archived_at is not None
        if role == HealthRole:
            return self.health_color(alliance)
        if role == SortRole:
            return (alliance.name or "").casefold()
        if role == AllianceRole:
            return alliance
        if role == PaintRole:
            return (
                alliance.name,
                alliance.partner or "",
                STAGES.get(alliance.stage, alliance.stage),
                alliance.archived_at is not None,
                self.health_color(alliance),
            )
        return None

    def row_of(self, alliance_id: str) -> int:
        for row, alliance in enumerate(self._rows):
            if alliance.id == alliance_id:
                return row
        return -1

    def apply(self, change: Change) -> None:
        """Bring the rows up to date after a committed edit to alliances."""
        if self._portfolio is None or self._portfolio.closed:
            return
        if change.op in ("added", "restored", "deleted", "reloaded"):
            self._sync_rows()
        for ident in change.ids:
            row = self.row_of(ident)
            if row >= 0:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def _sync_rows(self) -> None:
        """Remove and insert single rows (not a reset), so the view keeps its selection."""
        fresh = self._portfolio.alliances()
        fresh_ids = {a.id for a in fresh}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in fresh_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        known = {a.id for a in self._rows}
        for alliance in fresh:
            if alliance.id not in known:
                row = len(self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.append(alliance)
                self.endInsertRows()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))


class AllianceFilterProxy(QSortFilterProxyModel):
    """Filters by text (name or partner), stage and archived; sorts by name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._stage = ""
        self._show_archived = False
        self.setDynamicSortFilter(True)
        self.setSortRole(SortRole)
        self.sort(0)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_stage(self, stage: str) -> None:
        self._refilter(lambda: setattr(self, "_stage", stage))

    def set_show_archived(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "_show_archived", show))

    @property
    def show_archived(self) -> bool:
        return self._show_archived

    def accepts(self, alliance: "Alliance") -> bool:
        if alliance.archived_at is not None and not self._show_archived:
            return False
        if self._stage and alliance.stage != self._stage:
            return False
        if self._text:
            haystack = f"{alliance.name}\n{alliance.partner}".casefold()
            return self._text in haystack
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.accepts(index.data(AllianceRole))


def _health_colour(portfolio: "Portfolio | None") -> HealthColor:
    """The sidebar dot: the alliance's overall health (insights/health.py), grey without data."""
    if portfolio is None:
        return lambda alliance: None

    def colour(alliance: "Alliance") -> QColor | None:
        if portfolio.closed or alliance.archived_at is not None:
            return None
        if portfolio.health_computing:
            return PENDING_DOT
        status = _status(portfolio, alliance)
        return dot_colour(status.light) if status is not None else None

    return colour


def _status(portfolio: "Portfolio", alliance: "Alliance") -> HealthStatus | None:
    """The alliance's health, or None while it is being worked out or when the file cannot be
    read just now (a vanished share, a failing disk): painting must never fail, and the next
    repaint tries again."""
    if portfolio.health_computing:
        return None  # worked out beside the window; the dots follow when it is done
    try:
        return portfolio.health_status(alliance)
    except database_errors():
        log.warning("Could not read the health of %s", alliance.id, exc_info=True)
        return None
