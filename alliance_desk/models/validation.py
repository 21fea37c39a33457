"""Rules a record must satisfy before it is stored; each failure names the field and the problem.

Forms show `ValidationError.message` next to `ValidationError.field`; the CLI prints it.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer

from alliance_desk import clock
from alliance_desk.models import choices
from alliance_desk.models.alliance import Alliance, StageChange
from alliance_desk.models.health import (
    Benchmark,
    BenchmarkOverride,
    ChecklistItem,
    ChecklistTemplateItem,
    PracticeScore,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
)
from alliance_desk.models.limits import (  # here too, for the rules' readers
    EARLIEST,
    LATEST,
    LONG_TEXT_MAX,
    MAX_AMOUNT,
    SHORT_TEXT_MAX,
    TRACKING_EARLIEST,
    TRACKING_LATEST,
    ValidationError,
    threshold_problem,
)
from alliance_desk.models.people import (
    AllianceStakeholder,
    InformationNeed,
    NeedFeedback,
    Stakeholder,
    WorksheetInterview,
)
from alliance_desk.models.tracking import ActionItem, Decision, Meeting, Milestone, Payment, Risk


@dataclass(frozen=True)
class Rules:
    required: tuple[str, ...] = ()
    choices: tuple[tuple[str, dict], ...] = ()
    scores: tuple[str, ...] = ()  # integers 1..5
    before: tuple[tuple[str, str], ...] = ()  # (earlier, later) date pairs
    labels: tuple[tuple[str, str], ...] = ()  # field -> label used in messages


RULES: dict[type, Rules] = {
    Alliance: Rules(
        required=("name",),
        choices=(
            ("alliance_type", choices.ALLIANCE_TYPES),
            ("stage", choices.STAGES),
            ("status", choices.ALLIANCE_STATUSES),
            ("importance", choices.IMPORTANCE),
        ),
        before=(("start_date", "renewal_date"),),
        labels=(("start_date", "start date"), ("renewal_date", "renewal date")),
    ),
    StageChange: Rules(required=("alliance_id",), choices=(("stage", choices.STAGES),)),
    Stakeholder: Rules(
        required=("name",),
        choices=(("side", choices.SIDES), ("group", choices.STAKEHOLDER_GROUPS)),
        scores=("influence", "interest"),
    ),
    AllianceStakeholder: Rules(required=("alliance_id", "stakeholder_id")),
    InformationNeed: Rules(
        required=("stakeholder_id", "question"),
        choices=(
            ("answer_format", choices.ANSWER_FORMATS),
            ("data_source", choices.DATA_SOURCES),
            ("cadence", choices.CADENCES),
            ("status", choices.NEED_STATUSES),
            ("feedback", choices.NEED_FEEDBACK),
        ),
    ),
    WorksheetInterview: Rules(
        required=("stakeholder_id", "held_on"),
        labels=(("held_on", "interview date"),),
    ),
    NeedFeedback: Rules(
        required=("need_id", "given_on"),
        choices=(("verdict", choices.FEEDBACK_VERDICTS),),
        labels=(("given_on", "feedback date"),),
    ),
    ActionItem: Rules(
        required=("alliance_id", "title"),
        choices=(
            ("side", choices.ACTION_SIDES),
            ("status", choices.ACTION_STATUSES),
            ("source", choices.ACTION_SOURCES),
        ),
        scores=("impact", "feasibility"),
        labels=(("due_date", "due date"), ("completed_on", "completed date")),
    ),
    Milestone: Rules(
        required=("alliance_id", "title"),
        choices=(
            ("kind", choices.MILESTONE_KINDS),
            ("owner_side", choices.ACTION_SIDES),
            ("status", choices.MILESTONE_STATUSES),
        ),
        labels=(("due_date", "due date"), ("completed_on", "completed date")),
    ),
    Risk: Rules(
        required=("alliance_id", "title"),
        choices=(
            ("kind", choices.RISK_KINDS),
            ("category", choices.RISK_CATEGORIES),
            ("status", choices.RISK_STATUSES),
        ),
        scores=("likelihood", "impact"),
        before=(("raised_on", "escalated_on"), ("raised_on", "resolved_on")),
        labels=(
            ("raised_on", "raised date"),
            ("escalated_on", "escalated date"),
            ("resolved_on", "resolved date"),
        ),
    ),
    Decision: Rules(
        required=("alliance_id", "title"),
        choices=(("forum", choices.FORUMS), ("status", choices.DECISION_STATUSES)),
        labels=(("due_date", "due date"), ("decided_on", "decision date")),
    ),
    Meeting: Rules(
        required=("alliance_id", "title"),
        choices=(("forum", choices.MEETING_TYPES), ("status", choices.MEETING_STATUSES)),
        labels=(("forum", "meeting type"), ("held_on", "meeting date")),
    ),
    Payment: Rules(
        required=("alliance_id", "title"),
        choices=(
            ("kind", choices.PAYMENT_KINDS),
            ("direction", choices.PAYMENT_DIRECTIONS),
            ("status", choices.PAYMENT_STATUSES),
        ),
        labels=(("due_date", "due date"), ("paid_on", "paid date")),
    ),
    ChecklistItem: Rules(
        required=("alliance_id", "text"), choices=(("status", choices.CHECK_STATUSES),)
    ),
    ChecklistTemplateItem: Rules(required=("template_id", "text"), labels=(("text", "item"),)),
    Benchmark: Rules(required=("name",), choices=(("source", choices.BENCHMARK_SOURCES),)),
    BenchmarkOverride: Rules(required=("alliance_id", "benchmark_id")),
    SurveyRound: Rules(required=("alliance_id",)),
    SurveyResponse: Rules(required=("round_id",), choices=(("side", choices.SIDES),)),
    SurveyScore: Rules(required=("response_id", "benchmark_id")),
    PracticeScore: Rules(required=("assessment_id", "item_key")),
}


def validate(record: Any) -> None:
    """Raise ValidationError for the first broken rule of `record` (an ORM object)."""
    _check_text_and_numbers(record)
    rules = RULES.get(type(record), Rules())
    labels = dict(rules.labels)

    def label(field: str) -> str:
        return labels.get(field, field.replace("_", " "))

    for field in rules.required:
        value = getattr(record, field)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError(field, f"The {label(field)} must not be empty.")
    for field, allowed in rules.choices:
        value = getattr(record, field)
        if value not in allowed:
            options = ", ".join(allowed.values())
            shown = _quoted(value)
            raise ValidationError(field, f"{shown} is not a valid {label(field)} ({options}).")
    for field in rules.scores:
        value = getattr(record, field)
        if value is not None and (not isinstance(value, int) or not 1 <= value <= 5):
            raise ValidationError(field, f"The {label(field)} must be a whole number from 1 to 5.")
    for earlier, later in rules.before:
        a, b = getattr(record, earlier), getattr(record, later)
        if a is not None and b is not None and b < a:
            raise ValidationError(
                later, f"The {label(later)} must not be before the {label(earlier)}."
            )
    _check_special(record)
    _check_tracking(record, label)


def _python_type(column) -> tuple[type, ...]:
    """The Python types a column accepts, and the words for them in a message."""
    kind = column.type
    if isinstance(kind, Boolean):
        return (bool,)
    if isinstance(kind, DateTime):
        return (datetime,)
    if isinstance(kind, Date):
        return (date,)
    if isinstance(kind, Integer):
        return (int,)
    if isinstance(kind, Float):
        return (int, float)
    return (str,)


TYPE_WORDS = {bool: "yes or no", datetime: "a date and time", date: "a date", int: "a whole number"}


def _check_types(record: Any) -> None:
    """A value of the wrong Python type (text for a number, say) is named, not a crash later."""
    for column in record.__table__.columns:
        value = getattr(record, column.key)
        if value is None:
            continue
        allowed = _python_type(column)
        wrong = not isinstance(value, allowed)
        if isinstance(value, bool) and bool not in allowed:
            wrong = True  # True is an int to Python, not a score to us
        if isinstance(value, datetime) and datetime not in allowed:
            wrong = True  # a date column takes a date, not a moment
        if wrong:
            words = "a number" if float in allowed else TYPE_WORDS.get(allowed[0], "text")
            label = column.key.replace("_", " ")
            raise ValidationError(column.key, f"The {label} must be {words}, not {_quoted(value)}.")


def _check_text_and_numbers(record: Any) -> None:
    _check_types(record)
    table = record.__table__
    for column in table.columns:
        value = getattr(record, column.key)
        if isinstance(value, str):
            _check_string(column.key, value, getattr(column.type, "length", None))
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(column.key, "The number must be finite.")
        elif isinstance(value, date) and not EARLIEST <= _as_date(value) <= LATEST:
            raise ValidationError(
                column.key, f"The date {value:%Y-%m-%d} is outside the years 1900 to 2200."
            )


def _quoted(value: Any, limit: int = 40) -> str:
    """A value as one short line for a message: whitespace and control characters folded,
    long text cut (a pasted 100,000-character value must not become the message)."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    text = " ".join(text.split())
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _check_string(field: str, value: str, length: int | None) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            field, "The text holds characters that cannot be stored (broken Unicode)."
        ) from None
    if "\x00" in value:
        raise ValidationError(field, "The text holds a NUL character, which cannot be stored.")
    limit = SHORT_TEXT_MAX if length else LONG_TEXT_MAX
    if len(value) > max(limit, length or 0):
        raise ValidationError(field, f"The text is too long (at most {limit:,} characters).")


