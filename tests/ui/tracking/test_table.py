"""The tracking table filters and sorts its own rows: words typed in the filter box, a quick
filter, a click on a header; the selection follows its record through all of them."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from alliance_desk.models import ActionItem
from tests.ui.tracking.conftest import CTRL, row_titles, select

TODAY = date(2026, 6, 15)
ACTION = 0  # the Action column of one alliance's table


@pytest.fixture
def actions(portfolio, alliance):
    """Five actions; the table lists them by due date."""
    for days, title, fields in (
        (-5, "Plan the review", {}),
        (-2, "Send CMC plan", {"owner_name": "Rui Tavares"}),
        (3, "Review the budget", {}),
        (10, "Book JSC room", {"status": "done"}),
        (20, "Close REVIEW minutes", {}),
    ):
        portfolio.add(
            ActionItem,
            alliance_id=alliance.id,
            title=title,
            due_date=TODAY + timedelta(days),
            **fields,
        )
    return alliance


def click_header(qtbot, tab, section: int) -> None:
    header = tab.table.view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def clear_filter(qtbot, tab) -> None:
    qtbot.keyClick(tab.table.filter, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(tab.table.filter, Qt.Key.Key_Backspace)


def test_table_filter_then_header_clicks_sort_only_the_matching_rows(open_tab, actions, qtbot):
    tab = open_tab("Actions")
    qtbot.keyClicks(tab.table.filter, "review")  # any case, anywhere in the title
    assert row_titles(tab) == ["Plan the review", "Review the budget", "Close REVIEW minutes"]
    assert "5 actions" in tab.table.count_text and "3 shown" in tab.table.count_text
    click_header(qtbot, tab, ACTION)
    assert row_titles(tab) == ["Close REVIEW minutes", "Plan the review", "Review the budget"]
    click_header(qtbot, tab, ACTION)
    assert row_titles(tab) == ["Review the budget", "Plan the review", "Close REVIEW minutes"]
    # the view shows what the rows say, in that order
    model = tab.table.view.model()
    assert [model.index(r, ACTION).data() for r in range(model.rowCount())] == row_titles(tab)

    clear_filter(qtbot, tab)  # every row comes back, in the order clicked last
    assert row_titles(tab) == [
        "Send CMC plan",
        "Review the budget",
        "Plan the review",
        "Close REVIEW minutes",
        "Book JSC room",
    ]
    assert "shown" not in tab.table.count_text


def test_table_words_match_in_any_order_and_across_fields(open_tab, actions, qtbot):
    tab = open_tab("Actions")
    qtbot.keyClicks(tab.table.filter, "budget REV")
    assert row_titles(tab) == ["Review the budget"]
    clear_filter(qtbot, tab)
    qtbot.keyClicks(tab.table.filter, "tavares")  # the owner
    assert row_titles(tab) == ["Send CMC plan"]
    qtbot.keyClick(tab.table.filter, Qt.Key.Key_X)
    assert row_titles(tab) == []
    qtbot.keyClick(tab.table.filter, Qt.Key.Key_Backspace)  # back to the list found before
    assert row_titles(tab) == ["Send CMC plan"]


def test_table_words_and_a_quick_filter_narrow_together(open_tab, actions, qtbot):
    tab = open_tab("Actions")
    tab.set_quick_filter("overdue")
    assert row_titles(tab) == ["Plan the review", "Send CMC plan"]
    qtbot.keyClicks(tab.table.filter, "review")
    assert row_titles(tab) == ["Plan the review"]
    clear_filter(qtbot, tab)  # the quick filter stays
    assert row_titles(tab) == ["Plan the review", "Send CMC plan"]
    qtbot.keyClicks(tab.table.filter, "review")
    tab.set_quick_filter("all")  # the words stay
    assert row_titles(tab) == ["Plan the review", "Review the budget", "Close REVIEW minutes"]


def test_table_selection_follows_its_record_while_the_filter_lists_it(open_tab, actions, qtbot):
    tab = open_tab("Actions")
    select(tab, "Review the budget")
    qtbot.waitUntil(lambda: tab.panel.record is not None)
    assert tab.panel.record.title == "Review the budget"
    qtbot.keyClicks(tab.table.filter, "review")
    assert tab.table.selected_ids() == [tab.panel.record.id]
    click_header(qtbot, tab, ACTION)
    assert [r.title for r in tab.table.selected_rows()] == ["Review the budget"]
    assert tab.panel.record.title == "Review the budget"

    qtbot.keyClicks(tab.table.filter, " close")  # the record is no longer listed
    assert row_titles(tab) == ["Close REVIEW minutes"]
    assert tab.table.selected_ids() == []
    qtbot.waitUntil(lambda: tab.panel.record is None)  # the form does not edit a hidden row


def test_table_edit_moves_a_record_in_or_out_of_the_filter(open_tab, portfolio, actions, qtbot):
    tab = open_tab("Actions")
    qtbot.keyClicks(tab.table.filter, "review")
    by_title = {a.title: a for a in portfolio.all(ActionItem)}
    portfolio.update(by_title["Plan the review"], title="Plan the audit")
    qtbot.waitUntil(lambda: row_titles(tab) == ["Review the budget", "Close REVIEW minutes"])
    portfolio.update(by_title["Book JSC room"], title="Book the review room")
    qtbot.waitUntil(
        lambda: (
            row_titles(tab) == ["Review the budget", "Book the review room", "Close REVIEW minutes"]
        )
    )
    clear_filter(qtbot, tab)
    assert len(row_titles(tab)) == 5


def column_numbered(tab, header: str) -> int:
    model = tab.table.view.model()
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    return titles.index(header)


def test_table_equal_rows_keep_their_order_after_clicks_and_a_reload(
    open_tab, actions, portfolio, qtbot
):
    """A header click sorts equal rows as a reload does, so an edit elsewhere (which reloads)
    never reshuffles the rows the user is looking at."""
    tab = open_tab("Actions")
    status = column_numbered(tab, "Status")
    click_header(qtbot, tab, ACTION)  # by title first: a sort from the order shown would keep it
    click_header(qtbot, tab, status)
    clicked = row_titles(tab)
    open_ones = [t for t in clicked if t != "Book JSC room"]
    assert open_ones != sorted(open_ones, key=str.casefold)  # not left in the title order
    tab.table.refresh()  # what any change the rows cannot be patched for does
    assert row_titles(tab) == clicked
    click_header(qtbot, tab, status)  # the other way round: equal rows still as loaded
    reversed_clicked = row_titles(tab)
    assert [t for t in reversed_clicked if t != "Book JSC room"] == open_ones
    tab.table.refresh()
    assert row_titles(tab) == reversed_clicked
