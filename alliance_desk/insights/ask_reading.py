"""Reading a question for the Ask box (insights/ask.py): which kinds of record it is about,
the time window ("next week", "in the next 30 days", "overdue" ...), the scope (the portfolio,
one alliance by part of its name, a stage, a partner) and whether it asks for a chart
("alliances by status"). Plain word rules, no model: odd text simply matches nothing.
"""

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from alliance_desk.insights import cuts
from alliance_desk.insights.cuts import ChartSpec
from alliance_desk.models import choices

MAX_DAYS = 3660  # "the next N days" beyond ten years is read as ten years

KIND_WORDS = {
    "risks": ("risk", "risks", "raise", "threat", "threats"),
    "issues": ("issue", "issues", "problem", "problems"),
    "actions": ("action", "actions", "task", "tasks", "todo", "todos", "follow", "followups"),
    "decisions": ("decision", "decisions", "decide", "approve", "approval", "approvals"),
    "milestones": (
        "milestone",
        "milestones",
        "deliverable",
        "deliverables",
        "commitment",
        "commitments",
    ),
    "payments": (
        "payment",
        "payments",
        "invoice",
        "invoices",
        "royalty",
        "royalties",
        "financial",
        "financials",
        "money",
        "paid",
    ),
    "warnings": (
        "warning",
        "warnings",
        "alert",
        "alerts",
        "flag",
        "flags",
        "attention",
        "worry",
        "worried",
    ),
}
DUE_WORDS = ("due", "upcoming", "coming", "deadline", "deadlines", "agenda", "plate")
_CHART_WORDS = ("chart", "graph", "plot", "bar", "bars", "stacked", "line", "trend", "visual")
_CUT_WORDS = {
    "stage": ("stage", "stages", "lifecycle", "phase", "phases"),
    "status": ("status", "statuses", "state"),
    "health": ("health", "light", "lights", "rag"),
    "type": ("type", "types", "kind", "kinds"),
    "partner": ("partner", "partners", "company", "companies"),
    "business_area": ("area", "areas", "unit", "units", "bu", "business", "franchise"),
    "owner": ("owner", "owners", "person", "people", "who", "lead", "leads"),
    "alliance": ("alliance", "alliances", "deal", "deals"),
}
_RECORD_NOUNS = {
    "actions": ("action", "actions", "task", "tasks"),
    "risks": ("risk", "risks", "issue", "issues"),
    "milestones": ("milestone", "milestones", "deliverable", "deliverables"),
    "decisions": ("decision", "decisions"),
    "payments": ("payment", "payments"),
    "alliances": ("alliance", "alliances", "deal", "deals"),
}
_STAGE_WORDS = {
    "formation": "formation",
    "forming": "formation",
    "governance": "governance",
    "execution": "execution",
    "executing": "execution",
    "evaluation": "evaluation",
    "renewal": "renewal_exit",
    "exit": "renewal_exit",
}
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
    "a": 1,
}
_STOP_WORDS = """
the a an and or of in on at to for with by per what which who how is are be should i we me my
our us do does did next this last week weeks month months quarter quarters year days day today
tomorrow overdue late due open all any show list give tell about from across over time
portfolio alliance alliances partner partners stage status health type owner raise bring up
need needs have has there their its it as chart graph plot bar stacked line co joint venture
development commercialisation commercialization licensing distribution integration marketing
research collaboration inc ltd gmbh ag bio pharma therapeutics
"""
_STOP = frozenset(_STOP_WORDS.split())  # words that never name an alliance or a partner


def fold(text: str) -> str:
    """Lower case, accents kept but compatibility forms folded, control characters gone."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch if ch.isprintable() else " " for ch in text)


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


@dataclass(frozen=True)
class Window:
    """A time window in days (inclusive); `past` when it lies before today."""

    start: date | None
    end: date | None
    words: str
    overdue: bool = False

    def contains(self, day: date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        if self.overdue or self.start is None or self.end is None:
            return self.words
        if self.start == self.end:
            return f"{self.words} ({day_text(self.start)})"
        start = day_text(self.start, self.end if self.start.year == self.end.year else None)
        return f"{self.words} ({start} – {day_text(self.end)})"


def day_text(day: date, today: date | None = None) -> str:
    """'Wed 2 Dec 2026'; without the year when it is `today`'s year."""
    year = "" if today is not None and day.year == today.year else f" {day.year}"
    return f"{day:%a} {day.day} {day:%b}{year}"


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int | None:
    if word.isdigit():
        return min(int(word[:6]), MAX_DAYS)
    return _NUMBERS.get(word)


