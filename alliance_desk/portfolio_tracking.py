"""The tracking part of the Portfolio service: daily-record queries and computed figures
(delivery reliability, responsiveness, attendance, payment flags). Mixed into `Portfolio`."""

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Date, Row, Select, and_, bindparam, case, func, insert, select

from alliance_desk import clock
from alliance_desk.changes import Change
from alliance_desk.insights import tracking as figures
from alliance_desk.insights.status import COUNTED_FIELDS, soonest_due
from alliance_desk.insights.tracking import MeetingAttendance
from alliance_desk.models import (
    KIND_OF_MODEL,
    KINDS,
    Alliance,
    Stakeholder,
    Tracked,
)
from alliance_desk.models.health import SurveyRound
from alliance_desk.models.limits import ValidationError
from alliance_desk.models.tracking import (
    ActionItem,
    Decision,
    Meeting,
    MeetingAttendee,
    Milestone,
    Payment,
    Risk,
)

T = TypeVar("T", bound=Tracked)
# the records the portfolio's counts read: actions (in groups) and insights.status's kinds
COUNTED = (ActionItem, *(KINDS[kind].model for kind in COUNTED_FIELDS))
_OWNER = Stakeholder.__table__.alias("owner")  # an action's owner (made once: 26 columns)


class TrackingCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""

    def tracking_rows(
        self,
        model: type[Tracked],
        alliance_id: str | None = None,
        ids: Iterable[str] | None = None,
        include_archived: bool = False,
        fields: Sequence[str] | None = None,
        status: str | None = None,
    ) -> list[Row]:
        """Plain rows of a daily-record kind (actions, milestones, risks, decisions, meetings,
        payments), for tables of any size: every column plus `alliance_name`.

        Actions add `owner_current` and `owner_removed` (the owning stakeholder's name now,
        and whether that stakeholder was deleted); risks add `severity`; meetings add
        `invited` and `attended` (invited people who came). Without `alliance_id` the rows of
        every working alliance (archived ones too with `include_archived`).

        With `fields` (column names), the rows hold only those and `alliance_id`, in no
        particular order: figures across the portfolio need three columns of 30,000 actions,
        not their texts. With `status`, only the records in that status.
        """
        statement = tracking_statement(
            model,
            alliance_id is not None,
            ids is not None,
            include_archived,
            None if fields is None else tuple(fields),
            status is not None,
        )
        params: dict[str, Any] = {}
        if alliance_id is not None:
            params["alliance_id"] = alliance_id
        if ids is not None:
            params["ids"] = list(ids)
        if status is not None:
            params["status"] = status
        # Core execution: plain rows without the ORM's loading step (a fifth faster)
        return self._read(lambda s: s.connection().execute(statement, params).all())

    def counted_rows(self, kind: str) -> list[Row]:
        """The columns the Dashboard counts (insights.status.COUNTED_FIELDS[kind]) of every
        working alliance's risks, decisions or milestones, with `alliance_id`."""
        return self.tracking_rows(KINDS[kind].model, fields=COUNTED_FIELDS[kind])

    def action_groups(self, today: date) -> list[Row]:
        """The working alliances' actions as groups of alike ones, for counting: one row per
        alliance, status and whether the due date has passed (before `today`, not, or none),
        with `alliance_id`, `status`, `due_date` (the group's earliest) and `n` (how many).
        The counting rules (insights/status.py) give a group the answer of each of its
        members; 30,000 actions are about 2,300 groups."""
        return self._read(lambda s: s.connection().execute(ACTION_GROUPS, {"today": today}).all())

    def read_ahead(self, models: Iterable[type[Tracked]] = COUNTED) -> None:
        """Have SQLite read the tables of `models` into its page cache (the portfolio's counts
        read 30,000 actions cold in about 0.1 s, 0.05 s from memory). SQLite reads without
        holding Python, so a start without a glance does this in the opening's thread, beside
        the window's loading (opening.py)."""
        for model in models:
            table = model.__table__
            statement = select(func.count()).where(table.c.deleted_at.is_(None))
            self._read(lambda s, statement=statement: s.execute(statement).scalar())

    def add_many(self, model: type[T], rows: Iterable[dict[str, Any]]) -> list[str]:
        """Check and store many new records of one kind in one transaction: all or none.

        Each row is checked like `add` (a ValidationError names the field of the first bad
        row; nothing is stored); the rows are written with one bulk insert, so tens of
        thousands take seconds. Returns the new ids; one Change announces them all.
        """
        self._require_writable()
        moment = clock.now()
        values = []
        with self.batch():
            for fields in rows:
                record = self._candidate(model, dict(fields))
                row = {c.key: getattr(record, c.key) for c in model.__table__.columns}
                row.update(created_at=moment, updated_at=moment, updated_by=self.device_id)
                values.append(row)
            if values:
                with self._write() as session:
                    session.execute(insert(model.__table__), values)
                self._note_added(model, [row["id"] for row in values])
        ids = tuple(row["id"] for row in values)
        if ids:
            self._announce(Change(KIND_OF_MODEL[model].key, ids, "added"))
        return list(ids)

    def status_change(self, record: Tracked, status: str) -> dict[str, Any]:
        """The fields to store when `record` moves to `status` (done dates itself, ...)."""
        kind = KIND_OF_MODEL[type(record)].key
        return figures.status_change(kind, record, status, clock.today())

    def set_status(self, records: Iterable[Tracked], status: str) -> None:
        """Move records to `status` in one transaction (bulk change): all or none."""
        records = list(records)
        for record in records:  # every rule first, before anything is written
            self.check(record, **self.status_change(record, status))
        with self.batch():
            for record in records:
                self.update(record, **self.status_change(record, status))

    def upcoming_decisions(
        self, within_days: int | None = None, today: date | None = None
    ) -> list[Row]:
        """Pending decisions of every working alliance, soonest due first (overdue ones first
        of all; those without a due date last); with `within_days`, only those due by then."""
        rows = self.tracking_rows(Decision, status="pending")
        return soonest_due(rows, today or clock.today(), within_days)

    def delivery_reliability(
        self, alliance_id: str | None = None, period: str | None = None, today: date | None = None
    ) -> Any:
        """On-time delivery of milestones: {'all', 'ours', 'partner', 'joint': OnTime}, or
        with `period` ('month', 'quarter') a list of PeriodReliability, oldest first."""
        today = today or clock.today()
        rows = self.tracking_rows(Milestone, alliance_id)
        if period is None:
            return figures.delivery_reliability(rows, today)
        return figures.delivery_reliability_by_period(rows, today, period)

    def governance_responsiveness(
        self, alliance_id: str | None = None, period: str | None = None
    ) -> Any:
        """Median days from raised to resolved over issues: a Responsiveness, or with
        `period` a list of PeriodResponsiveness (by resolution date), oldest first."""
        rows = self.tracking_rows(Risk, alliance_id)
        if period is None:
            return figures.governance_responsiveness(rows)
        return figures.responsiveness_by_period(rows, period)

    def responsiveness_by_alliance(self) -> dict[str, figures.Responsiveness]:
        return figures.responsiveness_by_alliance(self.tracking_rows(Risk))

    def meeting_attendance(
        self, alliance_id: str | None = None, meetings: Iterable[Row] | None = None
    ) -> list[MeetingAttendance]:
        """Every meeting with its attendance per side (ours, partner), oldest first.
        `meetings`: their tracking_rows, when the caller has read them already."""
        meetings = sorted(
            self.tracking_rows(Meeting, alliance_id) if meetings is None else meetings,
            key=lambda m: (m.held_on is None, m.held_on or date.max),
        )
        statement = _attendance_statement(alliance_id is not None)
        params = {} if alliance_id is None else {"alliance_id": alliance_id}
        rows = self._read(lambda s: s.connection().execute(statement, params).all())
        by_meeting: dict[str, dict[str, list]] = {}
        for row in rows:
            side = row.side if row.side in ("ours", "partner") else "ours"
            by_meeting.setdefault(row.meeting_id, {}).setdefault(side, []).append(row)
        result = []
        for meeting in meetings:
            sides = by_meeting.get(meeting.id, {})
            by_side = {side: figures.attendance(rows) for side, rows in sides.items()}
            result.append(MeetingAttendance(meeting, by_side))
        return result

    def attendance_trend(
        self, alliance_id: str, forum: str | None = None, side: str | None = None
    ) -> figures.AttendanceTrend:
        """Falling, rising or steady attendance over the alliance's held meetings; with
        `forum`, meetings of that type only; with `side` ('ours', 'partner'), that side's."""
        held = [
            m
            for m in self.meeting_attendance(alliance_id)
            if m.status == "held" and (forum is None or m.meeting.forum == forum)
        ]
        if side is None:
            return figures.attendance_trend(m.overall.rate for m in held)
        return figures.attendance_trend(
            m.attendance_by_side.get(side, figures.Attendance()).rate for m in held
        )

    def payment_flags(self, today: date | None = None) -> dict[str, figures.PaymentFlag]:
        """Per alliance id: overdue, disputed and soon-due payments (only alliances with any)."""
        return figures.payment_flags(self.tracking_rows(Payment), today or clock.today())

    def attendees_of(self, meeting: Meeting) -> list[tuple[MeetingAttendee, Stakeholder]]:
        """A meeting's invitation rows with their people, by name."""
        params = {"meeting_id": meeting.id}
        return self._read(lambda s: [(row[0], row[1]) for row in s.execute(_ATTENDEES, params)])

    def meeting_outcomes(self, meeting: Meeting) -> tuple[list[ActionItem], list[Decision]]:
        """The actions and decisions that came out of a meeting. An action comes from a
        meeting of its own alliance (the forms offer no other), so the alliance's actions are
        searched, not every action of the portfolio (source_id has no index)."""
        actions = [
            a
            for a in self.all(ActionItem, alliance_id=meeting.alliance_id, source_id=meeting.id)
            if a.source == "meeting"
        ]
        return actions, self.all(Decision, meeting_id=meeting.id)

    def _check_tracking(self, record: Tracked, fields: Iterable[str] | None = None) -> None:
        """Nothing from a meeting (or survey) is due, done or decided before that day."""
        if isinstance(record, ActionItem) and record.source_id:
            origin_model = Meeting if record.source == "meeting" else SurveyRound
            checked = ("due_date", "completed_on")
            origin_id = record.source_id
        elif isinstance(record, Decision) and record.meeting_id:
            origin_model, checked, origin_id = Meeting, ("decided_on",), record.meeting_id
        else:
            return
        if fields is not None:
            fields = set(fields)
            if not fields & {*checked, "source", "source_id", "meeting_id"}:
                return
        origin = self._read(lambda s: s.get(origin_model, origin_id))
        if origin is None or origin.held_on is None:
            return
        labels = {"due_date": "due date", "completed_on": "completed date"}
        labels["decided_on"] = "decision date"
        noun = "meeting" if origin_model is Meeting else "survey round"
        for name in checked:
            value = getattr(record, name)
            if value is not None and value < origin.held_on:
                raise ValidationError(
                    name,
                    f"The {labels[name]} is before the {noun} it came from "
                    f"({origin.held_on:%Y-%m-%d}).",
                )


