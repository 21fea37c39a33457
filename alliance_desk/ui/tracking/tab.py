"""The tracking tab: a filterable table of one kind of record beside a form for the selected one.

Per alliance or across the whole portfolio. New (Insert, or the Alliance menu's shortcut)
opens a dialog with every field; the side panel edits the selected record field by field;
Delete and "Set status" act on every selected row as one undoable step. Subclasses (one per
kind) give the columns, the form, the quick filters and what a status change implies.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.insights.tracking import DONE_STATUS
from alliance_desk.models import Alliance, Meeting, Tracked
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR
from alliance_desk.ui.record_tab import Column, Row, TableSpec, finished_by_status, text_column
from alliance_desk.ui.tracking.bar import build_bar
from alliance_desk.ui.tracking.commands import DeleteRecordsCommand, status_command
from alliance_desk.ui.tracking.dialogs import NewRecordDialog
from alliance_desk.ui.tracking.figures import FigureStrip
from alliance_desk.ui.tracking.form import Entry, LinkField, RecordForm, Sections
from alliance_desk.ui.tracking.navigation import QuickFilter, find_tab, open_record
from alliance_desk.ui.tracking.panel import RecordPanel
from alliance_desk.ui.tracking.reads import selection_reads
from alliance_desk.ui.tracking.table import TrackingTable
from alliance_desk.ui.undo import EditCommand, EditFailed, PortfolioCommand, perform

ALLIANCE_COLUMN = text_column("Alliance", lambda row: row.alliance_name)
ALL_ALLIANCES = "All alliances"


class TrackingTab(QWidget):
    """Table + side panel for one kind of daily record (see the module docstring)."""

    model: type[Tracked]
    kind: str  # the KINDS key, e.g. "actions"
    title: str  # the tab's title, e.g. "Actions"
    heading: str  # above the table, e.g. "Action items"
    noun: tuple[str, str]
    statuses: dict[str, str]
    new_label = "New"
    new_keys = ""  # the window's shortcut for New, shown in tooltips
    extra_kinds: frozenset[str] = frozenset()
    sort_column = 0
    sort_order = Qt.SortOrder.AscendingOrder
    wide_column = 0
    filters: list[QuickFilter] = []
    split = (420, 300)  # heights of the table and the form below it
    column_caps: dict[str, int] = {"Alliance": 170, "Owner": 180}  # first widths of long columns
    # the panel's form is filled from the table's row of the selected record (its rows hold
    # every column of the model; the record is read when an edit needs it)
    form_from_row = False

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.reads = selection_reads(context)  # before anything listens to the bridge
        self.alliance: Alliance | None = None
        self.read_only = False
        self.dialog: QWidget | None = None
        self.base_columns = self.columns()
        spec = TableSpec(
            title=self.heading,
            noun=self.noun,
            columns=self.base_columns,
            loader=self.load_rows,
            kinds=frozenset({self.kind}) | self.extra_kinds,
            sort_column=self.sort_column,
            sort_order=self.sort_order,
            summary=self.summary,
            muted=finished_by_status,
            wide_column=self.wide_column,
        )
        self.table = TrackingTable(spec, context, self.search)
        self.table.column_caps = dict(self.column_caps)
        self.table.own_kind = self.kind
        self.table.fetch = lambda ids: context.portfolio.tracking_rows(
            self.model, ids=ids, include_archived=True
        )
        self.panel = RecordPanel(self)
        self.figures = self.make_figures()
        self._build()
        self.table.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # a reload re-selects the same rows a moment later: look once it has
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self._selection_changed)
        self.table.model.modelReset.connect(self._selection_timer.start)
        self.table.view.activated.connect(self.panel.focus_form)  # Enter or double-click
        self._figures_timer = QTimer(self, singleShot=True, interval=0)
        self._figures_timer.timeout.connect(self.refresh_figures)
        self._extra_timer = QTimer(self, singleShot=True, interval=0)
        self._extra_timer.timeout.connect(self.panel.refresh_extra)
        context.bridge.changed.connect(self._on_changed)
        self.set_read_only(context.portfolio.read_only)

    # --- for subclasses --------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def sections(self) -> Sections:
        """The form: [(group title, [Entry, ...]), ...]; fresh fields on every call."""
        raise NotImplementedError

    def defaults(self) -> dict[str, Any]:
        """Values a new record starts with (besides its alliance)."""
        return {}

    def search(self, row: Row) -> str:
        """The text the filter box searches."""
        return f"{row.title} {row.alliance_name}"

    def summary(self, rows: list[Row]) -> str:
        return ""

    # None: no figure strip; True/False: a strip with or without the month/quarter choice.
    figure_periods: bool | None = None

    def make_figures(self) -> QWidget | None:
        """A strip of computed figures above the table, or None."""
        if self.figure_periods is None:
            return None
        self.strip = FigureStrip(with_periods=self.figure_periods)
        if self.figure_periods:
            self.strip.on_period = self.refresh_figures
        return self.strip

    def figure_scope(self) -> tuple[bool, Alliance | None]:
        """Whether the strip has anything to cover, and the alliance it covers (None: all).
        With nothing to cover the strip is emptied."""
        scope = self.table.scope()
        if self.context.portfolio.closed or (scope is None and not self.table.portfolio_wide):
            self.strip.show_figures("")
            return False, None
        return True, scope

    def refresh_figures(self) -> None:
        """Recompute the figure strip for what the table lists."""

    def scope_rows(self, scope: Alliance | None) -> list[Row]:
        """This kind's records in `scope` (tracking_rows), for the figure strip: the table's
        when it has just loaded them, else read again."""
        rows = self.table.loaded_rows() if scope is self.table.scope() else None
        if rows is None:
            rows = self.context.portfolio.tracking_rows(self.model, scope.id if scope else None)
        return rows

    def prepare_form(self, form: RecordForm, alliance_id: str | None) -> None:
        """Fill the choices that depend on the data (people, meetings, alliances)."""
        if "alliance_id" in form.entries:
            field = form.field("alliance_id")
            alliances = self.context.portfolio.alliances(include_archived=False)
            field.set_options([(a.id, a.name) for a in alliances])

    def adjust(self, record: Tracked, fields: dict[str, Any]) -> dict[str, Any] | None:
        """The fields to store for an edit in the panel; None when the tab took it over."""
        if "status" in fields:
            fields = {**self.context.portfolio.status_change(record, fields["status"]), **fields}
        return fields

    def header_html(self, record: Tracked) -> str:
        """A line under the record's title in the panel (rich text; links are handled)."""
        return ""

    def extra_panel_widget(self) -> QWidget | None:
        """More of the record under its form (the meeting's attendance), or None."""
        return None

    def load_extra(self, record: Tracked | None) -> None:
        """Show `record` in the extra panel widget."""

    def meeting_of(self, record: Any, meeting_id: str) -> Any:
        """A meeting a record links to, deleted ones too (a row or record with its title,
        held_on and deleted_at, or None): from the meetings read for the selected alliance
        when it is one of them, else read by id."""
        if self.alliance is not None and record.alliance_id == self.alliance.id:
            for meeting in self.reads.meetings(self.alliance.id):
                if meeting.id == meeting_id:
                    return meeting
        return self.context.portfolio.get(Meeting, meeting_id, include_deleted=True)

    def link_activated(self, link: str) -> None:
        """A link in the panel header was clicked ('kind:id')."""
        title, _, ident = link.partition(":")
        open_record(self, title, ident)

    # --- the WorkspaceTab protocol ---------------------------------------------------------

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.alliance = alliance
        shown = self.panel.shown
        self.table.set_alliance(alliance)
        self._fill_alliance_filter()
        self.refresh_figures()
        if not self.table.selected_ids():  # the form below is never an empty space
            rows = self.table.visible_rows()
            if rows:
                self.table.select(self.default_row(rows).id)
        # the panel followed the selection already: the reload's second look is not needed
        self._selection_timer.stop()
        if self.panel.shown == shown:
            self._selection_changed()

    def default_row(self, rows: list[Row]) -> Row:
        """The row selected when an alliance is shown (the first, in the table's order)."""
        return rows[0]

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for action in (self.new_action, self.delete_action, self.done_action):
            action.setEnabled(not read_only)
        self.status_button.setEnabled(not read_only)
        self.panel.set_read_only(read_only)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.new_action = self._action(self.new_label, self.new_record, "Insert")
        keys = f"Insert, or {self.new_keys} anywhere" if self.new_keys else "Insert"
        self.new_action.setToolTip(f"{self.new_label} ({keys})")
        self.delete_action = self._action("Delete", self.delete_selected, "Delete")
        self.delete_action.setToolTip("Delete the selected rows (Delete); Ctrl+Z brings them back")
        done = DONE_STATUS.get(self.kind, "done")
        self.done_label = self.statuses.get(done, done)
        self.done_action = self._action(
            f"Mark {self.done_label.lower()}", lambda: self.bulk_status(done), "Ctrl+D"
        )
        self.table.view.addAction(self.done_action)
        self.table.view.addAction(self.delete_action)
        self.addAction(self.new_action)
        self.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        bar = build_bar(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        table_layout: QVBoxLayout = self.table.layout()
        table_layout.insertLayout(1, bar)
        table_layout.insertWidget(2, self.message)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes(list(self.split))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        if self.figures is not None:
            layout.addWidget(self.figures)
        layout.addWidget(self.splitter, 1)

    def bar_extras(self) -> list[QWidget]:
        """More filter widgets after the quick filters (an owner box, a Matrix button)."""
        return []

    def _action(self, text: str, slot, keys: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    # --- scope and filters -----------------------------------------------------------------

    def load_rows(self, portfolio, alliance: Alliance | None) -> list[Row]:
        if alliance is not None:  # read once per selection, whichever tab asks first
            return self.reads.tracking_rows(self.model, alliance.id)
        return portfolio.tracking_rows(self.model, None)

    def set_portfolio_wide(self, wide: bool) -> None:
        """List the whole portfolio's records (with an Alliance column) or one alliance's."""
        if self.portfolio_box.isChecked() != wide:
            self.portfolio_box.setChecked(wide)  # comes back here through toggled
            return
        if wide == self.table.portfolio_wide:
            return
        model = self.table.model
        column, order = model._sort or (self.sort_column, self.sort_order)
        model.beginResetModel()
        model.columns = ([ALLIANCE_COLUMN] if wide else []) + self.base_columns
        model.endResetModel()
        column = column + 1 if wide else max(column - 1, 0)
        model._sort = (column, order)
        header = self.table.view.horizontalHeader()
        for section in range(len(model.columns)):
            header.setSectionResizeMode(section, header.ResizeMode.Interactive)
        stretch = self.wide_column + (1 if wide else 0)
        header.setSectionResizeMode(stretch, header.ResizeMode.Stretch)
        self.table.wide_column = stretch
        header.setSortIndicator(column, order)
        self.alliance_filter.setVisible(wide)
        self.table.set_portfolio_wide(wide)
        self._fill_alliance_filter()
        self.apply_filters()
        self.refresh_figures()

    def _fill_alliance_filter(self) -> None:
        if not self.table.portfolio_wide:
            return
        current = self.alliance_filter.currentText()
        names = sorted({row.alliance_name for row in self.table.model.rows}, key=str.casefold)
        self.alliance_filter.blockSignals(True)
        self.alliance_filter.clear()
        self.alliance_filter.addItems([ALL_ALLIANCES, *names])
        index = self.alliance_filter.findText(current)
        self.alliance_filter.setCurrentIndex(max(index, 0))
        self.alliance_filter.blockSignals(False)

    def quick_filter(self) -> QuickFilter | None:
        number = self.filter_group.checkedId()
        return self.filters[number] if 0 <= number < len(self.filters) else None

    def set_quick_filter(self, key: str) -> None:
        for number, quick in enumerate(self.filters):
            if quick.key == key:
                self.filter_group.button(number).setChecked(True)
        self.apply_filters()

    def predicates(self) -> list[Callable[[Row], bool]]:
        """Every active filter as a test of one row (subclasses add theirs)."""
        today = clock.today()
        tests = []
        quick = self.quick_filter()
        if quick is not None and quick.test is not None:
            tests.append(lambda row, test=quick.test: test(row, today))
        alliance = self.alliance_filter.currentText()
        if self.table.portfolio_wide and alliance and alliance != ALL_ALLIANCES:
            tests.append(lambda row: row.alliance_name == alliance)
        return tests

    def apply_filters(self) -> None:
        tests = self.predicates()
        predicate = (lambda row: all(test(row) for test in tests)) if tests else None
        self.table.set_predicate(predicate)

    # --- selection and the panel -----------------------------------------------------------

    def selected_records(self) -> list[Tracked]:
        portfolio = self.context.portfolio
        records = [portfolio.get(self.model, ident) for ident in self.table.selected_ids()]
        return [record for record in records if record is not None]

    def _selection_changed(self, *_args) -> None:
        if self.context.portfolio.closed:
            return  # the window is closing the portfolio; this tab is on its way out
        rows = self.table.selected_rows()
        ids = [row.id for row in rows]
        shown = self.panel.shown_record
        if len(ids) == 1 and shown is not None and shown.id == ids[0]:
            self.panel.reload()  # the same record: keep what is being typed
        elif len(ids) == 1 and self.form_from_row and self.table.rows_current():
            self.panel.show_row(rows[0])  # the row holds every column: no second read
        elif len(ids) == 1:
            record = self.context.portfolio.get(self.model, ids[0])
            self.panel.show_record(record)
        elif not ids and self.table.show_alternate and shown is not None:
            pass  # the matrix shows: its pick stays in the form
        else:
            self.panel.show_none(len(ids))

    def _on_changed(self, change: Change) -> None:
        if change.kind not in {self.kind} | self.extra_kinds and change.op != "reloaded":
            return
        self._figures_timer.start()  # a bulk edit announces many changes: count once
        shown = self.panel.shown_record
        if shown is None:
            return
        if change.kind == self.kind and shown.id in change.ids:
            if change.op == "deleted":
                self.panel.show_none(0)
            else:
                self.panel.reload(change.fields if change.op == "updated" else ())
        else:
            self._extra_timer.start()

    def show_record(self, ident: str) -> bool:
        """Select a record, widening the scope and clearing filters if it is not listed."""
        record = self.context.portfolio.get(self.model, ident)
        if record is None:
            return False
        listed = self.alliance is not None and record.alliance_id == self.alliance.id
        if not listed and not self.table.portfolio_wide:
            self.set_portfolio_wide(True)
        self.table._apply_pending()
        if ident not in {row.id for row in self.table.visible_rows()}:
            self.table.filter.clear()
            self.alliance_filter.setCurrentIndex(0)
            if self.filters:
                self.set_quick_filter(self.filters[0].key)
        self.table.select(ident)
        self.table.view.setFocus()
        return True

    # --- commands --------------------------------------------------------------------------

    def save_entry(self, record: Tracked, entry: Entry) -> bool:
        """Store one finished field of the panel's form (undoable), or say why not."""
        field = entry.field
        if self.read_only or self.context.portfolio.closed:
            return False
        try:
            value = field.value()
            fields = entry.fields_for(value)
            fields = {k: v for k, v in fields.items() if getattr(record, k) != v}
            if not fields:
                field.set_value(entry.value_of(record))  # tidy the text (a date typed oddly)
                return True
            fields = self.adjust(record, fields)
            if fields is None:
                return False
            text = f"Change {entry.label.lower()} of “{_short(record.title)}”"
            self.perform(EditCommand(self.context.portfolio, record, text, **fields))
        except ValidationError as error:
            field.show_error(error.message)  # the typed text stays, to be corrected
            return False
        except EditFailed as error:
            field.set_value(entry.value_of(record))
            field.show_error(str(error))
            return False
        field.set_value(entry.value_of(record))
        self.panel.show_header()
        return True

    def perform(self, command: PortfolioCommand) -> None:
        perform(self.context.undo_stack, command)

    def new_record(
        self,
        values: dict[str, Any] | None = None,
        locked: tuple[str, ...] = (),
        note: str = "",
        title: str = "",
    ) -> NewRecordDialog | None:
        """Open the New dialog for the selected alliance (or the one in `values`)."""
        if self.read_only or self.context.portfolio.closed:
            return None
        portfolio = self.context.portfolio
        alliance = self.alliance or next(iter(portfolio.alliances(include_archived=False)), None)
        if alliance is None and not (values or {}).get("alliance_id"):
            self.say("Create an alliance first (Alliance ▸ New alliance, Ctrl+N).", error=True)
            return None
        start = {**self.defaults(), "alliance_id": alliance.id if alliance else None}
        start.update(values or {})
        dialog = NewRecordDialog(
            portfolio,
            self.context.undo_stack,
            self.model,
            self.sections(),
            start,
            title or self.new_label,
            note,
            ("alliance_id", *locked) if locked else (),
            prepare=lambda form: self.prepare_form(form, start.get("alliance_id")),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._created(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, dialog: NewRecordDialog) -> None:
        record = dialog.created
        if record is None:
            return
        self.table._apply_pending()
        if record.id in self.table.model.ids():
            self.show_record(record.id)
        self.say(f"Created “{_short(record.title)}”. Undo with Ctrl+Z.")

    def delete_selected(self) -> None:
        records = self.selected_records()
        if self.read_only or not records:
            return
        command = DeleteRecordsCommand(self.context.portfolio, records)
        if self._try(command, "Could not delete"):
            self.say(f"{command.text()}: done. Undo with Ctrl+Z.")

    def bulk_status(self, status: str) -> None:
        """Move every selected record to `status` as one undoable step."""
        records = [r for r in self.selected_records() if r.status != status]
        if self.read_only or not records:
            return
        label = self.statuses.get(status, status)
        command = status_command(self.context.portfolio, records, status, label)
        if self._try(command, "Could not change the status"):
            self.say(f"{command.text()}.")

    def _try(self, command: PortfolioCommand, what: str) -> bool:
        try:
            self.perform(command)
        except (ValidationError, EditFailed) as error:
            message = error.message if isinstance(error, ValidationError) else str(error)
            self.say(f"{what}: {message}", error=True)
            return False
        return True

    def say(self, text: str, error: bool = False) -> None:
        """An error under the toolbar; other news in the window's status bar."""
        if error:
            self.message.setText(text)
            self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.message.show()
            return
        self.message.hide()
        window = self.window()
        if hasattr(window, "status"):
            window.status(text)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def alliance_entry() -> Entry:
    """The alliance a new record belongs to (only in the New dialog)."""
    return Entry("Alliance", LinkField("alliance_id"), draft_only=True)


__all__ = ["TrackingTab", "QuickFilter", "find_tab", "open_record", "alliance_entry"]
