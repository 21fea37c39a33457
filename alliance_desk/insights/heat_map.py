"""The health heat map's figures: every working alliance against every benchmark, each cell its
traffic light and value — the same figures as the Health tab (Portfolio.health_view)."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HeatMap:
    """Alliance × benchmark: each cell's light and value text ('' where the benchmark does
    not apply to the alliance's stage)."""

    alliances: list[str]
    alliance_ids: list[str]
    benchmarks: list[str]
    lights: list[list[str]]  # [alliance][benchmark]
    texts: list[list[str]]
    applies: list[list[bool]]


def heat_map(portfolio: Any) -> HeatMap:
    """Every working alliance's benchmarks as traffic lights (the Health tab's figures)."""
    names, ids, lights, texts, applies = [], [], [], [], []
    benchmarks = [b.name for b in portfolio.live_benchmarks()]
    for alliance in portfolio.alliances(include_archived=False):
        view = portfolio.health_view(alliance)
        names.append(alliance.name)
        ids.append(alliance.id)
        lights.append([b.current.light for b in view.benchmarks])
        texts.append(
            [b.current.value_text() if b.current.value is not None else "" for b in view.benchmarks]
        )
        applies.append([b.current.applies for b in view.benchmarks])
    return HeatMap(names, ids, benchmarks, lights, texts, applies)
