"""The Decisions tab: what each forum must decide, with options, recommendation and outcome.

"Upcoming decisions across the portfolio" is this tab, portfolio-wide, showing pending
decisions soonest first (View menu, and the Dashboard).
"""

import html
from datetime import timedelta
from typing import Any

from alliance_desk import clock
from alliance_desk.insights.status import is_overdue, is_pending_decision
from alliance_desk.models import Decision, choices
from alliance_desk.ui.fields import ChoiceField, DateField, LineField, TextField, format_date
from alliance_desk.ui.record_tab import Column, Row, choice_column, date_column, text_column
from alliance_desk.ui.tracking.columns import due_column, due_html, when
from alliance_desk.ui.tracking.form import BELOW, Entry, LinkField
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab, alliance_entry

SOON_DAYS = 30


def _due_soon(row: Row, today) -> bool:
    return (
        is_pending_decision(row.status)
        and row.due_date is not None
        and row.due_date <= today + timedelta(days=SOON_DAYS)
    )


class DecisionsTab(TrackingTab):
    model = Decision
    form_from_row = True
    kind = "decisions"
    title = "Decisions"
    heading = "Decisions"
    noun = ("decision", "decisions")
    statuses = choices.DECISION_STATUSES
    new_label = "New decision"
    new_keys = "Ctrl+Shift+D"
    extra_kinds = frozenset({"alliances", "meetings"})
    sort_column = 2
    column_caps = {"Alliance": 170, "Recommendation": 200, "Outcome": 200}
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter("pending", "Pending", lambda row, _t: is_pending_decision(row.status)),
        QuickFilter(
            "overdue",
            "Overdue",
            lambda row, today: is_overdue(row.due_date, row.status, today),
            "Pending and past their due date",
        ),
        QuickFilter(
            "soon",
            f"Due in {SOON_DAYS} days",
            _due_soon,
            f"Pending, due within {SOON_DAYS} days (or already late)",
        ),
        QuickFilter("decided", "Decided", lambda row, _t: row.status == "decided"),
    ]

    def columns(self) -> list[Column]:
        return [
            text_column("Decision", lambda row: row.title),
            choice_column("Forum", lambda row: row.forum, choices.FORUMS),
            due_column(),
            choice_column("Status", lambda row: row.status, choices.DECISION_STATUSES),
            date_column("Decided", lambda row: row.decided_on),
            text_column("Recommendation", lambda row: row.recommendation),
            text_column("Outcome", lambda row: row.outcome),
        ]

    def search(self, row: Row) -> str:
        return f"{row.title} {row.alliance_name} {row.options} {row.recommendation} {row.outcome}"

    def summary(self, rows: list[Row]) -> str:
        today = clock.today()
        pending = [r for r in rows if is_pending_decision(r.status)]
        dues = [r.due_date for r in pending if r.due_date and r.due_date >= today]
        parts = [
            f"{len(pending)} pending" if pending else "",
            f"next due {format_date(min(dues))}" if dues else "",
        ]
        return " · ".join(p for p in parts if p)

    def show_upcoming(self) -> None:
        """Pending decisions of the whole portfolio, soonest first."""
        self.set_portfolio_wide(True)
        self.set_quick_filter("pending")
        column = 3  # Due, after the Alliance column
        self.table.view.sortByColumn(column, self.sort_order.AscendingOrder)

    def sections(self):
        return [
            (
                "The decision",
                [
                    alliance_entry(),
                    Entry("Title", LineField("title", placeholder="The question to decide")),
                    Entry("Forum", ChoiceField("forum", choices.FORUMS)),
                    Entry("Due", DateField("due_date")),
                    Entry("From meeting", LinkField("meeting_id", hint="Where it was raised.")),
                ],
            ),
            (
                "The choice",
                [
                    Entry("Options", TextField("options", lines=4)),
                    Entry("Recommendation", TextField("recommendation", lines=3)),
                ],
            ),
            (
                "The outcome",
                [
                    Entry("Status", ChoiceField("status", choices.DECISION_STATUSES)),
                    Entry("Decided on", DateField("decided_on")),
                    Entry("Outcome", TextField("outcome", lines=3)),
                ],
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"status": "pending", "forum": "jsc"}

    def prepare_form(self, form, alliance_id) -> None:
        super().prepare_form(form, alliance_id)
        meetings = self.reads.meetings(alliance_id) if alliance_id else []
        meetings.sort(key=lambda m: m.held_on or clock.today(), reverse=True)
        form.field("meeting_id").set_options(
            [(m.id, f"{m.title} · {format_date(m.held_on)}") for m in meetings]
        )

    def header_html(self, record) -> str:
        parts = []
        if record.status == "decided":
            parts.append(f"Decided {when(record.decided_on)}".strip())
        elif is_pending_decision(record.status):
            parts.append(due_html(record.due_date, record.status) or "Pending")
        if record.meeting_id:
            meeting = self.meeting_of(record, record.meeting_id)
            if meeting is not None:
                label = html.escape(f"{meeting.title}, {format_date(meeting.held_on)}")
                if meeting.deleted_at is None:
                    parts.append(f"Raised at <a href='Meetings:{meeting.id}'>{label}</a>")
                else:
                    parts.append(f"Raised at {label} (deleted)")
        return " · ".join(p for p in parts if p)


__all__ = ["DecisionsTab", "BELOW"]
