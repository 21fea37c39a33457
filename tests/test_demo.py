"""The demo portfolio tells the stories the product's features need (written once per session)."""

from collections import defaultdict
from datetime import timedelta
from statistics import mean

import pytest

from alliance_desk import clock, demo
from alliance_desk.models import (
    ActionItem,
    Alliance,
    Benchmark,
    ChecklistItem,
    ChecklistTemplate,
    Decision,
    InformationNeed,
    Meeting,
    MeetingAttendee,
    Milestone,
    Payment,
    PracticeAssessment,
    Risk,
    Stakeholder,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
    choices,
)
from alliance_desk.portfolio import Portfolio

SLIDING = "Corvane CV-214 co-development"
SPLIT_BY_TEAM = "Vantiga vaccines joint venture"
WORKSHEET = ("title", "organisation", "reports_to", "priorities", "audiences", "questions")
WORKSHEET += ("decisions", "life_easier", "routines", "preferred_format", "cadence")


@pytest.fixture
def opened(demo_file):
    portfolio = Portfolio.open(demo_file, "demo")
    yield portfolio
    portfolio.close()


def alliance(portfolio: Portfolio, name: str) -> Alliance:
    found = portfolio.find_alliance(name)
    assert found is not None, name
    return found


def scores_by_round(portfolio: Portfolio, alliance_id: str, key: str, **response_filter):
    """{held_on: [values]} of one benchmark in one alliance's rounds."""
    benchmark = next(b for b in portfolio.all(Benchmark) if b.key == key)
    rounds = {r.id: r for r in portfolio.all(SurveyRound, alliance_id=alliance_id)}
    responses = {
        r.id: r
        for r in portfolio.all(SurveyResponse)
        if r.round_id in rounds and all(getattr(r, k) == v for k, v in response_filter.items())
    }
    result = defaultdict(list)
    for score in portfolio.all(SurveyScore, benchmark_id=benchmark.id):
        if score.response_id in responses:
            held_on = rounds[responses[score.response_id].round_id].held_on
            result[held_on].append(score.value)
    return result


def test_demo_has_seven_active_alliances_in_all_five_stages(opened):
    alliances = opened.alliances()
    assert len(alliances) == 7
    assert {a.stage for a in alliances} == set(choices.STAGES)
    assert len({a.alliance_type for a in alliances}) >= 6
    assert all(a.archived_at is None for a in alliances)
    assert {a.status for a in alliances} == {"active", "on_hold"}


def test_demo_alliances_have_every_field_filled(opened):
    for a in opened.alliances():
        for field in ("partner", "business_area", "purpose", "value_proposition", "notes"):
            assert getattr(a, field).strip(), (a.name, field)
        assert a.our_lead and a.partner_lead
        assert a.start_date < clock.today() < a.renewal_date
        assert a.revenue_share is not None and a.alternative_partners is not None


def test_demo_stage_history_walks_through_the_stages_in_order(opened):
    order = list(choices.STAGES)
    for a in opened.alliances():
        history = opened.stage_history(a)
        stages = [change.stage for change in history]
        assert stages == order[: order.index(a.stage) + 1], a.name
        dates = [change.changed_on for change in history]
        assert dates == sorted(dates) and dates[0] == a.start_date


def test_demo_has_25_stakeholders_with_filled_worksheets(opened):
    people = opened.all(Stakeholder)
    assert len(people) >= 25
    for person in people:
        for field in WORKSHEET:
            assert str(getattr(person, field)).strip(), (person.name, field)
        assert 1 <= person.influence <= 5 and 1 <= person.interest <= 5
    assert {p.side for p in people} == {"ours", "partner"}
    assert {p.group for p in people} >= set(choices.STAKEHOLDER_GROUPS) - {"other"}
    validated = [p.last_validated_on for p in people if p.last_validated_on]
    assert validated and len(validated) < len(people)  # some never validated
    assert min(validated) < clock.today() - timedelta(days=365)  # some long ago


def test_demo_stakeholders_serve_several_alliances(opened):
    serving = defaultdict(int)
    for a in opened.alliances():
        links = opened.stakeholders_of(a)
        assert len(links) >= 4, a.name
        assert all(role for _person, role in links)
        for person, _role in links:
            serving[person.id] += 1
    assert max(serving.values()) >= 3


def test_demo_information_needs_include_retired_ones_and_feedback(opened):
    needs = opened.all(InformationNeed)
    assert len(needs) >= 10
    retired = [n for n in needs if n.status == "retired"]
    assert len(retired) >= 2 and all(n.retired_reason and n.retired_on for n in retired)
    assert {"used", "not_used", "missing"} <= {n.feedback for n in needs}


def test_demo_survey_responses_come_from_both_sides_in_every_alliance(opened):
    rounds = {r.id: r.alliance_id for r in opened.all(SurveyRound)}
    sides = defaultdict(set)
    for response in opened.all(SurveyResponse):
        sides[rounds[response.round_id]].add(response.side)
    for a in opened.alliances():
        assert sides[a.id] == {"ours", "partner"}, a.name


def test_demo_response_rate_is_around_engaged_levels(opened):
    invited = sum(r.invited_ours + r.invited_partner for r in opened.all(SurveyRound))
    answered = len(opened.all(SurveyResponse))
    assert 0.6 <= answered / invited <= 0.9


def test_demo_sliding_alliance_trust_falls_from_green_to_red(opened):
    corvane = alliance(opened, SLIDING)
    trust = next(b for b in opened.all(Benchmark) if b.key == "trust")
    by_round = scores_by_round(opened, corvane.id, "trust")
    dates = sorted(by_round)
    assert len(dates) >= 18  # monthly over 18 months
    first = mean(v for d in dates[:3] for v in by_round[d])
    last = mean(v for d in dates[-3:] for v in by_round[d])
    assert first >= trust.green_at
    assert last < trust.red_below
    assert first - last >= 2.5


