"""The Dashboard counts what needs attention across the portfolio, one row per alliance."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from alliance_desk import clock
from alliance_desk.models import ActionItem, Decision, Risk
from alliance_desk.ui.dashboard_tab import DashboardTab

OPEN, OVERDUE, RISKS = 6, 7, 8  # count columns


@pytest.fixture
def dashboard(context, qtbot) -> DashboardTab:
    tab = DashboardTab(context)
    qtbot.addWidget(tab)
    return tab


def row_of(dashboard: DashboardTab, name: str) -> list[str]:
    model = dashboard.table.model
    number = next(i for i, r in enumerate(model.rows) if r.alliance.name == name)
    return [model.data(model.index(number, c)) for c in range(model.columnCount())]


def fill(portfolio):
    today = clock.today()
    helios = portfolio.find_alliance("Helios Oncology")
    atlas = portfolio.add_alliance("Atlas Data", partner="Nimbus", importance="high")
    late, soon = today - timedelta(days=2), today + timedelta(days=10)
    for alliance, dues in [(helios, [late, late, soon]), (atlas, [late, None])]:
        for due in dues:
            portfolio.add(ActionItem, alliance_id=alliance.id, title="Do", due_date=due)
    portfolio.add(ActionItem, alliance_id=atlas.id, title="Done", due_date=late, status="done")
    portfolio.add(Risk, alliance_id=helios.id, title="Supply")
    portfolio.add(Decision, alliance_id=helios.id, title="Budget", due_date=soon)
    portfolio.add(Decision, alliance_id=atlas.id, title="Japan", due_date=today + timedelta(60))
    return helios, atlas, soon


def test_dashboard_counts_overdue_actions_per_alliance_and_in_total(portfolio, context, qtbot):
    helios, atlas, soon = fill(portfolio)
    dashboard = DashboardTab(context)
    qtbot.addWidget(dashboard)
    helios_row = row_of(dashboard, "Helios Oncology")
    assert helios_row[:3] == ["Helios Oncology", "● No data", "Formation"]
    assert [helios_row[c] for c in (OPEN, OVERDUE, RISKS)] == ["3", "2", "1"]
    atlas_row = row_of(dashboard, "Atlas Data")
    assert [atlas_row[c] for c in (OPEN, OVERDUE, RISKS)] == ["2", "1", "0"]
    assert atlas_row[4] == "High"
    assert dashboard.summary() == "2 alliances · 3 overdue actions · 1 decision due in 30 days"


def test_dashboard_marks_alliances_with_overdue_actions_in_red(portfolio, context, qtbot):
    fill(portfolio)
    dashboard = DashboardTab(context)
    qtbot.addWidget(dashboard)
    model = dashboard.table.model
    colour = model.data(model.index(0, OVERDUE), Qt.ItemDataRole.ForegroundRole)
    assert colour is not None


def test_dashboard_refreshes_when_an_action_becomes_done(portfolio, context, dashboard, qtbot):
    helios = portfolio.find_alliance("Helios Oncology")
    late = clock.today() - timedelta(days=1)
    action = portfolio.add(ActionItem, alliance_id=helios.id, title="Late", due_date=late)
    qtbot.waitUntil(lambda: row_of(dashboard, "Helios Oncology")[OVERDUE] == "1")
    portfolio.update(action, status="done")
    qtbot.waitUntil(lambda: row_of(dashboard, "Helios Oncology")[OVERDUE] == "0")
    assert dashboard.summary().startswith("1 alliance · 0 overdue actions")


def test_dashboard_leaves_out_archived_alliances(portfolio, context, dashboard, qtbot):
    portfolio.archive(portfolio.add_alliance("Old deal"))
    qtbot.wait(10)
    assert [r.alliance.name for r in dashboard.table.model.rows] == ["Helios Oncology"]


def test_dashboard_lists_every_alliance_and_highlights_the_selected_one(portfolio, dashboard):
    atlas = portfolio.add_alliance("Atlas Data")
    dashboard.table.refresh()
    dashboard.set_alliance(atlas)
    assert dashboard.table.model.rowCount() == 2
    selected = dashboard.table.view.selectionModel().selectedRows()
    assert [dashboard.table.proxy.data(index) for index in selected] == ["Atlas Data"]
    dashboard.set_alliance(None)
    dashboard.set_read_only(True)
    assert dashboard.table.model.rowCount() == 2
    assert not dashboard.table.view.selectionModel().selectedRows()


def test_dashboard_double_click_asks_to_select_the_alliance(portfolio, dashboard, qtbot):
    view = dashboard.table.view
    dashboard.show()
    qtbot.waitExposed(dashboard)
    where = view.visualRect(dashboard.table.proxy.index(0, 0)).center()
    with qtbot.waitSignal(dashboard.alliance_activated, timeout=1000) as signal:
        # a view only takes a double click that follows a press, as a real one does
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert signal.args[0].name == "Helios Oncology"


def test_a_hidden_dashboard_catches_up_when_its_tab_is_shown(portfolio, context, qtbot):
    """Behind another tab the Dashboard waits (its reload costs 0.6 s at 300 alliances); it
    shows the edits made meanwhile as soon as its tab is shown."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    dashboard = DashboardTab(context)
    tabs.addTab(dashboard, "Dashboard")
    tabs.addTab(QLabel("Actions"), "Actions")
    tabs.show()
    tabs.setCurrentIndex(1)
    helios = portfolio.find_alliance("Helios Oncology")
    late = clock.today() - timedelta(days=1)
    portfolio.add(ActionItem, alliance_id=helios.id, title="Late", due_date=late)
    qtbot.wait(20)  # the event loop runs: a shown table would reload now
    model = dashboard.table.model
    assert [r.counts.overdue_actions for r in model.rows] == [0]  # waited
    tabs.setCurrentIndex(0)
    assert row_of(dashboard, "Helios Oncology")[OVERDUE] == "1"  # before it is painted


