"""The tracking tabs inside the main window: New record shortcuts from any tab (linked to the
selected meeting on the Meetings tab), the portfolio-wide lists in the View menu, the
Dashboard's payment flag, delivery reliability and upcoming decisions."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from shiboken6 import Shiboken

from alliance_desk.models import ActionItem, Decision, Meeting, Milestone, Payment
from alliance_desk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import make_window, shortcut
from tests.ui.tracking.conftest import CTRL, SHIFT

TODAY = date(2026, 6, 15)


@pytest.fixture
def window(qtbot, portfolio_file) -> MainWindow:
    window = make_window(qtbot, [])
    assert window.open_path(portfolio_file, PASSPHRASE)
    return window


def dialog_of(qtbot, tab):
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.dialog)
    return tab.dialog


def test_ctrl_shift_a_from_the_overview_opens_a_new_action(qtbot, window):
    window.workspace.select_tab("Overview")
    shortcut(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    actions = window.workspace.tab("Actions")
    assert window.workspace.current_tab_title() == "Actions"
    dialog = dialog_of(qtbot, actions)
    title = dialog.form.field("title").editor
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Book the JSC room")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [a.title for a in window.portfolio.all(ActionItem)] == ["Book the JSC room"]
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.portfolio.all(ActionItem) == []


def test_ctrl_shift_a_on_a_selected_meeting_links_the_action_to_it(qtbot, window):
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    meeting = portfolio.add(
        Meeting, alliance_id=helios.id, title="JSC", held_on=TODAY, status="held"
    )
    window.workspace.select_tab("Meetings")
    meetings = window.workspace.tab("Meetings")
    qtbot.waitUntil(lambda: meetings.table.model.rowCount() == 1)
    meetings.table.select(meeting.id)
    shortcut(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.workspace.current_tab_title() == "Meetings"  # stays with the meeting
    dialog = dialog_of(qtbot, meetings)
    qtbot.keyClicks(dialog.form.field("title").editor, "Send minutes")
    qtbot.keyClick(dialog.form.field("title").editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (action,) = portfolio.all(ActionItem)
    assert (action.source, action.source_id) == ("meeting", meeting.id)
    # the outcome opens the action in the Actions tab
    outcomes = meetings.attendance
    qtbot.waitUntil(lambda: len(outcomes.outcomes.rows) == 1)
    outcomes.outcome_view.activated.emit(outcomes.outcomes.index(0, 0))
    assert window.workspace.current_tab_title() == "Actions"
    assert window.workspace.tab("Actions").panel.record.id == action.id


def test_view_menu_shows_upcoming_decisions_across_the_portfolio(qtbot, window):
    portfolio = window.portfolio
    atlas = portfolio.add_alliance("Atlas Data")
    helios = portfolio.find_alliance("Helios Oncology")
    portfolio.add(Decision, alliance_id=atlas.id, title="Japan", due_date=date(2030, 1, 1))
    portfolio.add(Decision, alliance_id=helios.id, title="Budget", due_date=date(2029, 1, 1))
    shortcut(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    decisions = window.workspace.tab("Decisions")
    assert window.workspace.current_tab_title() == "Decisions"
    titles = ["Budget", "Japan"]
    qtbot.waitUntil(lambda: [r.title for r in decisions.table.visible_rows()] == titles)


def test_dashboard_flags_payments_and_delivery_and_lists_upcoming_decisions(qtbot, window):
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    portfolio.add(Payment, alliance_id=helios.id, title="Fee", status="disputed", amount=5.0)
    portfolio.add(
        Milestone,
        alliance_id=helios.id,
        title="M",
        due_date=date(2026, 1, 1),
        status="missed",
        root_cause="Late",
    )
    decision = portfolio.add(
        Decision, alliance_id=helios.id, title="Go or no go", due_date=date(2030, 1, 1)
    )
    window.workspace.select_tab("Dashboard")
    dashboard = window.workspace.tab("Dashboard")
    qtbot.waitUntil(lambda: dashboard.decisions.model.rowCount() == 1)
    model = dashboard.table.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[headers.index("Payments")] == "1 disputed"
    assert row[headers.index("On time")] == "0 %"
    index = dashboard.decisions.proxy.index(0, 1)
    assert index.data() == "Go or no go"
    dashboard.decisions.view.doubleClicked.emit(index)
    assert window.workspace.current_tab_title() == "Decisions"
    assert window.workspace.tab("Decisions").panel.record.id == decision.id


def test_no_widget_is_left_without_a_parent(qtbot, window):
    """A parentless widget owned by Python outlives the application and crashes its exit."""
    for title in ("Actions", "Milestones", "Risks", "Decisions", "Meetings", "Payments"):
        window.workspace.select_tab(title)
        tab = window.workspace.tab(title)
        tab.new_record()
        tab.dialog.reject()
    QApplication.processEvents()
    orphans = [
        type(obj).__name__
        for obj in Shiboken.getAllValidWrappers()
        if isinstance(obj, QWidget)
        and obj.parent() is None
        and Shiboken.ownedByPython(obj)
        and not isinstance(obj, QMainWindow | QDialog)
    ]
    assert orphans == []


def test_new_record_shortcuts_are_all_in_the_alliance_menu(window):
    keys = {t: a.shortcut().toString() for t, a in window.new_record_actions.items()}
    assert keys == {
        "Actions": "Ctrl+Shift+A",
        "Milestones": "Ctrl+Shift+M",
        "Risks": "Ctrl+Shift+R",
        "Decisions": "Ctrl+Shift+D",
        "Meetings": "Ctrl+Shift+E",
        "Payments": "Ctrl+Shift+P",
    }
    texts = [a.text() for a in window.alliance_menu.actions()]
    assert "New &action…" in texts


def test_keyboard_flow_action_from_a_meeting_then_overdue_then_done(qtbot, window):
    """From a meeting: Ctrl+Shift+A, type, Enter; open it from the meeting with Enter; the
    Overdue filter lists it; Ctrl+D marks it done and it leaves the filter."""
    portfolio = window.portfolio
    helios = portfolio.find_alliance("Helios Oncology")
    meeting = portfolio.add(
        Meeting, alliance_id=helios.id, title="JSC", held_on=date(2026, 5, 1), status="held"
    )
    window.workspace.select_tab("Meetings")
    meetings = window.workspace.tab("Meetings")
    qtbot.waitUntil(lambda: meetings.table.model.rowCount() == 1)
    view = meetings.table.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert meetings.current_meeting().id == meeting.id
    shortcut(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    dialog = dialog_of(qtbot, meetings)
    title = dialog.form.field("title").editor
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Circulate the minutes")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    due = dialog.form.field("due_date").editor
    due.setFocus()
    qtbot.keyClicks(due, "8.5.2026")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (action,) = portfolio.all(ActionItem)
    assert action.due_date == date(2026, 5, 8)

    outcomes = meetings.attendance.outcome_view
    qtbot.waitUntil(lambda: meetings.attendance.outcomes.rowCount() == 1)
    outcomes.setFocus()
    outcomes.setCurrentIndex(meetings.attendance.outcomes.index(0, 0))
    qtbot.keyClick(outcomes, Qt.Key.Key_Return)
    actions = window.workspace.tab("Actions")
    assert window.workspace.current_tab_title() == "Actions"
    assert actions.panel.record.id == action.id

    actions.set_quick_filter("overdue")
    assert [r.title for r in actions.table.visible_rows()] == ["Circulate the minutes"]
    actions.table.view.setFocus()
    shortcut(qtbot, window, Qt.Key.Key_D, CTRL)
    assert (action.status, action.completed_on) == ("done", TODAY)
    qtbot.waitUntil(lambda: actions.table.visible_rows() == [])
