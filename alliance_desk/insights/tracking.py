"""Figures over the daily records: delivery reliability, governance responsiveness, meeting
attendance, payment flags, the impact x feasibility matrix and what a status change implies.

Pure functions over plain records (ORM objects or rows with the same attribute names); the
tabs, the Dashboard and the reports all call these, so they agree. The figures live in their
own modules (delivery, governance, attendance, payments, periods); this module gathers them
under one name and holds the small rules of the tracking tabs.
"""

from datetime import date, timedelta
from typing import Any

from alliance_desk.insights.attendance import (
    TREND_THRESHOLD,
    TREND_WINDOW,
    Attendance,
    AttendanceTrend,
    MeetingAttendance,
    PeriodAttendance,
    attendance,
    attendance_by_period,
    attendance_trend,
)
from alliance_desk.insights.delivery import (
    SIDES,
    OnTime,
    PeriodReliability,
    delivery_outcome,
    delivery_reliability,
    delivery_reliability_by_period,
    needs_root_cause,
)
from alliance_desk.insights.governance import (
    HIGH_SEVERITY,
    MEDIUM_SEVERITY,
    PeriodResponsiveness,
    Responsiveness,
    days_to_resolve,
    governance_responsiveness,
    responsiveness_by_alliance,
    responsiveness_by_period,
    severity_level,
)
from alliance_desk.insights.payments import (
    OUTSTANDING_PAYMENT_STATUSES,
    PAYMENT_HORIZON_DAYS,
    PaymentFlag,
    payment_flag,
    payment_flags,
    payment_state,
)
from alliance_desk.insights.periods import (
    PERIODS,
    next_period,
    percent,
    period_label,
    period_range,
    period_start,
)
from alliance_desk.insights.status import is_finished

DUE_SOON_DAYS = 7
HIGH_SCORE = 4  # impact or feasibility of 4 or 5 counts as high in the matrix


# --- due dates ------------------------------------------------------------------------------


def is_due_soon(due_date: date | None, status: str, today: date, days: int = DUE_SOON_DAYS) -> bool:
    """Not finished and due from today up to `days` days ahead (overdue ones are not 'soon')."""
    return (
        due_date is not None
        and not is_finished(status)
        and today <= due_date <= today + timedelta(days=days)
    )


# --- the impact x feasibility matrix --------------------------------------------------------

QUADRANTS = {
    "do_first": "Do first",
    "plan": "Plan",
    "quick_wins": "Quick wins",
    "reconsider": "Reconsider",
}
QUADRANT_HINTS = {
    "do_first": "High impact, easy to do",
    "plan": "High impact, hard to do: plan the effort",
    "quick_wins": "Lower impact, easy to do",
    "reconsider": "Lower impact, hard to do",
}


def quadrant(impact: int | None, feasibility: int | None) -> str | None:
    """The matrix quadrant of an action; None when either score is missing."""
    if impact is None or feasibility is None:
        return None
    high_impact, easy = impact >= HIGH_SCORE, feasibility >= HIGH_SCORE
    if high_impact:
        return "do_first" if easy else "plan"
    return "quick_wins" if easy else "reconsider"


# --- what a status change implies -----------------------------------------------------------

# kind -> (the statuses that give the record its date, that date's field)
STATUS_DATES = {
    "actions": ({"done"}, "completed_on"),
    "milestones": ({"done"}, "completed_on"),
    "decisions": ({"decided"}, "decided_on"),
    "payments": ({"paid"}, "paid_on"),
    "risks": ({"resolved", "closed"}, "resolved_on"),
    "checklist_items": ({"done"}, "done_on"),
}
DONE_STATUS = {
    "actions": "done",
    "milestones": "done",
    "risks": "resolved",
    "decisions": "decided",
    "meetings": "held",
    "payments": "paid",
}


def status_change(kind: str, record: Any, status: str, today: date) -> dict[str, Any]:
    """The fields to store when `record` (of `kind`, a KINDS key) moves to `status`.

    Finishing fills its date with today when it has none (done -> completed today); going back
    to an unfinished status clears that date. Escalating a risk dates the escalation.
    """
    fields: dict[str, Any] = {"status": status}
    rule = STATUS_DATES.get(kind)
    if rule is not None:
        setting, date_field = rule
        current = getattr(record, date_field)
        if status in setting:
            if current is None:
                fields[date_field] = today
        elif current is not None:
            fields[date_field] = None
    if kind == "risks" and status == "escalated" and record.escalated_on is None:
        fields["escalated_on"] = today
    return fields


__all__ = [
    "DONE_STATUS",
    "DUE_SOON_DAYS",
    "HIGH_SCORE",
    "HIGH_SEVERITY",
    "MEDIUM_SEVERITY",
    "OUTSTANDING_PAYMENT_STATUSES",
    "PAYMENT_HORIZON_DAYS",
    "PERIODS",
    "QUADRANTS",
    "QUADRANT_HINTS",
    "SIDES",
    "TREND_THRESHOLD",
    "TREND_WINDOW",
    "Attendance",
    "AttendanceTrend",
    "MeetingAttendance",
    "OnTime",
    "PaymentFlag",
    "PeriodAttendance",
    "PeriodReliability",
    "PeriodResponsiveness",
    "Responsiveness",
    "attendance",
    "attendance_by_period",
    "attendance_trend",
    "days_to_resolve",
    "delivery_outcome",
    "delivery_reliability",
    "delivery_reliability_by_period",
    "governance_responsiveness",
    "is_due_soon",
    "needs_root_cause",
    "next_period",
    "payment_flag",
    "payment_flags",
    "payment_state",
    "percent",
    "period_label",
    "period_range",
    "period_start",
    "quadrant",
    "responsiveness_by_alliance",
    "responsiveness_by_period",
    "severity_level",
    "status_change",
]
