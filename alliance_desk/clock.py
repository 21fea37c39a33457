"""The one clock every timestamp comes from, so tests (and merges) can control time."""

from datetime import UTC, date, datetime

_frozen: datetime | None = None


def now() -> datetime:
    """The current UTC time as a naive datetime with microseconds (how the file stores it)."""
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """Today's date in local time, for due dates and 'overdue'."""
    if _frozen is not None:
        return _frozen.date()
    return date.today()


def freeze(moment: datetime | None) -> None:
    """Pin the clock to `moment` (naive UTC); None lets it run again. For tests and demos."""
    global _frozen
    _frozen = moment
