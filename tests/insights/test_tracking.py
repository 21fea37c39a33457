"""Figures over the daily records, against numbers worked out by hand (no Qt, no file)."""

from datetime import date
from types import SimpleNamespace as Rec

import pytest

from alliance_desk.insights import tracking as t

TODAY = date(2026, 6, 15)


def milestone(due, status="planned", completed=None, side="ours"):
    return Rec(due_date=due, status=status, completed_on=completed, owner_side=side)


# --- periods --------------------------------------------------------------------------------


def test_period_start_and_label_for_months_and_quarters():
    assert t.period_start(date(2026, 5, 20), "quarter") == date(2026, 4, 1)
    assert t.period_label(date(2026, 4, 1), "quarter") == "2026 Q2"
    assert t.period_start(date(2026, 5, 20), "month") == date(2026, 5, 1)
    assert t.period_label(date(2026, 5, 1), "month") == "May 2026"
    assert t.next_period(date(2026, 10, 1), "quarter") == date(2027, 1, 1)
    assert t.next_period(date(2026, 12, 1), "month") == date(2027, 1, 1)
    with pytest.raises(ValueError):
        t.period_start(TODAY, "week")


def test_period_range_lists_empty_periods_between():
    starts = t.period_range(date(2026, 1, 31), date(2026, 4, 1), "month")
    assert starts == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]


# --- delivery reliability -------------------------------------------------------------------


def test_delivery_outcome_counts_done_missed_and_overdue_but_not_pending():
    due = date(2026, 6, 1)
    assert t.delivery_outcome(milestone(due, "done", due), TODAY) is True  # on the day: on time
    assert t.delivery_outcome(milestone(due, "done", date(2026, 6, 2)), TODAY) is False
    assert t.delivery_outcome(milestone(due, "missed"), TODAY) is False
    assert t.delivery_outcome(milestone(due, "planned"), TODAY) is False  # past due, not done
    assert t.delivery_outcome(milestone(date(2026, 7, 1), "planned"), TODAY) is None
    assert t.delivery_outcome(milestone(TODAY, "planned"), TODAY) is None  # due today: not late
    assert t.delivery_outcome(milestone(due, "cancelled"), TODAY) is None
    assert t.delivery_outcome(milestone(None, "done", due), TODAY) is None
    assert t.delivery_outcome(milestone(due, "done", None), TODAY) is None  # when? unknown


def test_delivery_reliability_per_side_by_hand():
    records = [
        milestone(date(2026, 1, 10), "done", date(2026, 1, 9), "ours"),  # met
        milestone(date(2026, 1, 20), "done", date(2026, 1, 25), "ours"),  # late
        milestone(date(2026, 2, 10), "missed", None, "partner"),  # missed
        milestone(date(2026, 2, 11), "done", date(2026, 2, 11), "partner"),  # met
        milestone(date(2026, 3, 1), "done", date(2026, 2, 1), "joint"),  # met
        milestone(date(2026, 9, 1), "planned", None, "joint"),  # not yet due
    ]
    totals = t.delivery_reliability(records, TODAY)
    assert totals["all"] == t.OnTime(3, 5)
    assert totals["ours"] == t.OnTime(1, 2)
    assert totals["partner"] == t.OnTime(1, 2)
    assert totals["joint"] == t.OnTime(1, 1)
    assert totals["all"].share == pytest.approx(0.6)
    assert totals["all"].text() == "60 % (3 of 5)"
    assert totals["all"].short() == "60 % (3/5)"


def test_delivery_reliability_of_nothing_is_unknown_not_zero():
    totals = t.delivery_reliability([], TODAY)
    assert totals["all"] == t.OnTime(0, 0)
    assert totals["all"].share is None
    assert totals["all"].text() == "—"
    assert t.delivery_reliability_by_period([], TODAY) == []


