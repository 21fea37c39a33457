"""The Meetings tab: meetings with their type, agenda and minutes, who was invited and came,
and the actions and decisions created from inside the meeting. The strip above the table is
meeting attendance and its trend."""

from typing import Any

from alliance_desk import clock
from alliance_desk.insights.tracking import (
    Attendance,
    attendance_by_period,
    attendance_trend,
    percent,
)
from alliance_desk.models import Meeting, choices
from alliance_desk.ui.fields import ERROR_COLOUR, ChoiceField, DateField, LineField, TextField
from alliance_desk.ui.record_tab import Column, Row, choice_column, date_column, text_column
from alliance_desk.ui.tracking.attendance import AttendancePanel
from alliance_desk.ui.tracking.columns import coloured
from alliance_desk.ui.tracking.figures import FigureRow, big
from alliance_desk.ui.tracking.form import WIDE, Entry
from alliance_desk.ui.tracking.tab import (
    QuickFilter,
    TrackingTab,
    alliance_entry,
    find_tab,
    open_record,
)

LOW_ATTENDANCE = 0.7
TREND_COLOURS = {"falling": ERROR_COLOUR}


def rate_text(row: Row) -> str:
    if not row.invited:
        return ""
    if row.status != "held":
        return f"{row.invited} invited"
    return Attendance(row.invited, row.attended).text()


def _arrow(trend) -> str:
    """'falling: 90 % → 71 %' (the three meetings before, then the latest three)."""
    return f"{trend.direction}: {percent(trend.earlier)} → {percent(trend.recent)}"


def _rate(row: Row) -> float:
    if row.status != "held" or not row.invited:
        return -1.0
    return row.attended / row.invited


