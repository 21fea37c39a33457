"""What a committed edit touched, as announced by the Portfolio to the views."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """What one committed edit touched: the kind (a KINDS key), the row ids and the operation."""

    kind: str
    ids: tuple[str, ...]
    op: str  # "added", "updated", "deleted", "restored", "reloaded"
    fields: tuple[str, ...] = ()
