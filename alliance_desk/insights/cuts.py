"""The data behind the Dashboard's charts and the chart builder: `evaluate` turns a `ChartSpec`
(insights/chart_spec.py, re-exported here) into plain numbers (`CutResult`) that charts/ draws
and the CLI prints. No Qt.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from statistics import fmean
from typing import Any

from alliance_desk import clock
from alliance_desk.insights.chart_spec import (  # noqa: F401 (cuts is where callers find them)
    _NOUNS,
    _OPEN_WORD,
    CUTS,
    FILTER_KEYS,
    FREE_CUTS,
    KINDS,
    LIGHT_LABELS,
    MAX_LINES,
    MAX_PERIODS,
    MAX_SEGMENTS,
    MEASURES,
    NO_VALUE,
    OTHER,
    PERIODS,
    RECORDS,
    STACKS,
    ChartSpec,
    CutResult,
    SpecError,
    _focus_label,
    _title,
)
from alliance_desk.insights.delivery import delivery_outcome
from alliance_desk.insights.health import GREY
from alliance_desk.insights.payments import payment_state
from alliance_desk.insights.periods import period_label, period_range, period_start
from alliance_desk.insights.status import is_overdue
from alliance_desk.models import ActionItem, Decision, Milestone, Payment, Risk, choices

_MODELS = {
    "actions": ActionItem,
    "risks": Risk,
    "milestones": Milestone,
    "decisions": Decision,
    "payments": Payment,
}
_STATES = {
    "actions": choices.ACTION_STATUSES,
    "risks": choices.RISK_STATUSES,
    "milestones": choices.MILESTONE_STATUSES,
    "decisions": choices.DECISION_STATUSES,
    "payments": choices.PAYMENT_STATUSES,
    "alliances": choices.ALLIANCE_STATUSES,
}
_OPEN_STATES = {
    "actions": {"open", "in_progress", "overdue"},
    "risks": {"open", "monitoring", "escalated"},
    "milestones": {"planned", "overdue"},
    "decisions": {"pending", "overdue"},
    "payments": {"expected", "invoiced", "disputed", "overdue"},
}


# --- the items a measure aggregates ------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One thing counted: an alliance, a record, or a benchmark value, with its alliance."""

    alliance: Any
    owner: str = ""
    state: str = ""
    when: date | None = None
    value: float | None = None  # on-time: 1.0 or 0.0; mean score: the score


@dataclass
class _Data:
    alliances: list[Any]
    portfolio: Any
    today: date

    @property
    def by_id(self) -> dict[str, Any]:
        return {a.id: a for a in self.alliances}

    @cached_property
    def lights(self) -> dict[str, str]:
        """Each alliance's health light: asked only by a chart cut, stacked or filtered by
        health (the whole portfolio's health takes a second to compute at 300 alliances)."""
        return {key: status.light for key, status in self.portfolio.health_statuses().items()}


def _owner(kind: str, row: Any) -> str:
    if kind == "actions":
        return row.owner_current or row.owner_name or NO_VALUE
    if kind == "risks":
        return row.owner_name or NO_VALUE
    if kind == "milestones":
        return choices.ACTION_SIDES.get(row.owner_side, row.owner_side)
    if kind == "decisions":
        return choices.FORUMS.get(row.forum, row.forum or NO_VALUE)
    return choices.PAYMENT_DIRECTIONS.get(row.direction, row.direction)


def _state(kind: str, row: Any, today: date) -> str:
    if kind == "payments":
        return payment_state(row.status, row.due_date, today)
    if kind == "risks":
        return row.status
    if is_overdue(row.due_date, row.status, today):
        return "overdue"
    return row.status


def _records(portfolio: Any, kind: str, data: _Data) -> list[_Item]:
    by_id = data.by_id
    items = []
    for row in portfolio.tracking_rows(_MODELS[kind]):
        alliance = by_id.get(row.alliance_id)
        if alliance is None:
            continue
        when = getattr(row, "review_date" if kind == "risks" else "due_date", None)
        items.append(_Item(alliance, _owner(kind, row), _state(kind, row, data.today), when))
    return items


