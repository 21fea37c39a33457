"""The daily records: actions, milestones, risks and issues, decisions, meetings, payments."""

from datetime import date

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from alliance_desk.models.base import Base, Tracked, line, number, on_date, prose, rating, ref


class ActionItem(Tracked, Base):
    """An action with an owner (a stakeholder, or a name as free text) and a due date.

    `source` says where it came from; `source_id` is that meeting's or survey round's id.
    """

    __tablename__ = "action_item"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line(300)
    description: Mapped[str] = prose()
    owner_id: Mapped[str | None] = ref("stakeholder", nullable=True)
    owner_name: Mapped[str] = line()
    side: Mapped[str] = mapped_column(String(10), default="ours")
    due_date: Mapped[date | None] = on_date()
    status: Mapped[str] = mapped_column(String(20), default="open")
    completed_on: Mapped[date | None] = on_date()
    source: Mapped[str] = mapped_column(String(20), default="other")
    source_id: Mapped[str | None] = mapped_column(String(36), default=None)
    impact: Mapped[int | None] = rating()
    feasibility: Mapped[int | None] = rating()
    benchmark_id: Mapped[str | None] = ref("benchmark", nullable=True)


class Milestone(Tracked, Base):
    """A milestone, deliverable or commitment; missed ones carry a root cause."""

    __tablename__ = "milestone"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line(300)
    description: Mapped[str] = prose()
    kind: Mapped[str] = mapped_column(String(20), default="milestone")
    owner_side: Mapped[str] = mapped_column(String(10), default="joint")
    due_date: Mapped[date | None] = on_date()
    completed_on: Mapped[date | None] = on_date()
    status: Mapped[str] = mapped_column(String(20), default="planned")
    root_cause: Mapped[str] = prose()


class Risk(Tracked, Base):
    """A risk (may happen) or an issue (has happened), scored likelihood x impact."""

    __tablename__ = "risk"

    alliance_id: Mapped[str] = ref("alliance")
    kind: Mapped[str] = mapped_column(String(10), default="risk")
    title: Mapped[str] = line(300)
    description: Mapped[str] = prose()
    category: Mapped[str] = mapped_column(String(20), default="business")
    likelihood: Mapped[int | None] = rating()
    impact: Mapped[int | None] = rating()
    owner_name: Mapped[str] = line()
    mitigation: Mapped[str] = prose()
    status: Mapped[str] = mapped_column(String(20), default="open")
    review_date: Mapped[date | None] = on_date()
    raised_on: Mapped[date | None] = on_date()
    escalated_on: Mapped[date | None] = on_date()
    resolved_on: Mapped[date | None] = on_date()

    @property
    def severity(self) -> int | None:
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact


class Decision(Tracked, Base):
    """A decision a forum must take; `meeting_id` links it to the meeting it came out of."""

    __tablename__ = "decision"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line(300)
    forum: Mapped[str] = mapped_column(String(20), default="jsc")
    due_date: Mapped[date | None] = on_date()
    options: Mapped[str] = prose()
    recommendation: Mapped[str] = prose()
    status: Mapped[str] = mapped_column(String(20), default="pending")
    outcome: Mapped[str] = prose()
    decided_on: Mapped[date | None] = on_date()
    meeting_id: Mapped[str | None] = ref("meeting", nullable=True)


class Meeting(Tracked, Base):
    """A meeting; `forum` holds its type (choices.MEETING_TYPES), `notes` its minutes."""

    __tablename__ = "meeting"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line(300)
    forum: Mapped[str] = mapped_column(String(20), default="jsc")
    held_on: Mapped[date | None] = on_date()
    location: Mapped[str] = line()
    agenda: Mapped[str] = prose()
    notes: Mapped[str] = prose()
    status: Mapped[str] = mapped_column(String(20), default="planned")


class MeetingAttendee(Tracked, Base):
    """Who was invited to a meeting and whether they came."""

    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[str] = ref("meeting")
    stakeholder_id: Mapped[str] = ref("stakeholder")
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)


class Payment(Tracked, Base):
    """A payment or financial item: upfront, milestone payment, royalty, cost share."""

    __tablename__ = "payment"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line(300)
    kind: Mapped[str] = mapped_column(String(20), default="milestone")
    direction: Mapped[str] = mapped_column(String(10), default="incoming")
    amount: Mapped[float | None] = number()
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    due_date: Mapped[date | None] = on_date()
    paid_on: Mapped[date | None] = on_date()
    status: Mapped[str] = mapped_column(String(20), default="expected")
    note: Mapped[str] = prose()
