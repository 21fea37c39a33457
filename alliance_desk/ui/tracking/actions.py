"""The Actions tab: action items with owner, due date, source, impact and feasibility.

Quick filters: open, mine (owned by the portfolio's owner), overdue, due in 7 days; an owner
box; the impact x feasibility matrix as a second view of the same filtered rows.
"""

import html
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QToolButton, QVBoxLayout

from alliance_desk import clock
from alliance_desk.insights.status import is_open_action, is_overdue
from alliance_desk.insights.tracking import QUADRANTS, is_due_soon, quadrant
from alliance_desk.models import ActionItem, Stakeholder, SurveyRound, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.ui.fields import ChoiceField, DateField, LineField, TextField, format_date
from alliance_desk.ui.record_tab import Column, Row, choice_column, date_column, number_column
from alliance_desk.ui.tracking.columns import due_column, due_html, owner_text
from alliance_desk.ui.tracking.form import (
    BELOW,
    Entry,
    LinkField,
    OwnerField,
    RecordForm,
    ScoreField,
)
from alliance_desk.ui.tracking.matrix import MatrixView
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab, alliance_entry
from alliance_desk.ui.undo import EditCommand, EditFailed

ANY_OWNER = "Any owner"
ROUND_SOURCES = ("survey", "health_review")


def _open(row: Row, _today) -> bool:
    return is_open_action(row.status)


