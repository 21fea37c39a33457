"""Survey rounds, benchmark lights, health status and early warnings on a real file."""

from datetime import date, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.defaults import seed_defaults
from alliance_desk.models import ActionItem, Benchmark, BenchmarkOverride, SurveyScore
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_surveys import ResponseEntry
from tests.conftest import PASSPHRASE


@pytest.fixture
def seeded(portfolio):
    seed_defaults(portfolio)
    return portfolio


@pytest.fixture
def alliance(seeded):
    alliance = seeded.alliances()[0]
    return seeded.set_stage(alliance, "execution") and seeded.get(type(alliance), alliance.id)


def trust(portfolio: Portfolio) -> Benchmark:
    return next(b for b in portfolio.all(Benchmark) if b.key == "trust")


def entries(benchmark, ours=(), partner=()):
    return [ResponseEntry("ours", "R&D", scores={benchmark.id: v}) for v in ours] + [
        ResponseEntry("partner", "R&D", scores={benchmark.id: v}) for v in partner
    ]


def test_a_round_is_stored_whole_and_its_light_and_status_follow(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(
        alliance, date(2026, 1, 5), entries(t, [8, 9], [8]), invited_ours=2, invited_partner=1
    )
    view = seeded.health_view(alliance)
    trust_view = view.benchmark(t.id)
    assert trust_view.current.value == pytest.approx(25 / 3)
    assert trust_view.current.light == "green"
    assert view.status.light == "green"
    assert len(seeded.all(SurveyScore)) == 3


def test_scores_on_both_sides_give_the_perception_gap(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [8, 8], [4, 5]))
    (only,) = seeded.health_view(alliance).benchmark(t.id).series
    assert only.gap == pytest.approx(3.5)


def test_a_score_outside_the_scale_stores_nothing(seeded, alliance):
    t = trust(seeded)
    with pytest.raises(ValidationError) as raised:
        seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [8, 11]))
    assert "1" in raised.value.message and "10" in raised.value.message
    assert seeded.all(SurveyScore) == []
    assert seeded.survey_data(alliance.id) == ([], [])


def test_more_responses_than_invited_is_refused_with_the_side_named(seeded, alliance):
    t = trust(seeded)
    with pytest.raises(ValidationError) as raised:
        seeded.add_survey_round(
            alliance, date(2026, 1, 5), entries(t, [], [5, 6, 7]), invited_partner=2
        )
    assert raised.value.field == "invited_partner"
    assert "3 responses from the partner's side, but only 2 were invited" in raised.value.message


def test_a_round_dated_in_the_future_is_refused(seeded, alliance):
    with pytest.raises(ValidationError, match="future"):
        seeded.add_survey_round(alliance, clock.today() + timedelta(days=1), [])


def test_rows_without_any_score_are_not_stored_as_responses(seeded, alliance):
    t = trust(seeded)
    grid = entries(t, [7]) + [ResponseEntry("ours", "R&D", scores={t.id: None})]
    seeded.add_survey_round(alliance, date(2026, 1, 5), grid)
    _, responses = seeded.survey_data(alliance.id)
    assert len(responses) == 1


def test_an_override_changes_the_light_for_that_alliance_only(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [7.5]))
    assert seeded.health_view(alliance).benchmark(t.id).current.light == "green"
    seeded.add(BenchmarkOverride, alliance_id=alliance.id, benchmark_id=t.id, green_at=8.0)
    view = seeded.health_view(alliance).benchmark(t.id)
    assert view.current.light == "yellow"
    assert view.thresholds.red_below == 5  # the definition's, where the override is silent


def test_the_view_follows_edited_overrides_and_definitions_it_has_kept(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [7.5]))
    assert seeded.health_view(alliance).benchmark(t.id).current.light == "green"
    seeded.set_override(alliance, t, 8.0, None)
    assert seeded.health_view(alliance).benchmark(t.id).current.light == "yellow"
    seeded.set_override(alliance, t, 7.0, None)  # the same override, updated
    assert seeded.health_view(alliance).benchmark(t.id).current.light == "green"
    seeded.clear_override(alliance, t)
    seeded.update(t, green_at=9.0)  # the definition itself
    view = seeded.health_view(alliance).benchmark(t.id)
    assert (view.current.light, view.thresholds.green_at) == ("yellow", 9.0)
    seeded.update(t, retired_on=date(2026, 1, 6))
    assert seeded.health_view(alliance).benchmark(t.id) is None