def _benchmark(portfolio: Any, wanted: str) -> Any:
    wanted_folded = wanted.strip().casefold()
    for benchmark in portfolio.live_benchmarks():
        if benchmark.id == wanted or benchmark.name.strip().casefold() == wanted_folded:
            return benchmark
    raise SpecError(f"There is no benchmark named {wanted!r} in this portfolio.")


def _items(portfolio: Any, spec: ChartSpec, data: _Data) -> tuple[list[_Item], str, str, str]:
    """What the measure aggregates, the unit of a value, the noun of what was counted and
    the measure in words for the title."""
    if spec.measure == "mean_score":
        benchmark = _benchmark(portfolio, spec.benchmark or "")
        items = []
        for alliance in data.alliances:
            view = portfolio.health_view(alliance).benchmark(benchmark.id)
            if view is None:
                continue
            if spec.kind == "line":
                for day, value in view.points():
                    if value is not None:
                        items.append(_Item(alliance, alliance.our_lead, "", day, value))
            elif view.current.value is not None:
                items.append(_Item(alliance, alliance.our_lead, "", None, view.current.value))
        unit = (benchmark.unit or "").strip() or "score"
        words = f"Mean {benchmark.name}" + (" score" if unit == "score" else f" ({unit})")
        return items, unit, f"{benchmark.name} values", words
    if spec.measure == "on_time":
        items = []
        by_id = data.by_id
        for row in portfolio.tracking_rows(Milestone):
            alliance = by_id.get(row.alliance_id)
            outcome = delivery_outcome(row, data.today) if alliance is not None else None
            if outcome is None:
                continue
            owner = _owner("milestones", row)
            items.append(_Item(alliance, owner, row.status, row.due_date, float(outcome)))
        return items, "%", "milestones due and judged", "Milestones met on time (%)"
    kind = spec.records
    if kind == "alliances":
        if spec.measure == "overdue":
            kind = "actions"
        else:
            items = [
                _Item(a, a.our_lead or NO_VALUE, a.status, a.start_date) for a in data.alliances
            ]
            return items, "alliances", "alliances", "Alliances"
    items = _records(portfolio, kind, data)
    if spec.measure == "overdue":
        noun = f"overdue {_NOUNS[kind][1]}"
        return [i for i in items if i.state == "overdue"], noun, noun, noun.capitalize()
    if spec.open_only:
        items = [i for i in items if i.state in _OPEN_STATES[kind]]
        noun = f"{_OPEN_WORD[kind]} {_NOUNS[kind][1]}"
        return items, noun, noun, noun.capitalize()
    noun = _NOUNS[kind][1]
    return items, noun, noun, noun.capitalize()


# --- segments: the key and label of an item under a cut --------------------------------------


def _key(cut: str, item: _Item, data: _Data) -> str:
    alliance = item.alliance
    if getattr(alliance, "lumped", None) == cut:
        return OTHER
    if cut == "stage":
        return alliance.stage
    if cut == "status":
        return alliance.status
    if cut == "health":
        return data.lights.get(alliance.id, GREY)
    if cut == "type":
        return alliance.alliance_type
    if cut == "partner":
        return alliance.partner.strip() or NO_VALUE
    if cut == "business_area":
        return alliance.business_area.strip() or NO_VALUE
    if cut == "owner":
        return item.owner or NO_VALUE
    if cut == "alliance":
        return alliance.id
    if cut == "state":
        return item.state or NO_VALUE
    return "all"


