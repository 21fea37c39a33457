"""Flags over tracked records: what counts as open, overdue or pending, and per-alliance counts.

The UI colours and counts with these rules; it never decides them itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# Statuses that end a record's life: nothing is due any more (actions, milestones, risks,
# decisions, meetings, payments, checklist items use these words).
FINISHED_STATUSES = frozenset(
    {"done", "cancelled", "missed", "resolved", "closed", "decided", "held", "paid", "na"}
)
OPEN_ACTION_STATUSES = frozenset({"open", "in_progress"})
OPEN_RISK_STATUSES = frozenset({"open", "monitoring", "escalated"})
PENDING_DECISION_STATUSES = frozenset({"pending"})
# what the counts here and the on-time share (tracking.delivery_reliability) read, by kind:
# the Dashboard reads these columns of every working alliance's records, not whole rows
COUNTED_FIELDS = {
    "risks": ("status",),
    "decisions": ("status", "due_date"),
    "milestones": ("status", "due_date", "completed_on", "owner_side"),
}


def is_overdue(due_date: date | None, status: str, today: date) -> bool:
    """True if a due date has passed and the record is not finished (done, cancelled, ...)."""
    return due_date is not None and due_date < today and status not in FINISHED_STATUSES


def is_finished(status: str) -> bool:
    """True for a record whose life is over (done, cancelled, resolved, paid, ...)."""
    return status in FINISHED_STATUSES


def is_open_action(status: str) -> bool:
    return status in OPEN_ACTION_STATUSES


def is_open_risk(status: str) -> bool:
    """Risks and issues still being worked: open, monitoring or escalated."""
    return status in OPEN_RISK_STATUSES


def is_pending_decision(status: str) -> bool:
    return status in PENDING_DECISION_STATUSES


@dataclass(frozen=True)
class AllianceCounts:
    """What needs attention in one alliance (or, summed, in the portfolio)."""

    open_actions: int = 0
    overdue_actions: int = 0
    open_risks: int = 0
    pending_decisions: int = 0
    next_decision_due: date | None = None


def alliance_counts(
    actions: Iterable[Any], risks: Iterable[Any], decisions: Iterable[Any], today: date
) -> AllianceCounts:
    """Count open and overdue actions, open risks and pending decisions of one alliance.

    The records need `status` (and `due_date` for actions and decisions); deleted ones are
    expected to be filtered out already. An action may stand for `n` alike ones (the same
    status, and due dates all past or all not: Portfolio.action_groups).
    """
    actions = list(actions)
    weighed = bool(actions) and hasattr(actions[0], "n")  # asked once: slow on plain rows
    _n = (lambda a: a.n) if weighed else (lambda a: 1)
    pending = [d for d in decisions if is_pending_decision(d.status)]
    due_dates = [d.due_date for d in pending if d.due_date is not None]
    return AllianceCounts(
        open_actions=sum(_n(a) for a in actions if is_open_action(a.status)),
        overdue_actions=sum(_n(a) for a in actions if is_overdue(a.due_date, a.status, today)),
        open_risks=sum(1 for r in risks if is_open_risk(r.status)),
        pending_decisions=len(pending),
        next_decision_due=min(due_dates) if due_dates else None,
    )


def decisions_due_within(decisions: Iterable[Any], today: date, days: int = 30) -> int:
    """Pending decisions due in the next `days` days, including those already past due."""
    horizon = today + timedelta(days=days)
    return sum(
        1
        for d in decisions
        if is_pending_decision(d.status) and d.due_date is not None and d.due_date <= horizon
    )


def soonest_due(decisions: Iterable[Any], today: date, within_days: int | None = None) -> list[Any]:
    """Decisions soonest due first (overdue ones first of all, those without a due date last);
    with `within_days`, only those due by then."""
    rows = list(decisions)
    if within_days is not None:
        horizon = today + timedelta(days=within_days)
        rows = [r for r in rows if r.due_date is not None and r.due_date <= horizon]
    return sorted(rows, key=lambda r: (r.due_date is None, r.due_date or date.max))
