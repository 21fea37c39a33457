"""The record table of a tracking tab: plain rows behind a filter proxy, fast at 30,000 rows.

The model sorts its own list (one Python sort, not a C++ sort calling back into Python for
every comparison); the proxy only filters, with a quick-filter predicate and the words typed
in the filter box, matched against one search text per row computed once. An edit of known
rows patches them in place; anything else reloads.
"""

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR
from alliance_desk.ui.record_tab import (
    MAX_INITIAL_COLUMN_WIDTH,
    NO_ALLIANCE_TEXT,
    Column,
    RecordTable,
    RecordTableModel,
    Row,
    TableSpec,
)

Predicate = Callable[[Row], bool]


class TrackingTableModel(RecordTableModel):
    """Rows of one kind; sorts itself, keeps its sort across reloads, patches edited rows."""

    def __init__(self, columns: list[Column], muted, search: Callable[[Row], str], parent=None):
        super().__init__(columns, muted, parent)
        self.search = search
        self._haystacks: list[str | None] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self.rows = self._ordered(list(rows))
        self._haystacks = [None] * len(self.rows)
        self.endResetModel()

    def haystack(self, index: int) -> str:
        """The row's searchable text, lower-cased, computed the first time it is asked for."""
        text = self._haystacks[index]
        if text is None:
            text = self._haystacks[index] = self.search(self.rows[index]).casefold()
        return text

    def ids(self) -> set[str]:
        return {row.id for row in self.rows}

    def replace_rows(self, fresh: Iterable[Row]) -> None:
        """Put new versions of rows in place (same position, so the view does not jump)."""
        by_id = {row.id: row for row in fresh}
        changed = []
        for index, row in enumerate(self.rows):
            new = by_id.get(row.id)
            if new is not None:
                self.rows[index] = new
                self._haystacks[index] = None
                changed.append(index)
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        positions = {id(row): index for index, row in enumerate(self.rows)}
        ordered = self._ordered(self.rows)
        moved_to = [0] * len(ordered)
        for new, row in enumerate(ordered):
            moved_to[positions[id(row)]] = new
        haystacks = [None] * len(ordered)
        for old, new in enumerate(moved_to):
            haystacks[new] = self._haystacks[old]
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(moved_to[index.row()], index.column()) if index.isValid() else index
            for index in old_indexes
        ]
        self.rows, self._haystacks = ordered, haystacks
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _ordered(self, rows: list[Row]) -> list[Row]:
        if self._sort is None:
            return rows
        column_number, order = self._sort
        column = self.columns[column_number]
        key = column.sort_key or (lambda row: column.display(row).casefold())
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class TrackingProxy(QSortFilterProxyModel):
    """Filters by a quick-filter predicate and by words; sorting is left to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.predicate: Predicate | None = None
        self.words: list[str] = []

    def set_predicate(self, predicate: Predicate | None) -> None:
        self.beginFilterChange()
        self.predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model: TrackingTableModel = self.sourceModel()
        if self.predicate is not None and not self.predicate(model.rows[source_row]):
            return False
        if self.words:
            haystack = model.haystack(source_row)
            return all(word in haystack for word in self.words)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class TrackingTable(RecordTable):
    """A RecordTable of one alliance's records, or of the whole portfolio's; several rows can
    be selected (for bulk status changes and deletes)."""

    def __init__(
        self,
        spec: TableSpec,
        context: UiContext,
        search: Callable[[Row], str],
        parent: QWidget | None = None,
    ):
        self.search_text = search
        self.portfolio_wide = False
        self.wide_column = spec.wide_column
        self.column_caps: dict[str, int] = {}  # header -> widest first width (long prose)
        self.fetch: Callable[[Iterable[str]], list[Row]] | None = None  # rows by id, for patches
        self.own_kind = ""  # the kind of the rows: its edits are patched in place
        self._pending: list[Change] = []
        self.alternate: QWidget | None = None  # another view of the same rows (a matrix)
        self.show_alternate = False
        self._summary: str | None = None
        super().__init__(spec, context, parent)
        self._timer.timeout.disconnect()
        self._timer.timeout.connect(self._apply_pending)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # fitting columns to their cells samples this many rows, not a thousand
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        for signal in (self.model.modelReset, self.model.dataChanged):
            signal.connect(self._forget_summary)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)

    def _make_model(self) -> TrackingTableModel:
        model = TrackingTableModel(self.spec.columns, self.spec.muted, self.search_text, self)
        model._sort = (self.spec.sort_column, self.spec.sort_order)
        return model

    def _make_proxy(self) -> TrackingProxy:
        return TrackingProxy(self)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_state()

    # --- what is listed ----------------------------------------------------------------------

    def set_portfolio_wide(self, wide: bool) -> None:
        self.portfolio_wide = wide
        self._sized = False
        self.refresh()

    def refresh(self) -> None:
        """Load the rows again, keeping the selected records selected."""
        self._pending.clear()
        portfolio = self.context.portfolio
        waiting = not self.portfolio_wide and self.alliance is None
        rows = [] if portfolio.closed or waiting else self.spec.loader(portfolio, self.scope())
        selected = self.selected_ids()
        self.model.set_rows(rows)
        self._show_state()
        if rows and not self._sized:
            self._size_columns()
        if selected:
            self.select_ids(selected)

    def scope(self) -> Alliance | None:
        """The alliance whose rows are listed; None for the whole portfolio."""
        return None if self.portfolio_wide else self.alliance

    def _on_changed(self, change: Change) -> None:
        if change.kind in self.spec.kinds or change.op == "reloaded":
            self._pending.append(change)
            self._timer.start()  # several changes in a row reload once

    def _apply_pending(self) -> None:
        """Patch rows that were edited in place; reload for anything else."""
        changes, self._pending = self._pending, []
        own = self.own_kind
        ids = {i for change in changes for i in change.ids}
        patchable = (
            self.fetch is not None
            and changes
            and all(c.kind == own and c.op == "updated" for c in changes)
            and ids <= self.model.ids()
        )
        if not patchable:
            self.refresh()
            return
        self.model.replace_rows(self.fetch(ids))
        self._show_state()

    # --- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[Row]:
        rows = []
        for index in self.view.selectionModel().selectedRows():
            source = self.proxy.mapToSource(index)
            if source.isValid():
                rows.append(self.model.row(source.row()))
        return rows

    def selected_ids(self) -> list[str]:
        return [row.id for row in self.selected_rows()]

    def select_ids(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = None
        for number, row in enumerate(self.model.rows):
            if row.id in wanted:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                    selection.select(index, flags)
                    first = first or index
        if first is not None:
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def select(self, row_id: str) -> None:
        self.select_ids([row_id])

    def _size_columns(self) -> None:
        """Fit columns to their cells and header words; the wide column takes the rest."""
        self._sized = True
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for section, column in enumerate(self.model.columns):
            if section == self.wide_column:
                continue
            words = max(metrics.horizontalAdvance(line) for line in column.header.split("\n"))
            cells = self.view.sizeHintForColumn(section)
            width = max(cells, words + 22) + 6
            cap = self.column_caps.get(column.header, MAX_INITIAL_COLUMN_WIDTH)
            header.resizeSection(section, min(width, cap))
        self._fit_wide_column()

    # --- the title line ----------------------------------------------------------------------

    def _show_state(self) -> None:
        rows = self.model.rows
        singular, plural = self.spec.noun
        waiting = not self.portfolio_wide and self.alliance is None
        count = "" if waiting else f"{len(rows)} {singular if len(rows) == 1 else plural}"
        if self._summary is None:  # counted once per load, not on every keystroke
            self._summary = self.spec.summary(rows) if self.spec.summary and rows else ""
        extra = self._summary
        shown = self.proxy.rowCount()
        filtered = f"{shown} shown" if rows and shown != len(rows) else ""
        self.count_text = " · ".join(part for part in (count, extra, filtered) if part)
        where = "whole portfolio" if self.portfolio_wide else ""
        heading = self.spec.title + (f" — {where}" if where else "")
        self.title.setText(
            f"<span style='font-size:15px; font-weight:600'>{heading}</span>"
            f"&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{self.count_text}</span>"
        )
        self.filter.setVisible(bool(rows))
        if waiting:
            self.empty.setText(NO_ALLIANCE_TEXT)
        elif not rows:
            owner = "the portfolio" if self.portfolio_wide else self.alliance.name
            self.empty.setText(f"No {plural} recorded for {owner} yet.")
        if not rows:
            self.stack.setCurrentIndex(0)
        elif self.show_alternate and self.alternate is not None:
            self.stack.setCurrentWidget(self.alternate)
        else:
            self.stack.setCurrentIndex(1)

    def _forget_summary(self, *_args) -> None:
        self._summary = None

    def set_alternate(self, widget: QWidget) -> None:
        """Add another view of the rows, shown instead of the table by `toggle_alternate`."""
        self.alternate = widget
        self.stack.addWidget(widget)

    def toggle_alternate(self, shown: bool) -> None:
        self.show_alternate = shown
        self._show_state()

    def visible_count(self) -> int:
        return self.proxy.rowCount()


def row_value(row: Row, name: str, default: Any = None) -> Any:
    """An attribute of a row, or `default` when the row has no such field."""
    return getattr(row, name, default)