def _check_special(record: Any) -> None:
    share = getattr(record, "revenue_share", None)
    if isinstance(record, Alliance) and share is not None and not 0 <= share <= 100:
        raise ValidationError("revenue_share", "The revenue share must be from 0 to 100 %.")
    others = getattr(record, "alternative_partners", None)
    if isinstance(record, Alliance) and others is not None and others < 0:
        raise ValidationError("alternative_partners", "The number must not be negative.")
    if isinstance(record, Benchmark):
        if record.scale_max <= record.scale_min:
            raise ValidationError("scale_max", "The top of the scale must be above the bottom.")
        for field in ("green_at", "red_below"):
            value = getattr(record, field)
            if value is not None and not record.scale_min <= value <= record.scale_max:
                raise ValidationError(field, "The threshold must lie on the benchmark's scale.")
        problem = threshold_problem(record.green_at, record.red_below, record.higher_is_better)
        if problem is not None:
            raise ValidationError(*problem)
    if isinstance(record, Payment) and record.amount is not None and record.amount < 0:
        raise ValidationError("amount", "The amount must not be negative; choose the direction.")
    if isinstance(record, Payment) and record.amount is not None and record.amount > MAX_AMOUNT:
        raise ValidationError("amount", "The amount is too large (at most 1,000,000,000,000).")
    if isinstance(record, Payment) and record.currency not in choices.CURRENCIES:
        raise ValidationError(
            "currency",
            f"{_quoted(record.currency)} is not a currency code; use a three-letter ISO code "
            "such as EUR, USD or GBP.",
        )
    if isinstance(record, SurveyRound):
        for field in ("invited_ours", "invited_partner"):
            value = getattr(record, field)
            if value is not None and value < 0:
                raise ValidationError(field, "The number invited must not be negative.")
    value = getattr(record, "value", None)
    if isinstance(record, PracticeScore) and value is not None and not 1 <= value <= 5:
        raise ValidationError("value", "The score must be a whole number from 1 to 5.")
    if (
        isinstance(record, InformationNeed)
        and record.status == "retired"
        and not (record.retired_reason or "").strip()
    ):
        raise ValidationError("retired_reason", "Say why the item is retired.")