def _action_groups() -> Select:
    table = ActionItem.__table__
    return (
        select(
            table.c.alliance_id,
            table.c.status,
            func.min(table.c.due_date, type_=Date).label("due_date"),
            func.count().label("n"),
        )
        .join(Alliance, Alliance.id == table.c.alliance_id)
        .where(
            table.c.deleted_at.is_(None),
            Alliance.deleted_at.is_(None),
            Alliance.archived_at.is_(None),
        )
        .group_by(
            table.c.alliance_id,
            table.c.status,
            table.c.due_date < bindparam("today", type_=Date),
        )
    )


ACTION_GROUPS = _action_groups()  # action_groups: built once (glance_statements.py compiles it)

# attendees_of: built once, the meeting bound as `meeting_id`
_ATTENDEES = (
    select(MeetingAttendee, Stakeholder)
    .join(Stakeholder, Stakeholder.id == MeetingAttendee.stakeholder_id)
    .where(
        MeetingAttendee.meeting_id == bindparam("meeting_id"),
        MeetingAttendee.deleted_at.is_(None),
    )
    .order_by(func.lower(Stakeholder.name))
)


@lru_cache(maxsize=2)
def _attendance_statement(per_alliance: bool) -> Select:
    """meeting_attendance's query: (meeting_id, side, invited, attended) per live attendee;
    `per_alliance`: of the meetings of the alliance bound as `alliance_id`."""
    attendee, person = MeetingAttendee.__table__, Stakeholder.__table__
    statement = (
        select(attendee.c.meeting_id, person.c.side, attendee.c.invited, attendee.c.attended)
        .join(person, person.c.id == attendee.c.stakeholder_id)
        .where(attendee.c.deleted_at.is_(None))
    )
    if per_alliance:
        meeting = Meeting.__table__
        statement = statement.join(meeting, meeting.c.id == attendee.c.meeting_id).where(
            meeting.c.alliance_id == bindparam("alliance_id")
        )
    return statement


