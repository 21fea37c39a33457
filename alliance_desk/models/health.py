"""Health: checklists, benchmark definitions, pulse surveys, practice self-assessments."""

from datetime import date

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from alliance_desk.models.base import Base, Tracked, line, number, on_date, prose, ref


class ChecklistTemplate(Tracked, Base):
    """A checklist the portfolio uses (a lifecycle stage, culture, growth readiness, review)."""

    __tablename__ = "checklist_template"

    key: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = line()
    kind: Mapped[str] = mapped_column(String(20), default="stage")
    stage: Mapped[str | None] = mapped_column(String(20), default=None)
    description: Mapped[str] = prose()
    position: Mapped[int] = mapped_column(default=0)
    retired_on: Mapped[date | None] = on_date()


class ChecklistTemplateItem(Tracked, Base):
    __tablename__ = "checklist_template_item"

    template_id: Mapped[str] = ref("checklist_template")
    text: Mapped[str] = prose()
    guidance: Mapped[str] = prose()
    position: Mapped[int] = mapped_column(default=0)
    retired_on: Mapped[date | None] = on_date()


class ChecklistItem(Tracked, Base):
    """One alliance's copy of a template item: open, done or not applicable."""

    __tablename__ = "checklist_item"

    alliance_id: Mapped[str] = ref("alliance")
    template_id: Mapped[str | None] = ref("checklist_template", nullable=True)
    template_item_id: Mapped[str | None] = ref("checklist_template_item", nullable=True)
    text: Mapped[str] = prose()
    status: Mapped[str] = mapped_column(String(10), default="open")
    note: Mapped[str] = prose()
    done_on: Mapped[date | None] = on_date()
    owner_name: Mapped[str] = line()
    position: Mapped[int] = mapped_column(default=0)

    @property
    def title(self) -> str:
        """The item's text: tables, panels and undo texts name a record by its title."""
        return self.text


class Benchmark(Tracked, Base):
    """A benchmark definition: question, scale, traffic-light thresholds, stages, cadence."""

    __tablename__ = "benchmark"

    key: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = line()
    question: Mapped[str] = prose()
    source: Mapped[str] = mapped_column(String(30), default="survey")
    scale_min: Mapped[float] = mapped_column(default=1.0)
    scale_max: Mapped[float] = mapped_column(default=10.0)
    # Higher is better: green at or above green_at, red below red_below, yellow between.
    # Lower is better (days to resolve, revenue dependency): green at or below green_at, red
    # above red_below (the threshold is then a ceiling), yellow between.
    green_at: Mapped[float | None] = number()
    red_below: Mapped[float | None] = number()
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[str] = mapped_column(String(20), default="")
    stages: Mapped[str] = mapped_column(String(120), default="")
    cadence: Mapped[str] = mapped_column(String(20), default="quarterly")
    position: Mapped[int] = mapped_column(default=0)
    retired_on: Mapped[date | None] = on_date()


class BenchmarkOverride(Tracked, Base):
    """Per-alliance thresholds that replace a benchmark's defaults."""

    __tablename__ = "benchmark_override"

    alliance_id: Mapped[str] = ref("alliance")
    benchmark_id: Mapped[str] = ref("benchmark")
    green_at: Mapped[float | None] = number()
    red_below: Mapped[float | None] = number()


class SurveyRound(Tracked, Base):
    __tablename__ = "survey_round"

    alliance_id: Mapped[str] = ref("alliance")
    title: Mapped[str] = line()
    held_on: Mapped[date | None] = on_date()
    invited_ours: Mapped[int | None] = mapped_column(default=None)
    invited_partner: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = prose()


class SurveyResponse(Tracked, Base):
    """One respondent's answers in a round (a stakeholder, or anonymous)."""

    __tablename__ = "survey_response"

    round_id: Mapped[str] = ref("survey_round")
    stakeholder_id: Mapped[str | None] = ref("stakeholder", nullable=True)
    side: Mapped[str] = mapped_column(String(10), default="ours")
    team: Mapped[str] = line()
    comment: Mapped[str] = prose()


class SurveyScore(Tracked, Base):
    __tablename__ = "survey_score"

    response_id: Mapped[str] = ref("survey_response")
    benchmark_id: Mapped[str] = ref("benchmark")
    value: Mapped[float | None] = number()


class PracticeAssessment(Tracked, Base):
    """The manager's self-assessment of their own practice on one date."""

    __tablename__ = "practice_assessment"

    assessed_on: Mapped[date | None] = on_date()
    framework: Mapped[str] = mapped_column(String(20), default="habits")
    note: Mapped[str] = prose()


class PracticeScore(Tracked, Base):
    __tablename__ = "practice_score"

    assessment_id: Mapped[str] = ref("practice_assessment")
    item_key: Mapped[str] = mapped_column(String(40), default="")
    value: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = prose()
