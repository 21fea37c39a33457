"""Portfolio commands for the worksheet: needs, feedback history, the living set, interviews."""

from datetime import date, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.models import (
    Alliance,
    AllianceStakeholder,
    InformationNeed,
    NeedFeedback,
    Stakeholder,
    WorksheetInterview,
)
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE
from tests.worksheet_support import OKAFOR, WEBER, add_people

DAY = date(2026, 3, 12)


@pytest.fixture
def alliance(portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")


def test_needs_are_added_at_the_end_and_move(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    first = portfolio.add_need(weber, "First?")
    second = portfolio.add_need(weber, "Second?")
    third = portfolio.add_need(weber, "Third?")
    assert [n.question for n in portfolio.information_needs(weber)] == [
        "First?",
        "Second?",
        "Third?",
    ]
    assert portfolio.move_need(third, -1)
    assert [n.id for n in portfolio.information_needs(weber)] == [first.id, third.id, second.id]
    assert not portfolio.move_need(first, -1)
    assert not portfolio.move_need(second, 1)


def test_needs_of_an_alliance_include_those_for_every_alliance(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    other = portfolio.add_alliance("Atlas Data")
    portfolio.add_need(weber, "Helios only?", alliance_id=alliance.id)
    portfolio.add_need(weber, "Atlas only?", alliance_id=other.id)
    portfolio.add_need(weber, "Everywhere?")
    shown = [n.question for n in portfolio.information_needs(weber, alliance)]
    assert shown == ["Helios only?", "Everywhere?"]


def test_feedback_is_kept_with_its_date_and_the_latest_shows_on_the_item(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "Is Phase 3 on track?")
    portfolio.record_feedback(need, "used", DAY)
    portfolio.record_feedback(need, "not_used", DAY + timedelta(days=90), note="reads the deck")
    portfolio.record_feedback(need, "used", DAY - timedelta(days=30))  # entered late
    assert (need.feedback, need.feedback_on) == ("not_used", DAY + timedelta(days=90))
    history = portfolio.feedback_history(need)
    assert [(e.verdict, e.given_on) for e in history] == [
        ("not_used", DAY + timedelta(days=90)),
        ("used", DAY),
        ("used", DAY - timedelta(days=30)),
    ]
    assert history[0].note == "reads the deck"


def test_feedback_must_be_a_known_verdict(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "Q?")
    with pytest.raises(ValidationError) as caught:
        portfolio.record_feedback(need, "unknown", DAY)
    assert caught.value.field == "verdict"
    assert portfolio.all(NeedFeedback) == [] and need.feedback == "unknown"


def test_missing_becomes_a_new_need_in_one_step(portfolio, alliance, portfolio_file):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_missing_need(
        weber, "Which payments are late?", DAY, decision="Escalate", alliance_id=alliance.id
    )
    assert (need.feedback, need.feedback_on, need.status) == ("missing", DAY, "active")
    assert [e.verdict for e in portfolio.feedback_history(need)] == ["missing"]
    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as again:
        stored = again.get(InformationNeed, need.id)
        assert stored.question == "Which payments are late?" and stored.decision == "Escalate"
        assert len(again.all(NeedFeedback)) == 1


def test_retired_items_keep_why_and_when_and_leave_the_unused_list(portfolio, alliance):
    weber, okafor = add_people(portfolio, alliance, WEBER, OKAFOR)
    meetings = portfolio.add_need(weber, "How many meetings?")
    invoices = portfolio.add_need(okafor, "Every invoice line?")
    kept = portfolio.add_need(okafor, "Milestone payments due?")
    portfolio.record_feedback(meetings, "not_used", DAY)
    portfolio.record_feedback(invoices, "not_used", DAY - timedelta(days=10))
    portfolio.record_feedback(kept, "used", DAY)
    unused = portfolio.unused_needs()
    assert [(n.question, p.name) for n, p in unused] == [
        ("Every invoice line?", "Paul Okafor"),
        ("How many meetings?", "Anne Weber"),
    ]
    with pytest.raises(ValidationError, match="Say why"):
        portfolio.retire_need(meetings, "  ")
    portfolio.retire_need(meetings, "Feeds no decision", DAY)
    assert (meetings.status, meetings.retired_reason, meetings.retired_on) == (
        "retired",
        "Feeds no decision",
        DAY,
    )
    assert [n.id for n, _p in portfolio.unused_needs()] == [invoices.id]
    assert [n.id for n in portfolio.information_needs(weber, include_retired=False)] == []
    portfolio.reinstate_need(meetings)
    assert meetings.status == "active" and meetings.retired_on is None


def test_unused_list_forgets_deleted_stakeholders(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "Q?")
    portfolio.record_feedback(need, "not_used", DAY)
    portfolio.delete(weber)
    assert portfolio.unused_needs() == []


def test_an_interview_validates_the_worksheet(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    interview = portfolio.record_interview(weber, DAY, " Maren ", "Added the board", alliance)
    assert (weber.last_validated_on, weber.validated_by, weber.validation_note) == (
        DAY,
        "Maren",
        "Added the board",
    )
    older = portfolio.record_interview(weber, DAY - timedelta(days=200), "Tom", "First talk")
    assert weber.last_validated_on == DAY and weber.validated_by == "Maren"
    assert [i.id for i in portfolio.interviews_of(weber)] == [interview.id, older.id]
    assert interview.alliance_id == alliance.id


def test_an_interview_needs_a_date(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    with pytest.raises(ValidationError) as caught:
        portfolio.record_interview(weber, None)
    assert caught.value.field == "held_on"
    assert portfolio.all(WorksheetInterview) == []


def test_stakeholders_are_found_by_name_or_id_and_know_their_roles(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    other = portfolio.add_alliance("Atlas Data")
    portfolio.link_stakeholder(other, weber, "JSC member")
    assert portfolio.find_stakeholders("  anne WEBER ") == [weber]
    assert portfolio.find_stakeholders(weber.id) == [weber]
    assert portfolio.find_stakeholders("Nobody") == []
    roles = portfolio.roles()[weber.id]
    assert [(a.name, role) for a, role in roles] == [
        ("Atlas Data", "JSC member"),
        ("Helios Oncology", "Role 1"),
    ]
    link = portfolio.unlink_stakeholder(other, weber)
    assert isinstance(link, AllianceStakeholder) and link.deleted_at is not None
    assert [a.name for a, _r in portfolio.roles()[weber.id]] == ["Helios Oncology"]
    assert portfolio.unlink_stakeholder(other, weber) is None
    assert portfolio.stakeholders() == [weber]
    portfolio.add(Stakeholder, name="aaron")
    assert [p.name for p in portfolio.stakeholders()] == ["aaron", "Anne Weber"]


def test_feedback_dates_default_to_today(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_missing_need(weber, "Q?")
    entry = portfolio.record_feedback(need, "used")
    assert need.feedback_on == clock.today() == entry.given_on


def test_people_index_lists_live_people_by_name_and_follows_each_change(portfolio):
    zoe = portfolio.add(Stakeholder, name="zoë Adler", side="partner")
    portfolio.add(Stakeholder, name="Anna Berg")
    assert [(p.name, p.side) for p in portfolio.people_index()][:2] == [
        ("Anna Berg", "ours"),
        ("zoë Adler", "partner"),
    ]
    assert portfolio.people_index() is portfolio.people_index()  # read once until a change
    portfolio.update(zoe, name="Bea Adler")
    assert [p.name for p in portfolio.people_index()][:2] == ["Anna Berg", "Bea Adler"]
    portfolio.delete(zoe)
    assert zoe.id not in {p.id for p in portfolio.people_index()}