def test_each_warning_finds_the_review_action_of_its_own_transition(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [8, 9]))
    seeded.add_survey_round(alliance, date(2026, 2, 5), entries(t, [3, 4]))
    (warning,) = [w for w in seeded.health_view(alliance).warnings if w.proposes_review]
    other = seeded.add(
        ActionItem,
        alliance_id=alliance.id,
        title="Another transition's review",
        source="health_review",
        source_id="another round",
        benchmark_id=t.id,
    )
    assert seeded.review_action(warning) is None
    action = seeded.create_review_action(warning, today=date(2026, 2, 10))
    assert seeded.review_actions(alliance.id) == {
        (t.id, "another round"): other,
        (t.id, warning.round_id): action,
    }
    assert seeded.review_action(warning) == action


def test_the_sidebar_status_is_recomputed_after_an_edit(seeded, alliance):
    t = trust(seeded)
    assert seeded.health_status(alliance).light in ("grey", "green", "yellow", "red")
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [3, 4]))
    assert seeded.health_status(alliance).light == "red"
    assert "Trust is red (3.5)" in seeded.health_status(alliance).text()


def test_a_green_to_red_move_warns_and_proposes_one_review_action(seeded, alliance):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [8, 8]))
    assert [w for w in seeded.early_warnings() if w.kind == "transition"] == []
    seeded.add_survey_round(alliance, date(2026, 2, 5), entries(t, [4, 4]))
    (warning,) = [w for w in seeded.early_warnings() if w.kind == "transition"]
    assert warning.text == "Trust moved from green to red (8.0 → 4.0)"
    assert seeded.review_action(warning) is None

    action = seeded.create_review_action(warning, today=date(2026, 2, 10))
    assert action.due_date == date(2026, 2, 24)
    assert action.source == "health_review" and action.benchmark_id == t.id
    again = seeded.create_review_action(warning, today=date(2026, 2, 11))
    assert again.id == action.id
    assert len(seeded.all(ActionItem, source="health_review")) == 1
    (still,) = [w for w in seeded.early_warnings() if w.kind == "transition"]
    assert seeded.review_action(still).id == action.id


def test_trust_falling_over_two_rounds_is_flagged(seeded, alliance):
    t = trust(seeded)
    for month, score in ((1, 9), (2, 8.5), (3, 8)):
        seeded.add_survey_round(alliance, date(2026, month, 5), entries(t, [score]))
    kinds = {w.kind for w in seeded.early_warnings()}
    assert "falling_trust" in kinds and "transition" not in kinds


def test_deleting_a_round_takes_its_answers_and_restoring_brings_them_back(seeded, alliance):
    t = trust(seeded)
    survey = seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [3, 4]))
    seeded.delete_survey_round(survey)
    assert seeded.health_status(alliance).light != "red"
    assert seeded.all(SurveyScore) == []
    seeded.restore_survey_round(survey)
    assert len(seeded.all(SurveyScore)) == 2
    assert seeded.health_status(alliance).light == "red"


def test_the_demo_tells_the_corvane_story(demo_file):
    with Portfolio.open(demo_file, "demo") as demo:
        corvane = demo.find_alliance("Corvane CV-214 co-development")
        view = demo.health_view(corvane)
        assert view.status.light == "red"
        trust_view = next(b for b in view.benchmarks if b.benchmark.key == "trust")
        assert trust_view.trend.change < -3  # from about 8 to about 4
        first = trust_view.series[0]
        assert first.light == "green"
        assert any(
            w.kind == "transition" and w.alliance_id == corvane.id for w in demo.early_warnings()
        )


def test_statuses_survive_reopening_the_file(seeded, alliance, portfolio_file):
    t = trust(seeded)
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(t, [3]))
    seeded.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as again:
        assert again.health_status(again.get(type(alliance), alliance.id)).light == "red"


def test_every_kind_that_reloads_health_exists():
    from alliance_desk.models import KINDS
    from alliance_desk.portfolio_health import HEALTH_KINDS

    assert set(KINDS) >= HEALTH_KINDS


def test_the_portfolio_figures_added_up_by_the_database_agree_with_each_alliances_view(demo_file):
    with Portfolio.open(demo_file, "demo") as demo:
        statuses = demo.health_statuses()
        warnings = {w.key for w in demo.early_warnings()}
        for alliance in demo.alliances(include_archived=False):
            view = demo.health_view(alliance)
            assert statuses[alliance.id] == view.status, alliance.name
            assert {w.key for w in view.warnings} <= warnings


def test_an_edited_action_keeps_the_cached_health_and_a_new_round_replaces_it(seeded, alliance):
    from alliance_desk.models import ActionItem

    before = seeded.health_statuses()
    seeded.add(ActionItem, alliance_id=alliance.id, title="Call the partner")
    assert seeded.health_statuses() is before  # not recomputed for an ordinary action
    seeded.add_survey_round(alliance, date(2026, 1, 5), entries(trust(seeded), [2]))
    assert seeded.health_status(alliance).light == "red"
