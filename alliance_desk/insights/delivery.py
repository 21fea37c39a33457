"""Delivery reliability: the share of milestones, deliverables and commitments met on time,
per owner side and per period of the due date, and when a miss needs its root cause."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from alliance_desk.insights.periods import percent, period_label, period_range, period_start

SIDES = ("ours", "partner", "joint")


@dataclass(frozen=True)
class OnTime:
    """Commitments met on time out of those that count (due and judged)."""

    met: int = 0
    counted: int = 0

    @property
    def share(self) -> float | None:
        """Met / counted, or None when nothing counted (an empty period, not 0 %)."""
        return self.met / self.counted if self.counted else None

    def __add__(self, other: "OnTime") -> "OnTime":
        return OnTime(self.met + other.met, self.counted + other.counted)

    def text(self) -> str:
        """'75 % (3 of 4)', or '—' when nothing counted."""
        if self.share is None:
            return "—"
        return f"{percent(self.share)} ({self.met} of {self.counted})"

    def short(self) -> str:
        """'75 % (3/4)' for narrow table cells."""
        return "—" if self.share is None else f"{percent(self.share)} ({self.met}/{self.counted})"


def delivery_outcome(milestone: Any, today: date) -> bool | None:
    """True if met on time, False if missed or late, None if it does not count (yet).

    Counts: done with a completion date (on time when completed on or before the due date),
    missed, or still open after its due date. Does not count: no due date, cancelled, open and
    not yet due, or done without a completion date (when it was done is unknown).
    """
    due = milestone.due_date
    status = milestone.status
    if due is None or status == "cancelled":
        return None
    if status == "missed":
        return False
    if status == "done":
        if milestone.completed_on is None:
            return None
        return milestone.completed_on <= due
    return False if due < today else None


@dataclass(frozen=True)
class PeriodReliability:
    """On-time delivery in one month or quarter (by due date), overall and per owner side."""

    start: date
    label: str
    overall: OnTime
    by_side: dict[str, OnTime]


def delivery_reliability(milestones: Iterable[Any], today: date) -> dict[str, OnTime]:
    """On-time delivery overall ('all') and per owner side ('ours', 'partner', 'joint')."""
    totals = {key: OnTime() for key in ("all", *SIDES)}
    for milestone in milestones:
        outcome = delivery_outcome(milestone, today)
        if outcome is None:
            continue
        one = OnTime(int(outcome), 1)
        totals["all"] = totals["all"] + one
        side = milestone.owner_side if milestone.owner_side in SIDES else "joint"
        totals[side] = totals[side] + one
    return totals


def delivery_reliability_by_period(
    milestones: Iterable[Any], today: date, period: str = "quarter"
) -> list[PeriodReliability]:
    """On-time delivery per period of the due date, oldest first, empty periods included."""
    counted = [(m, delivery_outcome(m, today)) for m in milestones]
    counted = [(m, outcome) for m, outcome in counted if outcome is not None]
    if not counted:
        return []
    dues = [m.due_date for m, _ in counted]
    starts = period_range(min(dues), max(dues), period)
    grouped: dict[date, list[Any]] = {start: [] for start in starts}
    for milestone, _outcome in counted:
        grouped[period_start(milestone.due_date, period)].append(milestone)
    result = []
    for start, members in grouped.items():
        totals = delivery_reliability(members, today)
        by_side = {side: totals[side] for side in SIDES}
        result.append(PeriodReliability(start, period_label(start, period), totals["all"], by_side))
    return result


def needs_root_cause(
    status: str, due_date: date | None, completed_on: date | None, root_cause: str
) -> bool:
    """A milestone missed, or completed after its due date, with no root cause written."""
    if (root_cause or "").strip():
        return False
    if status == "missed":
        return True
    return (
        status == "done"
        and due_date is not None
        and completed_on is not None
        and completed_on > due_date
    )
