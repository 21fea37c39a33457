"""What a chart shows, said as data: a `ChartSpec` (the cut of the portfolio, the measure, the
chart type, filters and a focus; JSON for pinning) and the `CutResult` that insights/cuts.py
makes of it. The vocabularies here are what the chart builder offers. No Qt.
"""

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from alliance_desk.insights.health import GREEN, GREY, RED, YELLOW
from alliance_desk.models import choices

CUTS = {
    "stage": "Lifecycle stage",
    "status": "Status",
    "health": "Health",
    "type": "Type",
    "partner": "Partner",
    "business_area": "Business area",
    "owner": "Owner",
    "alliance": "Alliance",
    "portfolio": "The whole portfolio",
}
STACKS = {key: label for key, label in CUTS.items() if key != "portfolio"} | {
    "state": "Record status"
}
MEASURES = {
    "count": "Count",
    "mean_score": "Mean score",
    "on_time": "On-time share",
    "overdue": "Overdue count",
}
KINDS = {"bar": "Bar", "stacked": "Stacked bar", "line": "Line"}
RECORDS = {
    "alliances": "Alliances",
    "actions": "Actions",
    "risks": "Risks and issues",
    "milestones": "Milestones",
    "decisions": "Decisions",
    "payments": "Payments",
}
PERIODS = {"month": "Month", "quarter": "Quarter"}
LIGHT_LABELS = {GREEN: "Green", YELLOW: "Yellow", RED: "Red", GREY: "No data"}
FILTER_KEYS = ("stage", "status", "health", "type", "partner", "business_area", "alliance")
NO_VALUE = "(none)"
OTHER = "__other__"
FREE_CUTS = frozenset({"owner", "partner", "business_area", "alliance"})
MAX_SEGMENTS = 12  # bars in one chart before the smallest segments become "Other"
MAX_LINES = 6
MAX_PERIODS = 24  # a line over time shows at most the last two years of months
_NOUNS = {  # (one, many) as a title says them
    "alliances": ("alliance", "alliances"),
    "actions": ("action", "actions"),
    "risks": ("risk or issue", "risks and issues"),
    "milestones": ("milestone", "milestones"),
    "decisions": ("decision", "decisions"),
    "payments": ("payment", "payments"),
}
_OPEN_WORD = {
    "actions": "open",
    "risks": "open",
    "milestones": "planned",
    "decisions": "pending",
    "payments": "outstanding",
}


class SpecError(ValueError):
    """A chart spec that cannot be read or evaluated; the message is one sentence."""


@dataclass(frozen=True)
class ChartSpec:
    """What to chart: a cut of the portfolio, a measure, a chart type, filters and a focus.

    `records` says what is counted (alliances, or open actions, risks ...); `benchmark` (a
    benchmark's name or id) is needed for the mean score; `stack` splits each bar (stacked
    bar) by a second cut or by the record's status; `period` is the step of a line over time.
    `filters` keeps alliances whose attribute is one of the listed keys (e.g. stage: execution).
    `focus` zooms into one segment of the cut: that segment only, broken down per alliance.
    """

    cut: str = "status"
    measure: str = "count"
    kind: str = "bar"
    records: str = "alliances"
    benchmark: str | None = None
    stack: str | None = None
    period: str = "quarter"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    focus: str | None = None
    open_only: bool = True

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("cut", self.cut, CUTS),
            ("measure", self.measure, MEASURES),
            ("kind", self.kind, KINDS),
            ("records", self.records, RECORDS),
            ("period", self.period, PERIODS),
        ):
            if value not in allowed:
                raise SpecError(
                    f"Unknown {name} {value!r}; use one of {', '.join(sorted(allowed))}."
                )
        if self.stack is not None and self.stack not in STACKS:
            raise SpecError(f"Unknown stack {self.stack!r}; use one of {', '.join(STACKS)}.")
        if not isinstance(self.filters, dict):
            raise SpecError("The filters must be a mapping of field to allowed values.")
        filters = {}
        for key, values in self.filters.items():
            if key not in FILTER_KEYS:
                raise SpecError(f"Cannot filter on {key!r}; use one of {', '.join(FILTER_KEYS)}.")
            if isinstance(values, str) or not isinstance(values, Iterable):
                raise SpecError(f"The filter on {key} must be a list of values.")
            filters[key] = tuple(str(v) for v in values)
        object.__setattr__(self, "filters", filters)
        if self.measure == "mean_score" and not (self.benchmark or "").strip():
            raise SpecError("A mean score needs a benchmark.")

    @property
    def title(self) -> str:
        """The chart's title without a portfolio at hand (for a caption); `evaluate(...).title`
        is the same with the focus segment named as the user sees it."""
        if self.measure == "mean_score":
            words = f"Mean {self.benchmark} score"
        elif self.measure == "on_time":
            words = "Milestones met on time (%)"
        else:
            kind = (
                "actions"
                if self.records == "alliances" and self.measure == "overdue"
                else (self.records)
            )
            noun = _NOUNS[kind][1]
            if self.measure == "overdue":
                noun = f"overdue {noun}"
            elif kind != "alliances" and self.open_only:
                noun = f"{_OPEN_WORD[kind]} {noun}"
            words = noun.capitalize()
        cut, focus = self.cut, None
        if self.focus is not None:
            focus = "One alliance" if cut == "alliance" else _focus_label(cut, self.focus)
            cut = "owner" if cut == "alliance" else "alliance"
        stack = self.stack if self.kind == "stacked" else None
        if self.kind == "stacked" and stack is None:
            stack = "health" if self.records == "alliances" else "state"
        return _title(self, cut, None if stack == cut else stack, words, focus)

    def with_changes(self, **changes: Any) -> "ChartSpec":
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["filters"] = {key: list(values) for key, values in self.filters.items()}
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any) -> "ChartSpec":
        if not isinstance(data, dict):
            raise SpecError("A chart spec must be a JSON object.")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise SpecError(f"A chart spec has no field {unknown[0]!r}.")
        try:
            return cls(**data)
        except TypeError as exc:
            raise SpecError(f"The chart spec is not valid: {exc}.") from None

    @classmethod
    def from_json(cls, text: str) -> "ChartSpec":
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            raise SpecError("The chart spec is not valid JSON.") from None
        return cls.from_dict(data)


