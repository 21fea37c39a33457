"""The Meetings tab: attendance ticked and undone, people invited, actions and decisions
created from inside the meeting, and the attendance strip with its trend."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import ActionItem, Decision, Meeting, MeetingAttendee, Stakeholder
from alliance_desk.ui.tracking.attendance import CAME
from tests.ui.tracking.conftest import row_titles, select, wait_for_dialog

TODAY = date(2026, 6, 15)


@pytest.fixture
def jsc(portfolio, alliance):
    """Four held JSCs (attendance falling on the partner side) and one planned."""
    ours = portfolio.add(Stakeholder, name="Maren Lindqvist", side="ours")
    theirs = portfolio.add(Stakeholder, name="Rachel Imbert", side="partner")
    portfolio.link_stakeholder(alliance, ours, "Alliance manager")
    portfolio.link_stakeholder(alliance, theirs, "Partner CEO")
    came = [(True, True), (True, True), (True, False), (True, False)]
    meetings = []
    for number, (days_ago, (we, they)) in enumerate(zip((120, 90, 60, 30), came, strict=True)):
        meeting = portfolio.add(
            Meeting,
            alliance_id=alliance.id,
            title=f"JSC {number + 1}",
            held_on=TODAY - timedelta(days=days_ago),
            status="held",
        )
        for person, present in ((ours, we), (theirs, they)):
            portfolio.add(
                MeetingAttendee, meeting_id=meeting.id, stakeholder_id=person.id, attended=present
            )
        meetings.append(meeting)
    portfolio.add(
        Meeting, alliance_id=alliance.id, title="JSC 5", held_on=TODAY + timedelta(days=60)
    )
    return meetings


def test_meetings_list_attendance_and_the_strip_shows_the_trend(open_tab, jsc, qtbot):
    tab = open_tab("Meetings")
    assert row_titles(tab)[:2] == ["JSC 5", "JSC 4"]  # newest first
    attendance = tab.table.model.columns[4]
    rows = {row.title: row for row in tab.table.model.rows}
    assert attendance.display(rows["JSC 4"]) == "50 % (1 of 2)"
    assert attendance.display(rows["JSC 1"]) == "100 % (2 of 2)"
    assert attendance.display(rows["JSC 5"]) == ""  # nobody invited yet
    headline = tab.strip.headline.text()
    assert "Attendance 67 %" in headline  # the latest three: 4 of 6
    assert "Partner side falling: 100 % → 0 %" in tab.strip.detail.text()
    assert tab.strip.cell(0, 0) == "100 % (4/4)"  # 2026 Q1: JSC 1 and 2


def test_ticking_came_is_stored_and_undone(open_tab, portfolio, jsc, qtbot):
    tab = open_tab("Meetings")
    select(tab, "JSC 4")
    model = tab.attendance.model
    number = next(i for i, (_a, p) in enumerate(model.rows) if p.name == "Rachel Imbert")
    index = model.index(number, CAME)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    row = model.rows[number][0]
    assert portfolio.get(MeetingAttendee, row.id).attended is True
    qtbot.waitUntil(lambda: "100 % (2 of 2)" in tab.attendance.summary.text())
    tab.context.undo_stack.undo()
    assert portfolio.get(MeetingAttendee, row.id).attended is False


def test_inviting_people_adds_them_in_one_step(open_tab, portfolio, alliance, jsc, qtbot):
    tab = open_tab("Meetings")
    select(tab, "JSC 5")
    assert "Nobody invited" in tab.attendance.summary.text()
    qtbot.mouseClick(tab.attendance.invite_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.attendance.model.rows) == 2)
    assert "2 invited (not held yet)" in tab.attendance.summary.text()
    tab.context.undo_stack.undo()
    qtbot.waitUntil(lambda: len(tab.attendance.model.rows) == 0)


def test_action_created_from_a_meeting_with_the_keyboard(open_tab, portfolio, jsc, qtbot):
    tab = open_tab("Meetings")
    view = tab.table.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # JSC 5, the first row
    qtbot.keyClick(view, Qt.Key.Key_Down)  # JSC 4
    assert tab.current_meeting().title == "JSC 4"
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "New &action…"
    dialog = wait_for_dialog(qtbot, tab)
    assert dialog.windowTitle() == "New action from this meeting"
    title = dialog.form.field("title").editor
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Send the revised plan")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    due = dialog.form.field("due_date").editor
    due.setFocus()
    qtbot.keyClicks(due, "1.5.2026")  # before the meeting: refused beside the field
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert "before the meeting it came from" in dialog.errors()["due_date"]
    assert portfolio.all(ActionItem) == []
    qtbot.keyClick(due, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(due, "30.6.2026")
    qtbot.keyClick(due, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (action,) = portfolio.all(ActionItem)
    meeting = jsc[3]
    assert (action.title, action.source, action.source_id) == (
        "Send the revised plan",
        "meeting",
        meeting.id,
    )
    assert action.due_date == date(2026, 6, 30)
    outcomes = tab.attendance.outcomes
    qtbot.waitUntil(lambda: [r[1].title for r in outcomes.rows] == ["Send the revised plan"])
    tab.context.undo_stack.undo()
    qtbot.waitUntil(lambda: outcomes.rows == [])


def test_decision_created_from_a_meeting_links_to_it(open_tab, portfolio, jsc, qtbot):
    tab = open_tab("Meetings")
    select(tab, "JSC 3")
    dialog = tab.new_decision_from_meeting()
    assert dialog.form.field("meeting_id").editor.isEnabled() is False  # fixed to the meeting
    dialog.form.field("title").editor.setText("Add a second CRO?")
    dialog.accept()
    (decision,) = portfolio.all(Decision)
    assert decision.meeting_id == jsc[2].id and decision.forum == "jsc"
    qtbot.waitUntil(lambda: len(tab.attendance.outcomes.rows) == 1)
    assert tab.attendance.outcomes.rows[0][0] == "Decision"


def test_a_held_meeting_cannot_move_into_the_future(open_tab, portfolio, jsc, qtbot):
    tab = open_tab("Meetings")
    select(tab, "JSC 4")
    field = tab.panel.form.field("held_on")
    field.editor.setFocus()
    field.editor.setText("1 Jan 2027")
    field.committed.emit()
    assert "cannot have been held yet" in field.error_text()
    assert portfolio.get(Meeting, jsc[3].id).held_on == TODAY - timedelta(days=30)


def test_invite_box_offers_whoever_is_not_invited_yet(open_tab, portfolio, jsc, qtbot):
    tab = open_tab("Meetings")
    box = tab.attendance.invite_box

    def offered() -> list[str]:
        return [box.itemText(i) for i in range(box.count())]

    select(tab, "JSC 4")  # both people of the alliance are invited
    assert "Maren Lindqvist (Ours)" not in offered()
    assert "Rachel Imbert (Partner)" not in offered()
    portfolio.add(Stakeholder, name="Ines Duarte", side="partner")  # the people change
    select(tab, "JSC 5")  # nobody invited yet
    assert {"Ines Duarte (Partner)", "Maren Lindqvist (Ours)"} <= set(offered())
    box.setCurrentIndex(offered().index("Ines Duarte (Partner)"))
    qtbot.mouseClick(tab.attendance.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ines Duarte (Partner)" not in offered())
    assert [p.name for _a, p in tab.attendance.model.rows] == ["Ines Duarte"]
    tab.context.undo_stack.undo()
    qtbot.waitUntil(lambda: "Ines Duarte (Partner)" in offered())
