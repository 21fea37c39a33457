"""Figure builders: each draws plain data into a `pyqtgraph.PlotItem`.

The same builder serves a widget on screen (`chart_widget`, `ChartView`) and a PNG for a Word
document (`render_png`). Inputs are plain values (dates, floats, strings), never ORM rows.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics

from alliance_desk.charts import style
from alliance_desk.charts.axes import CategoryAxis, MonthAxis, epoch, month_ticks, text_lines

NO_DATA = "No data yet"

_DAY = 86400.0
_EDGE = 0.025  # share of the value scale left free above and below it


@dataclass(frozen=True)
class Band:
    """Traffic-light thresholds on a scale, as stored on a benchmark.

    Higher is better: green at or above `green_at`, red below `red_below`, yellow between.
    Lower is better (days, a share of revenue): green at or below `green_at`, red above
    `red_below`, yellow between. A missing threshold, or thresholds in the wrong order,
    draw no bands.
    """

    green_at: float | None
    red_below: float | None
    higher_is_better: bool = True
    scale_min: float = 1.0
    scale_max: float = 10.0

    def regions(self) -> list[tuple[float, float, str]]:
        """(low, high, light) spans covering the scale, bottom to top; empty without thresholds."""
        g, r, lo, hi = self.green_at, self.red_below, self.scale_min, self.scale_max
        if g is None or r is None or hi <= lo:
            return []
        g, r = min(max(g, lo), hi), min(max(r, lo), hi)
        if self.higher_is_better:
            if r > g:
                return []
            spans = [(lo, r, "red"), (r, g, "yellow"), (g, hi, "green")]
        else:
            if g > r:
                return []
            spans = [(lo, g, "green"), (g, r, "yellow"), (r, hi, "red")]
        return [s for s in spans if s[1] > s[0]]

    def light(self, value: float | None) -> str:
        """The light a value shows against these thresholds: green, yellow, red or grey."""
        if value is None or math.isnan(value) or not self.regions():
            return "grey"
        g, r = self.green_at, self.red_below
        assert g is not None and r is not None
        if self.higher_is_better:
            return "green" if value >= g else "red" if value < r else "yellow"
        return "green" if value <= g else "red" if value > r else "yellow"


@dataclass(frozen=True)
class Series:
    """One line of a trend; `style` is "all", "ours" or "partner" (colour, marker, dash)."""

    name: str
    points: Sequence[tuple[date, float | None]]
    style: str = "all"


@dataclass(frozen=True)
class Marker:
    """An event on the time axis, e.g. a review action completed."""

    day: date
    label: str


# -- shared pieces ---------------------------------------------------------------------------


def _frame(plot: pg.PlotItem, title: str) -> None:
    """Title, quiet axes, no mouse interaction (a chart to read, not to explore)."""
    _header(plot, title)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(style.AXIS))
        axis.setTextPen(pg.mkPen(style.TEXT))
        axis.setStyle(tickFont=style.font(), tickTextOffset=6, hideOverlappingLabels=False)
    for name in ("top", "right"):
        plot.hideAxis(name)


def _no_data(plot: pg.PlotItem) -> None:
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    text = pg.TextItem(NO_DATA, color=style.TEXT, anchor=(0.5, 0.5))
    text.setFont(style.font(11))
    text.setPos(0.5, 0.5)
    plot.addItem(text)


def _finite(value: float | None) -> bool:
    return value is not None and not math.isnan(value)


def _bands(plot: pg.PlotItem, band: Band | None, across: str = "horizontal") -> None:
    """Soft green/yellow/red regions behind the data (`across` "vertical" for x-value bars)."""
    if band is None:
        return
    fills = {"green": style.BAND_GREEN, "yellow": style.BAND_AMBER, "red": style.BAND_RED}
    regions = band.regions()
    room = (band.scale_max - band.scale_min) * _EDGE
    for i, (low, high, light) in enumerate(regions):
        low = low - room if i == 0 else low  # the end bands run into the edge room
        high = high + room if i == len(regions) - 1 else high
        region = _Region(
            (low, high), across, pg.mkBrush(style.color(fills[light], style.BAND_ALPHA))
        )
        region.setZValue(-100)
        plot.addItem(region, ignoreBounds=True)


class _Region(pg.GraphicsObject):
    """A band across the whole view between two values: what a fixed `pg.LinearRegionItem`
    without edge lines draws, without making its two (invisible) lines and their signals."""

    def __init__(self, values: tuple[float, float], orientation: str, brush) -> None:
        super().__init__()
        self.values = (min(values), max(values))
        self.orientation = orientation
        self.brush = brush
        self._bounds: QRectF | None = None
        self.setAcceptHoverEvents(False)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        """The view's rectangle narrowed to the values, as LinearRegionItem computes it."""
        view = self.viewRect()
        if view is None:
            return QRectF()
        bounds = QRectF(view)
        low, high = self.values
        if self.orientation == "vertical":
            bounds.setLeft(low)
            bounds.setRight(high)
            length = bounds.height()
            bounds.setBottom(bounds.top() + length)
            bounds.setTop(bounds.top())
        else:
            bounds.setTop(low)
            bounds.setBottom(high)
            length = bounds.width()
            bounds.setRight(bounds.left() + length)
            bounds.setLeft(bounds.left())
        bounds = bounds.normalized()
        if self._bounds != bounds:
            self._bounds = bounds
            self.prepareGeometryChange()
        return bounds

    def paint(self, painter, *args) -> None:
        painter.setBrush(self.brush)
        painter.setPen(pg.mkPen(None))
        painter.drawRect(self.boundingRect())


