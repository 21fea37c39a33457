"""Portfolio's tracking queries and commands, and the rules on daily records, on a real file."""

from datetime import date, datetime, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.insights.tracking import OnTime, PaymentFlag
from alliance_desk.models import (
    ActionItem,
    Decision,
    Meeting,
    MeetingAttendee,
    Milestone,
    Payment,
    Risk,
    Stakeholder,
)
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def frozen_clock():
    clock.freeze(datetime(2026, 6, 15, 9, 0))
    yield
    clock.freeze(None)


@pytest.fixture
def helios(portfolio):
    return portfolio.find_alliance("Helios Oncology")


def test_tracking_rows_are_plain_rows_with_the_alliance_name(portfolio, helios):
    portfolio.add(ActionItem, alliance_id=helios.id, title="Send plan")
    rows = portfolio.tracking_rows(ActionItem, helios.id)
    assert len(rows) == 1
    assert not isinstance(rows[0], ActionItem)  # a Core row, no ORM object per row
    assert (rows[0].title, rows[0].alliance_name) == ("Send plan", "Helios Oncology")


def test_tracking_rows_leave_out_deleted_records_and_deleted_or_archived_alliances(
    portfolio, helios
):
    other = portfolio.add_alliance("Atlas Data")
    gone = portfolio.add(ActionItem, alliance_id=helios.id, title="Gone")
    portfolio.delete(gone)
    portfolio.add(ActionItem, alliance_id=helios.id, title="Kept")
    portfolio.add(ActionItem, alliance_id=other.id, title="Archived alliance's")
    portfolio.archive(other)
    assert [r.title for r in portfolio.tracking_rows(ActionItem)] == ["Kept"]
    assert len(portfolio.tracking_rows(ActionItem, include_archived=True)) == 2
    assert [r.title for r in portfolio.tracking_rows(ActionItem, other.id)] == [
        "Archived alliance's"
    ]
    portfolio.delete(other)
    assert len(portfolio.tracking_rows(ActionItem, include_archived=True)) == 1


def test_action_rows_show_a_deleted_owner_as_removed(portfolio, helios):
    anna = portfolio.add(Stakeholder, name="Anna Berg")
    action = portfolio.add(
        ActionItem, alliance_id=helios.id, title="Call", owner_id=anna.id, owner_name="Anna Berg"
    )
    row = portfolio.tracking_rows(ActionItem, helios.id)[0]
    assert (row.owner_current, bool(row.owner_removed)) == ("Anna Berg", False)
    portfolio.delete(anna)
    row = portfolio.tracking_rows(ActionItem, helios.id)[0]
    assert (row.owner_current, bool(row.owner_removed)) == ("Anna Berg", True)
    # the action stays editable although its owner is gone
    portfolio.update(action, status="done", completed_on=TODAY)
    assert portfolio.get(ActionItem, action.id).status == "done"
    # but it cannot be given a deleted owner anew
    with pytest.raises(ValidationError) as error:
        portfolio.check(action, owner_id=anna.id)
    assert error.value.field == "owner_id"


def test_risk_rows_carry_severity_and_meeting_rows_attendance(portfolio, helios):
    portfolio.add(Risk, alliance_id=helios.id, title="Supply", likelihood=4, impact=5)
    assert portfolio.tracking_rows(Risk, helios.id)[0].severity == 20
    meeting = portfolio.add(Meeting, alliance_id=helios.id, title="JSC", held_on=TODAY)
    for name, invited, attended in [("A", True, True), ("B", True, False), ("C", False, True)]:
        person = portfolio.add(Stakeholder, name=name)
        portfolio.add(
            MeetingAttendee,
            meeting_id=meeting.id,
            stakeholder_id=person.id,
            invited=invited,
            attended=attended,
        )
    row = portfolio.tracking_rows(Meeting, helios.id)[0]
    assert (row.invited, row.attended) == (2, 1)
    assert [p.name for _a, p in portfolio.attendees_of(meeting)] == ["A", "B", "C"]
    # the same counts across the portfolio and by id (each query shape is built once)
    other = portfolio.add_alliance("Aurora Diagnostics")
    portfolio.add(Meeting, alliance_id=other.id, title="Kick-off", held_on=TODAY)
    counts = {r.title: (r.invited, r.attended) for r in portfolio.tracking_rows(Meeting)}
    assert counts == {"JSC": (2, 1), "Kick-off": (0, 0)}
    (by_id,) = portfolio.tracking_rows(Meeting, ids=[meeting.id], include_archived=True)
    assert (by_id.title, by_id.invited, by_id.attended) == ("JSC", 2, 1)
    assert [r.title for r in portfolio.tracking_rows(Meeting, other.id)] == ["Kick-off"]


