"""The read-only record tabs list the selected alliance's records, sorted, filtered, marked."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from alliance_desk import clock
from alliance_desk.models import (
    ActionItem,
)
from alliance_desk.ui.fields import ERROR_COLOUR
from alliance_desk.ui.record_tab import NO_ALLIANCE_TEXT, RecordTab
from alliance_desk.ui.tracking.columns import SOON_COLOUR
from alliance_desk.ui.workspace_tabs import PORTFOLIO_TABS, WORKSPACE_TABS, make_tab

DUE = 3  # the Due column of the Actions tab


def open_tab(title, context, alliance, qtbot) -> RecordTab:
    tab = make_tab(title, context)
    qtbot.addWidget(tab)
    tab.set_alliance(alliance)
    return tab


def add_actions(portfolio, alliance) -> None:
    today = clock.today()
    add = portfolio.add
    add(ActionItem, alliance_id=alliance.id, title="Send CMC plan", due_date=today - timedelta(5))
    add(
        ActionItem,
        alliance_id=alliance.id,
        title="Book JSC room",
        due_date=today - timedelta(9),
        status="done",
    )
    add(ActionItem, alliance_id=alliance.id, title="Agree budget", due_date=today + timedelta(7))
    other = portfolio.add_alliance("Atlas Data", partner="Nimbus")
    add(ActionItem, alliance_id=other.id, title="Not this alliance", due_date=today - timedelta(1))


def cell(tab: RecordTab, title: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = tab.table.model
    row = next(i for i, r in enumerate(model.rows) if r.title == title)
    return model.data(model.index(row, column), role)


def test_actions_tab_lists_the_alliance_actions_with_overdue_ones_in_red(
    context, alliance, portfolio, qtbot
):
    add_actions(portfolio, alliance)
    tab = open_tab("Actions", context, alliance, qtbot)
    assert {r.title for r in tab.table.model.rows} == {
        "Send CMC plan",
        "Book JSC room",
        "Agree budget",
    }
    red = Qt.ItemDataRole.ForegroundRole
    assert cell(tab, "Send CMC plan", DUE, red).name() == ERROR_COLOUR
    assert cell(tab, "Send CMC plan", DUE, Qt.ItemDataRole.ToolTipRole) == "Overdue by 5 days"
    due_done = cell(tab, "Book JSC room", DUE, red)  # past due but done: grey, not red
    assert due_done is not None and due_done.name() != ERROR_COLOUR
    assert cell(tab, "Agree budget", DUE, red).name() == SOON_COLOUR  # due within a week
    assert "3 actions · 2 open · 1 overdue" in tab.table.title.text()


def test_actions_tab_shows_labels_and_readable_dates(context, alliance, portfolio, qtbot):
    portfolio.add(
        ActionItem,
        alliance_id=alliance.id,
        title="Sign",
        side="joint",
        status="in_progress",
        due_date=date(2030, 3, 12),
    )
    tab = open_tab("Actions", context, alliance, qtbot)
    assert [cell(tab, "Sign", c) for c in (2, 3, 4)] == ["Joint", "12 Mar 2030", "In progress"]


def test_actions_tab_sorts_by_due_date_not_by_text(context, alliance, portfolio, qtbot):
    for title, due in [("B", date(2030, 2, 1)), ("A", date(2030, 10, 1)), ("C", None)]:
        portfolio.add(ActionItem, alliance_id=alliance.id, title=title, due_date=due)
    tab = open_tab("Actions", context, alliance, qtbot)
    assert [r.title for r in tab.table.visible_rows()] == ["C", "B", "A"]
    header = tab.table.view.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(DUE) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert [r.title for r in tab.table.visible_rows()] == ["A", "B", "C"]


def test_actions_tab_filter_box_narrows_the_rows(context, alliance, portfolio, qtbot):
    add_actions(portfolio, alliance)
    tab = open_tab("Actions", context, alliance, qtbot)
    qtbot.keyClicks(tab.table.filter, "cmc")
    assert [r.title for r in tab.table.visible_rows()] == ["Send CMC plan"]


def test_actions_tab_refreshes_when_an_action_is_added_or_deleted(
    context, alliance, portfolio, qtbot
):
    tab = open_tab("Actions", context, alliance, qtbot)
    assert tab.table.stack.currentWidget() is tab.table.empty
    assert tab.table.empty.text() == "No actions recorded for Helios Oncology yet."
    action = portfolio.add(ActionItem, alliance_id=alliance.id, title="New")
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 1)
    assert tab.table.stack.currentWidget() is tab.table.view
    portfolio.delete(action)
    qtbot.waitUntil(lambda: tab.table.model.rowCount() == 0)


def test_record_tab_without_an_alliance_says_what_to_do(context, qtbot):
    tab = open_tab("Risks", context, None, qtbot)
    assert tab.table.empty.text() == NO_ALLIANCE_TEXT
    assert tab.table.model.rowCount() == 0


def test_make_tab_builds_every_tab_title(context, alliance, qtbot):
    for title in WORKSPACE_TABS + PORTFOLIO_TABS:
        tab = make_tab(title, context)
        qtbot.addWidget(tab)
        assert isinstance(tab, QWidget)
        tab.set_alliance(alliance)
        tab.set_read_only(True)
        tab.set_alliance(None)
    with pytest.raises(KeyError):
        make_tab("Nonsense", context)
