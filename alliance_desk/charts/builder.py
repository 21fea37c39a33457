"""The chart builder's figures: bar, stacked bar and line over a `CutResult` (insights/cuts.py),
and the health heat map (alliance × benchmark). Same look as `figures` (style.py's palette,
its frame and legend line); drawn on screen by the Dashboard and off-screen to PNG for reports.
"""

import math
from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from alliance_desk.charts import style
from alliance_desk.charts.figures import _categories, _frame, _header, _label, _no_data
from alliance_desk.charts.render import render_png
from alliance_desk.insights.cuts import ChartSpec, CutResult, evaluate
from alliance_desk.insights.heat_map import HeatMap, heat_map

# Okabe-Ito order after the blue: distinct for the common colour-vision deficiencies.
PALETTE = ["#0072b2", "#d17f00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#7f8c8d"]
STATE_FILL = {  # a record's status in a stacked bar: overdue red, open blue, finished quiet
    "overdue": style.LIGHT_FILL["red"],
    "open": "#0072b2",
    "in_progress": "#56b4e9",
    "monitoring": "#56b4e9",
    "escalated": "#d17f00",
    "pending": "#0072b2",
    "planned": "#0072b2",
    "expected": "#0072b2",
    "invoiced": "#56b4e9",
    "disputed": "#d17f00",
    "done": style.LIGHT_FILL["green"],
    "decided": style.LIGHT_FILL["green"],
    "paid": style.LIGHT_FILL["green"],
    "resolved": style.LIGHT_FILL["green"],
    "closed": "#9aa5ab",
    "cancelled": "#c5cbce",
    "deferred": "#c5cbce",
    "missed": "#8e3b36",
}
NOT_APPLICABLE = "#e3e8eb"


def _fills(result: CutResult) -> list[str]:
    """One colour per series: traffic lights, record statuses, or the palette."""
    lights = result.lights
    if lights is not None and result.series != [""] and len(lights) == len(result.series):
        return [style.LIGHT_FILL.get(k, style.LIGHT_FILL["grey"]) for k in lights]
    stacked_by_state = result.spec.kind == "stacked" and (result.spec.stack or "state") == "state"
    if stacked_by_state and result.spec.records != "alliances" or result.spec.stack == "state":
        keys = [_state_key(result, name) for name in result.series]
        if all(k in STATE_FILL for k in keys):
            return [STATE_FILL[k] for k in keys]
    return [PALETTE[i % len(PALETTE)] for i in range(len(result.series))]


def _state_key(result: CutResult, label: str) -> str:
    return label.lower().replace(" ", "_").replace("upcoming", "expected")


def _value_text(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.0f} %"
    if unit == "score":
        return f"{value:.1f}"
    return f"{value:g}"


def _value_axis(
    plot: pg.PlotItem, result: CutResult, highest: float, side: str = "left"
) -> tuple[float, float]:
    """0 up to a round top with whole-number ticks for counts, 0–100 for shares."""
    axis = plot.getAxis(side)
    if result.unit == "%":
        top, step = 100.0, 20.0
    elif result.unit == "score" and highest <= 10:
        top, step = 10.0, 1.0
    else:
        top = max(1.0, highest)
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if top / s <= 8)
        top = max(step, math.ceil(top / step) * step)
    ticks = []
    value = 0.0
    while value <= top + 1e-9:
        ticks.append((value, f"{value:g} %" if result.unit == "%" else f"{value:g}"))
        value += step
    axis.setTicks([ticks])
    metrics = QFontMetrics(style.font())
    room = top * (0.14 if side == "left" else 0.12)  # room for the value labels
    if side == "left":
        axis.setWidth(max(metrics.horizontalAdvance(t) for _, t in ticks) + 16)
        plot.setYRange(-top * 0.05, top + room, padding=0)  # room for the "0" tick label
    else:
        plot.setXRange(-top * 0.01, top + room, padding=0)
    return 0.0, top + room


def draw(plot: pg.PlotItem, result: CutResult) -> None:
    """The result as its spec's chart type: bar, stacked bar or line."""
    _frame(plot, result.title)
    if result.empty or not result.categories:
        _no_data(plot)
        return
    if result.spec.kind == "line":
        _line(plot, result)
    else:
        _bars(plot, result)
    _title_may_shrink(plot)