def test_add_many_stores_all_in_one_change_or_nothing(portfolio, helios):
    changes = []
    portfolio.subscribe(changes.append)
    ids = portfolio.add_many(
        ActionItem, [{"alliance_id": helios.id, "title": f"Action {n}"} for n in range(5)]
    )
    assert len(ids) == 5 and len(changes) == 1 and changes[0].ids == tuple(ids)
    assert {a.title for a in portfolio.all(ActionItem)} == {f"Action {n}" for n in range(5)}
    bad = [{"alliance_id": helios.id, "title": "Fine"}, {"alliance_id": helios.id, "title": ""}]
    with pytest.raises(ValidationError):
        portfolio.add_many(ActionItem, bad)
    assert len(portfolio.all(ActionItem)) == 5


def test_set_status_changes_many_in_one_transaction_with_their_dates(portfolio, helios):
    first = portfolio.add(ActionItem, alliance_id=helios.id, title="One")
    second = portfolio.add(ActionItem, alliance_id=helios.id, title="Two")
    portfolio.set_status([first, second], "done")
    assert [(a.status, a.completed_on) for a in portfolio.all(ActionItem)] == [
        ("done", TODAY),
        ("done", TODAY),
    ]
    portfolio.set_status([first], "open")
    assert portfolio.get(ActionItem, first.id).completed_on is None