@lru_cache(maxsize=64)
def tracking_statement(
    model: type[Tracked],
    per_alliance: bool,
    by_ids: bool,
    include_archived: bool,
    fields: tuple[str, ...] | None,
    by_status: bool = False,
) -> Select:
    """The query of tracking_rows, built once per shape: the alliance id, the ids and the status
    are bound parameters (building a statement took half the time of reading an alliance's
    rows)."""
    table = model.__table__
    if fields is not None:
        columns = [table.c.alliance_id, *(table.c[name] for name in fields)]
    else:
        columns = [*table.c, Alliance.name.label("alliance_name")]
    statement = select(*columns).join(Alliance, Alliance.id == table.c.alliance_id)
    if fields is None:
        statement = _derived_columns(model, statement, per_alliance)
    statement = statement.where(table.c.deleted_at.is_(None), Alliance.deleted_at.is_(None))
    if per_alliance:
        statement = statement.where(table.c.alliance_id == bindparam("alliance_id"))
    elif not include_archived:
        statement = statement.where(Alliance.archived_at.is_(None))
    if by_ids:
        statement = statement.where(table.c.id.in_(bindparam("ids", expanding=True)))
    if by_status:
        statement = statement.where(table.c.status == bindparam("status"))
    if fields is None:
        statement = statement.order_by(table.c.created_at)
    return statement


