"""Band thresholds: the spans the chart draws and the light a value shows."""

import pytest

from alliance_desk.charts.figures import Band


def test_band_higher_is_better_spans_red_yellow_green_bottom_to_top():
    band = Band(green_at=7, red_below=5, higher_is_better=True, scale_min=1, scale_max=10)
    assert band.regions() == [(1, 5, "red"), (5, 7, "yellow"), (7, 10, "green")]


def test_band_lower_is_better_spans_green_yellow_red_bottom_to_top():
    band = Band(green_at=14, red_below=30, higher_is_better=False, scale_min=0, scale_max=60)
    assert band.regions() == [(0, 14, "green"), (14, 30, "yellow"), (30, 60, "red")]


@pytest.mark.parametrize(
    ("value", "light"),
    [
        (7.0, "green"),
        (9.9, "green"),
        (6.99, "yellow"),
        (5.0, "yellow"),
        (4.99, "red"),
        (None, "grey"),
    ],
)
def test_band_light_higher_is_better_ties_go_to_the_better_light(value, light):
    assert Band(7, 5, True, 1, 10).light(value) == light


@pytest.mark.parametrize(
    ("value", "light"), [(14, "green"), (14.5, "yellow"), (30, "yellow"), (30.5, "red")]
)
def test_band_light_lower_is_better_uses_ceilings(value, light):
    assert Band(14, 30, False, 0, 60).light(value) == light


@pytest.mark.parametrize(
    "band",
    [
        Band(None, 5, True, 1, 10),
        Band(7, None, True, 1, 10),
        Band(5, 7, True, 1, 10),  # red at or above green: wrong order
        Band(30, 14, False, 0, 60),
    ],
)
def test_band_with_a_missing_or_inverted_threshold_draws_nothing_and_shows_grey(band):
    assert band.regions() == []
    assert band.light(6) == "grey"


def test_band_equal_thresholds_leave_no_yellow_span():
    assert Band(6, 6, True, 1, 10).regions() == [(1, 6, "red"), (6, 10, "green")]


def test_band_thresholds_outside_the_scale_are_clamped():
    assert Band(12, 0, True, 1, 10).regions() == [(1, 10, "yellow")]
