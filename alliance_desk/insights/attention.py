"""What deserves a senior reader's attention: the rules that pick the few items a pre-read
shows (the top risks, the next decision and milestone, what changed since a date).

Each rule is stated in its docstring and in RULES, so the document can say how it chose.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from alliance_desk.insights.status import is_open_risk, is_pending_decision

RULES = {
    "risks": (
        "Open risks and issues, most severe first (likelihood × impact); at equal severity "
        "escalated ones, then issues (they have already happened), then the nearest review date."
    ),
    "decisions": "Pending decisions by due date, the earliest first; undated ones last.",
    "milestones": "Planned milestones by due date, the earliest first.",
}


def severity(risk: Any) -> int:
    if risk.likelihood is None or risk.impact is None:
        return 0
    return risk.likelihood * risk.impact


def top_risks(risks: Iterable[Any], count: int = 3) -> list[Any]:
    """The `count` open risks and issues that matter most, by RULES['risks']."""
    open_ones = [r for r in risks if is_open_risk(r.status)]
    return sorted(
        open_ones,
        key=lambda r: (
            -severity(r),
            r.status != "escalated",
            r.kind != "issue",
            r.review_date or date.max,
            r.title.casefold(),
        ),
    )[:count]


def pending_decisions(decisions: Iterable[Any]) -> list[Any]:
    """Pending decisions by RULES['decisions']."""
    return sorted(
        (d for d in decisions if is_pending_decision(d.status)),
        key=lambda d: (d.due_date is None, d.due_date or date.max, d.title.casefold()),
    )


def next_decision(decisions: Iterable[Any]) -> Any | None:
    pending = pending_decisions(decisions)
    return pending[0] if pending else None


def upcoming_milestones(milestones: Iterable[Any], today: date) -> list[Any]:
    """Planned milestones by RULES['milestones'] (overdue ones first: they are the earliest)."""
    return sorted(
        (m for m in milestones if m.status == "planned" and m.due_date is not None),
        key=lambda m: (m.due_date, m.title.casefold()),
    )


def next_milestone(milestones: Iterable[Any], today: date) -> Any | None:
    planned = upcoming_milestones(milestones, today)
    return planned[0] if planned else None


@dataclass(frozen=True)
class ChangeLine:
    """One thing that changed since a date, in words: 'Milestone done: First patient dosed'."""

    day: date | None
    kind: str
    text: str


def changes_since(
    since: date,
    actions: Sequence[Any] = (),
    milestones: Sequence[Any] = (),
    risks: Sequence[Any] = (),
    decisions: Sequence[Any] = (),
    payments: Sequence[Any] = (),
) -> list[ChangeLine]:
    """What happened on or after `since`, newest first: actions done, milestones met or missed,
    risks and issues raised or resolved, decisions taken, payments received."""
    found: list[ChangeLine] = []

    def add(day, kind, text):
        if day is not None and _day(day) >= since:
            found.append(ChangeLine(_day(day), kind, text))

    for a in actions:
        if a.status == "done":
            add(a.completed_on, "Action done", a.title)
    for m in milestones:
        if m.status == "done":
            add(m.completed_on, "Milestone met", m.title)
        elif m.status == "missed":
            add(m.due_date, "Milestone missed", m.title)
    for r in risks:
        noun = "Issue" if r.kind == "issue" else "Risk"
        add(r.raised_on, f"{noun} raised", r.title)
        if r.status in ("resolved", "closed"):
            add(r.resolved_on, f"{noun} resolved", r.title)
    for d in decisions:
        if d.status == "decided":
            add(d.decided_on, "Decision taken", f"{d.title} — {d.outcome}".rstrip(" —"))
    for p in payments:
        if p.status == "paid":
            add(p.paid_on, "Payment made", p.title)
    return sorted(found, key=lambda c: (c.day, c.kind, c.text), reverse=True)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
