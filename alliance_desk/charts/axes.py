"""The chart axes that label themselves: months along a time axis, and category names under
bars, both re-laid out to the width the chart gets (a tab on screen or an image for Word)."""

import calendar
from collections.abc import Sequence
from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from alliance_desk.charts import style


def text_lines(texts: Sequence[str]) -> int:
    return max((t.count("\n") + 1 for t in texts), default=1)


def epoch(day: date) -> float:
    return float(calendar.timegm(day.timetuple()))


def month_ticks(x_low: float, x_high: float, most: int = 12) -> list[tuple[float, str]]:
    """Ticks on the first of the month ("Mar", "Jan 2026"), thinned to at most `most`."""
    start = datetime.fromtimestamp(x_low, UTC).date()
    end = datetime.fromtimestamp(x_high, UTC).date()
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= most), 120)
    ticks = []
    index = start.year * 12 + start.month - 1
    index += -index % step  # first tick on a multiple of the step (Jan, Apr, Jul, Oct for 3)
    while True:
        day = date(index // 12, index % 12 + 1, 1)
        if day > end:
            break
        # A label right at the left edge is dropped by the axis: start a little inside, so
        # the first label drawn is the one that carries the year.
        if epoch(day) >= x_low + (x_high - x_low) * 0.03:
            name = calendar.month_abbr[day.month]
            first = not ticks or day.month <= step
            ticks.append((epoch(day), f"{name} {day.year}" if first else name))
        index += step
    return ticks


class MonthAxis(pg.AxisItem):
    """A time axis labelled on the first of the month, thinned to the room it has."""

    LABEL_ROOM = 64  # pixels per label ("Jan 2026" and a gap)

    def __init__(self) -> None:
        self._span: tuple[float, float] | None = None  # before the base class resizes the axis
        super().__init__("bottom")

    def set_span(self, x_low: float, x_high: float) -> None:
        self._span = (x_low, x_high)
        self._retick()

    def resizeEvent(self, event=None) -> None:  # noqa: N802 (Qt's name)
        self._retick()
        super().resizeEvent(event)

    def _retick(self) -> None:
        if self._span is None:
            return
        width = self.geometry().width() or 900
        most = max(2, min(12, int(width / self.LABEL_ROOM)))
        self.setTicks([month_ticks(*self._span, most=most)])


class CategoryAxis(pg.AxisItem):
    """Category names under bars, wrapped to the room each one has at the chart's real width.

    Fixed wrapping suits one width only: on a narrow tab the names would run into each other,
    so the labels are re-wrapped whenever the axis is resized.
    """

    def __init__(self) -> None:
        self._names: list[str] = []  # before the base class, which resizes the axis already
        self._notes: list[str] = []
        super().__init__("bottom")

    def set_categories(self, names: Sequence[str], notes: Sequence[str]) -> None:
        self._names, self._notes = list(names), list(notes)
        self._rewrap()

    def resizeEvent(self, event=None) -> None:  # noqa: N802 (Qt's name)
        self._rewrap()
        super().resizeEvent(event)

    def _rewrap(self) -> None:
        if not self._names:
            return
        metrics = QFontMetrics(style.font())
        room = self.geometry().width() / len(self._names)
        chars = max(5, int(room * 0.85 / max(1, metrics.averageCharWidth())))
        lines = 2 if chars >= 12 else 3
        ticks = []
        for i, (name, note) in enumerate(zip(self._names, self._notes, strict=True)):
            text = style.wrap(name, chars, lines)
            ticks.append((i, f"{text}\n{note}" if note else text))
        self.setTicks([ticks])
        needed = 20 + text_lines([t for _, t in ticks]) * metrics.lineSpacing()
        if abs(self.height() - needed) > 0.5:
            self.setHeight(needed)
