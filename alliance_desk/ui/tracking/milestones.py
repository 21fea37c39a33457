"""The Milestones tab: milestones, deliverables and commitments, and delivery reliability.

Completing one late (or marking it missed) asks for the root cause before it is stored; the
strip above the table shows the share met on time per owner side and period.
"""

from typing import Any

from alliance_desk import clock
from alliance_desk.insights.status import is_overdue
from alliance_desk.insights.tracking import (
    SIDES,
    delivery_outcome,
    delivery_reliability,
    delivery_reliability_by_period,
    needs_root_cause,
    percent,
)
from alliance_desk.models import Milestone, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.ui.fields import ERROR_COLOUR, ChoiceField, DateField, LineField, TextField
from alliance_desk.ui.record_tab import Column, Row, choice_column, date_column, text_column
from alliance_desk.ui.tracking.columns import GOOD_COLOUR, coloured, due_column, due_html, when
from alliance_desk.ui.tracking.dialogs import RootCauseDialog
from alliance_desk.ui.tracking.figures import FigureRow, big, share_colour
from alliance_desk.ui.tracking.form import Entry
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab, alliance_entry
from alliance_desk.ui.undo import EditCommand, EditFailed

SIDE_WORDS = {"ours": "Ours", "partner": "Partner", "joint": "Joint"}


def outcome_text(row: Row) -> str:
    """'On time', 'Late by 5 days', 'Missed', 'Overdue' or ''."""
    today = clock.today()
    outcome = delivery_outcome(row, today)
    if outcome is True:
        return "On time"
    if outcome is None:
        return ""
    if row.status == "missed":
        return "Missed"
    if row.status == "done" and row.completed_on and row.due_date:
        days = (row.completed_on - row.due_date).days
        return f"Late by {days} day{'s' if days != 1 else ''}"
    return "Overdue"


def _late_or_missed(row: Row, today) -> bool:
    return delivery_outcome(row, today) is False


