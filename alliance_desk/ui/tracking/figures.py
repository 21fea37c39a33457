"""Figure strips above the tracking tables: a headline sentence and, where a figure has a
history, a small table of the latest periods (month or quarter).

The numbers come from Portfolio/insights (the same functions the reports use); these widgets
only lay them out.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR

PERIODS_SHOWN = 6
LOW_SHARE = 0.7  # below 70 %: drawn in red
GOOD_SHARE = 0.9


@dataclass(frozen=True)
class FigureRow:
    """One line of a period table: its label and, per period, (text, share for colour)."""

    label: str
    cells: Sequence[tuple[str, float | None]]


class PeriodTableModel(QAbstractTableModel):
    """Periods as columns (latest on the right), figures as rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.periods: list[str] = []
        self.rows: list[FigureRow] = []

    def set_figures(self, periods: list[str], rows: list[FigureRow]) -> None:
        self.beginResetModel()
        self.periods, self.rows = periods, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.periods)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        text, share = self.rows[index.row()].cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if share is None:
                return QColor(HINT_COLOUR)
            if share < LOW_SHARE:
                return QColor(ERROR_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.periods[section]
        return self.rows[section].label


class FigureStrip(QFrame):
    """A headline, an optional Month/Quarter switch and a table of the latest periods."""

    def __init__(self, with_periods: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FigureStrip")
        self.period = "quarter"
        self.on_period: Callable[[], None] | None = None
        self.headline = QLabel()
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(f"color: {HINT_COLOUR};")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.headline)
        text.addWidget(self.detail)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(text, 3)
        self.model = PeriodTableModel(self)
        self.table: QTableView | None = None
        if with_periods:
            switch = QVBoxLayout()
            self.buttons = QButtonGroup(self)
            for number, (key, label) in enumerate((("month", "Month"), ("quarter", "Quarter"))):
                button = QToolButton()
                button.setText(label)
                button.setCheckable(True)
                button.setChecked(key == self.period)
                button.setProperty("segment", True)
                button.setObjectName(f"period_{key}")
                self.buttons.addButton(button, number)
                switch.addWidget(button)
            switch.addStretch(1)
            self.buttons.idClicked.connect(self._period_clicked)
            self.table = QTableView()
            self.table.setModel(self.model)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.table.setShowGrid(False)
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            height = self.table.fontMetrics().height() + 6
            self.table.verticalHeader().setDefaultSectionSize(height)
            self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            cell = self.table.fontMetrics().horizontalAdvance("100 % (10/10)") + 14
            self.table.setMinimumWidth(70 + PERIODS_SHOWN * cell)  # six periods, unclipped
            row.addLayout(switch)
            row.addWidget(self.table, 2)

    def _period_clicked(self, number: int) -> None:
        self.period = ("month", "quarter")[number]
        if self.on_period is not None:
            self.on_period()

    def show_figures(self, headline: str, detail: str = "", periods=(), rows=()) -> None:
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.model.set_figures(list(periods)[-PERIODS_SHOWN:], _last(rows, PERIODS_SHOWN))
        if self.table is not None:
            self.table.setVisible(bool(periods))
            lines = len(self.model.rows)
            header = self.table.horizontalHeader().sizeHint().height()
            self.table.setFixedHeight(
                header + lines * self.table.verticalHeader().defaultSectionSize() + 4
            )

    def cell(self, row: int, column: int) -> str:
        return self.model.data(self.model.index(row, column), Qt.ItemDataRole.DisplayRole)


def _last(rows, count: int) -> list[FigureRow]:
    return [FigureRow(row.label, list(row.cells)[-count:]) for row in rows]


def big(text: str, colour: str | None = None) -> str:
    style = f"font-size:15px; font-weight:600;{f' color:{colour};' if colour else ''}"
    return f"<span style='{style}'>{text}</span>"


def share_colour(share: float | None) -> str | None:
    if share is None:
        return HINT_COLOUR
    if share < LOW_SHARE:
        return ERROR_COLOUR
    return None