def test_delivery_reliability_by_quarter_keeps_an_empty_quarter():
    records = [
        milestone(date(2025, 11, 5), "done", date(2025, 11, 1), "ours"),  # Q4: met
        milestone(date(2025, 12, 5), "missed", None, "partner"),  # Q4: missed
        # 2026 Q1: nothing due
        milestone(date(2026, 4, 2), "done", date(2026, 4, 30), "joint"),  # Q2: late
        milestone(date(2026, 5, 2), "done", date(2026, 5, 1), "joint"),  # Q2: met
    ]
    periods = t.delivery_reliability_by_period(records, TODAY, "quarter")
    assert [p.label for p in periods] == ["2025 Q4", "2026 Q1", "2026 Q2"]
    assert [p.overall for p in periods] == [t.OnTime(1, 2), t.OnTime(0, 0), t.OnTime(1, 2)]
    assert periods[1].overall.share is None
    assert periods[0].by_side["partner"] == t.OnTime(0, 1)
    assert periods[2].by_side["joint"] == t.OnTime(1, 2)
    assert periods[2].by_side["ours"].share is None


def test_delivery_reliability_by_month_splits_the_quarter():
    records = [
        milestone(date(2026, 4, 2), "done", date(2026, 4, 30), "joint"),
        milestone(date(2026, 5, 2), "done", date(2026, 5, 1), "joint"),
    ]
    periods = t.delivery_reliability_by_period(records, TODAY, "month")
    assert [(p.label, p.overall) for p in periods] == [
        ("Apr 2026", t.OnTime(0, 1)),
        ("May 2026", t.OnTime(1, 1)),
    ]


def test_needs_root_cause_when_missed_or_completed_late_without_one():
    due = date(2026, 6, 1)
    assert t.needs_root_cause("missed", due, None, "")
    assert t.needs_root_cause("done", due, date(2026, 6, 2), "  ")
    assert not t.needs_root_cause("done", due, date(2026, 6, 2), "Vendor late")
    assert not t.needs_root_cause("done", due, due, "")  # on the day is on time
    assert not t.needs_root_cause("planned", due, None, "")


# --- governance responsiveness --------------------------------------------------------------


def issue(raised, resolved=None, kind="issue", status=None, alliance="a"):
    return Rec(
        kind=kind,
        raised_on=raised,
        resolved_on=resolved,
        status=status or ("resolved" if resolved else "open"),
        alliance_id=alliance,
    )


def test_responsiveness_is_the_median_of_days_raised_to_resolved():
    risks = [
        issue(date(2026, 1, 1), date(2026, 1, 11)),  # 10 days
        issue(date(2026, 1, 1), date(2026, 1, 31)),  # 30 days
        issue(date(2026, 2, 1), date(2026, 2, 21)),  # 20 days
        issue(date(2026, 3, 1)),  # open
        issue(date(2026, 1, 1), date(2026, 12, 31), kind="risk"),  # a risk: not counted
    ]
    figure = t.governance_responsiveness(risks)
    assert figure.median_days == 20
    assert figure.resolved == 3
    assert figure.open_issues == 1
    assert figure.text() == "20 days (3 issues)"


def test_responsiveness_with_an_even_count_takes_the_middle_two_and_ties():
    risks = [
        issue(date(2026, 1, 1), date(2026, 1, 11)),  # 10
        issue(date(2026, 1, 1), date(2026, 1, 11)),  # 10 (a tie)
        issue(date(2026, 1, 1), date(2026, 1, 21)),  # 20
        issue(date(2026, 1, 1), date(2026, 2, 10)),  # 40
    ]
    assert t.governance_responsiveness(risks).median_days == 15  # (10 + 20) / 2
    assert t.governance_responsiveness(risks[:2]).median_days == 10


def test_responsiveness_without_resolved_issues_is_unknown():
    figure = t.governance_responsiveness([issue(date(2026, 1, 1))])
    assert figure.median_days is None and figure.resolved == 0 and figure.text() == "—"