@pytest.mark.parametrize("days", [-400, 0, 30, 400])
def test_counts_from_groups_of_alike_actions_equal_counts_over_every_action(demo_file, days):
    """The Dashboard counts actions in groups the database forms (status; due date past, not
    past, none); each count must equal the rules applied to every single action."""
    from collections import defaultdict

    from alliance_desk.insights.status import alliance_counts
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.ui.dashboard_tab import dashboard_rows

    today = clock.today() + timedelta(days=days)
    with Portfolio.open(demo_file, "demo") as demo:
        alliance = demo.alliances()[0]
        demo.add(ActionItem, alliance_id=alliance.id, title="Undated")  # a group of its own
        every = defaultdict(list)
        for action in demo.tracking_rows(ActionItem):
            every[action.alliance_id].append(action)
        rows = dashboard_rows(demo, today)
        assert len(demo.action_groups(today)) < sum(map(len, every.values()))
        for row in rows:
            expected = alliance_counts(every[row.id], [], [], today)
            assert (row.counts.open_actions, row.counts.overdue_actions) == (
                expected.open_actions,
                expected.overdue_actions,
            ), row.alliance.name
        assert sum(row.counts.overdue_actions for row in rows) > 0 or days < 0


def test_dashboard_columns_fit_their_texts_and_short_columns_stay_narrow(portfolio, dashboard):
    portfolio.add_alliance("Atlas Data", stage="evaluation")
    dashboard.show()
    dashboard.table.refresh()
    model, view = dashboard.table.model, dashboard.table.view
    header = view.horizontalHeader()
    names = [column.header for column in dashboard.table.spec.columns]
    stage = names.index("Stage")
    texts = [model.data(model.index(r, stage)) for r in range(model.rowCount())]
    assert "Evaluation" in texts
    widest = max(view.fontMetrics().horizontalAdvance(text) for text in texts)
    assert header.sectionSize(stage) >= widest + 6  # each stage shows whole, no "…"
    renewal = names.index("Renewal")  # no dates: as wide as its header and the sort arrow
    words = header.fontMetrics().horizontalAdvance("Renewal")
    assert words + 22 <= header.sectionSize(renewal) <= words + 40


def click_header(qtbot, table, column: int) -> None:
    header = table.view.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def shown_names(dashboard: DashboardTab) -> list[str]:
    return [row.alliance.name for row in dashboard.table.visible_rows()]


def test_dashboard_sorts_by_a_clicked_column_keeps_it_and_the_selected_alliance(
    portfolio, context, dashboard, qtbot
):
    for name, importance in [("beta Labs", "low"), ("Zeta Bio", "high"), ("alpha Rx", "medium")]:
        portfolio.add_alliance(name, importance=importance)
    qtbot.waitUntil(lambda: len(dashboard.table.model.rows) == 4)
    assert shown_names(dashboard) == ["alpha Rx", "beta Labs", "Helios Oncology", "Zeta Bio"]
    dashboard.table.select(portfolio.find_alliance("beta Labs").id)

    click_header(qtbot, dashboard.table, 0)  # the same column again: descending
    assert shown_names(dashboard) == ["Zeta Bio", "Helios Oncology", "beta Labs", "alpha Rx"]
    click_header(qtbot, dashboard.table, 4)  # Importance: the vocabulary's order, not A-Z;
    # alliances alike stay in the order they were loaded in (by name), as Qt's sort kept them
    assert shown_names(dashboard) == ["Zeta Bio", "alpha Rx", "Helios Oncology", "beta Labs"]
    selected = dashboard.table.view.selectionModel().selectedRows()
    assert [dashboard.table.proxy.mapToSource(i).row() for i in selected] == [3]  # followed

    portfolio.add_alliance("Omega Tx", importance="high")  # a reload keeps the sort, and
    qtbot.waitUntil(lambda: len(dashboard.table.model.rows) == 5)  # alike rows stay put
    assert shown_names(dashboard) == [
        "Omega Tx",
        "Zeta Bio",
        "alpha Rx",
        "Helios Oncology",
        "beta Labs",
    ]
    qtbot.keyClicks(dashboard.table.filter, "bio")  # the filter still narrows
    assert shown_names(dashboard) == ["Zeta Bio"]