class MeetingsTab(TrackingTab):
    model = Meeting
    form_from_row = True
    figure_periods = True
    kind = "meetings"
    title = "Meetings"
    heading = "Meetings"
    noun = ("meeting", "meetings")
    statuses = choices.MEETING_STATUSES
    new_label = "New meeting"
    new_keys = "Ctrl+Shift+E"
    extra_kinds = frozenset(
        {"alliances", "meeting_attendees", "actions", "decisions", "stakeholders"}
    )
    sort_column = 0
    sort_order = TrackingTab.sort_order.DescendingOrder
    wide_column = 1
    split = (300, 480)
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter(
            "upcoming",
            "Upcoming",
            lambda row, today: (
                row.status == "planned" and (row.held_on is None or row.held_on >= today)
            ),
        ),
        QuickFilter("held", "Held", lambda row, _t: row.status == "held"),
        QuickFilter(
            "low",
            "Low attendance",
            lambda row, _t: 0 <= _rate(row) < LOW_ATTENDANCE,
            "Held, with fewer than 70 % of those invited present",
        ),
    ]

    def columns(self) -> list[Column]:
        return [
            date_column("Date", lambda row: row.held_on),
            text_column("Meeting", lambda row: row.title),
            choice_column("Type", lambda row: row.forum, choices.MEETING_TYPES),
            choice_column("Status", lambda row: row.status, choices.MEETING_STATUSES),
            Column(
                "Attendance",
                rate_text,
                sort_key=_rate,
                colour=lambda row: ERROR_COLOUR if 0 <= _rate(row) < LOW_ATTENDANCE else None,
            ),
            text_column("Location", lambda row: row.location),
        ]

    def search(self, row: Row) -> str:
        return f"{row.title} {row.alliance_name} {row.location} {row.agenda} {row.notes}"

    def summary(self, rows: list[Row]) -> str:
        today = clock.today()
        upcoming = [r for r in rows if r.status == "planned" and r.held_on and r.held_on >= today]
        if not upcoming:
            return ""
        nearest = min(upcoming, key=lambda r: r.held_on)
        return f"next: {nearest.title} on {nearest.held_on:%d %b %Y}".replace(" 0", " ")

    def sections(self):
        return [
            (
                "The meeting",
                [
                    alliance_entry(),
                    Entry("Title", LineField("title", placeholder="e.g. Joint steering committee")),
                    Entry("Type", ChoiceField("forum", choices.MEETING_TYPES)),
                    Entry("Date", DateField("held_on")),
                    Entry("Status", ChoiceField("status", choices.MEETING_STATUSES)),
                    Entry("Location", LineField("location")),
                ],
            ),
            (
                "Agenda and minutes",
                [
                    Entry("Agenda", TextField("agenda", lines=4)),
                    Entry("Minutes", TextField("notes", lines=4)),
                ],
                WIDE,
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"status": "planned", "forum": "jsc"}

    def extra_panel_widget(self):
        self.attendance = AttendancePanel(
            lambda: self.context.portfolio,
            self._perform_quietly,
            self.new_action_from_meeting,
            self.new_decision_from_meeting,
            lambda title, ident: open_record(self, title, ident),
        )
        return self.attendance

    def load_extra(self, record) -> None:
        if hasattr(self, "attendance"):
            self.attendance.show_meeting(record)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.attendance.set_read_only(read_only)

    def _perform_quietly(self, command) -> bool:
        return self._try(command, "Could not change the attendance")

    def header_html(self, record) -> str:
        label = choices.MEETING_TYPES.get(record.forum, record.forum)
        status = choices.MEETING_STATUSES.get(record.status, record.status)
        return f"{label} · {status}"

    def default_row(self, rows: list[Row]) -> Row:
        """The latest meeting held (the one whose minutes and actions are being written)."""
        today = clock.today()
        held = [r for r in rows if r.held_on is not None and r.held_on <= today]
        return max(held, key=lambda r: r.held_on) if held else rows[0]

    def current_meeting(self) -> Meeting | None:
        return self.panel.record

    # --- creating records from inside the meeting -----------------------------------------

    def _sibling(self, title: str):
        from alliance_desk.ui.tracking.actions import ActionsTab
        from alliance_desk.ui.tracking.decisions import DecisionsTab

        kinds = {"Actions": ActionsTab, "Decisions": DecisionsTab}
        return kinds[title](self.context, self)

    def new_action_from_meeting(self):
        """An action linked to the selected meeting (source: meeting), due a fortnight later."""
        meeting = self.current_meeting()
        if meeting is None or self.read_only:
            return None
        return self._new_from(
            "Actions",
            meeting,
            {"source": "meeting", "source_id": meeting.id},
            ("source", "source_id"),
            "New action from this meeting",
        )

    def new_decision_from_meeting(self):
        meeting = self.current_meeting()
        if meeting is None or self.read_only:
            return None
        forum = meeting.forum if meeting.forum in choices.FORUMS else "jsc"
        return self._new_from(
            "Decisions",
            meeting,
            {"meeting_id": meeting.id, "forum": forum},
            ("meeting_id",),
            "New decision from this meeting",
        )

    def _new_from(self, title, meeting, values, locked, label):
        helper = find_tab(self, title) or self.helpers.get(title)
        if helper is None:  # not inside the workspace (a test): a hidden tab of that kind
            helper = self.helpers[title] = self._sibling(title)
            helper.hide()
        note = f"From “{meeting.title}”, {meeting.held_on:%d %b %Y}." if meeting.held_on else ""
        dialog = helper.new_record(
            {**values, "alliance_id": meeting.alliance_id}, locked, note.replace(" 0", " "), label
        )
        self.dialog = dialog
        if dialog is not None:
            dialog.accepted.connect(self.panel.refresh_extra)
        return dialog

    @property
    def helpers(self) -> dict:
        if not hasattr(self, "_helpers"):
            self._helpers = {}
        return self._helpers

    # --- attendance and its trend ----------------------------------------------------------

    def refresh_figures(self) -> None:
        portfolio = self.context.portfolio
        shown, scope = self.figure_scope()
        if not shown:
            return
        rows = self.scope_rows(scope)
        meetings = [
            m
            for m in portfolio.meeting_attendance(scope.id if scope else None, rows)
            if m.status == "held"
        ]
        recent = [m for m in meetings if m.overall.invited][-3:]
        where = " across the portfolio" if scope is None else ""
        if not recent:
            self.strip.show_figures(big("Attendance: no held meeting with invitations yet") + where)
            return
        total = sum((m.overall for m in recent), Attendance())
        headline = (
            big(
                f"Attendance {percent(total.rate)} at the latest {len(recent)} meetings",
                ERROR_COLOUR if (total.rate or 0) < LOW_ATTENDANCE else None,
            )
            + where
        )
        details = []
        for forum, label in choices.MEETING_TYPES.items():
            of_type = [m for m in meetings if m.meeting.forum == forum]
            trend = attendance_trend(m.overall.rate for m in of_type)
            if trend.direction != "unknown":
                details.append(
                    coloured(f"{label} {_arrow(trend)}", TREND_COLOURS.get(trend.direction))
                )
        for side, label in (("partner", "Partner side"), ("ours", "Our side")):
            trend = attendance_trend(
                m.attendance_by_side.get(side, Attendance()).rate for m in meetings
            )
            if trend.direction == "falling":
                details.append(coloured(f"{label} {_arrow(trend)}", ERROR_COLOUR))
        periods = attendance_by_period(meetings, self.strip.period)
        table = [
            FigureRow("All", [(p.overall.short(), p.overall.rate) for p in periods]),
            FigureRow(
                "Ours", [(p.by_side["ours"].short(), p.by_side["ours"].rate) for p in periods]
            ),
            FigureRow(
                "Partner",
                [(p.by_side["partner"].short(), p.by_side["partner"].rate) for p in periods],
            ),
        ]
        if details:
            details.append("Trends: the latest three meetings against the three before.")
        self.strip.show_figures(headline, "<br>".join(details), [p.label for p in periods], table)
