"""Months and quarters: where a date falls, their labels, and every period between two dates."""

from datetime import date

PERIODS = ("month", "quarter")


def percent(share: float | None) -> str:
    """'75 %' for 0.75 (a space before the sign, as the rest of the app writes it); '—' for None."""
    return "—" if share is None else f"{share * 100:.0f} %"


def period_start(day: date, period: str) -> date:
    """The first day of the month or quarter holding `day`."""
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    raise ValueError(f"Unknown period {period!r}; use one of {', '.join(PERIODS)}.")


def next_period(start: date, period: str) -> date:
    months = 1 if period == "month" else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def period_label(start: date, period: str) -> str:
    """'Mar 2026' for a month, '2026 Q1' for a quarter."""
    if period == "month":
        return start.strftime("%b %Y")
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def period_range(first: date, last: date, period: str) -> list[date]:
    """Every period start from the one holding `first` to the one holding `last`: empty
    periods in between are listed too, so a gap shows as a gap."""
    starts = []
    current, end = period_start(first, period), period_start(last, period)
    while current <= end:
        starts.append(current)
        current = next_period(current, period)
    return starts
