"""The manager's own practice: latest self-assessment against the previous one, and where to
develop next (DOMAIN.md §4). Pure functions over plain data; no database, no Qt."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

SCALE = (1, 5)


@dataclass(frozen=True)
class ItemScore:
    value: int | None
    note: str = ""


@dataclass(frozen=True)
class Assessment:
    """One dated self-assessment: scores by item key."""

    id: str
    framework: str
    assessed_on: date
    note: str = ""
    scores: dict[str, ItemScore] = field(default_factory=dict)
    created_at: datetime | None = None

    def value(self, key: str) -> int | None:
        score = self.scores.get(key)
        return score.value if score is not None else None

    def average(self) -> float | None:
        """Mean of the scored items (unscored ones left out); None when nothing is scored."""
        values = [s.value for s in self.scores.values() if s.value is not None]
        return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class ItemChange:
    """One item of a framework: its latest and previous score, and the change between them."""

    key: str
    latest: int | None
    previous: int | None

    @property
    def change(self) -> int | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest - self.previous


def in_order(assessments: Sequence[Assessment]) -> list[Assessment]:
    """Oldest first, by date; two on one date in the order they were entered."""
    return sorted(assessments, key=lambda a: (a.assessed_on, a.created_at or datetime.min, a.id))


def latest_two(
    assessments: Sequence[Assessment],
) -> tuple[Assessment | None, Assessment | None]:
    """The latest assessment and the one before it (None where there is none)."""
    ordered = in_order(assessments)
    latest = ordered[-1] if ordered else None
    previous = ordered[-2] if len(ordered) > 1 else None
    return latest, previous


def before(assessments: Sequence[Assessment], chosen: Assessment) -> Assessment | None:
    """The assessment just before `chosen` in time (of the same list), or None."""
    ordered = in_order(assessments)
    ids = [a.id for a in ordered]
    if chosen.id not in ids:
        return None
    index = ids.index(chosen.id)
    return ordered[index - 1] if index > 0 else None


def compare(
    item_keys: Sequence[str], latest: Assessment | None, previous: Assessment | None
) -> list[ItemChange]:
    """Per item, in the framework's order: latest score, previous score, change."""
    return [
        ItemChange(
            key,
            latest.value(key) if latest is not None else None,
            previous.value(key) if previous is not None else None,
        )
        for key in item_keys
    ]


def where_to_develop(changes: Sequence[ItemChange]) -> list[str]:
    """The item keys to work on next: those with the lowest latest score.

    Ties are all kept, items that fell since the previous assessment first, then the
    framework's order. Nothing is proposed when nothing is scored or every item already has
    the top score.
    """
    scored = [c for c in changes if c.latest is not None]
    if not scored:
        return []
    lowest = min(c.latest for c in scored)
    if lowest >= SCALE[1]:
        return []
    position = {c.key: i for i, c in enumerate(changes)}
    weakest = [c for c in scored if c.latest == lowest]
    weakest.sort(key=lambda c: (0 if (c.change or 0) < 0 else 1, position[c.key]))
    return [c.key for c in weakest]