class MilestonesTab(TrackingTab):
    model = Milestone
    form_from_row = True
    figure_periods = True
    kind = "milestones"
    title = "Milestones"
    heading = "Milestones, deliverables and commitments"
    noun = ("milestone", "milestones")
    statuses = choices.MILESTONE_STATUSES
    new_label = "New milestone"
    new_keys = "Ctrl+Shift+M"
    extra_kinds = frozenset({"alliances"})
    sort_column = 3
    column_caps = {"Alliance": 170, "Root cause of a miss": 220}
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter("open", "Planned", lambda row, _t: row.status == "planned"),
        QuickFilter(
            "overdue",
            "Overdue",
            lambda row, today: is_overdue(row.due_date, row.status, today),
            "Past their due date and not done",
        ),
        QuickFilter("missed", "Missed or late", _late_or_missed, "Not met on time"),
        QuickFilter(
            "no_cause",
            "No root cause",
            lambda row, _t: needs_root_cause(
                row.status, row.due_date, row.completed_on, row.root_cause
            ),
            "Missed or late, with no root cause written down",
        ),
    ]

    def columns(self) -> list[Column]:
        return [
            text_column("Milestone", lambda row: row.title),
            choice_column("Kind", lambda row: row.kind, choices.MILESTONE_KINDS),
            choice_column("Owner", lambda row: row.owner_side, choices.ACTION_SIDES),
            due_column(),
            choice_column("Status", lambda row: row.status, choices.MILESTONE_STATUSES),
            date_column("Completed", lambda row: row.completed_on),
            Column(
                "On time?",
                outcome_text,
                colour=lambda row: (
                    GOOD_COLOUR
                    if outcome_text(row) == "On time"
                    else ERROR_COLOUR
                    if outcome_text(row)
                    else None
                ),
            ),
            text_column("Root cause of a miss", lambda row: row.root_cause),
        ]

    def search(self, row: Row) -> str:
        return f"{row.title} {row.alliance_name} {row.description} {row.root_cause}"

    def summary(self, rows: list[Row]) -> str:
        today = clock.today()
        overdue = sum(1 for r in rows if is_overdue(r.due_date, r.status, today))
        missing = sum(
            1 for r in rows if needs_root_cause(r.status, r.due_date, r.completed_on, r.root_cause)
        )
        parts = [
            f"{overdue} overdue" if overdue else "",
            f"{missing} without root cause" if missing else "",
        ]
        return " · ".join(p for p in parts if p)

    def sections(self):
        return [
            (
                "The milestone",
                [
                    alliance_entry(),
                    Entry("Title", LineField("title", placeholder="What is to be delivered")),
                    Entry("Description", TextField("description", lines=3)),
                    Entry("Kind", ChoiceField("kind", choices.MILESTONE_KINDS)),
                ],
            ),
            (
                "Who and when",
                [
                    Entry("Owner side", ChoiceField("owner_side", choices.ACTION_SIDES)),
                    Entry("Due", DateField("due_date")),
                    Entry("Status", ChoiceField("status", choices.MILESTONE_STATUSES)),
                    Entry("Completed", DateField("completed_on")),
                ],
            ),
            (
                "If it was missed or late",
                [
                    Entry(
                        "Root cause",
                        TextField(
                            "root_cause",
                            lines=4,
                            hint="Asked for when it is missed or completed after its due date.",
                        ),
                    )
                ],
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"status": "planned", "kind": "milestone", "owner_side": "joint"}

    # --- completing late asks why ----------------------------------------------------------

    def adjust(self, record, fields):
        fields = super().adjust(record, fields)
        after = {
            name: fields.get(name, getattr(record, name))
            for name in ("status", "due_date", "completed_on", "root_cause")
        }
        if "root_cause" in fields or not needs_root_cause(**after):
            return fields
        self.context.portfolio.check(record, **fields)  # a broken rule is said first
        self.ask_root_cause(record, fields)
        return None

    def ask_root_cause(self, record: Milestone, fields: dict[str, Any]) -> RootCauseDialog:
        status = fields.get("status", record.status)
        if status == "missed":
            what = f"“{record.title}” was missed. What was the root cause?"
        else:
            completed = fields.get("completed_on", record.completed_on)
            days = (completed - record.due_date).days
            what = (
                f"“{record.title}” was completed {days} day{'s' if days != 1 else ''} after "
                "its due date. What was the root cause?"
            )

        def store(answer: str) -> str | None:
            text = f"Complete “{record.title}” late, with its root cause"
            command = EditCommand(self.context.portfolio, record, text, **fields, root_cause=answer)
            try:
                self.perform(command)
            except ValidationError as error:
                return error.message
            except EditFailed as error:
                return str(error)
            self.panel.reload()
            return None

        dialog = RootCauseDialog(what, store, self)
        dialog.rejected.connect(self.panel.reload)  # nothing stored: show the stored values
        self.dialog = dialog
        dialog.open()
        return dialog

    def bulk_status(self, status: str) -> None:
        """Late ones are left out: each needs its own root cause, asked in the form."""
        records = self.selected_records()
        late = [
            r
            for r in records
            if needs_root_cause(
                **{
                    "status": status,
                    "due_date": r.due_date,
                    "completed_on": self.context.portfolio.status_change(r, status).get(
                        "completed_on", r.completed_on
                    ),
                    "root_cause": r.root_cause,
                }
            )
        ]
        if late and len(late) == len(records):
            if len(records) == 1:
                fields = self.context.portfolio.status_change(records[0], status)
                self.ask_root_cause(records[0], fields)
            else:
                self.say(
                    "Each of these is late: open them one by one to give the root cause.", True
                )
            return
        if late:
            keep = {r.id for r in records} - {r.id for r in late}
            self.table.select_ids(keep)
        super().bulk_status(status)
        if late:
            self.say(
                f"{len(late)} late ones were left as they were: each needs its root cause.", True
            )

    def header_html(self, record) -> str:
        text = outcome_text(record)
        if text == "On time":
            line = coloured(f"Met on time ({when(record.completed_on)})", GOOD_COLOUR, True)
        elif text:
            line = coloured(text, ERROR_COLOUR, True)
        else:
            line = due_html(record.due_date, record.status)
        if needs_root_cause(record.status, record.due_date, record.completed_on, record.root_cause):
            line += " · " + coloured("root cause missing", ERROR_COLOUR)
        return line

    # --- delivery reliability --------------------------------------------------------------

    def refresh_figures(self) -> None:
        shown, scope = self.figure_scope()
        if not shown:
            return
        rows = self.scope_rows(scope)
        today = clock.today()
        totals = delivery_reliability(rows, today)
        overall = totals["all"]
        where = "across the portfolio" if scope is None else ""
        if overall.share is None:
            headline = big("Delivery reliability: nothing due yet") + f" {where}"
        else:
            headline = (
                big(
                    f"Delivery reliability: {percent(overall.share)} on time",
                    share_colour(overall.share),
                )
                + f" {where} ({overall.met} of {overall.counted} due)"
            )
        sides = " · ".join(
            f"{SIDE_WORDS[side]} {totals[side].text()}" for side in SIDES if totals[side].counted
        )
        periods = delivery_reliability_by_period(rows, today, self.strip.period)
        table = [
            FigureRow("All", [(p.overall.short(), p.overall.share) for p in periods]),
            *[
                FigureRow(
                    SIDE_WORDS[side],
                    [(p.by_side[side].short(), p.by_side[side].share) for p in periods],
                )
                for side in SIDES
            ],
        ]
        detail = f"By owner side: {sides}" if sides else ""
        detail += "<br>Counted by due date; a miss or a late completion counts against it."
        self.strip.show_figures(headline, detail, [p.label for p in periods], table)
