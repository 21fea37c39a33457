"""Stakeholders (the worksheet), their links to alliances, and their information needs."""

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from alliance_desk.models.base import Base, Tracked, line, on_date, prose, rating, ref


class Stakeholder(Tracked, Base):
    """A reader of our reports: one column of the stakeholder worksheet."""

    __tablename__ = "stakeholder"

    name: Mapped[str] = line()
    title: Mapped[str] = line()
    organisation: Mapped[str] = line()
    side: Mapped[str] = mapped_column(String(10), default="ours")
    group: Mapped[str] = mapped_column(String(30), default="other")
    email: Mapped[str] = line()
    reports_to: Mapped[str] = line()
    priorities: Mapped[str] = prose()
    audiences: Mapped[str] = prose()
    questions: Mapped[str] = prose()
    decisions: Mapped[str] = prose()
    life_easier: Mapped[str] = prose()
    routines: Mapped[str] = prose()
    preferred_format: Mapped[str] = line()
    cadence: Mapped[str] = mapped_column(String(20), default="")
    influence: Mapped[int | None] = rating()
    interest: Mapped[int | None] = rating()
    last_validated_on: Mapped[date | None] = on_date()
    validated_by: Mapped[str] = line()
    validation_note: Mapped[str] = prose()
    notes: Mapped[str] = prose()


class AllianceStakeholder(Tracked, Base):
    """A stakeholder's role in one alliance (one person can serve several)."""

    __tablename__ = "alliance_stakeholder"

    alliance_id: Mapped[str] = ref("alliance")
    stakeholder_id: Mapped[str] = ref("stakeholder")
    role: Mapped[str] = line()


class InformationNeed(Tracked, Base):
    """A question a stakeholder must answer, the decision it supports and what informs it."""

    __tablename__ = "information_need"

    stakeholder_id: Mapped[str] = ref("stakeholder")
    alliance_id: Mapped[str | None] = ref("alliance", nullable=True)
    question: Mapped[str] = prose()
    decision: Mapped[str] = prose()
    answer_format: Mapped[str] = mapped_column(String(20), default="narrative")
    data_source: Mapped[str] = mapped_column(String(20), default="free_text")
    benchmark_id: Mapped[str | None] = ref("benchmark", nullable=True)
    cadence: Mapped[str] = mapped_column(String(20), default="quarterly")
    status: Mapped[str] = mapped_column(String(10), default="active")
    retired_reason: Mapped[str] = prose()
    retired_on: Mapped[date | None] = on_date()
    feedback: Mapped[str] = mapped_column(String(10), default="unknown")
    feedback_on: Mapped[date | None] = on_date()
    position: Mapped[int] = mapped_column(default=0)


class WorksheetInterview(Tracked, Base):
    """One conversation in which a stakeholder checked their worksheet: when, who, what changed."""

    __tablename__ = "worksheet_interview"

    stakeholder_id: Mapped[str] = ref("stakeholder")
    alliance_id: Mapped[str | None] = ref("alliance", nullable=True)
    held_on: Mapped[date | None] = on_date()
    interviewer: Mapped[str] = line()
    changes: Mapped[str] = prose()


class NeedFeedback(Tracked, Base):
    """What a reader said about one report item on one day: used, not used, or missing.

    The item's `feedback` and `feedback_on` hold the latest verdict; these rows keep them all.
    """

    __tablename__ = "need_feedback"

    need_id: Mapped[str] = ref("information_need")
    verdict: Mapped[str] = mapped_column(String(10), default="used")
    given_on: Mapped[date | None] = on_date()
    interview_id: Mapped[str | None] = ref("worksheet_interview", nullable=True)
    note: Mapped[str] = prose()