def _title_may_shrink(plot: pg.PlotItem) -> None:
    """A title wider than the chart is clipped at its end instead of widening the chart
    beyond its widget (pyqtgraph makes a label's text width its minimum width)."""
    label = plot.titleLabel
    height = label.minimumHeight()
    label.setMinimumWidth(0)
    label._sizeHint[Qt.SizeHint.MinimumSize] = (0, height)
    label.updateGeometry()


def horizontal(result: CutResult) -> bool:
    """Many or long category names read better as rows than under columns."""
    longest = max((len(c) for c in result.categories), default=0)
    return len(result.categories) > 7 or (len(result.categories) > 3 and longest > 16)


def _short(text: str, most: int = 34) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _bars(plot: pg.PlotItem, result: CutResult) -> None:
    fills = _fills(result)
    named = [s for s in result.series if s]
    if named:
        _header(plot, result.title, [("■", fills[i], s) for i, s in enumerate(result.series)])
    plot.showGrid(x=False, y=True, alpha=style.GRID_ALPHA)
    totals = [result.total(i) or 0.0 for i in range(len(result.categories))]
    across = horizontal(result)
    if across:
        plot.showGrid(x=True, y=False, alpha=style.GRID_ALPHA)
    _low, high = _value_axis(plot, result, max(totals, default=0.0), "bottom" if across else "left")
    plain = result.series == [""]  # one unnamed series: lights, if any, are per bar
    count = len(result.categories)
    width = 0.62 if count > 3 else 0.5
    for c in range(count):
        at = count - 1 - c if across else c  # rows read top-down in the cut's order
        base = 0.0
        for s, row in enumerate(result.values):
            value = row[c]
            if not value:
                continue
            if plain and result.lights is not None:
                fill = style.LIGHT_FILL.get(result.lights[c], style.LIGHT_FILL["grey"])
            else:
                fill = fills[s]
            brush, pen = pg.mkBrush(fill), pg.mkPen("w", width=1)
            if across:
                bar = pg.BarGraphItem(
                    x0=[base], y=[at], width=[value], height=width, brush=brush, pen=pen
                )
            else:
                bar = pg.BarGraphItem(
                    x=[at], y0=[base], height=[value], width=width, brush=brush, pen=pen
                )
            plot.addItem(bar)
            base += value
        has_value = any(row[c] is not None for row in result.values)
        text = _value_text(totals[c], result.unit) if has_value else "no data"
        if across:
            _label(plot, " " + text, totals[c], at, anchor=(0.0, 0.5), size=style.TICK_POINT_SIZE)
        else:
            _label(
                plot,
                text,
                at,
                totals[c] + high * 0.012,
                anchor=(0.5, 1.0),
                size=style.TICK_POINT_SIZE,
            )
    if across:
        ticks = [(count - 1 - c, _short(name)) for c, name in enumerate(result.categories)]
        axis = plot.getAxis("left")
        axis.setTicks([ticks])
        metrics = QFontMetrics(style.font())
        axis.setWidth(max(metrics.horizontalAdvance(t) for _, t in ticks) + 16)
        plot.setYRange(-0.6, count - 0.4, padding=0)
    else:
        _categories(plot, result.categories, [""] * count)


def _line(plot: pg.PlotItem, result: CutResult) -> None:
    fills = _fills(result)
    _header(plot, result.title, [("●", fills[i], s) for i, s in enumerate(result.series)])
    plot.showGrid(x=False, y=True, alpha=style.GRID_ALPHA)
    present = [v for row in result.values for v in row if v is not None]
    _value_axis(plot, result, max(present, default=0.0))
    xs = list(range(len(result.categories)))
    for i, row in enumerate(result.values):
        ys = [math.nan if v is None else float(v) for v in row]
        plot.plot(
            xs,
            ys,
            connect="finite",
            pen=pg.mkPen(fills[i], width=2.4),
            symbol="o",
            symbolSize=7,
            symbolBrush=pg.mkBrush(fills[i]),
            symbolPen=pg.mkPen("w", width=1),
        )
    if len(result.values) == 1:
        for x, v in zip(xs, result.values[0], strict=True):
            if v is not None:
                _label(plot, _value_text(v, result.unit), x, v, anchor=(0.5, 1.25))
    step = max(1, math.ceil(len(xs) / 12))
    ticks = [(x, label) for x, label in zip(xs, result.categories, strict=True) if x % step == 0]
    axis = plot.getAxis("bottom")
    axis.setTicks([ticks])
    axis.setHeight(20 + QFontMetrics(style.font()).lineSpacing())
    plot.setXRange(-0.4, max(len(xs) - 0.6, 0.4), padding=0)


