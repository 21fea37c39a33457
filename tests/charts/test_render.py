"""Each figure renders to PNG off-screen with its bands, lines and bars visible."""

from datetime import date

import pyqtgraph as pg
import pytest

from alliance_desk.charts import style
from alliance_desk.charts.figures import (
    NO_DATA,
    Band,
    Marker,
    Series,
    breakdown,
    practice,
    side_by_side,
    trend,
)
from alliance_desk.charts.render import ChartPainter, ChartView, chart_widget, render_png
from tests.charts.conftest import decode, share_near, solid

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BAND = Band(green_at=7, red_below=5, higher_is_better=True, scale_min=1, scale_max=10)


def monthly(values, start=2025):
    return [(date(start + i // 12, i % 12 + 1, 12), v) for i, v in enumerate(values)]


TRUST = [8.1, 7.9, 8.0, 7.6, 7.3, 6.9, 6.4, 6.1, 5.8, None, 5.2, 4.5, 4.2]


def build_trend(plot, band=BAND):
    trend(
        plot,
        "Trust",
        [
            Series("All", monthly(TRUST), "all"),
            Series("Ours", monthly([v and v + 0.5 for v in TRUST]), "ours"),
            Series("Partner", monthly([v and v - 0.6 for v in TRUST]), "partner"),
        ],
        band,
        date(2025, 1, 12),
        [Marker(date(2025, 9, 1), "Review action completed")],
    )


def text_items(plot: pg.PlotItem) -> list[str]:
    return [item.toPlainText() for item in plot.items if isinstance(item, pg.TextItem)]


def test_render_png_gives_png_bytes_of_the_asked_size():
    image_bytes = render_png(build_trend, width=640, height=300)
    assert image_bytes.startswith(PNG_SIGNATURE)
    image = decode(image_bytes)
    assert (image.width(), image.height()) == (640, 300)


def test_render_png_scale_doubles_the_pixels():
    image = decode(render_png(build_trend, width=400, height=200, scale=2))
    assert (image.width(), image.height()) == (800, 400)


def test_trend_shows_all_three_bands_and_the_series_colours(band_colours):
    image = decode(render_png(build_trend))
    for light, rgb in band_colours.items():
        assert share_near(image, rgb) > 0.04, f"{light} band missing"
    for kind in ("all", "ours", "partner"):
        assert share_near(image, solid(style.SERIES_COLOR[kind]), 10) > 0.0005, kind
    assert share_near(image, solid(style.MARKER), 10) > 0.0001


def test_trend_without_thresholds_draws_no_bands(band_colours):
    image = decode(render_png(lambda plot: build_trend(plot, Band(None, 5, True, 1, 10))))
    for rgb in band_colours.values():
        assert share_near(image, rgb) < 0.005


def test_trend_lower_is_better_puts_green_at_the_bottom(band_colours):
    band = Band(14, 30, False, 0, 60)
    image = decode(
        render_png(lambda p: trend(p, "Days", [Series("All", monthly([12, 20, 35]))], band))
    )
    x = image.width() // 2
    column = [image.pixelColor(x, y) for y in range(image.height())]
    greens = [
        y
        for y, c in enumerate(column)
        if abs(c.green() - band_colours["green"][1]) <= 3
        and abs(c.red() - band_colours["green"][0]) <= 3
    ]
    reds = [
        y
        for y, c in enumerate(column)
        if abs(c.red() - band_colours["red"][0]) <= 3
        and abs(c.green() - band_colours["red"][1]) <= 3
    ]
    assert greens and reds
    assert min(greens) > max(reds)  # image rows grow downwards


def test_side_by_side_shows_both_sides_bars_and_the_bands(band_colours):
    image = decode(
        render_png(
            lambda p: side_by_side(
                p, "Ours vs partner", ["Trust", "Goal alignment"], [6.8, None], [5.1, 6.1], BAND
            )
        )
    )
    assert share_near(image, solid(style.SERIES_COLOR["ours"]), 6) > 0.01
    assert share_near(image, solid(style.SERIES_COLOR["partner"]), 6) > 0.01
    assert share_near(image, band_colours["green"]) > 0.04


def test_breakdown_colours_each_bar_by_its_light():
    image = decode(
        render_png(
            lambda p: breakdown(
                p, "By team", ["R&D", "Marketing", "Medical"], [4.2, 7.8, 6.1], BAND, [6, 5, 4]
            )
        )
    )
    for light in ("red", "green", "yellow"):
        assert share_near(image, solid(style.LIGHT_FILL[light]), 6) > 0.01, light


def test_breakdown_takes_the_lights_it_is_given():
    image = decode(
        render_png(lambda p: breakdown(p, "By team", ["R&D"], [9.0], BAND, [3], lights=["red"]))
    )
    assert share_near(image, solid(style.LIGHT_FILL["red"]), 6) > 0.01
    assert share_near(image, solid(style.LIGHT_FILL["green"]), 6) < 0.001


def test_practice_shows_latest_dots_and_previous_rings():
    image = decode(
        render_png(
            lambda p: practice(
                p, "Habits", ["Value", "Stakeholders"], [4, 3], [3, 3], "Oct 2026", "Dec 2025"
            )
        )
    )
    assert share_near(image, solid(style.SERIES_COLOR["ours"]), 10) > 0.0002
    assert share_near(image, solid(style.SERIES_COLOR["previous"]), 10) > 0.0002


EMPTY_BUILDS = {
    "trend without series": lambda p: trend(p, "Trust", [], BAND, None, []),
    "trend of all-None series": lambda p: trend(
        p, "Trust", [Series("All", monthly([None, None])), Series("Ours", [], "ours")], BAND
    ),
    "side by side without values": lambda p: side_by_side(p, "Gap", ["Trust"], [None], [None]),
    "side by side without categories": lambda p: side_by_side(p, "Gap", [], [], [], BAND),
    "breakdown without values": lambda p: breakdown(p, "Teams", ["R&D"], [None], BAND, [0]),
    "practice without scores": lambda p: practice(p, "Habits", ["A", "B"], [None, None], None),
    "practice without items": lambda p: practice(p, "Habits", [], [], []),
}


@pytest.mark.parametrize("build", EMPTY_BUILDS.values(), ids=EMPTY_BUILDS.keys())
def test_figure_without_data_says_no_data_yet(qapp, build, band_colours):
    widget = chart_widget(build)
    assert NO_DATA in text_items(widget.getPlotItem())
    image = decode(render_png(build))
    assert share_near(image, band_colours["red"]) < 0.005  # no bands pretending to mean something


def test_trend_with_one_point_on_a_single_day_renders_its_point(qapp):
    day = date(2026, 3, 4)

    def build(plot):
        trend(plot, "Trust", [Series("Ours", [(day, 6.0)], "ours")], BAND, day, [Marker(day, "x")])

    widget = chart_widget(build)
    assert NO_DATA not in text_items(widget.getPlotItem())
    (x_low, x_high), _ = widget.getPlotItem().viewRange()
    assert x_high - x_low >= 80 * 86400  # a readable span of months, not a zero-width axis
    image = decode(render_png(build))
    assert share_near(image, solid(style.SERIES_COLOR["ours"]), 10, step=1) > 0.00003


def test_trend_with_every_point_on_one_day_does_not_crash():
    day = date(2026, 3, 4)
    png = render_png(lambda p: trend(p, "Trust", [Series("All", [(day, 5.0), (day, 7.0)])], BAND))
    assert png.startswith(PNG_SIGNATURE)


def test_long_labels_are_wrapped_not_dropped(qapp):
    name = "Collaboration health across every joint team and function we have"
    widget = chart_widget(lambda p: side_by_side(p, "Gap", [name], [6.0], [5.0], BAND))
    ticks = widget.getPlotItem().getAxis("bottom")._tickLevels[0]
    (label,) = [text for _, text in ticks]
    assert "\n" in label
    assert all(len(line) <= 23 for line in label.split("\n"))


def test_chart_view_rebuild_replaces_the_chart(qtbot):
    view = ChartView(lambda p: practice(p, "Habits", ["A"], [None], None))
    qtbot.addWidget(view)
    assert NO_DATA in text_items(view.plot)
    view.rebuild(lambda p: practice(p, "Habits", ["A"], [4], [3]))
    assert NO_DATA not in text_items(view.plot)


def test_render_png_off_the_gui_thread_is_refused_with_a_sentence(qapp):
    import threading

    errors = []

    def work():
        try:
            render_png(build_trend)
        except RuntimeError as exc:
            errors.append(str(exc))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == ["Charts are drawn on the GUI thread: render them before handing work off."]


def category_lines(width: int) -> list[str]:
    names = ["Trust", "Communication effectiveness", "Goal alignment", "Transparency", "Other"]
    widget = chart_widget(lambda p: side_by_side(p, "Gap", names, [6, 7, 5, 6, 4], [5] * 5, BAND))
    widget.getPlotItem().resize(width, 320)
    ticks = widget.getPlotItem().getAxis("bottom")._tickLevels[0]
    return [line for _, text in ticks for line in text.split("\n")]


def test_category_labels_rewrap_to_the_width_the_chart_gets(qapp):
    wide, narrow = category_lines(1000), category_lines(380)
    assert "Communication effectiveness" in wide
    assert max(len(line) for line in narrow) < max(len(line) for line in wide)
    assert all(len(line) <= 12 for line in narrow)


def test_month_ticks_thin_out_on_a_narrow_chart(qapp):
    def labels(width):
        widget = chart_widget(build_trend)
        widget.getPlotItem().resize(width, 320)
        return [t for _, t in widget.getPlotItem().getAxis("bottom")._tickLevels[0]]

    wide, narrow = labels(1000), labels(380)
    assert wide[0].endswith("2025") and "Jan 2026" in wide  # the first label carries the year
    assert 2 <= len(narrow) <= 380 // 64 < len(wide)


def pixels(png: bytes) -> tuple[int, int, bytes]:
    image = decode(png)
    return image.width(), image.height(), bytes(image.constBits())


def test_chart_painter_draws_each_chart_as_a_plot_of_its_own_would(qapp):
    """One plot serves a document's charts; what one figure set up (axes, grid, title, unit
    label, ranges, size) must not show in the next one."""
    builds = [
        (build_trend, 900, 330, 1.0),
        (EMPTY_BUILDS["side by side without values"], 900, 360, 1.0),
        (
            lambda p: side_by_side(
                p, "Ours vs partner", ["Trust", "Goal alignment"], [6.8, None], [5.1, 6.1], BAND
            ),
            900,
            360,
            1.0,
        ),
        (
            lambda p: trend(p, "Days", [Series("All", monthly([12, 20, 35]))], unit="days"),
            640,
            280,
            1.0,
        ),
        (
            lambda p: breakdown(p, "By team", ["R&D", "Medical"], [4.2, 7.8], BAND, [6, 5]),
            400,
            200,
            2.0,
        ),
        (lambda p: practice(p, "Habits", ["Value", "Stakeholders"], [4, 3], [3, 3]), 900, 360, 1.0),
        (build_trend, 900, 330, 1.0),
    ]
    alone = [pixels(render_png(build, w, h, scale)) for build, w, h, scale in builds]
    with ChartPainter() as painter:
        shared = [pixels(painter.png(build, w, h, scale)) for build, w, h, scale in builds]
    for index, (one, other) in enumerate(zip(alone, shared, strict=True)):
        assert one == other, f"chart {index} differs when drawn after the others"
