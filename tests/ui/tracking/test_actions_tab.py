"""The Actions tab: create, edit, mark done, filter, delete and undo — by keyboard where a user
would; bad input is said beside its field and nothing is stored."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import ActionItem, Meeting, Stakeholder
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.tracking.actions import ActionsTab
from alliance_desk.ui.tracking.commands import DeleteRecordsCommand
from alliance_desk.ui.undo import perform
from tests.conftest import PASSPHRASE
from tests.ui.tracking.conftest import CTRL, row_titles, select, type_into, wait_for_dialog

TODAY = date(2026, 6, 15)


def add(portfolio, alliance, title, **fields):
    return portfolio.add(ActionItem, alliance_id=alliance.id, title=title, **fields)


@pytest.fixture
def filled(portfolio, alliance):
    add(
        portfolio, alliance, "Send CMC plan", due_date=TODAY - timedelta(5), impact=5, feasibility=5
    )
    add(portfolio, alliance, "Book JSC room", due_date=TODAY - timedelta(9), status="done")
    add(portfolio, alliance, "Agree budget", due_date=TODAY + timedelta(3), impact=4, feasibility=2)
    add(
        portfolio,
        alliance,
        "Draft charter",
        due_date=TODAY + timedelta(30),
        impact=2,
        feasibility=5,
    )
    add(portfolio, alliance, "Unscored idea")
    return alliance


def test_new_action_with_the_keyboard_is_stored_and_undone(open_tab, portfolio, qtbot):
    tab: ActionsTab = open_tab("Actions")
    qtbot.keyClick(tab.table.view, Qt.Key.Key_Insert)
    dialog = wait_for_dialog(qtbot, tab)
    title = dialog.form.field("title").editor
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Send the revised site plan")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = portfolio.all(ActionItem)
    assert [(a.title, a.status, a.side, a.source) for a in stored] == [
        ("Send the revised site plan", "open", "ours", "other")
    ]
    qtbot.waitUntil(lambda: row_titles(tab) == ["Send the revised site plan"])
    assert tab.panel.record.id == stored[0].id  # the new action is selected, its form shown
    tab.context.undo_stack.undo()
    assert portfolio.all(ActionItem) == []
    tab.context.undo_stack.redo()
    assert [a.id for a in portfolio.all(ActionItem)] == [stored[0].id]  # the same row again


def test_new_action_dialog_takes_every_field(open_tab, portfolio, alliance, qtbot):
    anna = portfolio.add(Stakeholder, name="Anna Berg")
    tab = open_tab("Actions")
    tab.new_record()
    dialog = wait_for_dialog(qtbot, tab)
    form = dialog.form
    type_into(qtbot, form.field("title"), "Call the partner's CFO", finish=Qt.Key.Key_Tab)
    type_into(qtbot, form.field("description"), "About the invoice", finish=None)
    type_into(qtbot, form.field("owner"), "anna berg", finish=Qt.Key.Key_Tab)
    form.field("side").editor.setCurrentIndex(2)  # Joint
    type_into(qtbot, form.field("due_date"), "30.06.2026", finish=Qt.Key.Key_Tab)
    type_into(qtbot, form.field("impact"), "5", finish=Qt.Key.Key_Tab)
    type_into(qtbot, form.field("feasibility"), "4", finish=Qt.Key.Key_Tab)
    qtbot.keyClick(form.field("title").editor, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (action,) = portfolio.all(ActionItem)
    assert (action.owner_id, action.owner_name) == (anna.id, "Anna Berg")
    assert (action.side, action.due_date, action.impact, action.feasibility) == (
        "joint",
        date(2026, 6, 30),
        5,
        4,
    )
    assert action.description == "About the invoice"
    assert action.alliance_id == alliance.id


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("title", "x" * 10_000, "too long"),
        ("title", "", "must not be empty"),
        ("due_date", "31.02.2026", "is not a date"),
        ("due_date", "1.1.1900", "not plausible"),
        ("due_date", "31.12.9999", "outside the years"),
        ("impact", "7", "from 1 to 5"),
        ("impact", "0", "from 1 to 5"),
        ("feasibility", "3.5", "whole number"),
        ("feasibility", "high", "whole number"),
        ("completed_on", "16.06.2026", "cannot be in the future"),
    ],
)
def test_new_action_bad_input_is_said_beside_the_field_and_nothing_saved(
    open_tab, portfolio, qtbot, field, text, words
):
    tab = open_tab("Actions")
    tab.new_record()
    dialog = wait_for_dialog(qtbot, tab)
    form = dialog.form
    if field != "title":
        type_into(qtbot, form.field("title"), "A fine title", finish=Qt.Key.Key_Tab)
    editor = form.field(field).editor
    editor.setFocus()
    editor.setText(text) if field == "title" else qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the field checks it at once
    assert words in dialog.errors().get(field, ""), dialog.errors()
    dialog.accept()  # Create: refused, the dialog stays open
    assert dialog.isVisible()
    assert words in dialog.errors()[field]
    assert portfolio.all(ActionItem) == []
    assert tab.context.undo_stack.count() == 0


def test_panel_edits_a_field_in_place_with_undo(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    due = tab.panel.form.field("due_date")
    type_into(qtbot, due, "2026-07-01")
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Agree budget")
    assert action.due_date == date(2026, 7, 1)
    qtbot.keyClick(due.editor, Qt.Key.Key_Z, CTRL)  # the field is clean: the window's undo
    tab.context.undo_stack.undo()
    assert action.due_date == TODAY + timedelta(3)
    assert due.text() == "18 Jun 2026"


def test_panel_shows_a_bad_score_beside_the_field_and_keeps_the_old_one(
    open_tab, portfolio, filled, qtbot
):
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    impact = tab.panel.form.field("impact")
    type_into(qtbot, impact, "9")
    assert impact.error_text() == "The impact must be a whole number from 1 to 5."
    assert next(a for a in portfolio.all(ActionItem) if a.title == "Agree budget").impact == 4


def test_mark_done_with_ctrl_d_dates_it_and_undo_reopens(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    select(tab, "Send CMC plan")
    qtbot.keyClick(tab.table.view, Qt.Key.Key_D, CTRL)
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Send CMC plan")
    assert (action.status, action.completed_on) == ("done", TODAY)
    assert tab.panel.form.field("status").label() == "Done"
    tab.context.undo_stack.undo()
    assert (action.status, action.completed_on) == ("open", None)


def test_bulk_status_change_is_one_step(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    select(tab, "Send CMC plan", "Agree budget", "Draft charter")
    assert "3 actions selected" in tab.panel.hint.text()
    tab.bulk_status("in_progress")
    statuses = {a.title: a.status for a in portfolio.all(ActionItem)}
    assert statuses["Send CMC plan"] == statuses["Draft charter"] == "in_progress"
    assert tab.context.undo_stack.count() == 1
    tab.context.undo_stack.undo()
    assert {a.title: a.status for a in portfolio.all(ActionItem)}["Agree budget"] == "open"


def test_quick_filters_overdue_due_soon_open_and_mine(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    qtbot.mouseClick(tab.filter_group.button(3), Qt.MouseButton.LeftButton)  # Overdue
    assert row_titles(tab) == ["Send CMC plan"]
    assert "1 shown" in tab.table.count_text
    tab.set_quick_filter("soon")
    assert row_titles(tab) == ["Agree budget"]
    tab.set_quick_filter("open")
    assert "Book JSC room" not in row_titles(tab) and len(row_titles(tab)) == 4
    portfolio.update(portfolio.info, owner_name="Maren Lindqvist")
    portfolio.update(
        next(a for a in portfolio.all(ActionItem) if a.title == "Draft charter"),
        owner_name="maren lindqvist",
    )
    tab.set_quick_filter("mine")
    qtbot.waitUntil(lambda: row_titles(tab) == ["Draft charter"])  # the row is patched
    tab.set_quick_filter("all")
    assert len(row_titles(tab)) == 5


def test_mine_without_an_owner_name_asks_for_it(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    tab.set_quick_filter("mine")
    dialog = wait_for_dialog(qtbot, tab)
    type_into(qtbot, dialog.field, "Maren Lindqvist", finish=None)
    dialog.accept()
    assert portfolio.info.owner_name == "Maren Lindqvist"
    assert row_titles(tab) == []


def test_owner_box_and_search_narrow_the_rows(open_tab, portfolio, filled, qtbot):
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Agree budget")
    portfolio.update(action, owner_name="Rui Tavares")
    tab = open_tab("Actions")
    qtbot.waitUntil(lambda: tab.owner_filter.findText("Rui Tavares") > 0)
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findText("Rui Tavares"))
    assert row_titles(tab) == ["Agree budget"]
    tab.owner_filter.setCurrentIndex(0)
    qtbot.keyClicks(tab.table.filter, "charter")
    assert row_titles(tab) == ["Draft charter"]


def test_delete_key_removes_the_selection_and_undo_brings_it_back(
    open_tab, portfolio, filled, qtbot
):
    tab = open_tab("Actions")
    select(tab, "Agree budget", "Draft charter")
    qtbot.keyClick(tab.table.view, Qt.Key.Key_Delete)
    assert "Agree budget" not in {a.title for a in portfolio.all(ActionItem)}
    qtbot.waitUntil(lambda: len(row_titles(tab)) == 3)
    tab.context.undo_stack.undo()
    qtbot.waitUntil(lambda: len(row_titles(tab)) == 5)
    assert len(portfolio.all(ActionItem)) == 5


def test_owner_deleted_shows_as_removed_and_undo_restores_the_name(
    open_tab, portfolio, alliance, qtbot
):
    anna = portfolio.add(Stakeholder, name="Anna Berg")
    action = add(portfolio, alliance, "Call", owner_id=anna.id, owner_name="Anna Berg")
    tab = open_tab("Actions")
    owner = tab.table.model.columns[1]
    stack = tab.context.undo_stack
    perform(stack, DeleteRecordsCommand(portfolio, [anna]))
    qtbot.waitUntil(lambda: owner.display(tab.table.model.rows[0]) == "Anna Berg (removed)")
    assert portfolio.get(ActionItem, action.id) is not None  # the action stays
    select(tab, "Call")
    assert tab.panel.form.field("owner").text() == "Anna Berg (removed)"
    assert "was deleted" in tab.panel.header.text()
    type_into(qtbot, tab.panel.form.field("due_date"), "20.06.2026")  # still editable
    assert action.due_date == date(2026, 6, 20)
    assert action.owner_id == anna.id
    stack.undo()  # the due date
    stack.undo()  # the deletion of Anna
    qtbot.waitUntil(lambda: owner.display(tab.table.model.rows[0]) == "Anna Berg")


def test_owner_typed_as_free_text_or_picked_from_the_people(open_tab, portfolio, filled, qtbot):
    anna = portfolio.add(Stakeholder, name="Anna Berg")
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    owner = tab.panel.form.field("owner")
    type_into(qtbot, owner, "Legal team")
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Agree budget")
    assert (action.owner_id, action.owner_name) == (None, "Legal team")
    owner.editor.setCurrentIndex(owner.editor.findText("Anna Berg"))
    owner.editor.activated.emit(owner.editor.currentIndex())
    assert (action.owner_id, action.owner_name) == (anna.id, "Anna Berg")


def test_source_links_the_action_to_a_meeting_shown_as_a_link(open_tab, portfolio, filled, qtbot):
    meeting = portfolio.add(
        Meeting, alliance_id=filled.id, title="JSC", held_on=date(2026, 6, 1), status="held"
    )
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    form = tab.panel.form
    form.field("source").editor.setCurrentIndex(0)  # Meeting
    form.field("source").editor.activated.emit(0)
    link = form.field("source_id")
    assert link.editor.findData(meeting.id) > 0
    link.editor.setCurrentIndex(link.editor.findData(meeting.id))
    link.editor.activated.emit(link.editor.currentIndex())
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Agree budget")
    assert (action.source, action.source_id) == ("meeting", meeting.id)
    assert f"Meetings:{meeting.id}" in tab.panel.header.text()
    form.field("source").editor.setCurrentIndex(3)  # Other: the meeting link goes
    form.field("source").editor.activated.emit(3)
    assert (action.source, action.source_id) == ("other", None)


def test_matrix_places_open_actions_in_quadrants(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    qtbot.mouseClick(tab.matrix_button, Qt.MouseButton.LeftButton)
    assert tab.table.stack.currentWidget() is tab.matrix
    assert tab.matrix.titles("do_first") == ["Send CMC plan"]
    assert tab.matrix.titles("plan") == ["Agree budget"]
    assert tab.matrix.titles("quick_wins") == ["Draft charter"]
    assert tab.matrix.titles("reconsider") == []
    assert "1 open action without both scores" in tab.matrix.unscored.text()
    tab.set_quick_filter("overdue")  # the filters apply to the matrix too
    qtbot.waitUntil(lambda: tab.matrix.titles("plan") == [])
    assert tab.matrix.titles("do_first") == ["Send CMC plan"]


def test_whole_portfolio_lists_every_alliance_with_a_column_and_a_filter(
    open_tab, portfolio, filled, qtbot
):
    other = portfolio.add_alliance("Atlas Data")
    add(portfolio, other, "Atlas kick-off")
    tab = open_tab("Actions")
    assert "Atlas kick-off" not in row_titles(tab)
    tab.portfolio_box.setChecked(True)
    assert "Atlas kick-off" in row_titles(tab) and len(row_titles(tab)) == 6
    assert tab.table.model.headerData(0, Qt.Orientation.Horizontal) == "Alliance"
    assert "whole portfolio" in tab.table.title.text()
    tab.alliance_filter.setCurrentIndex(tab.alliance_filter.findText("Atlas Data"))
    assert row_titles(tab) == ["Atlas kick-off"]
    tab.portfolio_box.setChecked(False)
    assert "Atlas kick-off" not in row_titles(tab)
    assert tab.table.model.headerData(0, Qt.Orientation.Horizontal) == "Action"


def test_read_only_portfolio_offers_no_edits(portfolio_file, portfolio, filled, qtbot):
    from PySide6.QtGui import QUndoStack

    from alliance_desk.ui.bridge import PortfolioBridge
    from alliance_desk.ui.context import UiContext

    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        context = UiContext(reader, PortfolioBridge(reader), QUndoStack())
        tab = ActionsTab(context)
        qtbot.addWidget(tab)
        tab.set_alliance(reader.find_alliance("Helios Oncology"))
        assert not tab.new_action.isEnabled() and not tab.delete_action.isEnabled()
        assert tab.new_record() is None
        select(tab, "Agree budget")
        assert tab.panel.form.field("title").editor.isReadOnly()


def test_text_being_typed_survives_a_reload_of_the_table(open_tab, portfolio, filled, qtbot):
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    description = tab.panel.form.field("description")
    description.editor.setFocus()
    qtbot.keyClicks(description.editor, "half-typed")
    add(portfolio, filled, "Another one")  # reloads the table under the form
    qtbot.waitUntil(lambda: len(tab.table.model.rows) == 6)
    qtbot.wait(20)
    assert tab.panel.record.title == "Agree budget"
    assert description.text() == "half-typed"


def test_stored_origin_shows_by_name_when_the_action_is_selected(
    open_tab, portfolio, filled, qtbot
):
    """Selecting an action that came from a survey round names the round in 'From', even when
    the previously shown action had another kind of source."""
    from alliance_desk.models import SurveyRound

    survey = portfolio.add(
        SurveyRound, alliance_id=filled.id, title="Pulse survey, May", held_on=date(2026, 5, 20)
    )
    add(portfolio, filled, "Fix the handoffs", source="health_review", source_id=survey.id)
    tab = open_tab("Actions")
    select(tab, "Agree budget")  # source "other": no origins listed
    select(tab, "Fix the handoffs")
    link = tab.panel.form.field("source_id")
    assert link.label().startswith("Pulse survey, May")


def test_owner_list_offers_a_stakeholder_added_since(open_tab, portfolio, filled, qtbot):
    """The owner list is kept from one action to the next until the people change."""
    tab = open_tab("Actions")
    select(tab, "Agree budget")
    owner = tab.panel.form.field("owner")
    assert owner.editor.findText("Anna Berg") < 0
    anna = portfolio.add(Stakeholder, name="Anna Berg")
    select(tab, "Draft charter")
    assert owner.editor.findText("Anna Berg") >= 0
    owner.editor.setCurrentIndex(owner.editor.findText("Anna Berg"))
    owner.editor.activated.emit(owner.editor.currentIndex())
    action = next(a for a in portfolio.all(ActionItem) if a.title == "Draft charter")
    assert (action.owner_id, action.owner_name) == (anna.id, "Anna Berg")


def test_a_deleted_meeting_shows_as_removed_for_its_own_action_only(
    open_tab, portfolio, filled, qtbot
):
    gone = portfolio.add(
        Meeting, alliance_id=filled.id, title="Old JSC", held_on=date(2026, 5, 1), status="held"
    )
    kept = portfolio.add(
        Meeting, alliance_id=filled.id, title="Kick-off", held_on=date(2026, 6, 1), status="held"
    )
    add(portfolio, filled, "Follow up", source="meeting", source_id=gone.id)
    add(portfolio, filled, "Prepare slides", source="meeting", source_id=kept.id)
    portfolio.delete(gone)
    tab = open_tab("Actions")
    link = tab.panel.form.field("source_id")
    select(tab, "Follow up")
    assert link.label() == "(removed)"
    select(tab, "Prepare slides")
    offered = [link.editor.itemText(i) for i in range(link.editor.count())]
    assert link.label().startswith("Kick-off")
    assert "(removed)" not in offered
