"""The open / overdue / pending rules and the per-alliance counts (no Qt, no database)."""

from datetime import date
from types import SimpleNamespace as Row

from alliance_desk.insights.status import (
    AllianceCounts,
    alliance_counts,
    decisions_due_within,
    is_open_risk,
    is_overdue,
)

TODAY = date(2026, 3, 12)


def test_is_overdue_past_due_and_open():
    assert is_overdue(date(2026, 3, 11), "open", TODAY)
    assert is_overdue(date(2025, 1, 1), "in_progress", TODAY)
    assert is_overdue(date(2026, 3, 1), "planned", TODAY)


def test_is_overdue_not_on_the_due_day_itself():
    assert not is_overdue(TODAY, "open", TODAY)
    assert not is_overdue(date(2026, 4, 1), "open", TODAY)


def test_is_overdue_never_without_a_date():
    assert not is_overdue(None, "open", TODAY)


def test_is_overdue_never_when_finished():
    for status in ("done", "cancelled", "missed", "paid", "decided"):
        assert not is_overdue(date(2020, 1, 1), status, TODAY), status


def test_is_open_risk_counts_monitoring_and_escalated():
    assert is_open_risk("open") and is_open_risk("monitoring") and is_open_risk("escalated")
    assert not is_open_risk("resolved") and not is_open_risk("closed")


def test_alliance_counts_counts_each_flag():
    actions = [
        Row(status="open", due_date=date(2026, 3, 1)),  # open and overdue
        Row(status="in_progress", due_date=None),  # open
        Row(status="done", due_date=date(2026, 1, 1)),  # finished
        Row(status="open", due_date=date(2026, 5, 1)),  # open, not yet due
    ]
    risks = [Row(status="open"), Row(status="escalated"), Row(status="closed")]
    decisions = [
        Row(status="pending", due_date=date(2026, 6, 1)),
        Row(status="pending", due_date=date(2026, 4, 1)),
        Row(status="decided", due_date=date(2026, 3, 20)),
        Row(status="pending", due_date=None),
    ]
    counts = alliance_counts(actions, risks, decisions, TODAY)
    assert counts == AllianceCounts(
        open_actions=3,
        overdue_actions=1,
        open_risks=2,
        pending_decisions=3,
        next_decision_due=date(2026, 4, 1),
    )


def test_alliance_counts_of_nothing_is_zero():
    assert alliance_counts([], [], [], TODAY) == AllianceCounts()


def test_decisions_due_within_includes_past_due_and_the_horizon_day():
    decisions = [
        Row(status="pending", due_date=date(2026, 3, 1)),  # past due, still pending
        Row(status="pending", due_date=date(2026, 4, 11)),  # exactly 30 days
        Row(status="pending", due_date=date(2026, 4, 12)),  # 31 days
        Row(status="decided", due_date=date(2026, 3, 20)),
        Row(status="pending", due_date=None),
    ]
    assert decisions_due_within(decisions, TODAY) == 2