def _labeller(cut: str, spec: ChartSpec, data: _Data) -> Callable[[str], str]:
    vocabulary = {
        "stage": choices.STAGES,
        "status": choices.ALLIANCE_STATUSES,
        "health": LIGHT_LABELS,
        "type": choices.ALLIANCE_TYPES,
    }.get(cut)
    if vocabulary is not None:
        return lambda key: vocabulary.get(key, key)
    if cut == "alliance":
        names = {a.id: a.name for a in data.alliances}
        return lambda key: names.get(key, key)
    if cut == "state":
        states = {**_STATES.get(_state_kind(spec), {}), "overdue": "Overdue"}
        return lambda key: states.get(key, key.replace("_", " ").capitalize())
    if cut == "portfolio":
        return lambda _key: "All alliances"
    return lambda key: key


def _state_kind(spec: ChartSpec) -> str:
    if spec.measure == "on_time":
        return "milestones"
    if spec.measure == "overdue" and spec.records == "alliances":
        return "actions"
    return spec.records


def _order(cut: str, keys: Iterable[str], label: Callable[[str], str]) -> list[str]:
    """Vocabulary order for fixed lists (stages in lifecycle order), else by label."""
    vocabulary = {
        "stage": choices.STAGES,
        "status": choices.ALLIANCE_STATUSES,
        "health": LIGHT_LABELS,
        "type": choices.ALLIANCE_TYPES,
        "state": {"overdue": "", **choices.ACTION_STATUSES, **choices.RISK_STATUSES},
    }.get(cut)
    keys = set(keys)
    if vocabulary is not None:
        known = [k for k in vocabulary if k in keys]
        return known + sorted(keys - set(known), key=lambda k: label(k).casefold())
    return sorted(keys, key=lambda k: (k in (NO_VALUE, OTHER), k == OTHER, label(k).casefold()))


# --- evaluation ----------------------------------------------------------------------------


def _aggregate(measure: str, items: Sequence[_Item]) -> float | None:
    if measure in ("count", "overdue"):
        return float(len(items))
    values = [i.value for i in items if i.value is not None]
    if not values:
        return None
    mean = fmean(values)
    return round(mean * 100, 1) if measure == "on_time" else round(mean, 2)


def _matches(spec: ChartSpec, item: _Item, data: _Data) -> bool:
    for key, allowed in spec.filters.items():
        if allowed and _key(key, item, data) not in allowed:
            return False
    return True


def _data(portfolio: Any, today: date | None) -> _Data:
    alliances = portfolio.alliances(include_archived=False)
    return _Data(alliances, portfolio, today or clock.today())


def _lump_others(cut, kind, items, label, data):
    """Free-text cuts (owners, partners ...) keep their largest segments; the rest become one
    "Other" segment, so a chart stays readable."""
    most = MAX_LINES if kind == "line" else MAX_SEGMENTS
    if cut not in FREE_CUTS:
        return items, label
    sizes: dict[str, int] = {}
    for item in items:
        key = _key(cut, item, data)
        sizes[key] = sizes.get(key, 0) + 1
    if len(sizes) <= most:
        return items, label
    ranked = sorted(sizes, key=lambda k: (-sizes[k], label(k).casefold()))
    kept = set(ranked[: most - 1])
    others = len(sizes) - len(kept)
    lumped = []
    for item in items:
        if _key(cut, item, data) in kept:
            lumped.append(item)
        elif cut == "owner":
            lumped.append(replace(item, owner=OTHER))
        else:  # alliance attributes: a stand-in alliance carries the "Other" key
            lumped.append(replace(item, alliance=_Other(item.alliance, cut)))
    return lumped, lambda key: f"Other ({others})" if key == OTHER else label(key)


class _Other:
    """An alliance seen through a lumped cut: under that cut its key reads as OTHER."""

    def __init__(self, alliance: Any, cut: str):
        self._alliance, self.lumped = alliance, cut

    def __getattr__(self, name: str) -> Any:
        return getattr(self._alliance, name)