def _header(plot: pg.PlotItem, title: str, keys: Sequence[tuple[str, str, str]] = ()) -> None:
    """The title, with the legend as a line of coloured keys under it (never over the data)."""
    html = f"<b>{escape(title)}</b>"
    if keys:
        parts = [
            f"<span style='color:{colour}'>{glyph}</span>&nbsp;{escape(label)}"
            for glyph, colour, label in keys
        ]
        html += (
            f"<br><span style='font-size:{style.LEGEND_SIZE}; font-weight:normal'>"
            + "&nbsp;&nbsp;&nbsp;&nbsp;".join(parts)
            + "</span>"
        )
    plot.setTitle(html, color=style.TEXT, size=style.TITLE_SIZE)
    height = 52 if keys else 34  # pyqtgraph's fixed 30 px clips a second line
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def _bottom_ticks(plot: pg.PlotItem, ticks: Sequence[tuple[float, str]]) -> None:
    """Fixed tick labels under the x axis; the axis grows so wrapped labels are not dropped."""
    axis = plot.getAxis("bottom")
    axis.setTicks([list(ticks)])
    lines = text_lines([t for _, t in ticks])
    axis.setHeight(20 + lines * QFontMetrics(style.font()).lineSpacing())


def _left_ticks(plot: pg.PlotItem, ticks: Sequence[tuple[float, str]]) -> None:
    """Fixed tick labels left of the y axis; the axis widens to the longest label."""
    axis = plot.getAxis("left")
    axis.setTicks([list(ticks)])
    metrics = QFontMetrics(style.font())
    widest = max(
        (metrics.horizontalAdvance(line) for _, t in ticks for line in t.split("\n")), default=20
    )
    axis.setWidth(widest + 16)


def _value_text(value: float) -> str:
    return f"{value:.1f}"


def _label(plot: pg.PlotItem, text: str, x: float, y: float, anchor=(0.5, 1.0), size=None):
    item = pg.TextItem(text, color=style.TEXT, anchor=anchor)
    item.setFont(style.font(size or style.LABEL_POINT_SIZE))
    item.setPos(x, y)
    plot.addItem(item, ignoreBounds=True)
    return item


def _y_scale(plot: pg.PlotItem, band: Band | None, values: list[float]) -> tuple[float, float]:
    """The value range: the band's scale when there is one, else the data's with room."""
    if band is not None and band.scale_max > band.scale_min:
        low, high = band.scale_min, band.scale_max
    else:
        low, high = min([0.0, *values]), max(values)
        if high <= low:
            high = low + 1
        high += (high - low) * 0.12
    # A little room so the tick labels at the scale's ends are drawn, not dropped at the edge.
    room = (high - low) * _EDGE
    plot.setYRange(low - room, high + room, padding=0)
    if high - low <= 12 and float(low).is_integer() and float(high).is_integer():
        _left_ticks(plot, [(v, str(v)) for v in range(int(low), int(high) + 1)])
    return low, high


# -- figures ---------------------------------------------------------------------------------

_GLYPH = {"o": "●", "s": "■", "t": "▼", "t1": "▲"}


