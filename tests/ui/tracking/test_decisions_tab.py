"""The Decisions tab and the upcoming decisions across the portfolio."""

from datetime import date, timedelta

import pytest

from alliance_desk.models import Decision
from tests.ui.tracking.conftest import row_titles

TODAY = date(2026, 6, 15)


@pytest.fixture
def decisions(portfolio, alliance):
    atlas = portfolio.add_alliance("Atlas Data")
    add = portfolio.add
    add(Decision, alliance_id=alliance.id, title="Expansion cohort", due_date=TODAY + timedelta(9))
    add(Decision, alliance_id=atlas.id, title="Japan launch", due_date=TODAY + timedelta(40))
    add(Decision, alliance_id=alliance.id, title="Budget", due_date=TODAY - timedelta(2))
    add(
        Decision,
        alliance_id=alliance.id,
        title="Second CRO",
        status="decided",
        decided_on=TODAY - timedelta(30),
        due_date=TODAY - timedelta(31),
    )
    return atlas


def test_upcoming_decisions_across_the_portfolio_soonest_first(open_tab, decisions, qtbot):
    tab = open_tab("Decisions")
    assert "Japan launch" not in row_titles(tab)
    tab.show_upcoming()
    assert row_titles(tab) == ["Budget", "Expansion cohort", "Japan launch"]
    assert tab.table.portfolio_wide and tab.quick_filter().key == "pending"
    alliance_column = tab.table.model.columns[0]
    assert alliance_column.display(tab.table.visible_rows()[2]) == "Atlas Data"


def test_quick_filters_overdue_and_due_soon(open_tab, decisions):
    tab = open_tab("Decisions")
    tab.set_quick_filter("overdue")
    assert row_titles(tab) == ["Budget"]
    tab.set_quick_filter("soon")
    assert row_titles(tab) == ["Budget", "Expansion cohort"]
    tab.set_quick_filter("decided")
    assert row_titles(tab) == ["Second CRO"]
    assert tab.table.count_text.startswith("3 decisions · 2 pending · next due 24 Jun 2026")


def test_deciding_dates_it_and_a_future_decision_date_is_refused(open_tab, portfolio, decisions):
    tab = open_tab("Decisions")
    record = next(d for d in portfolio.all(Decision) if d.title == "Budget")
    tab.table.select(record.id)
    tab.bulk_status("decided")
    assert (record.status, record.decided_on) == ("decided", TODAY)
    field = tab.panel.form.field("decided_on")
    field.editor.setText("1.1.2027")
    field.committed.emit()
    assert "cannot be in the future" in field.error_text()
    assert record.decided_on == TODAY