TRACKING_MODELS = (ActionItem, Milestone, Risk, Decision, Meeting, Payment)
# Dates that say something has happened: they cannot lie in the future.
HAPPENED_DATES = {
    ActionItem: ("completed_on",),
    Milestone: ("completed_on",),
    Risk: ("escalated_on", "resolved_on"),
    Decision: ("decided_on",),
    Payment: ("paid_on",),
}


def _check_tracking(record: Any, label) -> None:
    """Plausible dates on the daily records, and nothing done on a day still to come."""
    if not isinstance(record, TRACKING_MODELS):
        return
    for column in record.__table__.columns:
        value = getattr(record, column.key)
        if isinstance(value, date) and not TRACKING_EARLIEST <= _as_date(value) <= TRACKING_LATEST:
            raise ValidationError(
                column.key,
                f"The {label(column.key)} {value:%Y-%m-%d} is not plausible; use a date from "
                f"{TRACKING_EARLIEST.year} to {TRACKING_LATEST.year}.",
            )
    today = clock.today()
    for field in HAPPENED_DATES.get(type(record), ()):
        value = getattr(record, field)
        if value is not None and value > today:
            raise ValidationError(field, f"The {label(field)} cannot be in the future.")
    if isinstance(record, Meeting) and record.status == "held":
        if record.held_on is not None and record.held_on > today:
            raise ValidationError(
                "status", "A meeting dated in the future cannot have been held yet."
            )