def test_set_status_stores_nothing_when_one_record_breaks_a_rule(portfolio, helios):
    meeting = portfolio.add(
        Meeting, alliance_id=helios.id, title="Future", held_on=TODAY + timedelta(days=10)
    )
    past = portfolio.add(
        Meeting, alliance_id=helios.id, title="Past", held_on=TODAY - timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        portfolio.set_status([past, meeting], "held")  # a future meeting cannot be held
    assert {m.status for m in portfolio.all(Meeting)} == {"planned"}


def test_upcoming_decisions_are_pending_ones_soonest_first(portfolio, helios):
    other = portfolio.add_alliance("Atlas Data")
    add = portfolio.add
    add(Decision, alliance_id=helios.id, title="Later", due_date=TODAY + timedelta(60))
    add(Decision, alliance_id=other.id, title="Soon", due_date=TODAY + timedelta(5))
    add(Decision, alliance_id=helios.id, title="Late", due_date=TODAY - timedelta(5))
    add(Decision, alliance_id=helios.id, title="Undated")
    add(Decision, alliance_id=helios.id, title="Taken", status="decided", decided_on=TODAY)
    assert [d.title for d in portfolio.upcoming_decisions()] == ["Late", "Soon", "Later", "Undated"]
    assert [d.title for d in portfolio.upcoming_decisions(within_days=30)] == ["Late", "Soon"]
    assert portfolio.upcoming_decisions()[1].alliance_name == "Atlas Data"


def test_figures_through_the_portfolio(portfolio, helios):
    add = portfolio.add
    add(
        Milestone,
        alliance_id=helios.id,
        title="A",
        due_date=date(2026, 5, 1),
        status="done",
        completed_on=date(2026, 4, 30),
        owner_side="partner",
    )
    add(Milestone, alliance_id=helios.id, title="B", due_date=date(2026, 5, 2), status="missed")
    assert portfolio.delivery_reliability(helios.id)["all"] == OnTime(1, 2)
    assert portfolio.delivery_reliability(helios.id)["partner"] == OnTime(1, 1)
    assert [p.label for p in portfolio.delivery_reliability(helios.id, "month")] == ["May 2026"]
    add(
        Risk,
        alliance_id=helios.id,
        kind="issue",
        title="I",
        raised_on=date(2026, 5, 1),
        resolved_on=date(2026, 5, 15),
        status="resolved",
    )
    assert portfolio.governance_responsiveness(helios.id).median_days == 14
    assert portfolio.responsiveness_by_alliance()[helios.id].resolved == 1
    add(Payment, alliance_id=helios.id, title="P", due_date=TODAY - timedelta(1), amount=10.0)
    assert portfolio.payment_flags()[helios.id] == PaymentFlag(overdue=1)


def test_attendance_trend_per_meeting_type_and_side(portfolio, helios):
    ours = portfolio.add(Stakeholder, name="Ours", side="ours")
    theirs = portfolio.add(Stakeholder, name="Theirs", side="partner")
    pattern = [(True, True), (True, True), (True, False), (True, False)]  # (ours, theirs) came
    for days_ago, (we_came, they_came) in zip((40, 30, 20, 10), pattern, strict=True):
        meeting = portfolio.add(
            Meeting,
            alliance_id=helios.id,
            title="JSC",
            held_on=TODAY - timedelta(days_ago),
            status="held",
        )
        for person, came in ((ours, we_came), (theirs, they_came)):
            portfolio.add(
                MeetingAttendee, meeting_id=meeting.id, stakeholder_id=person.id, attended=came
            )
    assert portfolio.attendance_trend(helios.id).direction == "falling"  # 100 % -> 50 %
    assert portfolio.attendance_trend(helios.id, side="ours").direction == "steady"
    assert portfolio.attendance_trend(helios.id, side="partner").recent == 0.0
    assert portfolio.attendance_trend(helios.id, forum="board").direction == "unknown"


def test_meeting_outcomes_are_its_actions_and_decisions(portfolio, helios):
    meeting = portfolio.add(Meeting, alliance_id=helios.id, title="JSC", held_on=TODAY)
    portfolio.add(
        ActionItem, alliance_id=helios.id, title="From it", source="meeting", source_id=meeting.id
    )
    portfolio.add(ActionItem, alliance_id=helios.id, title="Elsewhere")
    portfolio.add(Decision, alliance_id=helios.id, title="Raised there", meeting_id=meeting.id)
    actions, decisions = portfolio.meeting_outcomes(meeting)
    assert [a.title for a in actions] == ["From it"]
    assert [d.title for d in decisions] == ["Raised there"]


# --- bad input: the rules, with the field they name and nothing stored ----------------------


@pytest.mark.parametrize(
    ("model", "fields", "field", "words"),
    [
        (ActionItem, {"due_date": date(1900, 1, 1)}, "due_date", "not plausible"),
        (ActionItem, {"due_date": date(9999, 12, 31)}, "due_date", "outside the years"),
        (ActionItem, {"completed_on": TODAY + timedelta(1)}, "completed_on", "future"),
        (ActionItem, {"impact": 0}, "impact", "from 1 to 5"),
        (ActionItem, {"feasibility": 6}, "feasibility", "from 1 to 5"),
        (ActionItem, {"impact": 3.5}, "impact", "whole number"),
        (ActionItem, {"title": "x" * 10_000}, "title", "too long"),
        (ActionItem, {"title": "   "}, "title", "must not be empty"),
        (Milestone, {"completed_on": TODAY + timedelta(1)}, "completed_on", "future"),
        (Risk, {"likelihood": 7}, "likelihood", "from 1 to 5"),
        (
            Risk,
            {"raised_on": date(2026, 5, 1), "resolved_on": date(2026, 4, 1)},
            "resolved_on",
            "before the raised date",
        ),
        (Decision, {"decided_on": TODAY + timedelta(1)}, "decided_on", "future"),
        (Meeting, {"forum": "tea_party"}, "forum", "meeting type"),
        (Meeting, {"held_on": TODAY + timedelta(3), "status": "held"}, "status", "held"),
        (Payment, {"amount": -5.0}, "amount", "negative"),
        (Payment, {"amount": "lots"}, "amount", "a number"),
        (Payment, {"amount": float("nan")}, "amount", "finite"),
        (Payment, {"amount": 1e15}, "amount", "too large"),
        (Payment, {"currency": "XYZ"}, "currency", "not a currency"),
        (Payment, {"currency": "eur"}, "currency", "not a currency"),
        (Payment, {"paid_on": TODAY + timedelta(1)}, "paid_on", "future"),
    ],
)
def test_bad_input_is_refused_naming_the_field(portfolio, helios, model, fields, field, words):
    values = {"alliance_id": helios.id, "title": "A record", **fields}
    with pytest.raises(ValidationError) as error:
        portfolio.add(model, **values)
    assert error.value.field == field
    assert words in error.value.message
    assert portfolio.all(model) == []


def test_good_payments_and_meeting_types_are_accepted(portfolio, helios):
    portfolio.add(Payment, alliance_id=helios.id, title="Royalty", amount=0.0, currency="JPY")
    portfolio.add(Meeting, alliance_id=helios.id, title="WG", forum="working_group")
    portfolio.add(Decision, alliance_id=helios.id, title="D", forum="executive_sponsor")


def test_nothing_from_a_meeting_is_due_or_done_before_it(portfolio, helios):
    meeting = portfolio.add(Meeting, alliance_id=helios.id, title="JSC", held_on=date(2026, 5, 1))
    fields = {"alliance_id": helios.id, "title": "Follow up", "source": "meeting"}
    with pytest.raises(ValidationError) as error:
        portfolio.add(ActionItem, **fields, source_id=meeting.id, completed_on=date(2026, 4, 30))
    assert error.value.field == "completed_on"
    assert "before the meeting it came from (2026-05-01)" in error.value.message
    with pytest.raises(ValidationError) as error:
        portfolio.add(ActionItem, **fields, source_id=meeting.id, due_date=date(2026, 4, 1))
    assert error.value.field == "due_date"
    action = portfolio.add(ActionItem, **fields, source_id=meeting.id, due_date=date(2026, 5, 1))
    with pytest.raises(ValidationError):
        portfolio.update(action, completed_on=date(2026, 4, 2))
    decision = portfolio.add(Decision, alliance_id=helios.id, title="Budget", meeting_id=meeting.id)
    with pytest.raises(ValidationError) as error:
        portfolio.update(decision, status="decided", decided_on=date(2026, 4, 1))
    assert error.value.field == "decided_on"


def test_decision_meeting_link_survives_reopening(portfolio_file, portfolio, helios):
    meeting = portfolio.add(Meeting, alliance_id=helios.id, title="JSC", held_on=TODAY)
    decision = portfolio.add(Decision, alliance_id=helios.id, title="Go", meeting_id=meeting.id)
    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as again:
        assert again.get(Decision, decision.id).meeting_id == meeting.id


def test_demo_decisions_come_out_of_meetings_held_before_them(demo_file):
    with Portfolio.open(demo_file, "demo", read_only=True) as demo:
        linked = [d for d in demo.all(Decision) if d.meeting_id]
        assert len(linked) >= 5
        for decision in linked:
            meeting = demo.get(Meeting, decision.meeting_id)
            assert meeting.alliance_id == decision.alliance_id
            assert meeting.forum == decision.forum
            if decision.decided_on:
                assert meeting.held_on <= decision.decided_on
