"""On-demand questions (DOMAIN.md §1): "what risks should I raise next week?" answered offline
with plain rules — no network, no model. A question names a kind of record, a time window and
a scope (read by ask_reading.py); the answer is the three to five items that matter most, with
a one-line reason each and the ranking rule in words. "Alliances by status" and similar ask for
a chart instead: the answer then carries a ChartSpec (insights/cuts.py). Anything else gets
example questions.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from alliance_desk import clock
from alliance_desk.insights import cuts
from alliance_desk.insights.ask_reading import (
    DUE_WORDS,
    KIND_WORDS,
    Window,
    day_text,
    fold,
    read_chart,
    read_scope,
    read_window,
    words_of,
)
from alliance_desk.insights.cuts import ChartSpec
from alliance_desk.insights.health import RED, SEVERITY
from alliance_desk.insights.payments import payment_state
from alliance_desk.insights.status import is_open_action, is_open_risk, is_pending_decision
from alliance_desk.models import ActionItem, Decision, Milestone, Payment, Risk, choices

MOST_ITEMS = 5
IMPORTANCE_WEIGHT = {"critical": 4, "high": 3, "medium": 2, "low": 1}

EXAMPLES = (
    "What risks should I raise next week?",
    "Which actions are overdue?",
    "Decisions due in the next 30 days",
    "Milestones this quarter for Corvane",
    "Payments due this month",
    "Early warnings",
    "Open issues in the execution stage",
    "Alliances by status",
    "Actions by owner as a stacked bar",
    "Delivery reliability over time",
)

TABS = {
    "risks": "Risks",
    "actions": "Actions",
    "decisions": "Decisions",
    "milestones": "Milestones",
    "payments": "Payments",
    "warnings": "Health",
}

RULES = {
    "risks": "open issues first, then risks by severity (likelihood × impact) × how close the "
    "review date is (a review due within a week or already past counts fully, one a week "
    "further away half as much, and so on)",
    "actions": "overdue actions first, by days overdue × the alliance's importance (critical 4, "
    "high 3, medium 2, low 1); then the soonest due, the more important alliance first",
    "decisions": "overdue decisions first, then the soonest due; among equals the more "
    "important alliance first",
    "milestones": "overdue milestones first, then the soonest due; among equals the more "
    "important alliance first",
    "payments": "overdue and disputed payments first, then the soonest due; among equals "
    "the larger amount first",
    "warnings": "red warnings before yellow ones, then the newest first",
    "mixed": "overdue items first, then the soonest due; among equals the more important "
    "alliance first",
}

# --- the answer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerItem:
    """One thing worth attention, with a one-line reason; ids let the UI open it."""

    kind: str  # "risks", "actions", "decisions", "milestones", "payments", "warnings"
    title: str
    reason: str
    alliance_id: str | None = None
    alliance_name: str = ""
    record_id: str | None = None

    @property
    def tab(self) -> str:
        return TABS.get(self.kind, "Overview")


@dataclass(frozen=True)
class Answer:
    question: str
    understood: bool
    heading: str
    items: list[AnswerItem] = field(default_factory=list)
    rule: str = ""
    notes: list[str] = field(default_factory=list)
    chart: ChartSpec | None = None
    table: list[str] = field(default_factory=list)  # a chart answer's numbers as text
    lead: list[str] = field(default_factory=list)  # said before the items (an alliance's health)
    one_alliance: bool = False  # the heading names the alliance: items need not repeat it

    def text_lines(self) -> list[str]:
        lines = [self.heading, *self.lead]
        for number, item in enumerate(self.items, 1):
            show = item.alliance_name and not self.one_alliance
            where = f" — {item.alliance_name}" if show else ""
            lines.append(f"{number}. {item.title}{where}")
            lines.append(f"   {item.reason}")
        lines.extend(self.table)
        if self.rule:
            lines.append(f"Ranked by: {self.rule}.")
        lines.extend(self.notes)
        return lines

    def text(self) -> str:
        return "\n".join(self.text_lines())


def examples_answer(question: str, heading: str | None = None) -> Answer:
    lines = [f"  • {example}" for example in EXAMPLES]
    return Answer(
        question,
        False,
        heading or "I did not understand that question. Questions I can answer, for example:",
        notes=lines,
    )


def answer(portfolio: Any, question: str, today: date | None = None) -> Answer:
    """The answer to `question` about the open portfolio; never raises on odd text."""
    today = today or clock.today()
    question = str(question or "")
    if not question.strip() or len(question) > 2000:
        return examples_answer(question)
    words = set(words_of(question))
    if words & {"help", "examples", "example"} or "what can you" in fold(question):
        return examples_answer(question, "Questions I can answer, for example:")
    alliances = portfolio.alliances(include_archived=False)
    scope = read_scope(question, alliances)
    chart = read_chart(question, portfolio, scope)
    kinds = _kinds(words)
    window = read_window(question, today)
    if chart is None and not kinds:
        if window is not None or words & set(DUE_WORDS):
            kinds = ["actions", "milestones", "decisions", "payments"]
        elif scope.kind == "alliance":
            kinds = ["risks", "actions", "decisions", "milestones", "payments"]
        else:
            return examples_answer(question)
    if not alliances:
        return Answer(
            question,
            True,
            "This portfolio has no alliances yet, so there is nothing to report. "
            "Add an alliance (Alliance ▸ New alliance) and its records first.",
        )
    if chart is not None:
        return _chart_answer(portfolio, question, chart, today)
    return _list_answer(portfolio, question, kinds, window, scope, today)


def _kinds(words: set[str]) -> list[str]:
    found = [kind for kind, names in KIND_WORDS.items() if words & set(names)]
    if "issues" in found and "risks" in found and not words & {"risk", "risks", "raise"}:
        found.remove("risks")
    return found


def _chart_answer(portfolio: Any, question: str, spec: ChartSpec, today: date) -> Answer:
    try:
        result = cuts.evaluate(portfolio, spec, today)
    except cuts.SpecError as exc:
        return Answer(question, True, str(exc))
    return Answer(
        question,
        True,
        result.title,
        chart=spec,
        table=result.text_lines()[1:],
    )


# --- lists of items ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    item: AnswerItem
    rank: tuple


def _weight(alliance: Any) -> int:
    return IMPORTANCE_WEIGHT.get(alliance.importance, 2)


def _due_words(due: date | None, today: date) -> str:
    if due is None:
        return "no due date"
    days = (due - today).days
    if days < 0:
        return f"{-days} day{'s' * (days != -1)} overdue (due {day_text(due, today)})"
    if days == 0:
        return "due today"
    return f"due {day_text(due, today)}" + (f", in {days} days" if days > 1 else ", tomorrow")


def _is_past(window: Window | None, today: date) -> bool:
    """A window wholly before today ("last month"): asks what happened then."""
    return (
        window is not None and not window.overdue and window.end is not None and window.end < today
    )


def _in_window(window: Window | None, day: date | None, today: date) -> bool:
    if window is None:
        return True
    if window.overdue:
        return day is not None and day < today
    return window.contains(day)


def _risks(portfolio, ids, window, today, issues_only=False) -> tuple[list[_Candidate], int]:
    found, outside = [], 0
    past = _is_past(window, today)
    for row in portfolio.tracking_rows(Risk):
        alliance = ids.get(row.alliance_id)
        if alliance is None or (issues_only and row.kind != "issue"):
            continue
        if past:  # what came up then: raised in the window, whatever its status now
            if not window.contains(row.raised_on):
                continue
        elif not is_open_risk(row.status):
            continue
        elif window is not None and not _in_window(window, row.review_date, today):
            if row.review_date is not None and row.review_date < today:
                outside += 1
            continue
        severity = row.severity
        days = (row.review_date - today).days if row.review_date else 60
        proximity = 1.0 / (1 + max(0, days) // 7)
        score = (severity if severity is not None else 6) * proximity
        kind = choices.RISK_KINDS.get(row.kind, row.kind)
        parts = [kind]
        if severity is not None:
            parts.append(f"severity {severity} (likelihood {row.likelihood} × impact {row.impact})")
        else:
            parts.append("not yet scored")
        if row.status == "escalated":
            parts.append("escalated")
        elif past:
            parts.append(choices.RISK_STATUSES.get(row.status, row.status).lower())
        if row.review_date:
            parts.append("review " + _due_words(row.review_date, today).replace("due ", "", 1))
        if row.owner_name:
            parts.append(f"owner {row.owner_name}")
        found.append(
            _Candidate(
                AnswerItem(
                    "risks", row.title, " · ".join(parts), alliance.id, alliance.name, row.id
                ),
                (row.kind != "issue", -score, row.review_date or date.max),
            )
        )
    return found, outside


def _dated(
    portfolio, model, kind, ids, window, today, is_open, noun_status
) -> tuple[list[_Candidate], int]:
    """Actions, decisions, milestones: open ones due in the window (done ones for a past one)."""
    found, overdue_outside = [], 0
    past = _is_past(window, today)
    for row in portfolio.tracking_rows(model):
        alliance = ids.get(row.alliance_id)
        if alliance is None:
            continue
        due = row.due_date
        if past:
            if not window.contains(due):
                continue
        else:
            if not is_open(row.status):
                continue
            if not _in_window(window, due, today):
                if window is not None and due is not None and due < today:
                    overdue_outside += 1
                continue
        overdue_days = (
            (today - due).days if due is not None and due < today and is_open(row.status) else 0
        )
        weight = _weight(alliance)
        parts = [_due_words(due, today) if not past else f"due {day_text(due, today)}"]
        if past or row.status not in ("open", "pending", "planned"):
            parts.append(noun_status.get(row.status, row.status).lower())
        if kind == "actions":
            owner = row.owner_current or row.owner_name
            if owner:
                parts.append(f"owner {owner}")
        if kind == "decisions":
            parts.append(choices.FORUMS.get(row.forum, row.forum))
        parts.append(
            f"{choices.IMPORTANCE.get(alliance.importance, alliance.importance).lower()} importance"
        )
        found.append(
            _Candidate(
                AnswerItem(kind, row.title, " · ".join(parts), alliance.id, alliance.name, row.id),
                (overdue_days == 0, -overdue_days * weight, due or date.max, -weight),
            )
        )
    return found, overdue_outside


def _payments(portfolio, ids, window, today) -> tuple[list[_Candidate], int]:
    found, outside = [], 0
    past = _is_past(window, today)
    for row in portfolio.tracking_rows(Payment):
        alliance = ids.get(row.alliance_id)
        if alliance is None:
            continue
        state = payment_state(row.status, row.due_date, today)
        if past:
            if not (window.contains(row.due_date) or window.contains(row.paid_on)):
                continue
        else:
            if state not in ("expected", "invoiced", "disputed", "overdue"):
                continue
            if not _in_window(window, row.due_date, today) and not (
                state == "disputed" and window is not None and window.overdue
            ):
                if state in ("overdue", "disputed") and window is not None:
                    outside += 1
                continue
        flagged = state in ("overdue", "disputed")
        amount = f"{row.amount:,.0f} {row.currency}" if row.amount is not None else "no amount"
        parts = [
            choices.PAYMENT_DIRECTIONS.get(row.direction, row.direction),
            amount,
            "disputed" if state == "disputed" else _due_words(row.due_date, today),
        ]
        if past and state == "paid":
            parts.append(f"paid {day_text(row.paid_on, today)}" if row.paid_on else "paid")
        found.append(
            _Candidate(
                AnswerItem(
                    "payments", row.title, " · ".join(parts), alliance.id, alliance.name, row.id
                ),
                (not flagged, row.due_date or date.max, -(row.amount or 0)),
            )
        )
    return found, outside


def _warnings(portfolio, ids, window, today) -> tuple[list[_Candidate], int]:
    found = []
    for warning in portfolio.early_warnings():
        alliance = ids.get(warning.alliance_id)
        if alliance is None:
            continue
        if window is not None and not window.overdue and not window.contains(warning.on):
            continue
        colour = "red" if warning.severity == RED else "yellow"
        since = f" since {day_text(warning.on, today)}" if warning.on else ""
        reason = f"{colour.capitalize()} warning{since}"
        if warning.proposes_review:
            reason += " · calls for a review within two weeks"
        found.append(
            _Candidate(
                AnswerItem("warnings", warning.text, reason, alliance.id, alliance.name),
                (-SEVERITY[warning.severity], -(warning.on or date.min).toordinal()),
            )
        )
    return found, 0


_NOUN = {
    "risks": "risks and issues",
    "issues": "open issues",
    "actions": "actions",
    "decisions": "decisions",
    "milestones": "milestones",
    "payments": "payments",
    "warnings": "early warnings",
}


def _list_answer(portfolio, question, kinds, window, scope, today) -> Answer:
    ids = {a.id: a for a in scope.alliances}
    all_found: list[_Candidate] = []
    overdue_outside = 0
    for kind in kinds:
        if kind in ("risks", "issues"):
            found, outside = _risks(portfolio, ids, window, today, issues_only=kind == "issues")
        elif kind == "actions":
            found, outside = _dated(
                portfolio,
                ActionItem,
                "actions",
                ids,
                window,
                today,
                is_open_action,
                choices.ACTION_STATUSES,
            )
        elif kind == "decisions":
            found, outside = _dated(
                portfolio,
                Decision,
                "decisions",
                ids,
                window,
                today,
                is_pending_decision,
                choices.DECISION_STATUSES,
            )
        elif kind == "milestones":
            found, outside = _dated(
                portfolio,
                Milestone,
                "milestones",
                ids,
                window,
                today,
                lambda s: s == "planned",
                choices.MILESTONE_STATUSES,
            )
        elif kind == "payments":
            found, outside = _payments(portfolio, ids, window, today)
        else:
            found, outside = _warnings(portfolio, ids, window, today)
        if len(kinds) > 1:  # one ranking across kinds: overdue first, then the soonest
            found = [_Candidate(c.item, _mixed_rank(c, today)) for c in found]
        all_found.extend(found)
        overdue_outside += outside
    if "risks" in kinds and "issues" in kinds:
        seen, unique = set(), []
        for c in all_found:
            if c.item.record_id not in seen or c.item.record_id is None:
                unique.append(c)
                seen.add(c.item.record_id)
        all_found = unique
    all_found.sort(key=lambda c: c.rank)
    chosen = [c.item for c in all_found[:MOST_ITEMS]]
    noun = _noun(kinds, question)
    if _is_past(window, today) and kinds in (["risks"], ["issues"]):
        noun += " raised"
    when = f" {window.describe()}" if window is not None else ""
    heading = f"{noun[:1].upper()}{noun[1:]}{when} {scope.words}"
    if not all_found:
        heading = f"Nothing found: no {noun}{when} {scope.words}."
    else:
        heading += f" — the {len(chosen)} that matter most" if len(all_found) > len(chosen) else ""
        heading += f" ({len(all_found)} found)" if len(all_found) > len(chosen) else ""
    notes = []
    if len(all_found) > len(chosen):
        notes.append(f"{len(all_found) - len(chosen)} more not shown.")
    if overdue_outside and window is not None and not window.overdue:
        notes.append(
            f"Also {overdue_outside} overdue from before — ask about overdue ones to see them."
        )
    lead = []
    if scope.kind == "alliance" and len(kinds) > 2:
        for alliance in scope.alliances:
            lead.append(f"Health: {portfolio.health_status(alliance).text()}.")
    if scope.kind == "stage" and not scope.alliances:
        notes.append(f"No working alliance is {scope.words}.")
    key = kinds[0] if len(kinds) == 1 else "mixed"
    rule = RULES.get("risks" if key == "issues" else key, RULES["mixed"]) if chosen else ""
    one = scope.kind == "alliance" and len(scope.alliances) == 1
    return Answer(question, True, heading, chosen, rule, notes, lead=lead, one_alliance=one)


def _mixed_rank(candidate: _Candidate, today: date) -> tuple:
    """Across kinds: overdue first (most overdue first), then by the date in the reason."""
    rank = candidate.rank
    dates = [v for v in rank if isinstance(v, date)]
    day = dates[0] if dates else date.max
    weight = -rank[-1] if isinstance(rank[-1], int) else 0
    return (day >= today, day, -weight)


def _noun(kinds: Iterable[str], question: str) -> str:
    kinds = list(kinds)
    if "risks" in kinds and "raise" in words_of(question) and len(kinds) == 1:
        return "risks and issues to raise"
    if len(kinds) == 1:
        return _NOUN[kinds[0]]
    if set(kinds) == {"actions", "milestones", "decisions", "payments"}:
        return "items due"
    if set(kinds) == {"risks", "actions", "milestones", "decisions", "payments"}:
        return "what needs attention"
    return " and ".join(_NOUN[k] for k in kinds)
