"""Governance responsiveness (the median days from an issue being raised to its resolution,
per alliance and period) and the severity of a risk."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Any

from alliance_desk.insights.periods import period_label, period_range, period_start
from alliance_desk.insights.status import is_finished


@dataclass(frozen=True)
class Responsiveness:
    """How fast issues were resolved: the median days from raised to resolved, and how many."""

    resolved: int = 0
    median_days: float | None = None
    open_issues: int = 0
    days: tuple[int, ...] = field(default=(), repr=False)

    def text(self) -> str:
        if self.median_days is None:
            return "—"
        noun = "issue" if self.resolved == 1 else "issues"
        return f"{self.median_days:g} days ({self.resolved} {noun})"


def days_to_resolve(risk: Any) -> int | None:
    """Days from raised to resolved for a resolved issue; None when either date is missing."""
    if risk.raised_on is None or risk.resolved_on is None:
        return None
    return (risk.resolved_on - risk.raised_on).days


def governance_responsiveness(risks: Iterable[Any]) -> Responsiveness:
    """Median days from raised to resolved over issues (not risks) with both dates.

    An even number of issues gives the mean of the middle two (so ties split the difference).
    """
    issues = [r for r in risks if r.kind == "issue"]
    days = sorted(d for d in (days_to_resolve(r) for r in issues) if d is not None)
    still_open = sum(1 for r in issues if r.resolved_on is None and not is_finished(r.status))
    return Responsiveness(
        resolved=len(days),
        median_days=median(days) if days else None,
        open_issues=still_open,
        days=tuple(days),
    )


@dataclass(frozen=True)
class PeriodResponsiveness:
    start: date
    label: str
    figure: Responsiveness


def responsiveness_by_period(
    risks: Iterable[Any], period: str = "quarter"
) -> list[PeriodResponsiveness]:
    """Governance responsiveness per period of the resolution date, empty periods included."""
    resolved = [r for r in risks if r.kind == "issue" and days_to_resolve(r) is not None]
    if not resolved:
        return []
    dates = [r.resolved_on for r in resolved]
    grouped: dict[date, list[Any]] = {
        start: [] for start in period_range(min(dates), max(dates), period)
    }
    for risk in resolved:
        grouped[period_start(risk.resolved_on, period)].append(risk)
    return [
        PeriodResponsiveness(start, period_label(start, period), governance_responsiveness(group))
        for start, group in grouped.items()
    ]


def responsiveness_by_alliance(risks: Iterable[Any]) -> dict[str, Responsiveness]:
    """Governance responsiveness per alliance id (alliances without issues are left out)."""
    grouped: dict[str, list[Any]] = {}
    for risk in risks:
        grouped.setdefault(risk.alliance_id, []).append(risk)
    return {key: governance_responsiveness(group) for key, group in grouped.items()}


HIGH_SEVERITY = 15  # likelihood x impact of 15 or more (e.g. 3 x 5, 4 x 4) is high
MEDIUM_SEVERITY = 8


def severity_level(severity: int | None) -> str | None:
    """'high' (15-25), 'medium' (8-14), 'low' (1-7), or None when not scored."""
    if severity is None:
        return None
    if severity >= HIGH_SEVERITY:
        return "high"
    return "medium" if severity >= MEDIUM_SEVERITY else "low"
