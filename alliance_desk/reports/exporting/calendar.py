"""Dates to calendars: an iCalendar (.ics, RFC 5545) file of action due dates, milestones,
decision dates, payments due and meetings, as all-day events.

Each event's UID is derived from its record's id and what the date is, so importing a later
export into Outlook or another calendar updates the events instead of adding copies; DTSTAMP
and SEQUENCE come from the record's last change, so an unchanged record exports identically.
"""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alliance_desk import __version__
from alliance_desk.models import (
    ActionItem,
    Alliance,
    Decision,
    Meeting,
    Milestone,
    Payment,
    choices,
)
from alliance_desk.reports.output import write_atomically
from alliance_desk.reports.sanitise import sanitise

UID_DOMAIN = "alliance-desk"
SEQUENCE_EPOCH = datetime(2020, 1, 1)


def calendar_bytes(portfolio, alliance: Alliance | None = None) -> tuple[bytes, int]:
    """The .ics text of the portfolio (or one alliance), and the number of events."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//Alliance Desk//Alliance Desk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = alliance.name if alliance else portfolio.name
    calendar.add("x-wr-calname", sanitise(" ".join(name.split())))  # X- values: one line
    count = 0
    for event in _events(portfolio, alliance):
        calendar.add_component(event)
        count += 1
    return calendar.to_ical(), count


def write_ics(portfolio, out: Path, alliance: Alliance | None = None) -> int:
    data, count = calendar_bytes(portfolio, alliance)
    write_atomically(Path(out), lambda path: path.write_bytes(data))
    return count


def _rows(portfolio, model, alliance):
    ids = [alliance.id] if alliance is not None else [a.id for a in portfolio.alliances()]
    rows = []
    for each in ids:
        rows += portfolio.tracking_rows(model, each)
    return rows


def _events(portfolio, alliance):
    for row in _rows(portfolio, ActionItem, alliance):
        if row.due_date:
            owner = row.owner_current or row.owner_name
            detail = [f"Owner: {owner}" if owner else "", row.description]
            status = choices.ACTION_STATUSES.get(row.status, row.status)
            yield _event(row, "action", row.due_date, f"Action due: {row.title}", detail, status)
    for row in _rows(portfolio, Milestone, alliance):
        if row.due_date:
            status = choices.MILESTONE_STATUSES.get(row.status, row.status)
            yield _event(
                row, "milestone", row.due_date, f"Milestone: {row.title}", [row.description], status
            )
    for row in _rows(portfolio, Decision, alliance):
        forum = choices.FORUMS.get(row.forum, row.forum)
        status = choices.DECISION_STATUSES.get(row.status, row.status)
        if row.decided_on:
            yield _event(
                row,
                "decided",
                row.decided_on,
                f"Decided ({forum}): {row.title}",
                [row.outcome],
                status,
            )
        elif row.due_date:
            yield _event(
                row,
                "decision",
                row.due_date,
                f"Decision due ({forum}): {row.title}",
                [row.recommendation],
                status,
            )
    for row in _rows(portfolio, Payment, alliance):
        if row.due_date:
            amount = f" — {row.amount:,.2f} {row.currency}" if row.amount is not None else ""
            word = "Payment due" if row.direction == "incoming" else "We pay"
            status = choices.PAYMENT_STATUSES.get(row.status, row.status)
            yield _event(
                row, "payment", row.due_date, f"{word}: {row.title}{amount}", [row.note], status
            )
    for row in _rows(portfolio, Meeting, alliance):
        if row.held_on:
            status = choices.MEETING_STATUSES.get(row.status, row.status)
            event = _event(row, "meeting", row.held_on, row.title, [row.agenda], status)
            if row.location:
                event.add("location", sanitise(row.location))
            if row.status == "cancelled":
                event.add("status", "CANCELLED")
            yield event


def _event(row, what: str, day: date, summary: str, details: list[str], status: str):
    from icalendar import Event

    event = Event()
    event.add("uid", f"{row.id}-{what}@{UID_DOMAIN}")
    stamp = (row.updated_at or row.created_at).replace(tzinfo=UTC)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", max(0, int((row.updated_at - SEQUENCE_EPOCH).total_seconds())))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", sanitise(f"{summary} ({row.alliance_name})"))
    text = "\n".join(
        part for part in [f"Alliance: {row.alliance_name}", f"Status: {status}", *details] if part
    )
    event.add("description", sanitise(text))
    event.add("categories", [sanitise(row.alliance_name), what.capitalize()])
    event.add("transp", "TRANSPARENT")
    return event