def test_responsiveness_by_period_of_resolution_and_by_alliance():
    risks = [
        issue(date(2026, 1, 1), date(2026, 1, 11), alliance="a"),  # Jan: 10
        issue(date(2026, 1, 20), date(2026, 3, 1), alliance="b"),  # Mar: 40
        issue(date(2026, 2, 1), date(2026, 3, 3), alliance="a"),  # Mar: 30
    ]
    months = t.responsiveness_by_period(risks, "month")
    assert [(m.label, m.figure.median_days) for m in months] == [
        ("Jan 2026", 10),
        ("Feb 2026", None),  # the empty month is listed
        ("Mar 2026", 35),
    ]
    quarters = t.responsiveness_by_period(risks, "quarter")
    assert [(q.label, q.figure.median_days, q.figure.resolved) for q in quarters] == [
        ("2026 Q1", 30, 3)
    ]
    by_alliance = t.responsiveness_by_alliance(risks)
    assert by_alliance["a"].median_days == 20
    assert by_alliance["b"].median_days == 40


# --- attendance -----------------------------------------------------------------------------


def test_attendance_counts_invited_people_who_came():
    people = [
        Rec(invited=True, attended=True),
        Rec(invited=True, attended=False),
        Rec(invited=True, attended=True),
        Rec(invited=False, attended=True),  # a walk-in: not in the rate
    ]
    figure = t.attendance(people)
    assert (figure.invited, figure.attended) == (3, 2)
    assert figure.rate == pytest.approx(2 / 3)
    assert figure.text() == "67 % (2 of 3)"
    assert t.attendance([]).rate is None


def test_attendance_trend_compares_the_latest_three_with_the_three_before():
    falling = t.attendance_trend([1.0, 0.9, 0.8, 0.7, 0.6, 0.5])
    assert falling.direction == "falling"
    assert falling.earlier == pytest.approx(0.9) and falling.recent == pytest.approx(0.6)
    assert t.attendance_trend([0.5, 0.5, 0.5, 0.9, 0.9, 0.9]).direction == "rising"
    assert t.attendance_trend([0.8, 0.8, 0.8, 0.75, 0.75, 0.75]).direction == "steady"


def test_attendance_trend_boundary_and_short_series():
    # exactly ten points down is a trend (a tie with the threshold counts)
    assert t.attendance_trend([0.9, 0.8]).direction == "falling"
    assert t.attendance_trend([0.8, 0.8]).direction == "steady"
    assert t.attendance_trend([0.9]).direction == "unknown"
    assert t.attendance_trend([None, None, 0.5]).direction == "unknown"
    # five meetings: the latest two against the two before them
    five = t.attendance_trend([0.1, 1.0, 1.0, 0.5, 0.5])
    assert (five.earlier, five.recent, five.direction) == (1.0, 0.5, "falling")
    assert five.text() == "falling from 100 % to 50 % in the latest meetings"
    assert t.attendance_trend([0.8, 0.8]).text().startswith("steady")
    assert t.attendance_trend([0.8]).text() == "Not enough meetings yet for a trend."


def test_attendance_by_period_sums_invitations_per_side_and_skips_unheld_meetings():
    def meeting(day, ours, partner, status="held"):
        return Rec(
            held_on=day,
            status=status,
            attendance_by_side={"ours": t.Attendance(*ours), "partner": t.Attendance(*partner)},
        )

    meetings = [
        meeting(date(2026, 1, 10), (4, 4), (4, 2)),
        meeting(date(2026, 2, 10), (4, 3), (4, 1)),
        meeting(date(2026, 7, 10), (4, 4), (4, 4)),
        meeting(date(2026, 9, 10), (4, 0), (4, 0), status="planned"),
    ]
    periods = t.attendance_by_period(meetings, "quarter")
    assert [p.label for p in periods] == ["2026 Q1", "2026 Q2", "2026 Q3"]
    q1 = periods[0]
    assert q1.by_side["ours"] == t.Attendance(8, 7)
    assert q1.by_side["partner"] == t.Attendance(8, 3)
    assert q1.overall == t.Attendance(16, 10)
    assert periods[1].overall.rate is None
    assert periods[2].overall.rate == 1.0


# --- payments -------------------------------------------------------------------------------


def payment(status, due, alliance="a"):
    return Rec(status=status, due_date=due, alliance_id=alliance)