def read_window(text: str, today: date) -> Window | None:
    """The time window a question names, or None for 'any time'."""
    t = " ".join(words_of(text))
    match = re.search(
        r"\b(?:next|coming|within|in)\s+(?:the\s+)?(?:next\s+)?(\w+)\s+(days?|weeks?|months?)\b", t
    )
    if match:
        n = _count(match.group(1))
        if n is not None and n > 0:
            unit = match.group(2).rstrip("s")
            days = min(n * {"day": 1, "week": 7, "month": 30}[unit], MAX_DAYS)
            return Window(
                today, today + timedelta(days=days), f"in the next {n} {unit}{'s' * (n != 1)}"
            )
    if re.search(r"\b(overdue|late|past due|behind|slipped|slipping)\b", t):
        return Window(None, today - timedelta(days=1), "overdue", overdue=True)
    monday = today - timedelta(days=today.weekday())
    month_start = today.replace(day=1)
    quarter = _quarter_start(today)
    windows: list[tuple[str, Callable[[], Window]]] = [
        (r"\btoday\b", lambda: Window(today, today, "today")),
        (r"\btomorrow\b", lambda: Window(today + timedelta(1), today + timedelta(1), "tomorrow")),
        (
            r"\bnext week\b",
            lambda: Window(monday + timedelta(7), monday + timedelta(13), "next week"),
        ),
        (r"\bthis week\b", lambda: Window(today, monday + timedelta(6), "this week")),
        (
            r"\blast week\b",
            lambda: Window(monday - timedelta(7), monday - timedelta(1), "last week"),
        ),
        (
            r"\bnext month\b",
            lambda: Window(
                _add_months(month_start, 1), _month_end(_add_months(month_start, 1)), "next month"
            ),
        ),
        (r"\bthis month\b", lambda: Window(today, _month_end(today), "this month")),
        (
            r"\blast month\b",
            lambda: Window(_add_months(month_start, -1), month_start - timedelta(1), "last month"),
        ),
        (
            r"\bnext quarter\b",
            lambda: Window(
                _add_months(quarter, 3), _add_months(quarter, 6) - timedelta(1), "next quarter"
            ),
        ),
        (
            r"\bthis quarter\b",
            lambda: Window(today, _add_months(quarter, 3) - timedelta(1), "this quarter"),
        ),
        (
            r"\blast quarter\b",
            lambda: Window(_add_months(quarter, -3), quarter - timedelta(1), "last quarter"),
        ),
        (r"\bthis year\b", lambda: Window(today, date(today.year, 12, 31), "this year")),
    ]
    for pattern, make in windows:
        if re.search(pattern, t):
            return make()
    return None


@dataclass(frozen=True)
class Scope:
    """Which alliances a question is about: all working ones, one (or a few) by name, the
    alliances in a stage, or those with one partner."""

    alliances: list[Any]
    words: str = "across the portfolio"
    kind: str = "portfolio"  # "portfolio", "alliance", "stage", "partner"
    key: str = ""


def _distinctive(values: dict[str, str]) -> dict[str, set[str]]:
    """Per id, the tokens of its text that can name it (no stop words, no tiny words)."""
    return {
        ident: {w for w in words_of(text) if w not in _STOP and (len(w) >= 3 or w.isdigit())}
        for ident, text in values.items()
    }


