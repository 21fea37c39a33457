"""The chart builder's figures render off-screen: bars in their colours, the heat map's cells."""

import pyqtgraph as pg

from alliance_desk.charts import style
from alliance_desk.charts.builder import (
    PALETTE,
    STATE_FILL,
    draw,
    draw_heat_map,
    render_spec_png,
    segment_at,
)
from alliance_desk.charts.figures import NO_DATA
from alliance_desk.charts.render import chart_widget, render_png
from alliance_desk.insights.cuts import ChartSpec, CutResult
from alliance_desk.insights.heat_map import HeatMap
from tests.charts.conftest import decode, share_near, solid

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def result(
    kind="bar",
    values=((6.0, 1.0),),
    series=("",),
    lights=None,
    unit="alliances",
    categories=("Active", "On hold"),
    **spec,
):
    return CutResult(
        ChartSpec(kind=kind, **spec),
        "Alliances by status",
        list(categories),
        list(series),
        [list(row) for row in values],
        [c.lower() for c in categories] if kind != "line" else [s.lower() for s in series],
        unit,
        "Counted: 7 alliances",
        lights,
    )


def texts(plot: pg.PlotItem) -> list[str]:
    return [item.toPlainText() for item in plot.items if isinstance(item, pg.TextItem)]


def test_a_bar_chart_renders_blue_bars_with_their_values():
    png = render_png(lambda plot: draw(plot, result()), 600, 320)
    assert png.startswith(PNG_SIGNATURE)
    image = decode(png)
    assert (image.width(), image.height()) == (600, 320)
    assert share_near(image, solid(PALETTE[0]), tolerance=10) > 0.08
    widget = chart_widget(lambda plot: draw(plot, result()))
    plot = widget.getPlotItem()
    assert {"6", "1"} <= set(texts(plot))


def test_bars_by_health_take_the_traffic_light_colours():
    r = result(
        values=((2.0, 3.0),), categories=("Green", "Red"), lights=["green", "red"], cut="health"
    )
    image = decode(render_png(lambda plot: draw(plot, r), 600, 320))
    assert share_near(image, solid(style.LIGHT_FILL["green"]), tolerance=10) > 0.03
    assert share_near(image, solid(style.LIGHT_FILL["red"]), tolerance=10) > 0.03
    assert share_near(image, solid(PALETTE[0]), tolerance=10) < 0.001


def test_a_stacked_bar_shows_each_part_and_a_legend():
    r = result(
        kind="stacked",
        values=((1.0, 2.0), (3.0, 0.0)),
        series=("Overdue", "Done"),
        categories=("Ann", "Ben"),
        cut="owner",
        records="actions",
    )
    image = decode(render_png(lambda plot: draw(plot, r), 600, 320))
    assert share_near(image, solid(STATE_FILL["overdue"]), tolerance=10) > 0.03
    assert share_near(image, solid(STATE_FILL["done"]), tolerance=10) > 0.03
    widget = chart_widget(lambda plot: draw(plot, r))
    plot = widget.getPlotItem()
    assert "Overdue" in plot.titleLabel.text and "Done" in plot.titleLabel.text
    assert {"4", "2"} <= set(texts(plot))  # the totals on top of each bar


def test_many_long_categories_turn_into_horizontal_bars():
    names = [f"A rather long alliance name {i}" for i in range(9)]
    r = result(values=([float(i + 1) for i in range(9)],), categories=names, cut="alliance")
    widget = chart_widget(lambda plot: draw(plot, r))
    plot = widget.getPlotItem()
    ticks = plot.getAxis("left")._tickLevels[0]
    assert ticks[0] == (8, "A rather long alliance name 0")  # first on top


def test_a_line_chart_draws_one_curve_per_series():
    r = result(
        kind="line",
        values=((100.0, None, 50.0), (80.0, 60.0, 40.0)),
        series=("Execution", "Governance"),
        categories=("2026 Q1", "2026 Q2", "2026 Q3"),
        unit="%",
        measure="on_time",
        cut="stage",
    )
    widget = chart_widget(lambda plot: draw(plot, r))
    plot = widget.getPlotItem()
    curves = [item for item in plot.items if isinstance(item, pg.PlotDataItem)]
    assert len(curves) == 2
    image = decode(render_png(lambda plot: draw(plot, r), 600, 320))
    assert share_near(image, solid(PALETTE[1]), tolerance=30, step=1) > 0.002


def test_an_empty_result_says_no_data():
    widget = chart_widget(lambda plot: draw(plot, result(values=((0.0, 0.0),))))
    plot = widget.getPlotItem()
    assert NO_DATA in texts(plot)


def test_the_heat_map_colours_each_cell_by_its_light():
    heat = HeatMap(
        ["Helios", "Orion"],
        ["h", "o"],
        ["Trust", "Delivery reliability"],
        [["green", "red"], ["yellow", "grey"]],
        [["7.5", "40 %"], ["6.0", ""]],
        [[True, True], [True, False]],
    )
    image = decode(render_png(lambda plot: draw_heat_map(plot, heat), 600, 300))
    for light in ("green", "red", "yellow"):
        assert share_near(image, solid(style.LIGHT_FILL[light]), tolerance=8) > 0.03, light
    widget = chart_widget(lambda plot: draw_heat_map(plot, heat))
    plot = widget.getPlotItem()
    assert {"7.5", "40 %", "6.0", "Trust", "Delivery reliability"} <= set(texts(plot))


def test_a_click_on_a_bar_names_its_segment():
    r = result()
    assert segment_at(r, 0.1) == "active"
    assert segment_at(r, 1.2) == "on hold"
    assert segment_at(r, 0.5) is None
    assert segment_at(r, 3.0) is None


def test_render_spec_png_draws_a_portfolio_cut(portfolio):
    portfolio.add_alliance("Orion Vaccines", status="on_hold")
    png = render_spec_png(portfolio, ChartSpec(cut="status"), 500, 300)
    image = decode(png)
    assert (image.width(), image.height()) == (500, 300)
    assert share_near(image, solid(PALETTE[0]), tolerance=10) > 0.03
