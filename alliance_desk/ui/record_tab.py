"""Read-only record lists: a table model fed by a column spec, and the tab that shows it.

A `RecordTable` loads plain records through a loader (a Portfolio query), shows them in a
sortable, filterable table and reloads when the bridge reports a change of a kind it lists.
A `RecordTab` stacks one or more of them for the selected alliance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from math import ceil
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.changes import Change
from alliance_desk.insights.status import is_finished, is_overdue
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, format_date, format_number

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio


SORT_ROLE = Qt.ItemDataRole.UserRole
NO_ALLIANCE_TEXT = "Select an alliance on the left, or create one with Ctrl+N."
MAX_INITIAL_COLUMN_WIDTH = 260
MIN_WIDE_COLUMN_WIDTH = 240  # the title or name column, when space is short
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
CENTRED = int(CENTRE)
HEADER_TEXT = Qt.ItemDataRole.DisplayRole.value
HEADER_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
HORIZONTAL = Qt.Orientation.Horizontal

Row = Any
Loader = Callable[["Portfolio", "Alliance | None"], list[Row]]


@dataclass(frozen=True)
class Column:
    """One column: its header, the text shown, and optionally how it sorts and is coloured.

    `sort_key` must return one type per column (str, int or float), never None, so that rows
    compare; without it the column sorts by its text, ignoring case.
    """

    header: str
    display: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    align: Qt.AlignmentFlag | None = None
    colour: Callable[[Row], str | None] | None = None
    tooltip: Callable[[Row], str] | None = None


# --- column builders ------------------------------------------------------------------------


def text_column(header: str, value: Callable[[Row], Any]) -> Column:
    def display(row: Row) -> str:
        text = value(row)
        return "" if text is None else " ".join(str(text).split())  # one line in a cell

    return Column(header, display, sort_key=lambda row: display(row).casefold())


def choice_column(header: str, value: Callable[[Row], str], vocabulary: dict[str, str]) -> Column:
    """A stored choice shown by its label; sorts in the vocabulary's order (Open before Done)."""
    order = {key: index for index, key in enumerate(vocabulary)}
    return Column(
        header,
        lambda row: vocabulary.get(value(row), value(row) or ""),
        sort_key=lambda row: order.get(value(row), len(order)),
    )


def date_column(
    header: str,
    value: Callable[[Row], date | None],
    overdue: Callable[[Row], bool] | None = None,
) -> Column:
    """A date like '12 Mar 2026'; red with a tooltip where `overdue(row)` says so."""
    return Column(
        header,
        lambda row: format_date(value(row)),
        sort_key=lambda row: value(row).isoformat() if value(row) else "",
        colour=(lambda row: ERROR_COLOUR if overdue(row) else None) if overdue else None,
        tooltip=(lambda row: "Overdue" if overdue(row) else "") if overdue else None,
    )


def number_column(
    header: str,
    value: Callable[[Row], float | int | None],
    text: Callable[[Row], str] | None = None,
    align: Qt.AlignmentFlag = CENTRE,
) -> Column:
    """A number (centred: counts and 1-5 scores; pass RIGHT for amounts); blanks sort first."""
    return Column(
        header,
        text or (lambda row: format_number(value(row))),
        sort_key=lambda row: float("-inf") if value(row) is None else float(value(row)),
        align=align,
    )


def overdue_by_status(row: Row) -> bool:
    """For records with `due_date` and `status`: past due and not finished."""
    return is_overdue(row.due_date, row.status, clock.today())


def finished_by_status(row: Row) -> bool:
    return is_finished(row.status)


# --- the model ------------------------------------------------------------------------------


def inverse(order: Sequence[int]) -> list[int]:
    """For a new order given as the old position of each row: each old position's new one."""
    moved_to = [0] * len(order)
    for new, old in enumerate(order):
        moved_to[old] = new
    return moved_to