def _series_key(kind: str, name: str) -> tuple[str, str, str]:
    colour = style.SERIES_COLOR.get(kind, style.SERIES_COLOR["all"])
    return _GLYPH[style.SERIES_SYMBOL.get(kind, "o")], colour, name


def trend(
    plot: pg.PlotItem,
    title: str,
    series: Sequence[Series],
    band: Band | None = None,
    baseline: date | None = None,
    markers: Sequence[Marker] = (),
    *,
    unit: str = "",
) -> None:
    """One line per series over time, traffic-light bands behind, baseline and markers on top."""
    drawn = [s for s in series if any(_finite(v) for _, v in s.points)]
    if drawn:
        plot.setAxisItems({"bottom": MonthAxis()})
    _frame(plot, title)
    if not drawn:
        _no_data(plot)
        return
    keys = [_series_key(s.style, s.name) for s in drawn]
    if markers:
        keys.append(("▲", style.MARKER, "Action completed"))
    _header(plot, title, keys)
    plot.showGrid(x=False, y=True, alpha=style.GRID_ALPHA)
    lines = []
    values: list[float] = []
    days: list[date] = []
    for s in drawn:
        points = sorted(s.points, key=lambda p: p[0])
        ys = [float(v) if _finite(v) else math.nan for _, v in points]
        lines.append((s, [epoch(d) for d, _ in points], ys))
        values += [v for v in ys if not math.isnan(v)]
        days += [d for d, v in points if _finite(v)]
    # The view's ranges first: items added to a settled view are laid out once, instead of
    # again at every change of range (a line re-reads its points each time).
    low, high = _y_scale(plot, band, values)
    if unit:
        plot.setLabel("left", unit, color=style.TEXT)
    events = [m.day for m in markers] + ([baseline] if baseline else [])
    first, last = min(days + events), max(days + events)
    span = max((last - first).days, 0) * _DAY
    # At least three months in view, so the axis reads in months even for one round.
    pad = max(span * 0.04, 12 * _DAY, (90 * _DAY - span) / 2)
    x_low, x_high = epoch(first) - pad, epoch(last) + pad
    plot.setXRange(x_low, x_high, padding=0)
    axis = plot.getAxis("bottom")
    if isinstance(axis, MonthAxis):
        axis.set_span(x_low, x_high)
    else:
        _bottom_ticks(plot, month_ticks(x_low, x_high))
    _bands(plot, band)
    for s, xs, ys in lines:
        colour = style.SERIES_COLOR.get(s.style, style.SERIES_COLOR["all"])
        dash = Qt.PenStyle.DashLine if s.style in style.SERIES_DASHED else Qt.PenStyle.SolidLine
        plot.plot(
            xs,
            ys,
            connect="finite",
            pen=pg.mkPen(colour, width=2.6 if s.style == "all" else 2, style=dash),
            symbol=style.SERIES_SYMBOL.get(s.style, "o"),
            symbolSize=8 if s.style == "all" else 7,
            symbolBrush=pg.mkBrush(colour),
            symbolPen=pg.mkPen("w", width=1),
        )
    if baseline is not None:
        line = pg.InfiniteLine(
            pos=epoch(baseline),
            angle=90,
            pen=pg.mkPen(style.BASELINE, width=1.4, style=Qt.PenStyle.DashLine),
            label="Baseline",
            labelOpts={
                "position": 0.97,
                "color": style.BASELINE,
                "anchors": [(0, 0), (0, 0)],
                "fill": pg.mkBrush(255, 255, 255, 190),
            },
        )
        line.label.setFont(style.font(style.LABEL_POINT_SIZE))
        line.setZValue(-50)  # behind the data, in front of the bands
        plot.addItem(line, ignoreBounds=True)
    _markers(plot, markers, (low, high), (x_low, x_high))


