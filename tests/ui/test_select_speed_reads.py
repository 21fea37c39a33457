"""Selecting an alliance reads each table once for all tabs (issue 10): what the tabs keep for
the selection, and the statements Portfolio.all keeps, never show an earlier state of the file."""

from datetime import date

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QTableView

from alliance_desk.models import (
    ActionItem,
    Decision,
    Meeting,
    Milestone,
    Risk,
    Stakeholder,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.main_window import MainWindow
from alliance_desk.ui.record_tab import cells_width
from alliance_desk.ui.workspace_tabs import WORKSPACE_TABS
from tests.conftest import PASSPHRASE


def test_portfolio_all_answers_each_call_for_its_own_values(portfolio):
    helios = portfolio.find_alliance("Helios Oncology")
    orion = portfolio.add_alliance("Orion Devices")
    for alliance, titles in ((helios, ["Kick-off", "Pilot"]), (orion, ["Launch"])):
        for title in titles:
            portfolio.add(Milestone, alliance_id=alliance.id, title=title)
    first = portfolio.add(ActionItem, alliance_id=helios.id, title="Call the partner")
    portfolio.add(ActionItem, alliance_id=helios.id, title="Owned", owner_name="Ada")

    # the same shape (model, keys) asked again with other values, and with None (IS NULL)
    assert [m.title for m in portfolio.all(Milestone, alliance_id=helios.id)] == [
        "Kick-off",
        "Pilot",
    ]
    assert [m.title for m in portfolio.all(Milestone, alliance_id=orion.id)] == ["Launch"]
    assert [a.title for a in portfolio.all(ActionItem, alliance_id=helios.id, owner_id=None)] == [
        "Call the partner",
        "Owned",
    ]
    assert portfolio.all(ActionItem, alliance_id=helios.id, owner_name="Ada")[0].title == "Owned"
    portfolio.delete(first)
    assert [a.title for a in portfolio.all(ActionItem, alliance_id=helios.id)] == ["Owned"]
    assert [a.title for a in portfolio.all(ActionItem, True, alliance_id=helios.id)] == [
        "Call the partner",
        "Owned",
    ]


def test_portfolio_get_reads_a_record_again_after_a_reload(portfolio, portfolio_file):
    helios = portfolio.find_alliance("Helios Oncology")
    action = portfolio.add(ActionItem, alliance_id=helios.id, title="Draft")
    assert portfolio.get(ActionItem, action.id) is action  # loaded: no read
    with Portfolio.open(portfolio_file, PASSPHRASE, take_over_lock=True) as other:
        other.update(other.get(ActionItem, action.id), title="Signed")
    portfolio.reload()  # after a merge or sync: what this window holds is out of date
    assert portfolio.get(ActionItem, action.id).title == "Signed"
    portfolio.delete(action)
    assert portfolio.get(ActionItem, action.id) is None
    assert portfolio.get(ActionItem, action.id, include_deleted=True).title == "Signed"
    assert portfolio.get(ActionItem, "no-such-id") is None


@pytest.fixture
def window(qtbot, portfolio_file):
    """The main window on a portfolio of two alliances, every tab built, Helios selected."""
    with Portfolio.open(portfolio_file, PASSPHRASE) as setup:
        setup.add_alliance("Orion Devices")
    window = MainWindow(remember=False)
    qtbot.addWidget(window)
    portfolio = Portfolio.open(portfolio_file, PASSPHRASE)
    window.set_portfolio(portfolio, PASSPHRASE)
    window.show()
    select(window, "Helios Oncology")
    yield window
    window.close_portfolio()


def select(window: MainWindow, name: str) -> None:
    """Select an alliance and look at every tab, as the benchmark does."""
    alliance = window.portfolio.find_alliance(name)
    window.sidebar.select_alliance(alliance.id)
    look(window)


def look(window: MainWindow) -> None:
    QApplication.processEvents()
    for title in WORKSPACE_TABS:
        window.workspace.tab(title)
    QApplication.processEvents()


def titles(tab) -> list[str]:
    return [row.title for row in tab.table.visible_rows()]


def test_tabs_show_records_added_after_the_selection_was_read(window):
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    portfolio.add(ActionItem, alliance_id=helios.id, title="Send the term sheet")
    portfolio.add(Milestone, alliance_id=helios.id, title="First patient in")
    look(window)
    assert titles(window.workspace.tab("Actions")) == ["Send the term sheet"]
    assert titles(window.workspace.tab("Milestones")) == ["First patient in"]
    assert window.workspace.tab("Overview").glance.count("open_actions") == 1

    portfolio.add(ActionItem, alliance_id=helios.id, title="Book the room")
    look(window)
    assert sorted(titles(window.workspace.tab("Actions"))) == [
        "Book the room",
        "Send the term sheet",
    ]
    assert window.workspace.tab("Overview").glance.count("open_actions") == 2


def test_people_and_meetings_added_are_offered_when_the_alliance_is_shown_again(window):
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    portfolio.add(Decision, alliance_id=helios.id, title="Go or no go")
    portfolio.add(Risk, alliance_id=helios.id, title="Supply runs short")
    portfolio.add_own_item(helios, "Agree the exit terms")
    select(window, "Orion Devices")
    select(window, "Helios Oncology")
    decisions = window.workspace.tab("Decisions")
    risks = window.workspace.tab("Risks")
    lifecycle = window.workspace.tab("Lifecycle")
    for tab in (decisions, risks, lifecycle):
        assert tab.panel.record is not None  # the first row's form shows
    assert decisions.panel.form.field("meeting_id")._options == []
    assert "Ada Byron" not in risks.panel.form.field("owner_name")._names

    held = portfolio.add(Meeting, alliance_id=helios.id, title="Steering", held_on=date(2026, 3, 2))
    person = portfolio.add(Stakeholder, name="Ada Byron")
    portfolio.link_stakeholder(helios, person, role="Sponsor")
    select(window, "Orion Devices")
    select(window, "Helios Oncology")

    options = decisions.panel.form.field("meeting_id")._options
    assert [ident for ident, _label in options] == [held.id]
    assert [p.name for p in window.workspace.tab("Stakeholders").people] == ["Ada Byron"]
    assert lifecycle.panel.form.field("owner_name")._names == ["Ada Byron"]
    assert "Ada Byron" in risks.panel.form.field("owner_name")._names

    portfolio.add(Stakeholder, name="Grace Hopper")  # not linked: offered to risks only
    select(window, "Orion Devices")
    select(window, "Helios Oncology")
    assert "Grace Hopper" in risks.panel.form.field("owner_name")._names
    assert lifecycle.panel.form.field("owner_name")._names == ["Ada Byron"]


def test_stage_moves_and_checklist_edits_show_at_once(window):
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    overview = window.workspace.tab("Overview")
    lifecycle = window.workspace.tab("Lifecycle")
    before = len(lifecycle.header.history.model.rows)

    portfolio.move_stage(helios, "governance")
    look(window)
    assert len(lifecycle.header.history.model.rows) == before + 1
    assert "(current)" in overview.glance.history.text()
    assert "<b>Governance</b> (current)" in overview.glance.history.text()

    item = portfolio.add_own_item(helios, "Agree the exit terms")
    look(window)
    assert "Agree the exit terms" in [row.text for row in lifecycle.table.model.rows]
    open_before = [row.status for row in lifecycle.table.model.rows].count("open")
    texts_before = list(lifecycle.header.progress_texts)
    portfolio.set_checklist_status(item, "done")
    look(window)
    assert [row.status for row in lifecycle.table.model.rows].count("open") == open_before - 1
    assert lifecycle.header.progress_texts != texts_before


def test_reselecting_reads_what_another_connection_wrote(window, portfolio_file):
    helios = window.portfolio.find_alliance("Helios Oncology")
    assert titles(window.workspace.tab("Actions")) == []
    with Portfolio.open(portfolio_file, PASSPHRASE, take_over_lock=True) as other:
        other.add(ActionItem, alliance_id=helios.id, title="Written elsewhere")
    select(window, "Orion Devices")
    select(window, "Helios Oncology")
    assert titles(window.workspace.tab("Actions")) == ["Written elsewhere"]


def test_cells_width_measures_texts_again_in_another_font(qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    small = cells_width(view, {"Renewal or exit"})
    font = view.font()
    font.setPointSize(font.pointSize() * 2)
    view.setFont(font)
    large = cells_width(view, {"Renewal or exit"})
    assert large > small
    assert large >= QFontMetricsF(font).horizontalAdvance("Renewal or exit")
