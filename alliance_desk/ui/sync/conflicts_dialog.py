"""The Conflicts dialog: what conflicted in merges, both versions side by side, and restoring
the version that lost with one click (an ordinary edit, on the undo stack)."""

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.changes import Change
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.sync import rows as R
from alliance_desk.sync.conflicts import (
    ConflictView,
    Restoration,
    conflicts,
    restore,
    undo_restore,
    when,
)
from alliance_desk.ui import undo
from alliance_desk.ui.bridge import PortfolioBridge

DIFFERENT = QColor("#fff3bf")
COLUMNS = ["Record", "Kind", "Other version from", "Changed", "State"]


class RestoreVersionCommand(undo.PortfolioCommand):
    """Make a conflict's losing version the current one; undo puts the kept one back."""

    def __init__(self, portfolio: Portfolio, view: ConflictView):
        super().__init__(f"Restore the other version of {view.kind} “{view.label}”")
        self.portfolio = portfolio
        self.view = view
        self.done: Restoration | None = None

    def apply(self) -> None:
        self.done = restore(self.portfolio, self.view)

    def revert(self) -> None:
        undo_restore(self.portfolio, self.done)


class ConflictTableModel(QAbstractTableModel):
    """The conflict-log entries, newest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.views: list[ConflictView] = []

    def set_views(self, views: list[ConflictView]) -> None:
        self.beginResetModel()
        self.views = views
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        view = self.views[index.row()]
        entry = view.entry
        return [
            view.label,
            view.kind.capitalize(),
            view.losing_device,
            when(entry.losing_updated_at),
            "Restored" if view.restored else "Kept in the log",
        ][index.column()]


class ConflictsDialog(QDialog):
    """Lists the conflict log; shows the kept and the other version of the selected entry."""

    def __init__(
        self,
        portfolio: Portfolio,
        bridge: PortfolioBridge,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Conflicts")
        self.resize(980, 620)
        self.portfolio = portfolio
        self.undo_stack = undo_stack
        self.model = ConflictTableModel(self)

        intro = QLabel(
            "When both copies of the portfolio changed the same record, the later change was "
            "kept and the other version was saved here. Restore it if it was the right one; "
            "Undo takes a restore back."
        )
        intro.setWordWrap(True)
        self.list = QTableView()
        self.list.setObjectName("ConflictList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.list.setAlternatingRowColors(True)

        self.heading = QLabel()
        self.heading.setObjectName("SectionHeading")
        self.heading.setWordWrap(True)
        self.compare = QTableWidget(0, 3)
        self.compare.setObjectName("ConflictCompare")
        self.compare.setHorizontalHeaderLabels(["Field", "Kept (current)", "Other version"])
        self.compare.verticalHeader().hide()
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setWordWrap(True)
        header = self.compare.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.restore_button = QPushButton("Restore the other version")
        self.restore_button.setObjectName("RestoreVersion")
        self.restore_button.clicked.connect(self.restore_selected)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.compare, 1)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.restore_button)
        detail_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([220, 380])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.list.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.bridge = bridge
        bridge.changed.connect(self._on_changed)
        self.refresh()

    # --- content -------------------------------------------------------------------------

    def refresh(self) -> None:
        row = max(self.list.currentIndex().row(), 0)
        self.model.set_views(conflicts(self.portfolio))
        if self.model.views:
            self.list.selectRow(min(row, len(self.model.views) - 1))
        self.show_selected()

    def selected(self) -> ConflictView | None:
        row = self.list.currentIndex().row()
        return self.model.views[row] if 0 <= row < len(self.model.views) else None

    def show_selected(self) -> None:
        view = self.selected()
        self.compare.setRowCount(0)
        self.message.clear()
        if view is None:
            self.heading.setText("No conflicts: nothing was lost in any merge.")
            self.restore_button.setEnabled(False)
            return
        entry = view.entry
        self.heading.setText(
            f"{view.kind.capitalize()} “{view.label}”: kept the version from "
            f"{view.winning_device} ({when(entry.winning_updated_at)}); the other version is "
            f"from {view.losing_device} ({when(entry.losing_updated_at)})."
        )
        current = view.current_values()
        rows = [("Deleted", _yes_no(view.current_deleted), _yes_no(view.losing_deleted))]
        for name in view.fields():
            kept, other = current.get(name), view.losing.get(name)
            target = _link_target(entry.table_name, name)
            if target is not None:
                kept, other = self._named(target, kept), self._named(target, other)
            label = _field_label(name) if target is not None else _plain_label(name)
            rows.append((label, kept, other))
        rows.sort(key=lambda row: row[1] == row[2])  # what differs first, in field order
        self.compare.setRowCount(len(rows))
        for i, (name, kept, other) in enumerate(rows):
            differs = kept != other
            for column, value in enumerate((name, _shown(kept), _shown(other))):
                item = QTableWidgetItem(value)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                self.compare.setItem(i, column, item)
        self.compare.resizeRowsToContents()
        if view.restored:
            self.message.setText(f"Restored on {when(entry.restored_at)}.")
        elif view.current is None:
            self.message.setText("The record no longer exists, so this version cannot return.")
        self.restore_button.setEnabled(
            not view.restored and view.current is not None and not self.portfolio.read_only
        )

    def _named(self, model, ident: str | None) -> str | None:
        """A linked record by its name (ids mean nothing to people)."""
        if not ident:
            return None
        record = self.portfolio.get(model, ident, include_deleted=True)
        if record is None:
            return "(not in this portfolio)"
        values = {c.name: getattr(record, c.name) for c in record.__table__.columns}
        return R.label(record.__tablename__, values) or "(unnamed)"

    # --- restoring -----------------------------------------------------------------------

    def restore_selected(self) -> bool:
        view = self.selected()
        if view is None or view.restored:
            return False
        try:
            undo.perform(self.undo_stack, RestoreVersionCommand(self.portfolio, view))
        except (ValidationError, undo.EditFailed) as exc:
            self.message.setText(getattr(exc, "message", str(exc)))
            return False
        self.refresh()
        self.message.setText("Restored. Undo (Ctrl+Z) takes it back.")
        return True

    def _on_changed(self, change: Change) -> None:
        if change.kind == "conflicts" or change.op == "reloaded":
            self.refresh()

    def done(self, result: int) -> None:
        try:
            self.bridge.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def _field_label(name: str) -> str:
    """A link field by what it points at: 'alliance_id' → 'Alliance'."""
    return _plain_label(name.removesuffix("_id"))


def _plain_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _link_target(table_name: str, field: str):
    """The model a link field points at, or None for a plain field."""
    column = R.Base.metadata.tables[table_name].c[field]
    for key in column.foreign_keys:
        kind = R.KIND_OF_TABLE.get(key.column.table.name)
        return kind.model if kind else None
    return None


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, datetime):
        return when(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