def test_payment_state_derives_overdue_from_the_dates():
    past, future = date(2026, 6, 1), date(2026, 7, 1)
    assert t.payment_state("expected", past, TODAY) == "overdue"
    assert t.payment_state("invoiced", past, TODAY) == "overdue"
    assert t.payment_state("expected", TODAY, TODAY) == "expected"  # due today: not yet
    assert t.payment_state("paid", past, TODAY) == "paid"
    assert t.payment_state("disputed", past, TODAY) == "disputed"
    assert t.payment_state("expected", future, TODAY) == "expected"
    assert t.payment_state("expected", None, TODAY) == "expected"


def test_payment_flag_red_for_overdue_or_disputed_amber_for_due_within_30_days():
    flag = t.payment_flag(
        [
            payment("expected", date(2026, 6, 14)),  # overdue
            payment("disputed", date(2026, 9, 1)),  # disputed
            payment("invoiced", date(2026, 7, 15)),  # due in 30 days: the last day counts
            payment("expected", date(2026, 7, 16)),  # 31 days: not yet
            payment("paid", date(2026, 6, 1)),
            payment("cancelled", date(2026, 6, 1)),
        ],
        TODAY,
    )
    assert flag == t.PaymentFlag(overdue=1, disputed=1, due_soon=1)
    assert flag.level == "red"
    assert flag.text() == "1 overdue · 1 disputed · 1 due in 30 days"
    assert flag.short() == "1 overdue · 1 disputed · 1 due soon"
    soon = t.payment_flag([payment("expected", TODAY)], TODAY)
    assert soon.level == "amber" and soon.text() == "1 due in 30 days"
    assert t.payment_flag([], TODAY).level is None
    assert t.payment_flag([payment("paid", TODAY)], TODAY).text() == ""


def test_payment_flags_per_alliance():
    flags = t.payment_flags([payment("disputed", TODAY, "a"), payment("paid", TODAY, "b")], TODAY)
    assert flags["a"].level == "red"
    assert flags["b"].level is None


# --- matrix and status changes --------------------------------------------------------------


def test_quadrants_split_at_four():
    assert t.quadrant(5, 4) == "do_first"
    assert t.quadrant(4, 3) == "plan"
    assert t.quadrant(3, 4) == "quick_wins"
    assert t.quadrant(3, 3) == "reconsider"
    assert t.quadrant(1, 1) == "reconsider"
    assert t.quadrant(None, 5) is None
    assert t.quadrant(5, None) is None


def test_due_soon_is_today_up_to_seven_days_ahead_and_not_finished():
    assert t.is_due_soon(TODAY, "open", TODAY)
    assert t.is_due_soon(date(2026, 6, 22), "in_progress", TODAY)
    assert not t.is_due_soon(date(2026, 6, 23), "open", TODAY)
    assert not t.is_due_soon(date(2026, 6, 14), "open", TODAY)  # overdue, not soon
    assert not t.is_due_soon(date(2026, 6, 16), "done", TODAY)
    assert not t.is_due_soon(None, "open", TODAY)


def test_status_change_dates_finishing_and_clears_reopening():
    open_action = Rec(completed_on=None)
    assert t.status_change("actions", open_action, "done", TODAY) == {
        "status": "done",
        "completed_on": TODAY,
    }
    done_action = Rec(completed_on=date(2026, 6, 1))
    assert t.status_change("actions", done_action, "done", TODAY) == {"status": "done"}
    assert t.status_change("actions", done_action, "open", TODAY) == {
        "status": "open",
        "completed_on": None,
    }
    assert t.status_change("decisions", Rec(decided_on=None), "decided", TODAY)["decided_on"] == (
        TODAY
    )
    assert t.status_change("payments", Rec(paid_on=None), "paid", TODAY)["paid_on"] == TODAY
    risk = Rec(resolved_on=None, escalated_on=None)
    assert t.status_change("risks", risk, "escalated", TODAY) == {
        "status": "escalated",
        "escalated_on": TODAY,
    }
    assert t.status_change("meetings", Rec(), "held", TODAY) == {"status": "held"}


def test_severity_levels_at_their_boundaries():
    assert t.severity_level(None) is None
    assert t.severity_level(25) == "high"
    assert t.severity_level(15) == "high"
    assert t.severity_level(14) == "medium"
    assert t.severity_level(8) == "medium"
    assert t.severity_level(7) == "low"
