"""After an edit, only the alliances it touched are computed again: the figures must be exactly
those a whole recomputation gives, whatever kind of record changed."""

from datetime import date, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.models import Benchmark, Meeting, MeetingAttendee, Milestone, Risk, SurveyScore
from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_surveys import ResponseEntry


@pytest.fixture
def demo(demo_file):
    with Portfolio.open(demo_file, "demo") as portfolio:
        yield portfolio


def figures(portfolio: Portfolio):
    return portfolio.health_statuses(), portfolio.early_warnings()


def whole(portfolio: Portfolio):
    portfolio.forget_health()
    return figures(portfolio)


def trust(portfolio: Portfolio) -> Benchmark:
    return next(b for b in portfolio.all(Benchmark) if b.key == "trust")


def assert_same_as_whole(portfolio: Portfolio) -> None:
    statuses, warnings = figures(portfolio)  # the incremental answer
    assert (statuses, warnings) == whole(portfolio)


def test_every_kind_of_edit_gives_the_figures_of_a_whole_recomputation(demo):
    alliance = next(a for a in demo.alliances() if a.name.startswith("Corvane"))
    other = next(a for a in demo.alliances() if a.id != alliance.id)
    figures(demo)
    before = demo.health_statuses()[alliance.id]

    today = clock.today()
    t = trust(demo)
    low = [ResponseEntry("ours", "R&D", scores={t.id: 1}) for _ in range(3)]
    survey = demo.add_survey_round(alliance, today, low, invited_ours=3)
    assert_same_as_whole(demo)
    assert demo.health_statuses()[alliance.id] != before  # the new round counted

    score = next(s for s in demo.all(SurveyScore) if s.benchmark_id == t.id)
    demo.update(score, value=10)
    assert_same_as_whole(demo)

    demo.delete_survey_round(survey)
    assert_same_as_whole(demo)

    milestone = demo.add(
        Milestone, alliance_id=other.id, title="Late", due_date=today - timedelta(days=3)
    )
    assert_same_as_whole(demo)
    demo.update(milestone, status="missed")
    assert_same_as_whole(demo)

    demo.add(
        Risk, alliance_id=other.id, title="Supply", kind="issue", raised_on=today, status="open"
    )
    assert_same_as_whole(demo)

    meeting = next(m for m in demo.all(Meeting) if m.alliance_id == alliance.id)
    attendee = next(a for a in demo.all(MeetingAttendee) if a.meeting_id == meeting.id)
    demo.update(attendee, attended=not attendee.attended)
    assert_same_as_whole(demo)

    demo.set_override(alliance, t, 9.5, 9.0)
    assert_same_as_whole(demo)

    demo.update(other, revenue_share=95.0)
    demo.set_stage(other, "governance")
    assert_same_as_whole(demo)

    demo.update(other, archived_at=date(2026, 1, 1))
    statuses, _ = figures(demo)
    assert other.id not in statuses
    assert_same_as_whole(demo)


def test_an_edit_elsewhere_keeps_the_other_alliances_figures(demo):
    alliance, other = demo.alliances()[:2]
    figures(demo)
    kept = demo._health_cache["figures"][other.id]
    demo.add(Milestone, alliance_id=alliance.id, title="Next", due_date=clock.today())
    figures(demo)
    assert demo._health_cache["figures"][other.id] is kept  # not computed again