def _markers(
    plot: pg.PlotItem,
    markers: Sequence[Marker],
    y_range: tuple[float, float],
    x_range: tuple[float, float],
) -> None:
    """Small triangles on the time axis with their labels, staggered when they crowd."""
    if not markers:
        return
    ordered = sorted(markers, key=lambda m: m.day)
    xs = [epoch(m.day) for m in ordered]
    low, high = y_range
    x_low, x_high = x_range
    scatter = pg.ScatterPlotItem(
        x=xs,
        y=[low + (high - low) * 0.03] * len(xs),
        symbol="t1",
        size=12,
        brush=pg.mkBrush(style.MARKER),
        pen=pg.mkPen("w", width=1),
    )
    plot.addItem(scatter, ignoreBounds=True)
    level = 0
    width = x_high - x_low
    for i, (marker, x) in enumerate(zip(ordered, xs, strict=True)):
        crowded = i > 0 and (x - xs[i - 1]) < width * 0.2
        level = level + 1 if crowded else 0
        where = (x - x_low) / width
        # Labels grow towards the middle, so none runs off either edge.
        anchor_x = 0.0 if where < 0.35 else 1.0 if where > 0.65 else 0.5
        item = pg.TextItem(
            style.wrap(marker.label, 28, 2),
            color=style.MARKER,
            anchor=(anchor_x, 1.0),
            fill=pg.mkBrush(255, 255, 255, 200),
        )
        item.setFont(style.font(style.LABEL_POINT_SIZE))
        item.setPos(x, low + (high - low) * (0.075 + 0.17 * (level % 3)))
        plot.addItem(item, ignoreBounds=True)


def _category_axis(plot: pg.PlotItem) -> None:
    """Put a CategoryAxis under the plot (before `_frame` styles the axes)."""
    plot.setAxisItems({"bottom": CategoryAxis()})


def _category_range(plot: pg.PlotItem, count: int) -> None:
    """The x range of `count` categories; set before the bars and labels go in, so they are
    laid out once in a settled view."""
    plot.setXRange(-0.6, count - 0.4, padding=0)


def _categories(plot: pg.PlotItem, categories: Sequence[str], notes: Sequence[str]) -> None:
    axis = plot.getAxis("bottom")
    _category_range(plot, len(categories))
    if isinstance(axis, CategoryAxis):
        axis.set_categories(categories, notes)
        return
    ticks = []
    for i, (name, note) in enumerate(zip(categories, notes, strict=True)):
        text = style.wrap(name, 16, 2)
        ticks.append((i, f"{text}\n{note}" if note else text))
    _bottom_ticks(plot, ticks)


def _bar(plot: pg.PlotItem, x: float, base: float, value: float, width: float, colour: str):
    plot.addItem(
        pg.BarGraphItem(
            x=[x],
            y0=base,
            height=[value - base],
            width=width,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen("w", width=1),
        )
    )


def _bars(
    plot: pg.PlotItem, xs: list[float], base: float, values: list[float], width: float, colour: str
):
    """Bars of one colour as one item (what `_bar` draws each, at a fraction of the cost)."""
    plot.addItem(
        pg.BarGraphItem(
            x=xs,
            y0=base,
            height=[value - base for value in values],
            width=width,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen("w", width=1),
        )
    )


def side_by_side(
    plot: pg.PlotItem,
    title: str,
    categories: Sequence[str],
    ours: Sequence[float | None],
    partner: Sequence[float | None],
    band: Band | None = None,
    *,
    ours_label: str = "Ours",
    partner_label: str = "Partner",
) -> None:
    """Grouped bars per benchmark, our side next to the partner's: the perception gap."""
    values = [float(v) for v in [*ours, *partner] if _finite(v)]
    if categories and values:
        _category_axis(plot)
    _frame(plot, title)
    if not categories or not values:
        _no_data(plot)
        return
    ours_colour, partner_colour = style.SERIES_COLOR["ours"], style.SERIES_COLOR["partner"]
    _header(plot, title, [("■", ours_colour, ours_label), ("■", partner_colour, partner_label)])
    plot.showGrid(x=False, y=True, alpha=style.GRID_ALPHA)
    low, high = _y_scale(plot, band, values)
    _category_range(plot, len(categories))
    _bands(plot, band)
    step = (high - low) * 0.015
    for offset, side, colour in ((-0.19, ours, ours_colour), (0.19, partner, partner_colour)):
        # One item for a side's bars, then their labels: the stacking stays what drawing them
        # one by one gave (a label over its own side's bars, under the next side's).
        drawn = [(i + offset, float(v)) for i, v in enumerate(side) if _finite(v)]
        if drawn:
            _bars(plot, [x for x, _ in drawn], low, [v for _, v in drawn], 0.36, colour)
        for i, v in enumerate(side):
            if _finite(v):
                _label(plot, _value_text(float(v)), i + offset, float(v) + step)
            else:
                _label(plot, "n/a", i + offset, low + step)
    _categories(plot, categories, [""] * len(categories))


