"""The Milestones tab: completing late asks for the root cause first; delivery reliability
per side and period above the table."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import Milestone
from tests.ui.tracking.conftest import CTRL, select, type_into, wait_for_dialog

TODAY = date(2026, 6, 15)


def add(portfolio, alliance, title, due, **fields):
    return portfolio.add(Milestone, alliance_id=alliance.id, title=title, due_date=due, **fields)


def named(portfolio, title) -> Milestone:
    return next(m for m in portfolio.all(Milestone) if m.title == title)


@pytest.fixture
def milestones(portfolio, alliance):
    add(
        portfolio,
        alliance,
        "Protocol signed",
        date(2026, 1, 10),
        status="done",
        completed_on=date(2026, 1, 9),
        owner_side="joint",
    )
    add(
        portfolio,
        alliance,
        "Sites activated",
        date(2026, 2, 10),
        status="missed",
        root_cause="CRO contract late",
        owner_side="ours",
    )
    add(portfolio, alliance, "PK data delivered", date(2026, 5, 1), owner_side="partner")
    add(portfolio, alliance, "Interim data cut", date(2026, 9, 1), owner_side="joint")
    return alliance


def choose(field, value: str) -> None:
    """Pick a value in a choice field as a user does (it is stored at once)."""
    field.editor.setCurrentIndex(field.editor.findData(value))
    field.editor.activated.emit(field.editor.currentIndex())


def test_reliability_strip_by_side_and_quarter(open_tab, milestones, qtbot):
    tab = open_tab("Milestones")
    # counted: protocol (met), sites (missed), PK data (overdue, open): 1 of 3
    assert "Delivery reliability: 33 % on time" in tab.strip.headline.text()
    detail = tab.strip.detail.text()
    assert "Ours 0 % (0 of 1)" in detail and "Partner 0 % (0 of 1)" in detail
    assert "Joint 100 % (1 of 1)" in detail
    assert tab.strip.model.periods == ["2026 Q1", "2026 Q2"]
    assert tab.strip.cell(0, 0) == "50 % (1/2)"
    assert tab.strip.cell(2, 0) == "—"  # partner: nothing due in Q1
    qtbot.mouseClick(tab.strip.buttons.button(0), Qt.MouseButton.LeftButton)  # Month
    assert tab.strip.model.periods == ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026"]
    assert tab.strip.cell(0, 2) == "—"  # March: nothing due, still listed


def test_completing_late_asks_for_the_root_cause_then_stores_both(
    open_tab, portfolio, milestones, qtbot
):
    tab = open_tab("Milestones")
    select(tab, "PK data delivered")
    choose(tab.panel.form.field("status"), "done")
    dialog = wait_for_dialog(qtbot, tab)
    record = named(portfolio, "PK data delivered")
    assert record.status == "planned"  # nothing stored while the question is open
    assert any(
        "45 days after its due date" in label.text()
        for label in dialog.findChildren(type(tab.panel.title))
    )
    dialog.accept()  # no answer: refused
    assert dialog.isVisible() and "Say what caused it" in dialog.field.error_text()
    type_into(qtbot, dialog.field, "The partner changed vendors", finish=None)
    dialog.accept()
    assert (record.status, record.completed_on, record.root_cause) == (
        "done",
        TODAY,
        "The partner changed vendors",
    )
    assert tab.context.undo_stack.count() == 1
    tab.context.undo_stack.undo()
    assert (record.status, record.completed_on, record.root_cause) == ("planned", None, "")


def test_cancelling_the_root_cause_stores_nothing(open_tab, portfolio, milestones, qtbot):
    tab = open_tab("Milestones")
    select(tab, "PK data delivered")
    status = tab.panel.form.field("status")
    choose(status, "missed")
    dialog = wait_for_dialog(qtbot, tab)
    dialog.reject()
    assert named(portfolio, "PK data delivered").status == "planned"
    assert status.label() == "Planned"  # the form shows what is stored again


def test_completing_on_time_asks_nothing(open_tab, portfolio, milestones, qtbot):
    tab = open_tab("Milestones")
    select(tab, "Interim data cut")
    qtbot.keyClick(tab.table.view, Qt.Key.Key_D, CTRL)
    record = named(portfolio, "Interim data cut")
    assert (record.status, record.completed_on) == ("done", TODAY)
    assert tab.dialog is None


def test_no_root_cause_filter(open_tab, portfolio, alliance, milestones, qtbot):
    add(
        portfolio,
        alliance,
        "Late report",
        date(2026, 3, 1),
        status="done",
        completed_on=date(2026, 3, 5),
    )
    tab = open_tab("Milestones")
    tab.set_quick_filter("no_cause")
    assert [r.title for r in tab.table.visible_rows()] == ["Late report"]
    assert "1 without root cause" in tab.table.count_text