def sorted_positions(
    columns: Sequence[Column], rows: Sequence[Row], sort: tuple[int, Qt.SortOrder] | None
) -> list[int] | None:
    """The positions of `rows` in the order `sort` (a column's number, an order) asks for, or
    None for no sort: a stable sort by one key per row (a QSortFilterProxyModel asks the model
    for two keys per comparison, about 8,000 Python calls for 643 rows)."""
    if sort is None:
        return None
    number, order = sort
    column = columns[number]
    key = column.sort_key or (lambda row: column.display(row).casefold())
    keys = [key(row) for row in rows]
    descending = order == Qt.SortOrder.DescendingOrder
    return sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)


class RecordTableModel(QAbstractTableModel):
    """Rows of plain records shown through a column spec; nothing is copied into Qt items."""

    def __init__(
        self,
        columns: Sequence[Column],
        muted: Callable[[Row], bool] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.muted = muted  # rows drawn grey: finished records
        self.rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None  # set by `sort`
        self._loaded: list[Row] = []  # as loaded: each sort starts from this order
        self._positions: list[int] = []  # where each of `rows` is in `_loaded`

    def set_rows(self, rows: Iterable[Row]) -> None:
        self._loaded = list(rows)
        self.beginResetModel()
        self._put_in_order()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows in a column's order (column -1: as loaded), the selection on its
        records. Equal rows keep the order they were loaded in, after a click as after a
        reload, so a reload never moves them (Qt's own proxy sorted a click from the order
        shown, a reload from the loaded one). Only RecordTable's proxy asks for this
        (SourceSorted); other proxies over this model sort themselves."""
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        before = self._positions
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        self._put_in_order()
        moved_to = inverse(self._positions)  # loaded position -> new row
        new_indexes = [
            self.index(moved_to[before[index.row()]], index.column()) if index.isValid() else index
            for index in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _put_in_order(self) -> None:
        order = sorted_positions(self.columns, self._loaded, self._sort)
        self._positions = list(range(len(self._loaded))) if order is None else order
        self.rows = [self._loaded[i] for i in self._positions]

    def row(self, index: int) -> Row:
        return self.rows[index]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.display(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(row) if column.colour else None
            if colour is None and self.muted is not None and self.muted(row):
                colour = HINT_COLOUR
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip:
                return column.tooltip(row) or None
            return column.display(row) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        # asked a few hundred times after each reset: the role is compared as a number first
        if role == HEADER_TEXT:
            return self.columns[section].header if orientation == HORIZONTAL else None
        if role == HEADER_ALIGNMENT and orientation == HORIZONTAL:
            if self.columns[section].align == CENTRE:
                return CENTRED  # right-aligned header text would run under the sort arrow
        return None


# --- the widgets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpec:
    """What a RecordTable shows: where rows come from, their columns, when to reload."""

    title: str
    noun: tuple[str, str]  # ("action", "actions")
    columns: Sequence[Column]
    loader: Loader
    kinds: frozenset[str]  # Change kinds that can alter the rows
    sort_column: int = 0
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    summary: Callable[[list[Row]], str] | None = None  # e.g. "3 overdue"
    needs_alliance: bool = True
    muted: Callable[[Row], bool] | None = None  # finished records, drawn grey
    stretch: int = 1  # share of the height when a tab stacks several tables
    wide_column: int = 0  # the column (usually the title) that takes the spare width
    row_id: Callable[[Row], str] = lambda row: getattr(row, "id", "")


class SourceSorted(QSortFilterProxyModel):
    """Filters as Qt does, and leaves sorting to the model under it (RecordTableModel.sort),
    which keys each row once: the Dashboard's 643 pending decisions fill in about 1 ms, not 45."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class RecordTable(QWidget):
    """A titled, sortable, filterable table of records with a count and an empty state."""

    def __init__(self, spec: TableSpec, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.context = context
        self.alliance: Alliance | None = None
        self._sized = False

        self.model = self._make_model()
        self.proxy = self._make_proxy()
        self.proxy.setSourceModel(self.model)

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setFixedWidth(220)
        self.filter.textChanged.connect(self._search)
        self.view = _table_view(self.proxy)
        self.view.horizontalHeader().setSectionResizeMode(
            spec.wide_column, QHeaderView.ResizeMode.Stretch
        )
        self.view.sortByColumn(spec.sort_column, spec.sort_order)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 14px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self._stale = False  # a change arrived while on a hidden page: reload when shown
        context.bridge.changed.connect(self._on_changed)
        self.refresh()

    def _make_model(self) -> RecordTableModel:
        return RecordTableModel(self.spec.columns, self.spec.muted, self)

    def _make_proxy(self) -> QSortFilterProxyModel:
        """The model sorts itself; the filter box matches any column's text."""
        proxy = SourceSorted(self)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)
        return proxy

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.alliance = alliance
        self._sized = False  # fit the columns to the new alliance's rows
        self.filter.clear()
        self.refresh()

    def refresh(self) -> None:
        """Load the rows again, keeping the selected record selected."""
        self._stale = False
        portfolio = self.context.portfolio
        if portfolio.closed or (self.spec.needs_alliance and self.alliance is None):
            rows = []
        else:
            rows = self.spec.loader(portfolio, self.alliance)
        selected = self._selected_id()
        self.model.set_rows(rows)
        self._show_state()
        if rows and not self._sized:
            self._size_columns()
        if selected:
            self.select(selected)

    def visible_rows(self) -> list[Row]:
        """The records in the order the table shows them (sorted and filtered)."""
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def _on_changed(self, change: Change) -> None:
        if change.kind in self.spec.kinds or change.op == "reloaded":
            self.refresh_soon()

    def refresh_soon(self) -> None:
        """Reload once the current event is done, or, behind another tab, when next shown (the
        Dashboard's reload costs 0.6 s at 300 alliances). Several calls in a row reload once."""
        if on_shown_page(self):
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.refresh()  # before the first paint, so stale rows never show
        super().showEvent(event)

    def _show_state(self) -> None:
        """The count beside the title, and the table or a sentence saying why it is empty."""
        rows = self.model.rows
        singular, plural = self.spec.noun
        waiting = self.spec.needs_alliance and self.alliance is None
        count = "" if waiting else f"{len(rows)} {singular if len(rows) == 1 else plural}"
        extra = self.spec.summary(rows) if self.spec.summary and rows else ""
        self.count_text = f"{count} · {extra}" if extra else count
        self.title.setText(
            f"<span style='font-size:15px; font-weight:600'>{self.spec.title}</span>"
            f"&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{self.count_text}</span>"
        )
        self.filter.setVisible(bool(rows))
        if waiting:
            self.empty.setText(NO_ALLIANCE_TEXT)
        elif not rows:
            owner = self.alliance.name if self.alliance is not None else "this portfolio"
            self.empty.setText(f"No {plural} recorded for {owner} yet.")
        self.stack.setCurrentIndex(1 if rows else 0)

    def _size_columns(self) -> None:
        """Fit columns to the texts of the first rows shown and to their header words (Qt's
        own fit asks the model for seven roles of each cell, and reserves room for the sort
        arrow in every header, which makes short columns far too wide)."""
        self._sized = True
        rows = self.visible_rows()[: self.view.horizontalHeader().resizeContentsPrecision()]
        fit_columns(self.view, self.spec.columns, rows, self.spec.wide_column)
        self._fit_wide_column()

    def _fit_wide_column(self) -> None:
        """The wide column takes the room the others leave, but never less than a readable
        width: when the others leave too little, it keeps that width and the table scrolls."""
        header = self.view.horizontalHeader()
        wide = getattr(self, "wide_column", self.spec.wide_column)
        if not 0 <= wide < header.count():
            return
        others = sum(header.sectionSize(s) for s in range(header.count()) if s != wide)
        room = self.view.viewport().width() if self.view.isVisible() else 900
        if room - others < MIN_WIDE_COLUMN_WIDTH:
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(wide, MIN_WIDE_COLUMN_WIDTH)
        else:
            header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._sized:
            self._fit_wide_column()

    def _selected_id(self) -> str:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return ""
        source = self.proxy.mapToSource(indexes[0])
        return self.spec.row_id(self.model.row(source.row())) if source.isValid() else ""

    def select(self, row_id: str) -> None:
        """Select the row of the record with this id, if it is listed."""
        for number, row in enumerate(self.model.rows):
            if self.spec.row_id(row) == row_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                self.view.selectRow(index.row())
                return


class RecordTab(QWidget):
    """A workspace tab of read-only record tables for the selected alliance."""

    def __init__(self, specs: Sequence[TableSpec], context: UiContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.tables = [RecordTable(spec, context) for spec in specs]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        if len(self.tables) == 1:
            layout.addWidget(self.tables[0])
        else:
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.setChildrenCollapsible(False)
            for index, table in enumerate(self.tables):
                splitter.addWidget(table)
                splitter.setStretchFactor(index, table.spec.stretch)
            splitter.setSizes([table.spec.stretch * 1000 for table in self.tables])
            layout.addWidget(splitter)

    @property
    def table(self) -> RecordTable:
        return self.tables[0]

    def set_alliance(self, alliance: Alliance | None) -> None:
        for table in self.tables:
            table.set_alliance(alliance)

    def set_read_only(self, read_only: bool) -> None:
        """Nothing to do yet: these lists do not edit."""


FIT_ROWS = 60


def on_shown_page(widget: QWidget) -> bool:
    """False while `widget` sits on a page that was hidden (another tab, another page of a
    stack): work for it can wait for its showEvent. A window not shown yet counts as shown."""
    while widget is not None and not widget.isWindow():
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and (
            widget.isHidden()
        ):
            return False
        widget = widget.parentWidget()
    return True


def _table_view(model: QSortFilterProxyModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    # Fitting a column reads its first FIT_ROWS cells, not all of them (Qt reads up to 1,000:
    # 300 alliances x 12 columns cost half a second of Python data() calls).
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


# --- fitting columns to their texts ---------------------------------------------------------


def fit_columns(
    view: QAbstractItemView,
    columns: list[Column],
    rows: list[Row],
    wide_column: int,
    caps: dict[str, int] | None = None,
) -> None:
    """Fit each column but the wide one to its cells in `rows` and its header words (plus room
    for the sort arrow), at most its cap (by header) or MAX_INITIAL_COLUMN_WIDTH."""
    header = view.horizontalHeader()
    cells = _CellWidths(view)
    words = _measured(header.font(), integral=True)
    metrics = None
    for section, column in enumerate(columns):
        if section == wide_column:
            continue  # it takes whatever room the others leave
        lines = column.header.split("\n")
        if any(line not in words for line in lines):
            metrics = metrics or header.fontMetrics()
            for line in lines:
                words[line] = metrics.horizontalAdvance(line)
        width = max(
            cells.widest({column.display(row) for row in rows}), max(map(words.get, lines)) + 22
        )
        cap = (caps or {}).get(column.header, MAX_INITIAL_COLUMN_WIDTH)
        header.resizeSection(section, min(width + 6, cap))


def cells_width(view: QAbstractItemView, texts: Iterable[str]) -> int:
    """The width Qt's sizeHintForColumn gives cells showing `texts` on one line (plain text, no
    icon, no grid), measured here: Qt asks each cell's delegate for a size, seven roles a cell."""
    return _CellWidths(view).widest(texts)


class _CellWidths:
    """cells_width for several columns of one view: the font and margins looked up once."""

    def __init__(self, view: QAbstractItemView):
        self.font = view.font()
        self.measured = _measured(self.font)
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
        self.margins = 2 * (margin + 1)

    def widest(self, texts: Iterable[str]) -> int:
        texts = texts if isinstance(texts, set | frozenset | list | tuple) else list(texts)
        measured = self.measured
        missing = [text for text in texts if text not in measured]
        if missing:
            metrics = QFontMetricsF(self.font)
            for text in missing:
                measured[text] = metrics.horizontalAdvance(text)
        return ceil(max((measured[text] for text in texts), default=0.0)) + self.margins


_WIDTHS: dict[tuple[str, bool], dict[str, float]] = {}  # font -> text -> its width
WIDTHS_KEPT = 50_000  # texts remembered per font before starting afresh


def _measured(font: QFont, integral: bool = False) -> dict[str, float]:
    """The widths of texts measured in `font` so far (`integral`: by QFontMetrics, in whole
    pixels): the same texts come back (statuses, dates, owners, headers) as alliances are
    selected one after another."""
    widths = _WIDTHS.setdefault((font.key(), integral), {})
    if len(widths) > WIDTHS_KEPT:
        widths.clear()
    return widths