def test_demo_sliding_alliance_partner_side_falls_first(opened):
    corvane = alliance(opened, SLIDING)
    ours = scores_by_round(opened, corvane.id, "communication", side="ours")
    partner = scores_by_round(opened, corvane.id, "communication", side="partner")
    middle = sorted(ours)[9:13]
    assert mean(v for d in middle for v in partner[d]) < mean(v for d in middle for v in ours[d])


def test_demo_shows_rnd_unhappy_while_commercial_is_content(opened):
    jv = alliance(opened, SPLIT_BY_TEAM)
    rnd = scores_by_round(opened, jv.id, "trust", team="R&D")
    commercial = scores_by_round(opened, jv.id, "trust", team="Commercial")
    assert mean(v for vs in rnd.values() for v in vs) < 5.5
    assert mean(v for vs in commercial.values() for v in vs) >= 7.5


def test_demo_has_overdue_actions_and_actions_due_this_week(opened):
    today = clock.today()
    actions = opened.all(ActionItem)
    still_open = [a for a in actions if a.status in ("open", "in_progress")]
    assert sum(1 for a in still_open if a.due_date < today) >= 5
    assert sum(1 for a in still_open if today <= a.due_date <= today + timedelta(days=6)) >= 3
    done = [a for a in actions if a.status == "done"]
    assert any(a.completed_on > a.due_date for a in done)  # some finished late
    assert {a.source for a in actions} >= {"meeting", "health_review", "survey"}
    assert any(a.owner_id for a in actions)  # a stakeholder
    assert any(a.owner_name and not a.owner_id for a in actions)  # free text


def test_demo_has_upcoming_decisions_across_forums(opened):
    today = clock.today()
    decisions = opened.all(Decision)
    upcoming = [d for d in decisions if d.status == "pending" and d.due_date >= today]
    assert {d.forum for d in upcoming} == set(choices.FORUMS)
    assert all(d.options and d.recommendation for d in upcoming)
    decided = [d for d in decisions if d.status == "decided"]
    assert decided and all(d.outcome and d.decided_on < today for d in decided)


def test_demo_missed_milestones_all_have_root_causes(opened):
    milestones = opened.all(Milestone)
    missed = [m for m in milestones if m.status == "missed"]
    assert len(missed) >= 3
    assert all(m.root_cause.strip() for m in missed)
    done = [m for m in milestones if m.status == "done"]
    assert any(m.completed_on <= m.due_date for m in done)
    assert any(m.completed_on > m.due_date for m in done)
    assert any(m.status == "planned" and m.due_date > clock.today() for m in milestones)


def test_demo_risks_and_issues_cover_every_category(opened):
    risks = opened.all(Risk)
    assert {r.category for r in risks} == set(choices.RISK_CATEGORIES)
    assert {r.kind for r in risks} == {"risk", "issue"}
    resolved = [r for r in risks if r.kind == "issue" and r.resolved_on]
    days = sorted((r.resolved_on - r.raised_on).days for r in resolved)
    assert days[0] <= 14 and days[-1] >= 60  # some quickly, some slowly
    assert any(r.status == "escalated" and r.escalated_on for r in risks)


def test_demo_meetings_show_falling_attendance_and_a_planned_jsc(opened):
    corvane = alliance(opened, SLIDING)
    jscs = sorted(
        (m for m in opened.all(Meeting, alliance_id=corvane.id) if m.forum == "jsc"),
        key=lambda m: m.held_on,
    )
    held = [m for m in jscs if m.status == "held"]

    def share(meeting):
        rows = opened.all(MeetingAttendee, meeting_id=meeting.id)
        return sum(r.attended for r in rows) / len(rows)

    assert share(held[-1]) < share(held[0]) - 0.3
    planned = [m for m in jscs if m.status == "planned"]
    assert len(planned) == 1 and planned[0].held_on > clock.today() and planned[0].agenda


def test_demo_payments_include_one_overdue_and_one_disputed(opened):
    today = clock.today()
    payments = opened.all(Payment)
    overdue = [p for p in payments if p.status == "expected" and p.due_date < today]
    assert len(overdue) == 1
    assert sum(1 for p in payments if p.status == "disputed") == 1
    assert {"upfront", "milestone", "royalty", "cost_share"} <= {p.kind for p in payments}
    assert all(p.paid_on <= today for p in payments if p.status == "paid")


def test_demo_checklists_follow_each_alliance_stage(opened):
    templates = {t.id: t for t in opened.all(ChecklistTemplate)}
    for a in opened.alliances():
        items = opened.all(ChecklistItem, alliance_id=a.id)
        stage_items = [i for i in items if templates[i.template_id].kind == "stage"]
        assert stage_items and {templates[i.template_id].stage for i in stage_items} == {a.stage}
    items = opened.all(ChecklistItem)
    done = [i for i in items if i.status == "done"]
    assert done and all(i.done_on and i.owner_name for i in done)
    assert all(i.note for i in items if i.status == "na")
    assert any(i.status == "na" for i in items)


def test_demo_has_practice_self_assessments_over_a_year(opened):
    assessments = opened.all(PracticeAssessment)
    assert {a.framework for a in assessments} == set(choices.PRACTICE_FRAMEWORKS)
    dates = sorted(a.assessed_on for a in assessments)
    assert (dates[-1] - dates[0]).days >= 240


def test_a_failed_demo_leaves_no_file_behind(tmp_path, monkeypatch):
    def broken(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo.DemoBuilder, "build", broken)
    path = tmp_path / "demo.alliance"
    with pytest.raises(RuntimeError):
        demo.write_demo(path, "demo")
    assert not path.exists()
