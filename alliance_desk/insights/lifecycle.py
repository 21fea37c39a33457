"""Lifecycle rules: checklist progress, the order of a living set, and effective thresholds.

Pure functions over plain values (ORM rows or anything with the same attributes), so the
Lifecycle tab, the editors and the reports count and order alike, and tests need no file.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from alliance_desk.insights.health import Thresholds
from alliance_desk.models import choices
from alliance_desk.models.limits import threshold_problem

FINISHED = frozenset({"done", "na"})  # not applicable counts as finished: nothing left to do
OWN_ITEMS = "Own items"  # the group of items an alliance added without a checklist


@dataclass(frozen=True)
class Progress:
    """How far one checklist (or one stage) has come on one alliance."""

    title: str
    done: int
    not_applicable: int
    total: int
    retired: int = 0  # items whose template item was retired after the alliance got them

    @property
    def finished(self) -> int:
        return self.done + self.not_applicable

    @property
    def share(self) -> float | None:
        """Finished items as a fraction of all (None for an empty checklist)."""
        return self.finished / self.total if self.total else None

    def text(self) -> str:
        """'Execution: 7 of 12 done' ('… done or n/a' when some do not apply)."""
        words = "done or n/a" if self.not_applicable else "done"
        return f"{self.title}: {self.finished} of {self.total} {words}"


def progress(title: str, items: Iterable[Any], retired_ids: Iterable[str] = ()) -> Progress:
    """Count `items` (with `status` and `template_item_id`); `retired_ids` are the template
    items retired since: such items still count on the alliance that had them."""
    items = list(items)
    retired = set(retired_ids)
    return Progress(
        title=title,
        done=sum(1 for item in items if item.status == "done"),
        not_applicable=sum(1 for item in items if item.status == "na"),
        total=len(items),
        retired=sum(1 for item in items if item.template_item_id in retired),
    )


@dataclass(frozen=True)
class ChecklistGroup:
    """One alliance's items of one checklist, in order, with its progress."""

    template_id: str | None
    title: str
    kind: str
    stage: str | None
    position: int
    items: tuple[Any, ...]
    progress: Progress


def group_items(
    items: Iterable[Any], templates: dict[str, Any], retired_ids: Iterable[str] = ()
) -> list[ChecklistGroup]:
    """An alliance's checklist items grouped by the checklist they came from: stage checklists
    in lifecycle order, then the others by their position, own items last."""
    retired = set(retired_ids)
    by_template: dict[str | None, list[Any]] = {}
    for item in items:
        key = item.template_id if item.template_id in templates else None
        by_template.setdefault(key, []).append(item)
    groups = []
    for template_id, members in by_template.items():
        members.sort(key=lambda item: (item.position, item.created_at))
        template = templates.get(template_id)
        title = template.title if template else OWN_ITEMS
        kind = template.kind if template else "own"
        stage = template.stage if template else None
        position = template.position if template else 10_000
        groups.append(
            ChecklistGroup(
                template_id,
                title,
                kind,
                stage,
                position,
                tuple(members),
                progress(short_title(title), members, retired),
            )
        )
    return sorted(groups, key=group_order)


def group_order(group: ChecklistGroup) -> tuple:
    stage_rank = list(choices.STAGES).index(group.stage) if group.stage in choices.STAGES else 9
    return (
        0 if group.kind == "stage" else 1 if group.kind != "own" else 2,
        stage_rank,
        group.position,
        group.title.casefold(),
    )


def short_title(title: str) -> str:
    """'Execution' from 'Execution: delivering and keeping the relationship healthy'."""
    return title.split(":", 1)[0].strip() or title


def stage_progress(groups: Iterable[ChecklistGroup]) -> dict[str, Progress]:
    """Progress per lifecycle stage (all stage checklists of a stage together), by stage key,
    in lifecycle order; stages without a checklist on the alliance are left out."""
    merged: dict[str, list[Progress]] = {}
    for group in groups:
        if group.kind == "stage" and group.stage in choices.STAGES:
            merged.setdefault(group.stage, []).append(group.progress)
    result = {}
    for stage in choices.STAGES:
        parts = merged.get(stage)
        if parts:
            result[stage] = Progress(
                choices.STAGES[stage],
                sum(p.done for p in parts),
                sum(p.not_applicable for p in parts),
                sum(p.total for p in parts),
                sum(p.retired for p in parts),
            )
    return result


def toggled_status(status: str) -> str:
    """Space on a checklist item: open becomes done; done or n/a go back to open."""
    return "open" if status in FINISHED else "done"


# --- the living set -------------------------------------------------------------------------


def moved(order: Sequence[str], ident: str, step: int) -> list[str] | None:
    """`order` (ids) with `ident` moved `step` places (-1 up, +1 down); None at either end."""
    order = list(order)
    index = order.index(ident)
    target = index + step
    if not 0 <= target < len(order):
        return None
    order.insert(target, order.pop(index))
    return order


def renumbered(order: Sequence[str], positions: dict[str, int]) -> dict[str, int]:
    """New positions 1, 2, 3 … for `order`, only for the ids whose position changes."""
    return {
        ident: number
        for number, ident in enumerate(order, start=1)
        if positions.get(ident) != number
    }


# --- thresholds -----------------------------------------------------------------------------


def effective_thresholds(benchmark: Any, override: Any | None = None) -> Thresholds:
    """The benchmark's thresholds, each replaced by the alliance's override where it sets one."""
    green, red = benchmark.green_at, benchmark.red_below
    overridden = False
    if override is not None:
        if override.green_at is not None:
            green, overridden = override.green_at, True
        if override.red_below is not None:
            red, overridden = override.red_below, True
    return Thresholds(green, red, bool(benchmark.higher_is_better), overridden=overridden)


def override_problem(benchmark: Any, green_at: float | None, red_below: float | None):
    """(field, message) when an override would leave red at or past green, else None."""
    merged = effective_thresholds(benchmark, _Override(green_at, red_below))
    return threshold_problem(merged.green_at, merged.red_below, merged.higher_is_better)


@dataclass(frozen=True)
class _Override:
    green_at: float | None
    red_below: float | None


__all__ = [
    "FINISHED",
    "OWN_ITEMS",
    "ChecklistGroup",
    "Progress",
    "Thresholds",
    "effective_thresholds",
    "group_items",
    "moved",
    "override_problem",
    "progress",
    "renumbered",
    "short_title",
    "stage_progress",
    "toggled_status",
]