class ActionsTab(TrackingTab):
    model = ActionItem
    form_from_row = True
    kind = "actions"
    title = "Actions"
    heading = "Action items"
    noun = ("action", "actions")
    statuses = choices.ACTION_STATUSES
    new_label = "New action"
    new_keys = "Ctrl+Shift+A"
    extra_kinds = frozenset({"stakeholders", "alliances", "meetings", "portfolio_info"})
    sort_column = 3
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter("open", "Open", _open, "Open or in progress"),
        QuickFilter("mine", "Mine", None, "Owned by you (the portfolio's owner)"),
        QuickFilter(
            "overdue",
            "Overdue",
            lambda row, today: is_overdue(row.due_date, row.status, today),
            "Past their due date and not done",
        ),
        QuickFilter(
            "soon",
            "Due in 7 days",
            lambda row, today: is_due_soon(row.due_date, row.status, today),
            "Due from today up to a week ahead",
        ),
    ]

    def __init__(self, context, parent=None):
        self._owners: dict[str, tuple[str | None, str]] = {}  # shown text -> (id, name)
        self._origins: dict[str, str] = {}  # meeting or round id -> "meeting" / "round"
        self._people = None  # the people index the owner lists below were made from
        self._people_owners: dict[str, tuple[str | None, str]] = {}
        self._people_names: list[str] = []
        self._people_by_id: dict = {}
        super().__init__(context, parent)
        self.matrix = MatrixView(
            self.show_record,
            lambda ident: self.panel.show_record(context.portfolio.get(ActionItem, ident)),
        )
        self.table.set_alternate(self.matrix)
        self._matrix_timer = QTimer(self, singleShot=True, interval=0)
        self._matrix_timer.timeout.connect(self._fill_matrix)
        proxy = self.table.proxy
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted):
            signal.connect(self._matrix_timer.start)
        for signal in (proxy.rowsRemoved, proxy.dataChanged):
            signal.connect(self._matrix_timer.start)

    # --- table -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        return [
            Column(
                "Action",
                lambda row: " ".join(row.title.split()),
                sort_key=lambda row: row.title.casefold(),
            ),
            Column(
                "Owner",
                owner_text,
                sort_key=lambda row: owner_text(row).casefold(),
                tooltip=lambda row: (
                    "This stakeholder was deleted; Undo brings them back"
                    if getattr(row, "owner_removed", False)
                    else owner_text(row)
                ),
            ),
            choice_column("Side", lambda row: row.side, choices.ACTION_SIDES),
            due_column(),
            choice_column("Status", lambda row: row.status, choices.ACTION_STATUSES),
            date_column("Completed", lambda row: row.completed_on),
            choice_column("Source", lambda row: row.source, choices.ACTION_SOURCES),
            number_column("Impact", lambda row: row.impact),
            number_column("Feasibility", lambda row: row.feasibility),
        ]

    def search(self, row: Row) -> str:
        return f"{row.title} {owner_text(row)} {row.alliance_name} {row.description}"

    def summary(self, rows: list[Row]) -> str:
        today = clock.today()
        counts = [
            (sum(1 for r in rows if is_open_action(r.status)), "open"),
            (sum(1 for r in rows if is_overdue(r.due_date, r.status, today)), "overdue"),
            (sum(1 for r in rows if is_due_soon(r.due_date, r.status, today)), "due this week"),
        ]
        return " · ".join(f"{n} {words}" for n, words in counts if n)

    def bar_extras(self) -> list:
        self.owner_filter = QComboBox()
        self.owner_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner_filter.setMinimumContentsLength(16)
        self.owner_filter.setToolTip("Show one owner's actions")
        self.owner_filter.addItem(ANY_OWNER)
        self.owner_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table.model.modelReset.connect(self._fill_owner_filter)
        self.matrix_button = QToolButton()
        self.matrix_button.setText("Matrix")
        self.matrix_button.setCheckable(True)
        self.matrix_button.setToolTip("Open actions by impact and feasibility, in four quadrants")
        self.matrix_button.toggled.connect(self.show_matrix)
        return [self.owner_filter, self.matrix_button]

    def _fill_owner_filter(self) -> None:
        current = self.owner_filter.currentText()
        names = sorted({owner_text(r) for r in self.table.model.rows} - {""}, key=str.casefold)
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItems([ANY_OWNER, *names])
        self.owner_filter.setCurrentIndex(max(self.owner_filter.findText(current), 0))
        self.owner_filter.blockSignals(False)

    def predicates(self) -> list:
        tests = super().predicates()
        quick = self.quick_filter()
        if quick is not None and quick.key == "mine":
            me = self.context.portfolio.info.owner_name.strip().casefold()
            if not me:
                QTimer.singleShot(0, self.ask_who_i_am)
            tests.append(lambda row: bool(me) and owner_text(row).casefold() == me)
        owner = self.owner_filter.currentText()
        if owner and owner != ANY_OWNER:
            tests.append(lambda row: owner_text(row) == owner)
        return tests

    def show_matrix(self, shown: bool) -> None:
        if self.matrix_button.isChecked() != shown:
            self.matrix_button.setChecked(shown)
            return
        self.table.toggle_alternate(shown)
        self._fill_matrix()

    def _fill_matrix(self) -> None:
        if self.table.show_alternate:
            self.matrix.show_rows(self.table.visible_rows(), self.table.portfolio_wide)

    def show_record(self, ident: str) -> bool:
        if self.table.show_alternate:
            self.show_matrix(False)
        return super().show_record(ident)

    # --- the form --------------------------------------------------------------------------

    def sections(self):
        return [
            (
                "The action",
                [
                    alliance_entry(),
                    Entry("Title", LineField("title", placeholder="What is to be done")),
                    Entry("Description", TextField("description", lines=5)),
                ],
            ),
            (
                "Who and when",
                [
                    Entry(
                        "Owner",
                        OwnerField("owner", hint="Pick a stakeholder, or type any name."),
                        names=("owner_id", "owner_name"),
                        show=self._owner_shown,
                        store=self._owner_stored,
                    ),
                    Entry("Side", ChoiceField("side", choices.ACTION_SIDES)),
                    Entry("Due", DateField("due_date")),
                    Entry("Status", ChoiceField("status", choices.ACTION_STATUSES)),
                    Entry("Completed", DateField("completed_on", hint="Set when marked done.")),
                ],
            ),
            (
                "Where it came from",
                [
                    Entry("Source", ChoiceField("source", choices.ACTION_SOURCES)),
                    Entry("From", LinkField("source_id", hint="The meeting or survey round.")),
                    Entry(
                        "Improves", LinkField("benchmark_id", hint="The benchmark it should move.")
                    ),
                ],
            ),
            (
                "Priority",
                [
                    Entry("Impact", ScoreField("impact")),
                    Entry("Feasibility", ScoreField("feasibility")),
                ],
                BELOW,
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"status": "open", "side": "ours", "source": "other"}

    def prepare_form(self, form: RecordForm, alliance_id: str | None) -> None:
        super().prepare_form(form, alliance_id)
        portfolio = self.context.portfolio
        self._follow_people()
        self._owners = dict(self._people_owners)
        form.field("owner").set_people(self._people_names)
        every = portfolio.benchmarks(include_retired=True)  # an old action may name a retired one
        benchmarks = sorted(every, key=lambda b: b.name.casefold())
        form.field("benchmark_id").set_options([(b.id, b.name) for b in benchmarks])
        if form is not self.panel.form:  # the panel's follows the loaded action (load_extra)
            self._fill_origins(form, alliance_id)
        if not getattr(form, "_source_hooked", False):
            form._source_hooked = True
            form.field("source").committed.connect(
                lambda: self._fill_origins(form, self._form_alliance(form, alliance_id))
            )

    def _follow_people(self) -> None:
        """The owner lists, made again from the people index only when the people changed."""
        people = self.context.portfolio.people_index()  # the same list until then
        if people is not self._people:
            self._people = people
            self._people_owners = {p.name.casefold(): (p.id, p.name) for p in people}
            self._people_names = [p.name for p in people]
            self._people_by_id = {p.id: p for p in people}

    def load_extra(self, record) -> None:
        """The origin list depends on the loaded action's source: fill it for that source,
        so the stored meeting or survey round shows by name (not as removed)."""
        super().load_extra(record)
        if record is not None:
            self._fill_origins(self.panel.form, record.alliance_id)

    def _form_alliance(self, form: RecordForm, fallback: str | None) -> str | None:
        if "alliance_id" in form.entries:
            return form.field("alliance_id").value() or fallback
        return fallback

    def _fill_origins(self, form: RecordForm, alliance_id: str | None) -> None:
        """The meetings (or survey rounds) the action can come from, newest first."""
        source = form.field("source").text()
        portfolio = self.context.portfolio
        options: list[tuple[str, str]] = []
        if alliance_id and source == "meeting":
            meetings = self.reads.meetings(alliance_id)
            meetings.sort(key=lambda m: m.held_on or clock.today(), reverse=True)
            options = [(m.id, f"{m.title} · {format_date(m.held_on)}") for m in meetings]
            self._origins.update({m.id: "meeting" for m in meetings})
        elif alliance_id and source in ROUND_SOURCES:
            rounds = portfolio.all(SurveyRound, alliance_id=alliance_id)
            rounds.sort(key=lambda r: r.held_on or clock.today(), reverse=True)
            options = [(r.id, f"{r.title} · {format_date(r.held_on)}") for r in rounds]
            self._origins.update({r.id: "round" for r in rounds})
        form.field("source_id").set_options(options)

    def _owner_shown(self, record) -> str:
        if record.owner_id:
            self._follow_people()
            person = self._people_by_id.get(record.owner_id)  # a live stakeholder
            if person is None:  # deleted (or unknown): look it up
                person = self.context.portfolio.get(
                    Stakeholder, record.owner_id, include_deleted=True
                )
            if person is not None:
                removed = getattr(person, "deleted_at", None) is not None
                text = person.name + (" (removed)" if removed else "")
                self._owners[text.casefold()] = (record.owner_id, record.owner_name)
                return text
        return record.owner_name or ""

    def _owner_stored(self, text: str) -> dict[str, Any]:
        known = self._owners.get(text.casefold())
        if known is not None:
            return {"owner_id": known[0], "owner_name": known[1]}
        return {"owner_id": None, "owner_name": text}

    def adjust(self, record, fields):
        fields = super().adjust(record, fields)
        if "source" in fields and record.source_id and "source_id" not in fields:
            kind = self._origins.get(record.source_id)
            wanted = "meeting" if fields["source"] == "meeting" else "round"
            if fields["source"] == "other" or kind != wanted:
                fields["source_id"] = None  # the old link belongs to another kind of source
        return fields

    def header_html(self, record) -> str:
        parts = []
        if record.status in ("done", "cancelled"):
            label = choices.ACTION_STATUSES[record.status]
            done = f" on {format_date(record.completed_on)}" if record.completed_on else ""
            parts.append(f"{label}{done}")
        else:
            parts.append(due_html(record.due_date, record.status))
        where = quadrant(record.impact, record.feasibility)
        if where and is_open_action(record.status):
            parts.append(f"Matrix: {QUADRANTS[where]}")
        origin = self._origin_link(record)
        if origin:
            parts.append(origin)
        self._follow_people()
        if record.owner_id and record.owner_id not in self._people_by_id:  # not a live one
            person = self.context.portfolio.get(Stakeholder, record.owner_id, include_deleted=True)
            if person is not None and person.deleted_at is not None:
                parts.append(
                    f"Owner {html.escape(person.name)} was deleted (Undo brings them back)"
                )
        return " · ".join(part for part in parts if part)

    def _origin_link(self, record) -> str:
        if not record.source_id:
            return ""
        portfolio = self.context.portfolio
        if record.source == "meeting":
            meeting = self.meeting_of(record, record.source_id)
            if meeting is None:
                return ""
            label = html.escape(f"{meeting.title}, {format_date(meeting.held_on)}")
            if meeting.deleted_at is not None:
                return f"From {label} (deleted)"
            return f"From <a href='Meetings:{meeting.id}'>{label}</a>"
        survey = portfolio.get(SurveyRound, record.source_id, include_deleted=True)
        return f"From {html.escape(survey.title)}" if survey is not None else ""

    # --- who am I ------------------------------------------------------------------------------

    def ask_who_i_am(self) -> None:
        """'Mine' needs the portfolio owner's name: ask once, store it (undoable)."""
        if self.context.portfolio.info.owner_name.strip() or self.dialog_is_open():
            return
        self.dialog = OwnerNameDialog(self)
        self.dialog.open()

    def dialog_is_open(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()


class OwnerNameDialog(QDialog):
    """Asks for the name the user owns actions under (the portfolio's owner)."""

    def __init__(self, tab: ActionsTab):
        super().__init__(tab)
        self.tab = tab
        self.setWindowTitle("Whose actions are mine?")
        self.field = LineField("owner_name", placeholder="Your name, as actions name you")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("“Mine” lists the actions you own. What is your name?"))
        layout.addWidget(self.field)
        layout.addWidget(buttons)

    def accept(self) -> None:
        name = self.field.value()
        if not name:
            self.field.show_error("Type your name, as it appears as an action's owner.")
            return
        portfolio = self.tab.context.portfolio
        command = EditCommand(portfolio, portfolio.info, "Set your name", owner_name=name)
        try:
            self.tab.perform(command)
        except (ValidationError, EditFailed) as error:
            self.field.show_error(getattr(error, "message", str(error)))
            return
        super().accept()
        self.tab.apply_filters()