def breakdown(
    plot: pg.PlotItem,
    title: str,
    categories: Sequence[str],
    values: Sequence[float | None],
    band: Band | None = None,
    counts: Sequence[int] | None = None,
    *,
    lights: Sequence[str] | None = None,
) -> None:
    """One bar per team or function, coloured by its light, with the number of answers.

    `lights` (green/yellow/red/grey per bar) lets the caller pass the lights it computed in
    insights/; without it each bar takes its light from `band` (grey for no value or no band).
    """
    present = [float(v) for v in values if _finite(v)]
    if categories and present:
        _category_axis(plot)
    _frame(plot, title)
    if not categories or not present:
        _no_data(plot)
        return
    plot.showGrid(x=False, y=True, alpha=style.GRID_ALPHA)
    low, high = _y_scale(plot, band, present)
    _category_range(plot, len(categories))
    _bands(plot, band)
    step = (high - low) * 0.015
    if lights is None:
        lights = [band.light(v) if band else "grey" for v in values]
    for i, v in enumerate(values):
        if not _finite(v):
            _label(plot, "no answers", i, low + step)
            continue
        fill = style.LIGHT_FILL.get(lights[i], style.LIGHT_FILL["grey"])
        _bar(plot, i, low, float(v), 0.56, fill)
        _label(plot, _value_text(float(v)), i, float(v) + step)
    notes = [f"n={n}" for n in counts] if counts is not None else [""] * len(categories)
    _categories(plot, categories, notes)


def practice(
    plot: pg.PlotItem,
    title: str,
    items: Sequence[str],
    latest: Sequence[float | None],
    previous: Sequence[float | None] | None = None,
    latest_label: str = "Latest",
    previous_label: str = "Previous",
    *,
    scale: tuple[int, int] = (1, 5),
) -> None:
    """Latest self-assessment per item as a filled dot, the previous one as a ring, joined."""
    _frame(plot, title)
    earlier = list(previous) if previous is not None else [None] * len(items)
    if not items or not any(_finite(v) for v in [*latest, *earlier]):
        _no_data(plot)
        return
    keys = [("●", style.SERIES_COLOR["ours"], latest_label)]
    if previous is not None:
        keys.append(("○", style.SERIES_COLOR["previous"], previous_label))
    _header(plot, title, keys)
    low, high = scale
    plot.showGrid(x=True, y=False, alpha=style.GRID_ALPHA)
    ys = [len(items) - 1 - i for i in range(len(items))]  # first item on top
    # The view (ranges, axis ticks and sizes) before the items, so they are laid out once
    plot.setXRange(low - 0.35, high + 0.9, padding=0)
    plot.setYRange(-0.6, len(items) - 0.4, padding=0)
    _bottom_ticks(plot, [(v, str(v)) for v in range(low, high + 1)])
    _left_ticks(plot, [(y, style.wrap(name, 34, 2)) for y, name in zip(ys, items, strict=True)])
    grey = style.SERIES_COLOR["previous"]
    for y, now, before in zip(ys, latest, earlier, strict=True):
        if _finite(now) and _finite(before) and now != before:
            plot.plot([before, now], [y, y], pen=pg.mkPen(grey, width=3))
    if previous is not None:
        pts = [(float(v), y) for v, y in zip(earlier, ys, strict=True) if _finite(v)]
        plot.plot(
            [p[0] for p in pts],
            [p[1] for p in pts],
            pen=None,
            symbol="o",
            symbolSize=16,
            symbolBrush=pg.mkBrush("w"),
            symbolPen=pg.mkPen(grey, width=2.5),
        )
    pts = [(float(v), y) for v, y in zip(latest, ys, strict=True) if _finite(v)]
    plot.plot(
        [p[0] for p in pts],
        [p[1] for p in pts],
        pen=None,
        symbol="o",
        symbolSize=11,
        symbolBrush=pg.mkBrush(style.SERIES_COLOR["ours"]),
        symbolPen=pg.mkPen("w", width=1),
    )
    for y, now, before in zip(ys, latest, earlier, strict=True):
        if _finite(now) and _finite(before):
            change = float(now) - float(before)
            text = "no change" if change == 0 else f"{change:+g}".replace("-", "−")
            _label(plot, text, high + 0.5, y, anchor=(0.5, 0.5))