# --- the health heat map ----------------------------------------------------------------------

HEAT_TITLE = "Health by alliance and benchmark"


def draw_heat_map(plot: pg.PlotItem, heat: HeatMap, title: str = HEAT_TITLE) -> None:
    """Rows: alliances; columns: benchmarks; each cell its traffic light and value."""
    _frame(plot, title)
    if not heat.alliances or not heat.benchmarks:
        _no_data(plot)
        return
    keys = [
        ("■", style.LIGHT_FILL[light], word)
        for light, word in (
            ("green", "Green"),
            ("yellow", "Yellow"),
            ("red", "Red"),
            ("grey", "No data"),
        )
    ] + [("■", NOT_APPLICABLE, "Not for this stage")]
    _header(plot, title, keys)
    rows, columns = len(heat.alliances), len(heat.benchmarks)
    for r in range(rows):
        y = rows - 1 - r  # first alliance on top
        for c in range(columns):
            applies = heat.applies[r][c]
            light = heat.lights[r][c]
            fill = (
                style.LIGHT_FILL.get(light, style.LIGHT_FILL["grey"]) if applies else NOT_APPLICABLE
            )
            plot.addItem(
                pg.BarGraphItem(
                    x0=[c],
                    y0=[y],
                    width=[1],
                    height=[1],
                    brush=pg.mkBrush(fill),
                    pen=pg.mkPen("w", width=2),
                )
            )
            text = heat.texts[r][c] if applies else ""
            if text:
                colour = "#ffffff" if light in ("red", "green") else style.TEXT
                item = pg.TextItem(text, color=colour, anchor=(0.5, 0.5))
                item.setFont(style.font(style.LABEL_POINT_SIZE))
                item.setPos(c + 0.5, y + 0.5)
                plot.addItem(item)
    metrics = QFontMetrics(style.font())
    left = plot.getAxis("left")
    names = [(rows - 1 - r + 0.5, _short(n)) for r, n in enumerate(heat.alliances)]
    left.setTicks([names])
    left.setWidth(max(metrics.horizontalAdvance(t) for _, t in names) + 14)
    plot.hideAxis("bottom")
    left.setPen(pg.mkPen(None))
    for c, name in enumerate(heat.benchmarks):  # slanted under each column, so none overlap
        item = pg.TextItem(_short(name, 24), color=style.TEXT, anchor=(1.0, 0.0), angle=55)
        item.setFont(style.font(style.LABEL_POINT_SIZE))
        item.setPos(c + 0.6, -0.04)
        plot.addItem(item, ignoreBounds=True)
    grid_px = max(rows * ROW_PX, 60)
    below = rows * LABEL_ROOM_PX / grid_px  # the labels' room in row units
    plot.setXRange(0, columns, padding=0.01)
    plot.setYRange(-below, rows, padding=0)
    _title_may_shrink(plot)


ROW_PX = 34
LABEL_ROOM_PX = 136
FRAME_PX = 62  # title and legend line


def heat_map_height(rows: int) -> int:
    """A height that gives every alliance a readable row."""
    return FRAME_PX + LABEL_ROOM_PX + ROW_PX * max(rows, 3)


# --- off-screen ------------------------------------------------------------------------------


def render_spec_png(
    portfolio: Any,
    spec: ChartSpec,
    width: int = 900,
    height: int = 420,
    today: date | None = None,
    scale: float = 1.0,
) -> bytes:
    """The chart `spec` describes, over the portfolio as it is now, as PNG bytes."""
    result = evaluate(portfolio, spec, today)
    return render_png(lambda plot: draw(plot, result), width, height, scale)


def render_heat_map_png(portfolio: Any, width: int = 900, height: int | None = None) -> bytes:
    heat = heat_map(portfolio)
    height = height or heat_map_height(len(heat.alliances))
    return render_png(lambda plot: draw_heat_map(plot, heat), width, height)


def segment_at(result: CutResult, x: float) -> str | None:
    """The segment key of the bar under x (bar charts), for focusing by a click."""
    if result.spec.kind == "line" or not result.keys:
        return None
    index = round(x)
    if 0 <= index < len(result.keys) and abs(x - index) <= 0.4:
        return result.keys[index]
    return None
