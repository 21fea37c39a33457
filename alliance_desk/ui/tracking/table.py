"""The record table of a tracking tab: plain rows that filter and sort themselves, fast at
30,000 rows.

The model keeps every loaded row in sort order and lists the positions of those the filters let
through. A keystroke in the filter box is one Python pass over search texts computed once (not a
Python call per row from Qt), and the view hears one layout change. Sorting is one Python sort
by keys computed once per sort. The proxy in front passes the rows through as they are. An edit
of known rows patches them in place; anything else reloads.
"""

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import compress
from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR
from alliance_desk.ui.record_tab import (
    NO_ALLIANCE_TEXT,
    SORT_ROLE,
    Column,
    RecordTable,
    RecordTableModel,
    Row,
    TableSpec,
    fit_columns,
    inverse,
    sorted_positions,
)

Predicate = Callable[[Row], bool]

DISPLAY = Qt.ItemDataRole.DisplayRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
ANSWERED = frozenset({DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP, SORT_ROLE.value})
FOUND_KEPT = 12  # searches remembered (lists of positions), for the next letter and Backspace
FIT_ROWS = 200  # columns fit the first rows listed (as Qt would, with this precision)
SEARCH_TEXTS_AHEAD_FROM = 2_000  # rows: a longer list makes its search texts while idle...
SEARCH_TEXTS_PER_PASS = 1_500  # ...this many per pass of the event loop (a few milliseconds)