@dataclass(frozen=True)
class CutResult:
    """Plain numbers for a chart: `values[s][c]` is series s at category c.

    Bar and stacked bar: categories are the cut's segments (`keys` their stored keys, for
    focusing), series the stack's parts (one unnamed series for a plain bar). Line: categories
    are periods and each series is a segment (`keys` then name the series).
    """

    spec: ChartSpec
    title: str
    categories: list[str]
    series: list[str]
    values: list[list[float | None]]
    keys: list[str]
    unit: str  # what a value is: "alliances", "open actions", "%", "score"
    counted: str  # what was counted, in words
    lights: list[str] | None = None  # per category (bar by health) or per series (stack)

    @property
    def empty(self) -> bool:
        return not any(v for row in self.values for v in row if v is not None)

    @property
    def segments(self) -> list[tuple[str, str]]:
        """(key, label) of the cut's segments: the bars, or the lines of a line chart."""
        labels = self.series if self.spec.kind == "line" else self.categories
        return list(zip(self.keys, labels, strict=True))

    def total(self, index: int) -> float | None:
        """The bar's height at category `index` (the stack's sum)."""
        present = [row[index] for row in self.values if row[index] is not None]
        return sum(present) if present else None

    def text_lines(self) -> list[str]:
        """The chart as a small text table (for the command line and screen readers)."""
        lines = [self.title, self.counted]
        if self.empty:
            return [*lines, "Nothing to show yet."]
        width = max(len(c) for c in self.categories) + 2
        named = [s for s in self.series if s]
        if named:
            lines.append(" " * width + "  ".join(f"{s:>10}" for s in named))
        for c, category in enumerate(self.categories):
            cells = "  ".join(f"{_number(row[c], self.unit):>10}" for row in self.values)
            lines.append(f"{category:<{width}}{cells}")
        return lines


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.0f} %"
    if unit == "score":
        return f"{value:.1f}"
    return f"{value:g}"


def _focus_label(cut: str, key: str) -> str:
    vocabulary = {
        "stage": choices.STAGES,
        "status": choices.ALLIANCE_STATUSES,
        "health": LIGHT_LABELS,
        "type": choices.ALLIANCE_TYPES,
    }.get(cut, {})
    return vocabulary.get(key, key)


def _title(spec: ChartSpec, cut: str, stack: str | None, words: str, focus: str | None) -> str:
    if spec.kind == "line":
        step = "month" if spec.period == "month" else "quarter"
        title = f"{words} by {step}"
        if cut != "portfolio":
            title += f", one line per {CUTS[cut].lower()}"
    elif cut == "portfolio":
        title = words + " in the portfolio"
    else:
        joiner = " per " if cut == "alliance" else " by "
        title = words + joiner + CUTS[cut].lower()
    if stack:
        title += f", split by {STACKS[stack].lower()}"
    if focus is not None:
        title = f"{focus}: {title[:1].lower()}{title[1:]}"
    return title
