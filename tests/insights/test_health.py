"""The health rules (insights/health.py) on hand-computed data."""

from datetime import date

import pytest

from alliance_desk.insights import health as rules
from alliance_desk.insights.health import (
    BenchmarkHealth,
    Response,
    ResponseRate,
    RoundInfo,
    Thresholds,
)

TRUST = Thresholds(green_at=7, red_below=5)
DAYS = Thresholds(green_at=14, red_below=30, higher_is_better=False)


@pytest.mark.parametrize(
    ("value", "light"),
    [(7.0, "green"), (9.9, "green"), (6.99, "yellow"), (5.0, "yellow"), (4.99, "red"), (1, "red")],
)
def test_higher_is_better_lights_with_ties_at_the_thresholds(value, light):
    assert rules.traffic_light(value, TRUST) == light


@pytest.mark.parametrize(
    ("days", "light"), [(3, "green"), (14, "green"), (15, "yellow"), (30, "yellow"), (31, "red")]
)
def test_lower_is_better_lights_with_ties_at_the_thresholds(days, light):
    assert rules.traffic_light(days, DAYS) == light


def test_no_value_or_missing_thresholds_is_grey_never_a_colour():
    assert rules.traffic_light(None, TRUST) == "grey"
    assert rules.traffic_light(2, Thresholds(None, 5)) == "grey"
    assert rules.traffic_light(9, Thresholds(7, None)) == "grey"


def test_thresholds_describe_themselves_both_ways():
    assert TRUST.short() == "green ≥ 7, red < 5"
    assert DAYS.short() == "green ≤ 14, red > 30"
    assert TRUST.describe() == "green at 7 or above, red below 5"
    assert DAYS.describe("days") == "green at 14 days or below, red above 30 days"


R1 = RoundInfo("r1", date(2026, 1, 10), "January", invited_ours=5, invited_partner=5)
R2 = RoundInfo("r2", date(2026, 2, 10), "February", invited_ours=5, invited_partner=5)
R3 = RoundInfo("r3", date(2026, 3, 10), "March", invited_ours=4, invited_partner=None)


def answer(round_id, side, trust, team="R&D"):
    return Response(round_id, side, team, {"trust": trust} if trust is not None else {})


def test_response_rate_per_side_and_overall_flags_below_80_percent():
    responses = [answer("r1", "ours", 8)] * 4 + [answer("r1", "partner", 7)] * 3
    rates = rules.response_rates(R1, responses)
    assert rates["ours"].rate == pytest.approx(0.8) and not rates["ours"].low
    assert rates["partner"].rate == pytest.approx(0.6) and rates["partner"].low
    assert rates["all"].rate == pytest.approx(0.7) and rates["all"].low
    assert rates["all"].text() == "70 % (7 of 10)"


def test_response_rate_counts_only_sides_whose_invitations_are_known():
    responses = [answer("r3", "ours", 8)] * 4 + [answer("r3", "partner", 7)] * 9
    rates = rules.response_rates(R3, responses)
    assert rates["all"].rate == 1.0  # four of four invited on our side; partner unknown
    assert rates["partner"].rate is None and not rates["partner"].low


def test_one_response_gives_a_mean_a_light_and_no_gap():
    series = rules.benchmark_rounds([R1], [answer("r1", "ours", 6)], "trust", TRUST)
    assert len(series) == 1
    only = series[0]
    assert (only.overall.mean, only.overall.count, only.light) == (6, 1, "yellow")
    assert only.partner.count == 0 and only.gap is None


def test_perception_gap_is_our_mean_minus_the_partners():
    responses = [
        answer("r1", "ours", 8),
        answer("r1", "ours", 7),
        answer("r1", "partner", 5),
        answer("r1", "partner", 4),
    ]
    (only,) = rules.benchmark_rounds([R1], responses, "trust", TRUST)
    assert only.ours.mean == 7.5 and only.partner.mean == 4.5
    assert only.gap == pytest.approx(3.0)
    assert only.overall.mean == 6.0 and only.light == "yellow"


def test_rounds_that_did_not_ask_a_benchmark_are_left_out_of_its_series():
    responses = [answer("r1", "ours", 8), answer("r2", "ours", None), answer("r3", "ours", 4)]
    series = rules.benchmark_rounds([R3, R1, R2], responses, "trust", TRUST)
    assert [b.round.id for b in series] == ["r1", "r3"]


def test_trend_compares_the_latest_round_with_the_chosen_baseline_default_the_first():
    responses = [answer("r1", "ours", 8), answer("r2", "ours", 6), answer("r3", "ours", 5)]
    series = rules.benchmark_rounds([R1, R2, R3], responses, "trust", TRUST)
    assert rules.trend(series).change == pytest.approx(-3)
    assert rules.trend(series, baseline_round_id="r2").change == pytest.approx(-1)
    assert rules.trend(series, baseline_round_id="gone").baseline.round.id == "r1"
    assert rules.trend([]).change is None and rules.trend([]).text() == "—"


