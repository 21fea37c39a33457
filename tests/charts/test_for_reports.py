"""The charts reports ask for, drawn from plain requests."""

from datetime import date

from alliance_desk.charts.for_reports import render_request
from alliance_desk.reports.preread.model import ChartRequest
from tests.charts.conftest import decode

BAND = (7.0, 5.0, True, 1.0, 10.0)
TREND = ChartRequest(
    "trend",
    "Trust — trend",
    {
        "series": [("All", "all", [(date(2025, 3, 1), 6.2), (date(2025, 9, 1), 5.4)])],
        "band": BAND,
        "baseline": date(2025, 3, 1),
        "markers": [(date(2025, 6, 1), "Review action completed")],
    },
    height=330,
)
GAP = ChartRequest(
    "side_by_side",
    "Our side and the partner's",
    {"categories": ["Trust", "Value"], "ours": [6.8, 5.0], "partner": [5.1, None], "band": BAND},
)
DELIVERY = ChartRequest(
    "trend",
    "Milestones met on time, by quarter",
    {
        "series": [("On time", "all", [(date(2025, 1, 1), 50.0), (date(2025, 4, 1), 75.0)])],
        "band": (80.0, 60.0, True, 0.0, 100.0),
        "unit": "%",
    },
    height=280,
)


def pixels(png: bytes) -> tuple[int, int, bytes]:
    image = decode(png)
    return image.width(), image.height(), bytes(image.constBits())


def test_render_request_many_draws_what_each_request_draws_alone(qapp):
    requests = [TREND, GAP, ChartRequest("pie", "Not a figure we draw"), DELIVERY, TREND]
    together = render_request.many(requests)
    assert together[2] is None
    for request, png in zip(requests, together, strict=True):
        if png is not None:
            assert pixels(png) == pixels(render_request(request)), request.title
    assert [decode(png).height() for png in together if png] == [330, 360, 280, 330]


def test_render_request_many_without_a_known_figure_draws_nothing(qapp):
    assert render_request.many([ChartRequest("pie", "x")]) == [None]
    assert render_request.many([]) == []
