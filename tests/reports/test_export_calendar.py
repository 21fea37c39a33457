"""The iCalendar export: valid RFC 5545 all-day events with UIDs stable across exports."""

from datetime import date

import pytest
from icalendar import Calendar

from alliance_desk.models import ActionItem, Decision, Meeting, Milestone, Payment
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.exporting import calendar_bytes, write_ics


@pytest.fixture
def demo(demo_file):
    with Portfolio.open(demo_file, "demo") as portfolio:
        yield portfolio


def events_of(data: bytes):
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    return list(calendar.walk("VEVENT"))


def test_the_calendar_holds_every_dated_record_as_an_all_day_event(demo, tmp_path):
    count = write_ics(demo, tmp_path / "out.ics")
    events = events_of((tmp_path / "out.ics").read_bytes())
    assert len(events) == count
    expected = (
        sum(1 for a in demo.all(ActionItem) if a.due_date)
        + sum(1 for m in demo.all(Milestone) if m.due_date)
        + sum(1 for d in demo.all(Decision) if d.decided_on or d.due_date)
        + sum(1 for p in demo.all(Payment) if p.due_date)
        + sum(1 for m in demo.all(Meeting) if m.held_on)
    )
    assert count == expected
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and (end - start).days == 1
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        for required in ("UID", "DTSTAMP", "SUMMARY"):
            assert required in event
    summaries = {str(e["SUMMARY"]) for e in events}
    assert any(s.startswith("Action due: ") for s in summaries)
    assert any(s.startswith("Milestone: ") for s in summaries)
    assert any(s.startswith("Payment due: ") for s in summaries)


def test_uids_are_stable_across_exports_and_derived_from_the_record(demo, portfolio, alliance):
    first, _ = calendar_bytes(demo)
    second, _ = calendar_bytes(demo)
    assert first == second  # an unchanged portfolio exports byte for byte the same
    action = portfolio.add(
        ActionItem, alliance_id=alliance.id, title="Send term sheet", due_date=date(2026, 5, 4)
    )
    (event,) = events_of(calendar_bytes(portfolio)[0])
    uid, sequence = str(event["UID"]), int(event["SEQUENCE"])
    assert uid == f"{action.id}-action@alliance-desk"
    portfolio.update(action, due_date=date(2026, 5, 11), title="Send the term sheet")
    (moved,) = events_of(calendar_bytes(portfolio)[0])
    assert str(moved["UID"]) == uid
    assert moved.decoded("DTSTART") == date(2026, 5, 11)
    assert int(moved["SEQUENCE"]) >= sequence


def test_one_alliance_calendar_holds_only_its_events(demo):
    corvane = demo.alliances()[0]
    data, count = calendar_bytes(demo, corvane)
    assert count > 0
    assert all(corvane.name in str(e["SUMMARY"]) for e in events_of(data))
