"""The panel under a tracking table: filled from the table's row of the selected record (no
second read), it shows what the record itself shows, before and after edits."""

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QComboBox

from alliance_desk import clock
from alliance_desk.models import ActionItem, Decision, Meeting, Milestone, Payment, Risk
from tests.ui.tracking.conftest import select


def panel_texts(tab) -> dict[str, str]:
    """Everything the panel shows as text: title, status line, fields, attendance."""
    panel = tab.panel
    texts = {"title": panel.title.text(), "header": panel.header.text()}
    for name, entry in panel.form.entries.items():
        editor = entry.field.editor
        shown = editor.currentText() if isinstance(editor, QComboBox) else entry.field.text()
        texts[name] = f"{entry.field.text()} | {shown}"  # the value, and the words shown
    attendance = getattr(tab, "attendance", None)
    if attendance is not None:
        texts["attendance"] = attendance.summary.text()
        texts["invited"] = str(attendance.model.rows and len(attendance.model.rows))
        texts["outcomes"] = repr([item[1].title for item in attendance.outcomes.rows])
    return texts


@pytest.fixture
def records(portfolio, alliance):
    """One record of each kind, most fields filled, linked to a meeting where they can be."""
    today = clock.today()
    meeting = portfolio.add(
        Meeting,
        alliance_id=alliance.id,
        title="Joint steering committee",
        held_on=today - timedelta(days=10),
        status="held",
        location="Basel",
        agenda="Budget\nPilot",
        notes="Agreed the pilot.",
    )
    portfolio.add(
        ActionItem,
        alliance_id=alliance.id,
        title="Send the CMC plan",
        description="With the annex.",
        owner_name="Rui Tavares",
        due_date=today + timedelta(days=3),
        source="meeting",
        source_id=meeting.id,
        impact=4,
        feasibility=2,
    )
    portfolio.add(
        Decision,
        alliance_id=alliance.id,
        title="Fund the pilot",
        meeting_id=meeting.id,
        due_date=today + timedelta(days=20),
        options="Yes or no",
    )
    portfolio.add(
        Milestone,
        alliance_id=alliance.id,
        title="First patient in",
        description="Site 1",
        due_date=today - timedelta(days=2),
    )
    portfolio.add(
        Risk,
        alliance_id=alliance.id,
        title="Supply delay",
        likelihood=3,
        impact=4,
        raised_on=today - timedelta(days=30),
        owner_name="Ada",
        mitigation="Second supplier",
    )
    portfolio.add(
        Payment,
        alliance_id=alliance.id,
        title="Upfront",
        amount=1_900_000.5,
        currency="CHF",
        due_date=today + timedelta(days=12),
    )
    return alliance


@pytest.mark.parametrize(
    "title", ["Actions", "Milestones", "Risks", "Decisions", "Meetings", "Payments"]
)
def test_panel_from_the_row_shows_what_the_record_shows(open_tab, records, title):
    tab = open_tab(title)
    shown = tab.panel.shown_record
    assert shown is not None and not isinstance(shown, tab.model)  # filled from the row
    from_row = panel_texts(tab)
    assert from_row["title"] and from_row["header"]

    tab.panel.reload()  # reads the record and shows it again
    assert isinstance(tab.panel.shown_record, tab.model)
    assert panel_texts(tab) == from_row
    tab.panel.show_none(0)
    tab.panel.show_record(tab.context.portfolio.get(tab.model, shown.id))  # as before
    assert panel_texts(tab) == from_row


def test_panel_shows_an_edit_made_elsewhere_before_the_table_catches_up(
    open_tab, portfolio, alliance, qtbot
):
    today = clock.today()
    first = portfolio.add(
        ActionItem, alliance_id=alliance.id, title="Plan the review", due_date=today
    )
    portfolio.add(
        ActionItem, alliance_id=alliance.id, title="Book the room", due_date=today + timedelta(9)
    )
    tab = open_tab("Actions")
    assert tab.panel.shown_record.id == first.id

    # another tab (or window) renames it; the table patches its row a moment later
    portfolio.update(portfolio.get(ActionItem, first.id), title="Plan the audit", impact=5)
    select(tab, "Book the room")
    select(tab, "Plan the review")  # the row still has the old title: the form must not
    assert tab.panel.title.text().count("Plan the audit") == 1
    assert tab.panel.form.field("title").text() == "Plan the audit"
    assert tab.panel.form.field("impact").text() == "5"

    qtbot.waitUntil(lambda: [r.title for r in tab.table.visible_rows()][0] == "Plan the audit")
    select(tab, "Book the room")
    select(tab, "Plan the audit")  # from the patched row again
    assert not isinstance(tab.panel.shown_record, ActionItem)
    assert tab.panel.form.field("title").text() == "Plan the audit"
    assert tab.panel.form.field("impact").text() == "5"


def test_panel_edit_of_a_row_shown_record_is_stored_and_undone(open_tab, portfolio, records, qtbot):
    from tests.ui.tracking.conftest import type_into

    tab = open_tab("Payments")
    assert not isinstance(tab.panel.shown_record, Payment)
    type_into(qtbot, tab.panel.form.field("title"), "Upfront fee")
    stored = portfolio.all(Payment, alliance_id=records.id)[0]
    assert stored.title == "Upfront fee"
    assert "Upfront fee" in tab.panel.title.text()
    tab.context.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.panel.form.field("title").text() == "Upfront")
    assert portfolio.all(Payment, alliance_id=records.id)[0].title == "Upfront"