def read_scope(text: str, alliances: list[Any]) -> Scope:
    words = set(words_of(text))
    folded = fold(text)
    # a full alliance name in the question wins
    whole = [a for a in alliances if a.name.strip() and fold(a.name.strip()) in folded]
    if whole:
        best = max(len(a.name) for a in whole)
        chosen = [a for a in whole if len(a.name) == best]
        return Scope(chosen, "for " + ", ".join(a.name for a in chosen), "alliance", chosen[0].id)
    names = _distinctive({a.id: a.name for a in alliances})
    scores = {a.id: len(names[a.id] & words) for a in alliances}
    top = max(scores.values(), default=0)
    if top > 0:
        chosen = [a for a in alliances if scores[a.id] == top]
        return Scope(chosen, "for " + ", ".join(a.name for a in chosen), "alliance", chosen[0].id)
    partners = _distinctive({a.id: a.partner for a in alliances})
    scores = {a.id: len(partners[a.id] & words) for a in alliances}
    top = max(scores.values(), default=0)
    if top > 0:
        best = next(a for a in alliances if scores[a.id] == top).partner
        chosen = [a for a in alliances if fold(a.partner) == fold(best)]
        return Scope(chosen, f"with {best}", "partner", best)
    for word in words_of(text):
        stage = _STAGE_WORDS.get(word)
        if stage is not None:
            chosen = [a for a in alliances if a.stage == stage]
            label = choices.STAGES[stage].lower()
            return Scope(chosen, f"in the {label} stage", "stage", stage)
    return Scope(list(alliances))


# --- charts -----------------------------------------------------------------------------------


def read_chart(question: str, portfolio: Any, scope: Scope) -> ChartSpec | None:
    """A ChartSpec when the question asks for a cut ("alliances by status"), else None."""
    tokens = words_of(question)
    words = set(tokens)
    text = " ".join(tokens)
    cut = None
    match = re.search(
        r"\b(?:by|per|across|each)\s+(?:the\s+|their\s+|its\s+)?(\w+)(?:\s+(\w+))?", text
    )
    if match:
        for name, names in _CUT_WORDS.items():
            if match.group(1) in names:
                cut = name
                break
        if match.group(1) == "business" or match.group(1) == "therapeutic":
            cut = "business_area"
        if match.group(1) in ("month", "quarter", "months", "quarters"):
            cut = "portfolio"
    over_time = bool(
        re.search(
            r"\b(over time|trends?|monthly|quarterly|(?:by|per) (?:month|quarter))\b",
            text,
        )
    )
    asks_chart = bool(words & set(_CHART_WORDS)) or over_time
    if cut is None and not asks_chart:
        return None
    measure = "count"
    benchmark = None
    if re.search(r"\b(on time|ontime|delivery reliability|reliability|delivered)\b", text):
        measure = "on_time"
    elif "overdue" in words or "late" in words:
        measure = "overdue"
    else:
        for b in portfolio.live_benchmarks():
            if b.name.strip() and fold(b.name.strip()) in fold(question):
                measure, benchmark = "mean_score", b.name
                break
    records = "alliances"
    for name, nouns in _RECORD_NOUNS.items():
        if name != "alliances" and words & set(nouns):
            records = name
            break
    if cut is None:
        if measure == "count" and records == "alliances" and not over_time:
            return None  # "show me a chart" with nothing to chart: not understood
        cut = "portfolio"
    kind = "bar"
    if "stacked" in words or "stack" in words:
        kind = "stacked"
    elif over_time or "line" in words:
        kind = "line"
    period = "month" if re.search(r"\b(month|months|monthly)\b", text) else "quarter"
    filters: dict[str, list[str]] = {}
    if scope.kind == "stage":
        filters["stage"] = [scope.key]
    elif scope.kind == "partner":
        filters["partner"] = [scope.alliances[0].partner.strip()] if scope.alliances else []
    elif scope.kind == "alliance":
        filters["alliance"] = [a.id for a in scope.alliances]
        if cut == "alliance":
            cut = "owner" if records != "alliances" else "alliance"
    stack = None
    split = re.search(r"\b(?:split|stacked|coloured|colored)\s+by\s+(\w+)", text)
    if split:
        for name, names in _CUT_WORDS.items():
            if split.group(1) in names and name != cut:
                stack = name
                kind = "stacked"
    try:
        return ChartSpec(
            cut=cut,
            measure=measure,
            kind=kind,
            records=records,
            benchmark=benchmark,
            stack=stack,
            period=period,
            filters=filters,
            open_only=measure == "count" and kind != "stacked",
        )
    except cuts.SpecError:
        return None
