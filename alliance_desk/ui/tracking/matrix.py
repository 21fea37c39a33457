"""The impact x feasibility matrix: open actions in four quadrants (DOMAIN.md §3, "Act").

Quadrants come from insights.tracking.quadrant (4 or 5 counts as high); each is a list view
over a small model of the rows the Actions table shows, so its filters apply here too.
Double-click (or Enter) on an action selects it in the table.
"""

import html
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListView, QVBoxLayout, QWidget

from alliance_desk import clock
from alliance_desk.insights.status import is_open_action, is_overdue
from alliance_desk.insights.tracking import HIGH_SCORE, QUADRANT_HINTS, QUADRANTS, quadrant
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, format_date
from alliance_desk.ui.record_tab import Row

# (row, column) of each quadrant: impact grows upwards, feasibility to the right
PLACES = {"plan": (0, 1), "do_first": (0, 2), "reconsider": (1, 1), "quick_wins": (1, 2)}
TINTS = {"do_first": "#e8f5e9", "plan": "#e3f2fd", "quick_wins": "#fff8e1", "reconsider": "#f5f5f5"}


class QuadrantModel(QAbstractListModel):
    """The actions of one quadrant, most impact first, then soonest due."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self.show_alliance = False

    def set_rows(self, rows: list[Row], show_alliance: bool) -> None:
        self.beginResetModel()
        self.rows = sorted(
            rows, key=lambda r: (-(r.impact or 0), r.due_date is None, r.due_date or "")
        )
        self.show_alliance = show_alliance
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            due = f" · due {format_date(row.due_date)}" if row.due_date else ""
            where = f"{row.alliance_name}: " if self.show_alliance else ""
            return f"{where}{row.title}  ({row.impact}×{row.feasibility}{due})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Impact {row.impact}, feasibility {row.feasibility}. Double-click to open."
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and is_overdue(
            row.due_date, row.status, clock.today()
        ):
            return QColor(ERROR_COLOUR)
        return None


class MatrixView(QWidget):
    """Four quadrant lists with the axes named; `activated(id)` opens an action."""

    def __init__(
        self,
        activated: Callable[[str], None],
        picked: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ):
        """`activated(id)` on double-click or Enter; `picked(id)` when an action is clicked."""
        super().__init__(parent)
        self.activated = activated
        self.picked = picked
        self.models: dict[str, QuadrantModel] = {}
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for key, (row, column) in PLACES.items():
            box = QGroupBox()
            box.setStyleSheet(f"QGroupBox {{ background: {TINTS[key]}; }}")
            model = QuadrantModel(self)
            view = QListView()
            view.setModel(model)
            view.setObjectName(f"quadrant_{key}")
            view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
            view.setWordWrap(True)
            if picked is not None:
                view.clicked.connect(self._clicked)
            view.activated.connect(
                lambda index: self.activated(index.data(Qt.ItemDataRole.UserRole))
            )
            hint = QLabel(QUADRANT_HINTS[key])
            hint.setStyleSheet(f"color: {HINT_COLOUR};")
            inner = QVBoxLayout(box)
            inner.addWidget(hint)
            inner.addWidget(view, 1)
            grid.addWidget(box, row, column)
            self.models[key] = model
            self.boxes[key] = box
        impact = QLabel("Impact ↑\n(4–5: high)")
        impact.setAlignment(Qt.AlignmentFlag.AlignCenter)
        impact.setStyleSheet(f"color: {HINT_COLOUR};")
        grid.addWidget(impact, 0, 0, 2, 1)
        feasibility = QLabel(
            f"Feasibility →  (harder on the left, easier on the right; {HIGH_SCORE}–5: easy)"
        )
        feasibility.setAlignment(Qt.AlignmentFlag.AlignCenter)
        feasibility.setStyleSheet(f"color: {HINT_COLOUR};")
        grid.addWidget(feasibility, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.unscored = QLabel()
        self.unscored.setWordWrap(True)
        self.unscored.setStyleSheet(f"color: {HINT_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addWidget(self.unscored)

    def _clicked(self, index) -> None:
        if self.picked is not None:
            self.picked(index.data(Qt.ItemDataRole.UserRole))

    def show_rows(self, rows: list[Row], show_alliance: bool = False) -> None:
        """Place the open actions among `rows`; unscored ones are counted below."""
        placed: dict[str, list[Row]] = {key: [] for key in QUADRANTS}
        unscored = 0
        for row in rows:
            if not is_open_action(row.status):
                continue
            where = quadrant(row.impact, row.feasibility)
            if where is None:
                unscored += 1
            else:
                placed[where].append(row)
        for key, model in self.models.items():
            model.set_rows(placed[key], show_alliance)
            title = f"{QUADRANTS[key]} ({len(placed[key])})"
            self.boxes[key].setTitle(title)
        self.unscored.setText(
            f"{unscored} open action{'s' if unscored != 1 else ''} without both scores "
            "(give impact and feasibility in the form to place them)."
            if unscored
            else "Every open action is scored."
        )

    def titles(self, key: str) -> list[str]:
        """The titles listed in a quadrant (for tests)."""
        return [html.unescape(row.title) for row in self.models[key].rows]