def evaluate(portfolio: Any, spec: ChartSpec, today: date | None = None) -> CutResult:
    """The numbers `spec` asks for, over the working (not archived) alliances."""
    data = _data(portfolio, today)
    items, unit, noun, words = _items(portfolio, spec, data)
    items = [i for i in items if _matches(spec, i, data)]
    cut = spec.cut
    if spec.focus is not None:  # one segment, broken down per alliance (or per owner)
        items = [i for i in items if _key(cut, i, data) == spec.focus]
        focus_label = _labeller(cut, spec, data)(spec.focus)
        cut = "owner" if cut == "alliance" else "alliance"
    else:
        focus_label = None
    label = _labeller(cut, spec, data)
    items, label = _lump_others(cut, spec.kind, items, label, data)
    keys = _order(cut, {_key(cut, i, data) for i in items}, label)
    if cut in FREE_CUTS and spec.kind != "line":  # the largest first; "Other" stays last
        size = {
            k: _aggregate(spec.measure, [i for i in items if _key(cut, i, data) == k]) for k in keys
        }
        keys.sort(key=lambda k: (k in (NO_VALUE, OTHER), k == OTHER, -(size[k] or 0)))
    if spec.kind == "line":
        return _line(spec, data, items, cut, keys, label, unit, noun, words, focus_label)
    stack = spec.stack if spec.kind == "stacked" else None
    if stack is None and spec.kind == "stacked":
        stack = "health" if spec.records == "alliances" else "state"
    if stack == cut:
        stack = None
    if stack is None:
        series_keys = [""]
    else:
        stack_label = _labeller(stack, spec, data)
        series_keys = _order(stack, {_key(stack, i, data) for i in items}, stack_label)
    grouped: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        part = _key(stack, item, data) if stack else ""
        grouped.setdefault((part, _key(cut, item, data)), []).append(item)
    values = [
        [
            _aggregate(spec.measure, grouped.get((s, k), []))
            if (s, k) in grouped or spec.measure in ("count", "overdue")
            else None
            for k in keys
        ]
        for s in series_keys
    ]
    series = [stack_label(s) for s in series_keys] if stack else [""]
    lights = None
    if stack == "health":
        lights = series_keys
    elif cut == "health" and stack is None:
        lights = keys
    title = _title(spec, cut, stack, words, focus_label)
    counted = _counted(spec, items, noun, data)
    return CutResult(
        spec, title, [label(k) for k in keys], series, values, keys, unit, counted, lights
    )


def _line(spec, data, items, cut, keys, label, unit, noun, words, focus_label) -> CutResult:
    dated = [i for i in items if i.when is not None]
    if not dated:
        periods: list[date] = []
    else:
        periods = period_range(min(i.when for i in dated), max(i.when for i in dated), spec.period)[
            -MAX_PERIODS:
        ]
    keys = [k for k in keys if any(_key(cut, i, data) == k for i in dated)]
    grouped: dict[tuple[str, date], list[_Item]] = {}
    for item in dated:
        grouped.setdefault(
            (_key(cut, item, data), period_start(item.when, spec.period)), []
        ).append(item)
    values = [
        [
            _aggregate(spec.measure, grouped[(k, p)])
            if (k, p) in grouped
            else (0.0 if spec.measure in ("count", "overdue") else None)
            for p in periods
        ]
        for k in keys
    ]
    lights = keys if cut == "health" else None
    return CutResult(
        spec,
        _title(spec, cut, None, words, focus_label),
        [period_label(p, spec.period) for p in periods],
        [label(k) for k in keys],
        values,
        keys,
        unit,
        _counted(spec, dated, noun, data),
        lights,
    )


def _counted(spec: ChartSpec, items: Sequence[_Item], noun: str, data: _Data) -> str:
    alliances = {i.alliance.id for i in items}
    what = f"{len(items)} {noun}" if spec.measure != "mean_score" else noun
    text = f"Counted: {what} in {len(alliances)} of {len(data.alliances)} working alliances"
    if spec.filters:
        parts = [f"{CUTS[k].lower()} {', '.join(v)}" for k, v in spec.filters.items() if v]
        if parts:
            text += " (filtered: " + "; ".join(parts) + ")"
    return text + f", as of {data.today:%d %b %Y}."
