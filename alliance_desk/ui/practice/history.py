"""The table of past self-assessments of one framework, newest first."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from alliance_desk.insights.practice import Assessment
from alliance_desk.ui.fields import format_date

COLUMNS = ["Date", "Average", "Scored", "Note"]
ROOT = QModelIndex()


class PracticeHistoryModel(QAbstractTableModel):
    """Rows: assessments newest first; columns: date, average score, items scored, note."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Assessment] = []
        self._item_count = 0

    def load(self, assessments: list[Assessment], item_count: int) -> None:
        self.beginResetModel()
        self._rows = list(reversed(assessments))
        self._item_count = item_count
        self.endResetModel()

    def assessment(self, row: int) -> Assessment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, assessment_id: str) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == assessment_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        assessment = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(assessment.assessed_on)
            if column == 1:
                average = assessment.average()
                return "–" if average is None else f"{average:.1f}"
            if column == 2:
                scored = sum(1 for s in assessment.scores.values() if s.value is not None)
                return f"{scored} of {self._item_count}"
            return assessment.note.splitlines()[0] if assessment.note else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return assessment.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
