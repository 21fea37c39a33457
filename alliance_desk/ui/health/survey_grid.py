"""The survey grid: one row per respondent, one column per benchmark, typed like a spreadsheet.

Tab moves right, Enter moves down, Delete clears, Ctrl+V pastes a block copied from a
spreadsheet. Each cell is checked as it is typed (a score outside its benchmark's scale, an
unknown stakeholder, a side that is neither ours nor the partner's) and the cell turns red with
the reason as its tooltip; the dialog saves only a grid without problems.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from alliance_desk.models import Benchmark, Stakeholder
from alliance_desk.portfolio_surveys import ResponseEntry
from alliance_desk.ui.fields import ERROR_COLOUR, format_number, parse_number

SIDE_WORDS = {
    "o": "ours", "our": "ours", "ours": "ours", "us": "ours", "we": "ours",
    "p": "partner", "partner": "partner", "partners": "partner", "them": "partner",
}  # fmt: skip
SIDE_LABELS = {"ours": "Ours", "partner": "Partner"}
PROBLEM_FILL = QColor("#fdecea")
MIN_ROWS = 10


@dataclass(frozen=True)
class GridColumn:
    key: str  # "respondent", "side", "team", "comment", or a benchmark id
    header: str
    benchmark: Benchmark | None = None


def grid_columns(benchmarks: Sequence[Benchmark]) -> list[GridColumn]:
    return [
        GridColumn("respondent", "Respondent"),
        GridColumn("side", "Side"),
        GridColumn("team", "Team or function"),
        *(GridColumn(b.id, _short(b.name), b) for b in benchmarks),
        GridColumn("comment", "Comment"),
    ]


def _short(name: str) -> str:
    """Two lines for long benchmark names, so score columns stay narrow."""
    words = name.split()
    if len(name) <= 14 or len(words) < 2:
        return name
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])


def read_side(text: str) -> str | None:
    """'ours' or 'partner' from what was typed ('o', 'p', 'Partner', …); None if neither."""
    return SIDE_WORDS.get(text.strip().casefold())


class SurveyGridModel(QAbstractTableModel):
    """The typed texts of the grid, with a problem per cell where one was found."""

    def __init__(self, people: Sequence[Stakeholder], parent=None):
        super().__init__(parent)
        self.people = {p.name.strip().casefold(): p for p in people}
        self.columns: list[GridColumn] = []
        self.rows: list[dict[str, str]] = [{} for _ in range(MIN_ROWS)]
        self.problems: dict[tuple[int, str], str] = {}

    # --- shape ----------------------------------------------------------------------------------

    def set_benchmarks(self, benchmarks: Sequence[Benchmark]) -> None:
        """Change the score columns; what was typed in columns that stay is kept."""
        self.beginResetModel()
        self.columns = grid_columns(benchmarks)
        keys = {c.key for c in self.columns}
        self.problems = {cell: p for cell, p in self.problems.items() if cell[1] in keys}
        self.endResetModel()

    def ensure_rows(self, count: int) -> None:
        if count > len(self.rows):
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, count - 1)
            self.rows.extend({} for _ in range(count - first))
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.columns[section].header
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            column = self.columns[section]
            if column.benchmark is not None:
                b = column.benchmark
                scale = f"{format_number(b.scale_min)}–{format_number(b.scale_max)}"
                return f"{b.name}: {b.question}\nScale {scale}."
            if column.key == "side":
                return "o or Ours, p or Partner"
            if column.key == "respondent":
                return "A stakeholder's name, or empty for an anonymous answer"
        return None

    # --- cells ----------------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()].key
        text = self.rows[index.row()].get(key, "")
        problem = self.problems.get((index.row(), key))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.DisplayRole and key == "side":
                return SIDE_LABELS.get(read_side(text) or "", text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(PROBLEM_FILL)
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].benchmark:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.set_text(index.row(), index.column(), str(value if value is not None else ""))
        return True

    def set_text(self, row: int, column: int, text: str) -> None:
        """Store what was typed in one cell, check it, and grow the grid at the bottom."""
        key = self.columns[column].key
        text = " ".join(text.split()) if key != "comment" else text.strip()
        self.ensure_rows(row + 1)
        cells = self.rows[row]
        if text:
            cells[key] = text
        else:
            cells.pop(key, None)
        self._check(row, column)
        if self.columns[column].benchmark is not None and text and not cells.get("side"):
            self._default_side(row)
        if row == len(self.rows) - 1 and cells:
            self.ensure_rows(len(self.rows) + 1)  # there is always an empty row to type into
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _default_side(self, row: int) -> None:
        """A row that gets a score takes its side from its stakeholder, else the row above."""
        person = self.people.get(self.rows[row].get("respondent", "").casefold())
        if person is not None and person.side in SIDE_LABELS:
            side = person.side
        elif row > 0 and read_side(self.rows[row - 1].get("side", "")):
            side = read_side(self.rows[row - 1]["side"])
        else:
            side = "ours"
        self.rows[row]["side"] = side

    def _check(self, row: int, column: int) -> None:
        spec = self.columns[column]
        text = self.rows[row].get(spec.key, "")
        problem = _problem(spec, text, self.people) if text else None
        if problem:
            self.problems[(row, spec.key)] = problem
        else:
            self.problems.pop((row, spec.key), None)

    def paste(self, top: int, left: int, block: str) -> None:
        """Paste tab-separated lines (as spreadsheets copy them) from the cell at top/left."""
        lines = block.rstrip("\r\n").splitlines()
        for r, line in enumerate(lines):
            for c, text in enumerate(line.split("\t")):
                if left + c < len(self.columns):
                    self.set_text(top + r, left + c, text)

    # --- results --------------------------------------------------------------------------------

    def problem_list(self) -> list[str]:
        """'Row 3, Trust: 11 is outside the scale 1–10.' for every problem, in grid order."""
        order = {c.key: i for i, c in enumerate(self.columns)}
        result = []
        for (row, key), problem in sorted(
            self.problems.items(), key=lambda p: (p[0][0], order.get(p[0][1], 0))
        ):
            header = self.columns[order[key]].header.replace("\n", " ") if key in order else key
            result.append(f"Row {row + 1}, {header}: {problem}")
        return result

    def entries(self) -> list[ResponseEntry]:
        """The rows with at least one score, as the Portfolio stores them."""
        result = []
        for cells in self.rows:
            scores = {
                c.key: parse_number(cells[c.key])
                for c in self.columns
                if c.benchmark is not None and cells.get(c.key)
            }
            if not scores:
                continue
            person = self.people.get(cells.get("respondent", "").casefold())
            result.append(
                ResponseEntry(
                    side=read_side(cells.get("side", "")) or "ours",
                    team=cells.get("team", ""),
                    stakeholder_id=person.id if person is not None else None,
                    comment=cells.get("comment", ""),
                    scores=scores,
                )
            )
        return result

    def answered_rows(self) -> int:
        return len(self.entries())


def _problem(spec: GridColumn, text: str, people: dict[str, Stakeholder]) -> str | None:
    if spec.benchmark is not None:
        b = spec.benchmark
        scale = f"{format_number(b.scale_min)}–{format_number(b.scale_max)}"
        try:
            value = parse_number(text)
        except ValueError:
            return f"'{text}' is not a number; scores are {scale}."
        if value is None or not b.scale_min <= value <= b.scale_max:
            return f"{text} is outside the scale {scale}."
        return None
    if spec.key == "side" and read_side(text) is None:
        return f"'{text}' is not a side: type o (ours) or p (partner)."
    if spec.key == "respondent" and text.casefold() not in people:
        return f"No stakeholder of this alliance is called '{text}'; leave it empty for anonymous."
    return None


class SurveyGridView(QTableView):
    """Spreadsheet keys: Enter moves down, Delete clears, Ctrl+V pastes a block."""

    def __init__(self, model: SurveyGridModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setAlternatingRowColors(True)

    def grid(self) -> SurveyGridModel:
        return self.model()

    def fit_columns(self) -> None:
        for column, spec in enumerate(self.grid().columns):
            width = 74 if spec.benchmark is not None else 150
            if spec.key == "side":
                width = 80
            self.setColumnWidth(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            if self.state() != QAbstractItemView.State.EditingState:
                self._move_to(current.row() + 1, current.column())
                return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            for index in self.selectedIndexes():
                self.grid().set_text(index.row(), index.column(), "")
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_V:
            if current.isValid():
                self.grid().paste(
                    current.row(), current.column(), QGuiApplication.clipboard().text()
                )
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        """Enter while typing stores the cell and moves down, like a spreadsheet."""
        current = self.currentIndex()
        moving_down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, hint)
        if moving_down and current.isValid():
            self._move_to(current.row() + 1, current.column())

    def _move_to(self, row: int, column: int) -> None:
        self.grid().ensure_rows(row + 1)
        self.setCurrentIndex(self.grid().index(row, column))
