"""Column builders and words shared by the tracking tabs: due dates that stand out, owners
shown as removed, sentences about how late something is."""

from collections.abc import Callable
from datetime import date
from typing import Any

from alliance_desk import clock
from alliance_desk.insights.status import is_overdue
from alliance_desk.insights.tracking import is_due_soon
from alliance_desk.ui.fields import ERROR_COLOUR, format_date
from alliance_desk.ui.record_tab import Column, Row

SOON_COLOUR = "#b45309"  # amber: due within a week
GOOD_COLOUR = "#2e7d32"


def due_column(header: str = "Due", status: Callable[[Row], str] | None = None) -> Column:
    """The due date: red when overdue, amber when due within a week, with a tooltip saying so."""
    status = status or (lambda row: row.status)

    def colour(row: Row) -> str | None:
        today = clock.today()
        if is_overdue(row.due_date, status(row), today):
            return ERROR_COLOUR
        if is_due_soon(row.due_date, status(row), today):
            return SOON_COLOUR
        return None

    return Column(
        header,
        lambda row: format_date(row.due_date),
        sort_key=lambda row: row.due_date.isoformat() if row.due_date else "",
        colour=colour,
        tooltip=lambda row: due_words(row.due_date, status(row)),
    )


def due_words(due: date | None, status: str, today: date | None = None) -> str:
    """'Overdue by 3 days', 'Due today', 'Due in 5 days', or '' when it does not matter."""
    today = today or clock.today()
    if due is None:
        return ""
    days = (due - today).days
    if is_overdue(due, status, today):
        return f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if is_due_soon(due, status, today):
        if days == 0:
            return "Due today"
        return f"Due in {days} day{'s' if days != 1 else ''}"
    return ""


def coloured(text: str, colour: str | None, bold: bool = False) -> str:
    weight = "font-weight:600;" if bold else ""
    style = f"color:{colour};{weight}" if colour else weight
    return f"<span style='{style}'>{text}</span>" if style else text


def due_html(due: date | None, status: str) -> str:
    """The due sentence in its colour, for the panel header."""
    words = due_words(due, status)
    if not words:
        return ""
    colour = ERROR_COLOUR if words.startswith("Overdue") else "#b45309"
    return coloured(words, colour, bold=True)


def owner_text(row: Any) -> str:
    """The owner as shown: the stakeholder's current name ('(removed)' if deleted), else the
    free-text name."""
    current = getattr(row, "owner_current", None)
    if row.owner_id and current:
        return f"{current} (removed)" if getattr(row, "owner_removed", False) else current
    return row.owner_name or ""


def when(day: date | None) -> str:
    return format_date(day) if day else ""