def _derived_columns(model: type[Tracked], statement: Select, per_alliance: bool) -> Select:
    """The columns a kind's table shows besides its own (see tracking_rows); `per_alliance`:
    counted over the records of the alliance bound as `alliance_id` only."""
    table = model.__table__
    if model is ActionItem:
        owner = _OWNER
        statement = statement.add_columns(
            owner.c.name.label("owner_current"),
            owner.c.deleted_at.is_not(None).label("owner_removed"),
        ).outerjoin(owner, owner.c.id == table.c.owner_id)
    elif model is Risk:
        statement = statement.add_columns((table.c.likelihood * table.c.impact).label("severity"))
    elif model is Meeting:
        counts = _attendance_counts(per_alliance).subquery()
        statement = statement.add_columns(
            func.coalesce(counts.c.invited, 0).label("invited"),
            func.coalesce(counts.c.attended, 0).label("attended"),
        ).outerjoin(counts, counts.c.meeting_id == table.c.id)
    return statement


def _attendance_counts(per_alliance: bool) -> Select:
    """Per meeting id: people invited, and invited people who came; `per_alliance`: of the
    meetings of the alliance bound as `alliance_id` only (not every attendee of the
    portfolio)."""
    attendee = MeetingAttendee.__table__
    invited = attendee.c.invited.is_(True)
    statement = (
        select(
            attendee.c.meeting_id,
            func.sum(case((invited, 1), else_=0)).label("invited"),
            func.sum(case((and_(invited, attendee.c.attended.is_(True)), 1), else_=0)).label(
                "attended"
            ),
        )
        .where(attendee.c.deleted_at.is_(None))
        .group_by(attendee.c.meeting_id)
    )
    if per_alliance:
        meeting = Meeting.__table__
        ids = select(meeting.c.id).where(meeting.c.alliance_id == bindparam("alliance_id"))
        statement = statement.where(attendee.c.meeting_id.in_(ids))
    return statement
