"""What a committed edit touched, as announced by the Portfolio to the views."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """What one committed edit touched: the kind (a KINDS key), the row ids and the operation."""

    kind: str
    ids: tuple[str, ...]
    op: str  # "added", "updated", "deleted", "restored", "reloaded"
    fields: tuple[str, ...] = ()


# the kinds an alliance's health is worked out from: a change of one of them moves the lights
HEALTH_KINDS = frozenset(
    {
        "alliances",
        "benchmarks",
        "benchmark_overrides",
        "survey_rounds",
        "survey_responses",
        "survey_scores",
        "milestones",
        "risks",
        "meetings",
        "meeting_attendees",
        "actions",
    }
)