class TrackingTableModel(RecordTableModel):
    """Rows of one kind; sorts and filters itself, keeps both across reloads, patches edits.

    `rows` holds every loaded row in sort order (equal rows in the order they were loaded, after
    a header click as after a reload); `_positions` where each of them was in the loaded list;
    `shown` the positions in `rows` of the rows the filters let through, ascending. The model's
    row numbers count the shown rows.

    Searches are remembered until the rows, their order or the predicate change: a letter
    typed after a word searches only the rows the shorter word found, and Backspace finds the
    earlier list waiting.
    """

    def __init__(self, columns: list[Column], muted, search: Callable[[Row], str], parent=None):
        super().__init__(columns, muted, parent)
        self.search = search
        self.shown: list[int] = []
        self.predicate: Predicate | None = None
        self.words: list[str] = []
        self._passes: list[bool] | None = None  # the predicate's answer per row
        self._haystacks: list[str] | None = None  # every row's search text, once all are made
        self._made_ahead: list[str] = []  # the first of them, made while the window is idle
        self._ahead = QTimer(self, interval=0)
        self._ahead.timeout.connect(self._make_some_ahead)
        self._found: dict[tuple[str, ...], list[int]] = {}  # words -> positions of their rows

    # --- what Qt asks ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.shown)

    def row(self, index: int) -> Row:
        return self.rows[self.shown[index]]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        # RecordTableModel's answers, for a shown row; painting asks seven roles per cell, so the
        # four without an answer return at once
        if role not in ANSWERED or not index.isValid():
            return None
        row = self.rows[self.shown[index.row()]]
        column = self.columns[index.column()]
        if role == DISPLAY:
            return column.display(row)
        if role == FOREGROUND:
            colour = column.colour(row) if column.colour else None
            if colour is None and self.muted is not None and self.muted(row):
                colour = HINT_COLOUR
            return QColor(colour) if colour else None
        if role == ALIGNMENT:
            return None if column.align is None else int(column.align)
        if role == TOOLTIP:
            text = column.tooltip(row) if column.tooltip else column.display(row)
            return text or None
        return column.sort_key(row) if column.sort_key else column.display(row)  # SORT_ROLE

    # --- loading and patching ----------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        rows = list(rows)
        order = self._order(rows)
        self.rows = rows if order is None else [rows[i] for i in order]
        self._positions = list(range(len(rows))) if order is None else order
        self._drop_haystacks()
        self._passes = self._tested(self.rows)
        self._forget_found()
        self.shown = self._listed()
        self.endResetModel()
        self._make_ahead_if_long()

    def ids(self) -> set[str]:
        return {row.id for row in self.rows}

    def visible_rows(self) -> list[Row]:
        rows = self.rows
        return [rows[position] for position in self.shown]

    def replace_rows(self, fresh: Iterable[Row]) -> None:
        """Put new versions of rows in place (same position, so the view does not jump); a row
        that no longer passes the filters leaves the list."""
        by_id = {row.id: row for row in fresh}
        changed = [p for p, row in enumerate(self.rows) if row.id in by_id]
        if not changed:
            return
        for position in changed:
            row = self.rows[position] = by_id[self.rows[position].id]
            made = self._haystacks if self._haystacks is not None else self._made_ahead
            if position < len(made):
                made[position] = self.search(row).casefold()
            if self._passes is not None:
                self._passes[position] = bool(self.predicate(row))
        self._forget_found()
        shown = self._listed()
        if shown != self.shown:
            self._change_layout(self.rows, shown)
            return
        rows = [r for r in map(self._shown_row, changed) if r is not None]
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last))

    # --- filtering ---------------------------------------------------------------------------

    def set_predicate(self, predicate: Predicate | None) -> None:
        """Show only the rows `predicate` accepts (None: every row)."""
        self.predicate = predicate
        self._passes = self._tested(self.rows)
        self._forget_found()
        self._relist()

    def set_search(self, text: str) -> None:
        """Show only the rows whose search text holds every word of `text`, in any case."""
        words = text.casefold().split()
        if words != self.words:
            self.words = words
            self._relist()

    def _tested(self, rows: list[Row]) -> list[bool] | None:
        predicate = self.predicate
        return None if predicate is None else [bool(predicate(row)) for row in rows]

    def _haystacks_made(self) -> list[str]:
        if self._haystacks is None:
            search, ahead = self.search, self._made_ahead
            rest = self.rows[len(ahead) :]
            self._haystacks = ahead + [search(row).casefold() for row in rest]
            self._stop_ahead()
        return self._haystacks

    def _make_ahead_if_long(self) -> None:
        """A long list makes its search texts while the window is idle, a few thousand per pass
        of the event loop: 30,000 made at once held up the first letter typed for 0.1 s."""
        if self._haystacks is None and len(self.rows) >= SEARCH_TEXTS_AHEAD_FROM:
            self._ahead.start()

    def _make_some_ahead(self) -> None:
        ahead, search = self._made_ahead, self.search
        start = len(ahead)
        end = start + SEARCH_TEXTS_PER_PASS
        ahead += [search(row).casefold() for row in self.rows[start:end]]
        if len(ahead) >= len(self.rows):
            self._haystacks_made()

    def _stop_ahead(self) -> None:
        self._ahead.stop()
        self._made_ahead = []

    def _drop_haystacks(self) -> None:
        self._haystacks = None
        self._stop_ahead()

    def _forget_found(self) -> None:
        """Start the remembered searches again from the rows the predicate lets through."""
        count = len(self.rows)
        passing = range(count) if self._passes is None else compress(range(count), self._passes)
        self._found = {(): list(passing)}

    def _listed(self) -> list[int]:
        """Positions of the rows every filter lets through: one pass over the rows an earlier
        search of fewer letters found (all of them at worst)."""
        words = tuple(self.words)
        found = self._found.pop(words, None)
        if found is None:
            found = min(
                (rows for done, rows in self._found.items() if _narrows(words, done)), key=len
            )
            if words:
                haystacks = self._haystacks_made()
                for word in words:
                    found = [p for p in found if word in haystacks[p]]
            if len(self._found) > FOUND_KEPT:
                del self._found[next(done for done in self._found if done)]  # the oldest
        self._found[words] = found  # the newest, last
        return found

    def _relist(self) -> None:
        shown = self._listed()
        if shown is not self.shown and shown != self.shown:
            self._change_layout(self.rows, shown)

    # --- sorting -----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        if self.words:
            self._haystacks_made()  # in the old order, to be reordered with the rows
        self._stop_ahead()  # those made ahead follow the old order: made again in the new one
        # from the loaded order, as a reload sorts: equal rows never move on a reload
        at = inverse(self._positions)  # loaded position -> position in `rows`
        order = self._order([self.rows[p] for p in at])
        self._positions = list(range(len(at))) if order is None else order
        new_order = [at[p] for p in self._positions]
        moved_to = inverse(new_order)
        if self._haystacks is not None:
            self._haystacks = [self._haystacks[i] for i in new_order]
        if self._passes is not None:
            self._passes = [self._passes[i] for i in new_order]
        rows = [self.rows[i] for i in new_order]
        self._forget_found()
        self._change_layout(rows, self._listed(), moved_to)
        self._make_ahead_if_long()

    def _order(self, rows: list[Row]) -> list[int] | None:
        """The positions of `rows` in the sort order."""
        return sorted_positions(self.columns, rows, self._sort)

    # --- telling the views -------------------------------------------------------------------

    def _change_layout(
        self, rows: list[Row], shown: list[int], moved_to: list[int] | None = None
    ) -> None:
        """Show `shown` of `rows` in one layout change; the selection and the current row follow
        their records (`moved_to`: the old position of each row -> its new one)."""
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        positions = []
        for index in old_indexes:
            position = self.shown[index.row()] if index.isValid() else -1
            positions.append(moved_to[position] if moved_to and position >= 0 else position)
        self.rows, self.shown = rows, shown
        new_indexes = []
        for index, position in zip(old_indexes, positions, strict=True):
            number = self._shown_row(position) if position >= 0 else None
            new_indexes.append(
                QModelIndex() if number is None else self.createIndex(number, index.column())
            )
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _shown_row(self, position: int) -> int | None:
        """The model's row number of the row at `position` in `rows`, if it is shown."""
        number = bisect_left(self.shown, position)
        if number < len(self.shown) and self.shown[number] == position:
            return number
        return None


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
        self._loaded: list[Row] | None = None  # the loader's rows, while nothing changed since
        self.alternate: QWidget | None = None  # another view of the same rows (a matrix)
        self.show_alternate = False
        self._summary: str | None = None
        super().__init__(spec, context, parent)
        self._timer.timeout.disconnect()
        self._timer.timeout.connect(self._apply_pending)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # fitting columns to their cells samples this many rows, not a thousand
        self.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        # every row is one line high: the view never asks 30,000 rows for their height
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for signal in (self.model.modelReset, self.model.dataChanged):
            signal.connect(self._forget_summary)
        self._selected_before = 0
        self.model.layoutAboutToBeChanged.connect(self._count_selected)
        self.model.layoutChanged.connect(self._tell_dropped_selection)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)

    def _make_model(self) -> TrackingTableModel:
        model = TrackingTableModel(self.spec.columns, self.spec.muted, self.search_text, self)
        model._sort = (self.spec.sort_column, self.spec.sort_order)
        return model

    def _make_proxy(self) -> QIdentityProxyModel:
        # the model filters and sorts itself: the proxy passes its rows through, one for one
        return QIdentityProxyModel(self)

    def _search(self, text: str) -> None:
        self.model.set_search(text)
        self._show_state()

    def set_predicate(self, predicate: Predicate | None) -> None:
        """Show only the rows `predicate` accepts (a quick filter, an owner); None: all."""
        self.model.set_predicate(predicate)
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
        self._loaded = None if portfolio.closed or waiting else rows
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

    def loaded_rows(self) -> list[Row] | None:
        """The rows the loader gave for the scope (in its order, filters aside), or None when a
        change arrived since: figures over the same records need not read them again."""
        return None if self._pending else self._loaded

    def rows_current(self) -> bool:
        """True when the rows hold what is stored: no change is waiting to be applied."""
        return not self._pending

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
        self._loaded = None  # some rows were patched: the loader's list is out of date
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
        for number, row in enumerate(self.model.visible_rows()):
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

    def _selected_count(self) -> int:
        return sum(part.height() for part in self.view.selectionModel().selection())

    def _count_selected(self, *_args) -> None:
        self._selected_before = self._selected_count()

    def _tell_dropped_selection(self, *_args) -> None:
        """Selected rows a filter hid leave the selection without Qt saying so: say it."""
        if self._selected_count() != self._selected_before:
            self.view.selectionModel().selectionChanged.emit(QItemSelection(), QItemSelection())

    def _size_columns(self) -> None:
        """Fit columns to their cells and header words; the wide column takes the rest."""
        self._sized = True
        rows = self.model.visible_rows()[:FIT_ROWS]
        fit_columns(self.view, self.model.columns, rows, self.wide_column, self.column_caps)
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
        shown = len(self.model.shown)
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

    def visible_rows(self) -> list[Row]:
        """The records in the order the table shows them (sorted and filtered)."""
        return self.model.visible_rows()

    def visible_count(self) -> int:
        return len(self.model.shown)


def row_value(row: Row, name: str, default: Any = None) -> Any:
    """An attribute of a row, or `default` when the row has no such field."""
    return getattr(row, name, default)


def _narrows(words: tuple[str, ...], done: tuple[str, ...]) -> bool:
    """True if every row holding all of `words` holds all of `done` (each word of `done` is
    part of one of `words`): the rows `done` found include those `words` will find."""
    return all(any(old in word for word in words) for old in done)