def test_breakdown_by_team_shows_what_the_average_hides():
    responses = [
        answer("r1", "ours", 3, "R&D"),
        answer("r1", "partner", 4, "R&D"),
        answer("r1", "ours", 9, "Marketing"),
        answer("r1", "ours", 8, " "),
        answer("r2", "ours", 1, "Marketing"),
    ]
    teams = rules.breakdown(responses, "trust", TRUST, round_id="r1")
    assert [(t.team, t.stat.mean, t.light) for t in teams] == [
        ("Marketing", 9, "green"),
        ("R&D", 3.5, "red"),
        ("(no team)", 8, "green"),
    ]


def health(name, value, light, applies=True):
    return BenchmarkHealth(name, name, value, light, applies)


def test_status_is_red_when_any_benchmark_for_the_stage_is_red():
    status = rules.overall_status(
        [health("Trust", 4.0, "red"), health("Communication", 8, "green")]
    )
    assert status.light == "red"
    assert status.reasons == ("Trust is red (4.0)",)


def test_status_ignores_benchmarks_of_other_stages_and_grey_ones():
    status = rules.overall_status(
        [
            health("Innovation", 2, "red", applies=False),
            health("Trust", None, "grey"),
            health("Goal alignment", 8, "green"),
        ]
    )
    assert status.light == "green"


def test_status_is_yellow_for_a_yellow_benchmark_or_a_low_response_rate():
    assert rules.overall_status([health("Trust", 6, "yellow")]).light == "yellow"
    low = ResponseRate(responded=3, invited=10)
    status = rules.overall_status([health("Trust", 8, "green")], low)
    assert status.light == "yellow"
    assert "30 % (3 of 10)" in status.text()


def test_status_is_grey_without_any_data():
    assert rules.overall_status([]).light == "grey"
    assert rules.overall_status([health("Trust", None, "grey")]).light == "grey"


def test_benchmark_stages_list_where_it_applies_and_empty_means_everywhere():
    assert rules.applies_to("execution, evaluation", "evaluation")
    assert not rules.applies_to("execution,evaluation", "formation")
    assert rules.applies_to("", "formation")


def series_of(*means):
    rounds = [RoundInfo(f"r{i}", date(2026, i, 1)) for i in range(1, len(means) + 1)]
    responses = [answer(f"r{i}", "ours", m) for i, m in enumerate(means, start=1)]
    return rules.benchmark_rounds(rounds, responses, "trust", TRUST)


@pytest.mark.parametrize(
    ("means", "expected"),
    [
        ((8, 6), ("green", "yellow", "r2")),
        ((8, 4), ("green", "red", "r2")),
        ((6, 4), ("yellow", "red", "r2")),
        ((8, 6, 6, 6), ("green", "yellow", "r2")),  # still yellow: the warning stands
        ((8, 7), None),
        ((6, 8), None),  # an improvement is no warning
        ((8, 4, 6), None),  # the last change was an improvement
        ((8,), None),
        ((7.0, 6.99), ("green", "yellow", "r2")),  # the exact threshold
    ],
)
def test_a_warning_stands_while_the_latest_change_of_light_was_for_the_worse(means, expected):
    warning = rules.transition_warning("a1", "Trust", "trust", series_of(*means))
    if expected is None:
        assert warning is None
        return
    before, after, round_id = expected
    assert warning.text.startswith(f"Trust moved from {before} to {after}")
    assert (warning.severity, warning.round_id, warning.benchmark_id) == (after, round_id, "trust")
    assert warning.proposes_review
    assert warning.key == f"a1:transition:trust:{round_id}"


def test_falling_means_lower_in_each_of_the_last_two_rounds():
    assert rules.falling_for([8, 7, 6])
    assert rules.falling_for([5, 9, 7, 6])
    assert not rules.falling_for([8, 7, 7])
    assert not rules.falling_for([7, 6])
    assert rules.falling_for([8, None, 7, 6])


def test_open_issues_are_counted_on_each_day_and_rising_needs_two_steps_up():
    issues = [
        (date(2026, 1, 1), None),
        (date(2026, 2, 1), date(2026, 3, 15)),
        (date(2026, 3, 1), None),
        (None, None),
    ]
    days = [date(2026, 1, 15), date(2026, 2, 15), date(2026, 3, 20)]
    counts = rules.open_issue_counts(issues, days)
    assert counts == [1, 2, 2]
    assert not rules.rising_for(counts)
    assert rules.rising_for([1, 2, 3])
