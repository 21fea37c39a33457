"""The Stakeholders tab, driven like a user: the worksheet grid, the people and their form,
information needs and the living set, interviews, the map, the portfolio-wide list."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from alliance_desk import clock
from alliance_desk.models import (
    AllianceStakeholder,
    InformationNeed,
    NeedFeedback,
    Stakeholder,
    WorksheetInterview,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.worksheet import QUESTIONS
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR
from alliance_desk.ui.worksheet.people import STALE_COLOUR
from alliance_desk.ui.worksheet.tab import SECTIONS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import DISK_FAILURE
from tests.ui.worksheet_host import Host, press_ok, type_into
from tests.worksheet_support import BOARD, OKAFOR, WEBER, add_people

ROW = {q.field: index for index, q in enumerate(QUESTIONS)}


@pytest.fixture
def host(context, alliance, qtbot) -> Host:
    window = Host(context)
    qtbot.addWidget(window)
    window.tab.set_alliance(alliance)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(qtbot, tab) -> None:
    """Let the tab's refresh (queued after every change) run, and any refresh it queues."""
    qtbot.waitUntil(lambda: not tab._timer.isActive())
    qtbot.wait(20)  # events posted by the refresh itself (a busy CI machine is slow)
    qtbot.waitUntil(lambda: not tab._timer.isActive())


def on_disk(portfolio_file, model, ident):
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as copy:
        return copy.get(model, ident, include_deleted=True)


def edit_cell(qtbot, view, row: int, column: int, keys: list) -> None:
    """Select a cell, press F2, then type: strings are typed, Qt keys pressed."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    for key in keys:
        if isinstance(key, str):
            type_into(qtbot, editor, key)
        elif isinstance(key, tuple):
            qtbot.keyClick(editor, *key)
        else:
            qtbot.keyClick(editor, key)


# --- the worksheet grid -------------------------------------------------------------------------


def test_grid_fills_a_worksheet_by_typing(host, portfolio, alliance, portfolio_file, qtbot):
    (anne,) = add_people(portfolio, alliance, {"name": "Anne Weber"})
    tab = host.tab
    settle(qtbot, tab)
    view = tab.grid.view
    assert tab.grid.model.columnCount() == 1
    edit_cell(qtbot, view, ROW["priorities"], 0, ["Launch on time", Qt.Key.Key_Return])
    edit_cell(qtbot, view, ROW["reports_to"], 0, ["CEO", Qt.Key.Key_Return])
    shift_enter = (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    edit_cell(
        qtbot,
        view,
        ROW["questions"],
        0,
        ["Phase 3 on track?", shift_enter, "Cash?", Qt.Key.Key_Return],
    )
    edit_cell(qtbot, view, ROW["life_easier"], 0, ["Zoë: 一页", Qt.Key.Key_Return])
    edit_cell(qtbot, view, ROW["cadence"], 0, [Qt.Key.Key_Down])  # picked: stored at once
    assert anne.cadence == "weekly"
    edit_cell(qtbot, view, ROW["cadence"], 0, [Qt.Key.Key_Down])
    assert anne.priorities == "Launch on time"
    assert anne.reports_to == "CEO"
    assert anne.questions == "Phase 3 on track?\nCash?"
    assert anne.life_easier == "Zoë: 一页"
    assert anne.cadence == "monthly"
    stored = on_disk(portfolio_file, Stakeholder, anne.id)
    assert (stored.priorities, stored.questions, stored.cadence) == (
        "Launch on time",
        "Phase 3 on track?\nCash?",
        "monthly",
    )
    model = tab.grid.model
    assert model.data(model.index(ROW["cadence"], 0)) == "Monthly"
    assert tab.context.undo_stack.count() >= 5
    while tab.context.undo_stack.canUndo():
        tab.context.undo_stack.undo()
    assert (anne.priorities, anne.cadence) == ("", "")


def test_grid_rows_grow_to_fit_long_answers(host, portfolio, alliance, qtbot):
    lines = "\n".join(f"Priority {n}" for n in range(1, 6))
    (anne,) = add_people(portfolio, alliance, {"name": "Anne Weber", "priorities": lines})
    tab = host.tab
    settle(qtbot, tab)
    view = tab.grid.view
    short = view.rowHeight(ROW["reports_to"])
    qtbot.waitUntil(lambda: view.rowHeight(ROW["priorities"]) > 2 * short)
    tab.select_section("People")  # the grid hidden while an answer grows
    portfolio.update(anne, audiences=lines)
    settle(qtbot, tab)
    tab.select_section("Worksheet")
    qtbot.waitUntil(lambda: view.rowHeight(ROW["audiences"]) > 2 * short)


def test_grid_escape_cancels_and_a_failed_save_is_said(
    host, portfolio, alliance, failing_commits, qtbot
):
    (anne,) = add_people(portfolio, alliance, WEBER)
    tab = host.tab
    settle(qtbot, tab)
    view = tab.grid.view
    edit_cell(qtbot, view, ROW["priorities"], 0, ["junk", Qt.Key.Key_Escape])
    assert anne.priorities == "Launch on time"
    with failing_commits(portfolio):
        edit_cell(qtbot, view, ROW["decisions"], 0, ["Nothing", Qt.Key.Key_Return])
    assert anne.decisions == "Opt-in at Phase 3"
    assert tab.grid.message.text() == DISK_FAILURE and tab.grid.message.isVisibleTo(tab)
    assert tab.context.undo_stack.count() == 0
    select_all = (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    edit_cell(qtbot, view, ROW["decisions"], 0, [select_all, "Opt-in only", Qt.Key.Key_Return])
    assert anne.decisions == "Opt-in only"
    assert not tab.grid.message.isVisibleTo(tab)


def test_grid_columns_by_group_hand_picked_and_moved(host, portfolio, alliance, qtbot):
    weber, okafor, board = add_people(portfolio, alliance, WEBER, OKAFOR, BOARD)
    tab = host.tab
    settle(qtbot, tab)
    grid = tab.grid

    def names() -> list[str]:
        return [p.name for p in grid.shown()]

    assert names() == ["Anne Weber", "Paul Okafor", "The board"]
    grid.show_combo.setCurrentIndex(grid.show_combo.findData("group:finance"))
    grid.show_combo.activated.emit(grid.show_combo.currentIndex())
    assert names() == ["Paul Okafor"]

    def pick(dialog):
        dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # everyone but the first
        for row in range(1, dialog.list.count()):
            dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        dialog.move(-1)
        dialog.accept()

    host.answers.append(pick)
    grid.show_combo.setCurrentIndex(grid.show_combo.findData("picked"))
    grid.show_combo.activated.emit(grid.show_combo.currentIndex())
    assert names() == ["The board", "Anne Weber"]  # ticked, and Anne moved below the board
    grid.select_person(weber.id)
    qtbot.mouseClick(grid.left_button, Qt.MouseButton.LeftButton)
    assert names() == ["Anne Weber", "The board"]
    assert grid.order_combo.currentData() == "arranged"


def test_grid_heading_says_how_fresh_each_worksheet_is(host, portfolio, alliance, qtbot):
    weber, okafor = add_people(portfolio, alliance, WEBER, OKAFOR)
    portfolio.update(weber, last_validated_on=clock.today() - timedelta(days=300))
    tab = host.tab
    settle(qtbot, tab)
    model = tab.grid.model
    heading = model.headerData(0, Qt.Orientation.Horizontal)
    assert heading.splitlines() == ["Anne Weber", "Role 1", "Validated 10 months ago"]
    colour = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == STALE_COLOUR
    never = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
    assert never.name() == ERROR_COLOUR


# --- people, the form and the portfolio-wide list ------------------------------------------------


def test_people_list_marks_worksheets_to_validate(host, portfolio, alliance, qtbot):
    weber, okafor, board = add_people(portfolio, alliance, WEBER, OKAFOR, BOARD)
    portfolio.update(weber, last_validated_on=clock.today() - timedelta(days=20))
    portfolio.update(okafor, last_validated_on=clock.today() - timedelta(days=250))
    tab = host.tab
    settle(qtbot, tab)
    people = tab.people_list
    colours = {
        row.person.name: people.model.data(people.model.index(i, 6), Qt.ItemDataRole.ForegroundRole)
        for i, row in enumerate(people.model.rows)
    }
    assert colours["Anne Weber"] is None
    assert colours["Paul Okafor"].name() == STALE_COLOUR
    assert colours["The board"].name() == ERROR_COLOUR
    assert people.summary.text() == (
        "3 stakeholders · 1 never validated · 1 validated more than 6 months ago"
    )
    tab.select_section("People")
    people.only_due.click()
    assert [p.name for p in people.visible_people()] == ["Paul Okafor", "The board"]
    people.months.setValue(12)
    assert [p.name for p in people.visible_people()] == ["The board"]
    assert (
        tab.grid.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
        is None
    )


def test_people_list_sorts_by_a_clicked_column_keeping_the_selected_person(
    host, portfolio, alliance, qtbot
):
    weber, okafor, board = add_people(portfolio, alliance, WEBER, OKAFOR, BOARD)
    for person, influence in [(weber, 2), (okafor, 5), (board, 3)]:
        portfolio.update(person, influence=influence)
    tab = host.tab
    settle(qtbot, tab)
    tab.select_section("People")
    people = tab.people_list
    assert [p.name for p in people.visible_people()] == ["Anne Weber", "Paul Okafor", "The board"]
    people.select(board.id)
    header = people.view.horizontalHeader()
    influence = 4
    where = QPoint(header.sectionViewportPosition(influence) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert [p.name for p in people.visible_people()] == ["Anne Weber", "The board", "Paul Okafor"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)  # descending
    assert [p.name for p in people.visible_people()] == ["Paul Okafor", "The board", "Anne Weber"]
    assert people.current() == board


def test_form_edits_every_field_and_the_role(host, portfolio, alliance, portfolio_file, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    tab = host.tab
    settle(qtbot, tab)
    tab.select_section("People")
    form = tab.form
    assert set(form.fields) >= {
        "name", "title", "organisation", "side", "group", "email", "reports_to", "priorities",
        "audiences", "questions", "decisions", "life_easier", "routines", "preferred_format",
        "cadence", "influence", "interest", "last_validated_on", "validated_by",
        "validation_note", "notes", "role",
    }  # fmt: skip
    role = form.fields["role"]
    role.editor.setFocus()
    role.editor.selectAll()
    type_into(qtbot, role.editor, "Executive sponsor")
    qtbot.keyClick(role.editor, Qt.Key.Key_Return)
    link = portfolio.all(AllianceStakeholder, alliance_id=alliance.id)[0]
    assert link.role == "Executive sponsor"
    influence = form.fields["influence"].editor
    influence.setCurrentIndex(influence.findData("2"))
    influence.activated.emit(influence.currentIndex())
    assert weber.influence == 2
    assert on_disk(portfolio_file, Stakeholder, weber.id).influence == 2
    date_field = form.fields["last_validated_on"]
    date_field.editor.setFocus()
    date_field.editor.selectAll()
    type_into(qtbot, date_field.editor, "not a date")
    qtbot.keyClick(date_field.editor, Qt.Key.Key_Return)
    assert "is not a date" in date_field.error_text()
    assert weber.last_validated_on is None


def test_new_stakeholder_is_added_to_the_alliance_in_one_undo_step(
    host, portfolio, alliance, qtbot
):
    tab = host.tab

    def answer(dialog):
        type_into(qtbot, dialog.name_edit, "Ingrid Ahlberg")
        type_into(qtbot, dialog.title_edit, "Board chair")
        dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("board"))
        type_into(qtbot, dialog.role_edit, "Board oversight")
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(tab.buttons["new"], Qt.MouseButton.LeftButton)
    (person, role) = portfolio.stakeholders_of(alliance)[0]
    assert (person.name, person.title, person.group, role) == (
        "Ingrid Ahlberg",
        "Board chair",
        "board",
        "Board oversight",
    )
    assert tab.person.id == person.id
    tab.context.undo_stack.undo()
    assert portfolio.stakeholders_of(alliance) == [] and portfolio.stakeholders() == []
    tab.context.undo_stack.redo()
    assert portfolio.stakeholders_of(alliance)[0][0].id == person.id  # the same row, back


def test_new_stakeholder_without_a_name_stays_open_with_the_message(host, qtbot):
    def answer(dialog):
        press_ok(qtbot, dialog)
        assert dialog.errors["name"].text() == "The name must not be empty."
        dialog.reject()

    host.answers.append(answer)
    assert host.tab.new_stakeholder() is None


def test_add_existing_and_remove_from_the_alliance(host, portfolio, alliance, qtbot):
    atlas = portfolio.add_alliance("Atlas Data")
    (okafor,) = add_people(portfolio, atlas, OKAFOR)
    tab = host.tab

    def answer(dialog):
        type_into(qtbot, dialog.filter_edit, "okafor")
        dialog.list.setCurrentRow(0)
        type_into(qtbot, dialog.role_edit, "Finance partner")
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(tab.buttons["existing"], Qt.MouseButton.LeftButton)
    assert [(p.name, r) for p, r in portfolio.stakeholders_of(alliance)] == [
        ("Paul Okafor", "Finance partner")
    ]
    settle(qtbot, tab)
    tab.set_person(okafor)
    qtbot.mouseClick(tab.buttons["remove"], Qt.MouseButton.LeftButton)
    assert host.confirmations == ["Remove “Paul Okafor” from Helios Oncology?"]
    assert portfolio.stakeholders_of(alliance) == []
    assert portfolio.stakeholders_of(atlas)[0][0].id == okafor.id  # still in the other one
    tab.context.undo_stack.undo()
    assert portfolio.stakeholders_of(alliance)[0][0].id == okafor.id


def test_whole_portfolio_lists_everyone_with_a_role_in_each_alliance(
    host, portfolio, alliance, qtbot
):
    (weber,) = add_people(portfolio, alliance, WEBER)
    atlas = portfolio.add_alliance("Atlas Data")
    portfolio.link_stakeholder(atlas, weber, "JSC member")
    portfolio.add(Stakeholder, name="Unattached")
    tab = host.tab
    qtbot.mouseClick(tab.portfolio_scope, Qt.MouseButton.LeftButton)
    assert "All stakeholders in the portfolio" in tab.heading.text()
    rows = {row.person.name: row.role for row in tab.people_list.rows()}
    assert rows == {
        "Anne Weber": "Atlas Data: JSC member; Helios Oncology: Role 1",
        "Unattached": "",
    }
    assert tab.buttons["delete"].isVisibleTo(tab) and not tab.buttons["remove"].isVisibleTo(tab)
    tab.set_person(portfolio.find_stakeholders("Unattached")[0])
    qtbot.mouseClick(tab.buttons["delete"], Qt.MouseButton.LeftButton)
    settle(qtbot, tab)
    assert [row.person.name for row in tab.people_list.rows()] == ["Anne Weber"]


def test_without_an_alliance_the_tab_shows_the_whole_portfolio(context, portfolio, qtbot):
    portfolio.add(Stakeholder, name="Solo")
    window = Host(context)
    qtbot.addWidget(window)
    window.tab.set_alliance(None)
    assert window.tab.portfolio_scope.isChecked()
    assert not window.tab.alliance_scope.isEnabled()
    assert [p.name for p in window.tab.people] == ["Solo"]
    window.tab.set_alliance(portfolio.find_alliance("Helios Oncology"))
    assert window.tab.alliance_scope.isChecked()  # back to the alliance once there is one
    assert window.tab.people == []


def test_read_only_portfolio_offers_no_edits(host, portfolio, alliance, qtbot):
    add_people(portfolio, alliance, WEBER)
    tab = host.tab
    settle(qtbot, tab)
    tab.set_read_only(True)
    model = tab.grid.model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    for key in ("new", "existing", "remove", "interview"):
        assert not tab.buttons[key].isEnabled(), key
    assert tab.buttons["print"].isEnabled()
    assert not tab.needs.buttons["add"].isEnabled()
    assert tab.needs.feedback_date.editor.isReadOnly()
    tab.set_alliance(alliance)  # showing the items again keeps the date read-only
    assert tab.needs.feedback_date.editor.isReadOnly()
    tab.set_read_only(False)
    assert not tab.needs.feedback_date.editor.isReadOnly()


# --- information needs and the living set --------------------------------------------------------


def needs_of(host, qtbot, person):
    tab = host.tab
    settle(qtbot, tab)
    tab.set_person(person)
    tab.select_section("Information needs")
    tab.needs.refresh()
    return tab.needs


def test_feedback_used_and_not_used_is_dated_and_kept(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "How many meetings?")
    needs = needs_of(host, qtbot, weber)
    assert needs.select(need.id)
    qtbot.mouseClick(needs.buttons["used"], Qt.MouseButton.LeftButton)
    assert (need.feedback, need.feedback_on) == ("used", clock.today())
    type_into(qtbot, needs.feedback_date.editor, "12.03.2099")
    qtbot.mouseClick(needs.buttons["not_used"], Qt.MouseButton.LeftButton)
    assert (need.feedback, need.feedback_on) == ("not_used", date(2099, 3, 12))
    assert [e.verdict for e in portfolio.feedback_history(need)] == ["not_used", "used"]
    qtbot.waitUntil(lambda: "12 Mar 2099: Not used" in needs.history.text())
    needs.context.undo_stack.undo()
    assert (need.feedback, need.feedback_on) == ("used", clock.today())
    assert len(portfolio.feedback_history(need)) == 1


def test_retire_an_item_with_a_reason(host, portfolio, alliance, portfolio_file, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "How many meetings were held?")
    needs = needs_of(host, qtbot, weber)
    needs.select(need.id)

    def answer(dialog):
        type_into(qtbot, dialog.text_edit, "It feeds no decision")
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(needs.buttons["retire"], Qt.MouseButton.LeftButton)
    assert (need.status, need.retired_reason, need.retired_on) == (
        "retired",
        "It feeds no decision",
        clock.today(),
    )
    assert on_disk(portfolio_file, InformationNeed, need.id).status == "retired"
    qtbot.waitUntil(lambda: needs.buttons["reinstate"].isEnabled())
    row = needs.model.rows.index(need)
    grey = needs.model.data(needs.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey.name() == HINT_COLOUR
    assert "Retired" in needs.history.text() and "It feeds no decision" in needs.history.text()
    needs.show_retired.setChecked(False)
    assert needs.model.rows == []
    needs.context.undo_stack.undo()
    assert need.status == "active" and need.retired_reason == ""


def test_retiring_needs_a_reason(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    need = portfolio.add_need(weber, "Q?")
    needs = needs_of(host, qtbot, weber)
    needs.select(need.id)

    def answer(dialog):
        press_ok(qtbot, dialog)
        assert dialog.errors["retired_reason"].text() == "Write a few words here."
        dialog.reject()

    host.answers.append(answer)
    assert not needs.retire()
    assert need.status == "active"


def test_missing_becomes_a_new_item_in_one_step(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    needs = needs_of(host, qtbot, weber)
    assert needs.stack.currentWidget() is needs.empty

    def answer(dialog):
        type_into(qtbot, dialog.text_edit, "Which payments are late?")
        type_into(qtbot, dialog.second_edit, "Escalate to finance")
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(needs.buttons["missing"], Qt.MouseButton.LeftButton)
    (need,) = portfolio.information_needs(weber)
    assert (need.question, need.decision, need.feedback, need.feedback_on) == (
        "Which payments are late?",
        "Escalate to finance",
        "missing",
        clock.today(),
    )
    assert need.alliance_id == alliance.id
    assert [e.verdict for e in portfolio.feedback_history(need)] == ["missing"]
    assert needs.current().id == need.id
    assert needs.context.undo_stack.count() == 1  # one step
    needs.context.undo_stack.undo()
    assert portfolio.information_needs(weber) == []
    assert portfolio.all(NeedFeedback) == []


def test_items_can_be_added_edited_moved_and_deleted(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    needs = needs_of(host, qtbot, weber)
    for question in ("First?", "Second?"):

        def answer(dialog, question=question):
            type_into(qtbot, dialog.text_edit, question)
            press_ok(qtbot, dialog)

        host.answers.append(answer)
        qtbot.mouseClick(needs.buttons["add"], Qt.MouseButton.LeftButton)
    assert [n.question for n in portfolio.information_needs(weber)] == ["First?", "Second?"]
    qtbot.mouseClick(needs.buttons["up"], Qt.MouseButton.LeftButton)
    assert [n.question for n in portfolio.information_needs(weber)] == ["Second?", "First?"]
    combo = needs.fields["answer_format"].editor
    combo.setCurrentIndex(combo.findData("traffic_light"))
    combo.activated.emit(combo.currentIndex())
    assert needs.current().answer_format == "traffic_light"
    source = needs.fields["data_source"].editor
    source.setCurrentIndex(source.findData("benchmark"))
    source.activated.emit(source.currentIndex())
    qtbot.waitUntil(lambda: needs.fields["benchmark_id"].isVisibleTo(needs))
    qtbot.mouseClick(needs.buttons["delete"], Qt.MouseButton.LeftButton)
    assert [n.question for n in portfolio.information_needs(weber)] == ["First?"]


def test_item_form_offers_alliances_and_benchmarks_under_their_current_names(
    host, portfolio, alliance, qtbot
):
    (weber,) = add_people(portfolio, alliance, WEBER)
    portfolio.add_need(weber, "How many meetings?", alliance_id=alliance.id)
    needs = needs_of(host, qtbot, weber)
    combo = needs.fields["alliance_id"].editor
    assert combo.currentText() == alliance.name != "Helios Oncology Partners"
    portfolio.update(alliance, name="Helios Oncology Partners")  # kept lists are read again
    settle(qtbot, host.tab)
    assert combo.findText("Helios Oncology Partners") >= 0
    column = next(c for c in needs.model.columns if c.header == "Alliance")
    assert column.display(needs.model.rows[0]) == "Helios Oncology Partners"


def test_nobody_uses_view_lists_unused_items_across_the_portfolio(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    atlas = portfolio.add_alliance("Atlas Data")
    (okafor,) = add_people(portfolio, atlas, OKAFOR)
    meetings = portfolio.add_need(weber, "How many meetings?", alliance_id=alliance.id)
    invoices = portfolio.add_need(okafor, "Every invoice line?")
    used = portfolio.add_need(okafor, "Payments due?")
    portfolio.record_feedback(meetings, "not_used", clock.today() - timedelta(days=5))
    portfolio.record_feedback(invoices, "not_used", clock.today() - timedelta(days=50))
    portfolio.record_feedback(used, "used")
    tab = host.tab
    settle(qtbot, tab)
    tab.select_section("Not used")
    living = tab.living
    assert [(r.person.name, r.need.question, r.alliance) for r in living.rows()] == [
        ("Paul Okafor", "Every invoice line?", "All their alliances"),
        ("Anne Weber", "How many meetings?", "Helios Oncology"),
    ]
    assert "2 across the portfolio" in living.heading.text()
    living.select(invoices.id)

    def answer(dialog):
        assert "Paul Okafor said on" in dialog.text_edit.toPlainText()
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(living.retire_button, Qt.MouseButton.LeftButton)
    assert invoices.status == "retired" and invoices.retired_reason.startswith("Paul Okafor said")
    settle(qtbot, tab)
    assert [r.need.id for r in living.rows()] == [meetings.id]
    assert [r.need.id for r in living.retired.rows] == [invoices.id]
    living.select(meetings.id)
    living.show_button.click()
    assert tab.sections.currentIndex() == SECTIONS.index("Information needs")
    assert tab.needs.current().id == meetings.id


# --- the interview -------------------------------------------------------------------------------


def test_recording_an_interview_validates_and_takes_the_feedback(
    host, portfolio, alliance, portfolio_file, qtbot
):
    (weber,) = add_people(portfolio, alliance, WEBER)
    meetings = portfolio.add_need(weber, "How many meetings?")
    phase3 = portfolio.add_need(weber, "Is Phase 3 on track?")
    tab = host.tab
    settle(qtbot, tab)
    tab.set_person(weber)

    def answer(dialog):
        dialog.date_edit.clear()
        type_into(qtbot, dialog.date_edit, "12.03.2026")
        type_into(qtbot, dialog.interviewer_edit, "Maren Lindqvist")
        type_into(qtbot, dialog.changes_edit, "Added the board's questions")
        first, second = dialog.feedback
        first.setCurrentIndex(first.findData("not_used"))
        second.setCurrentIndex(second.findData("used"))
        type_into(qtbot, dialog.missing_edit, "Which payments are late?\nWho decides the budget?")
        press_ok(qtbot, dialog)

    host.answers.append(answer)
    qtbot.mouseClick(tab.buttons["interview"], Qt.MouseButton.LeftButton)
    held = date(2026, 3, 12)
    assert (weber.last_validated_on, weber.validated_by, weber.validation_note) == (
        held,
        "Maren Lindqvist",
        "Added the board's questions",
    )
    (interview,) = portfolio.all(WorksheetInterview)
    assert (interview.held_on, interview.alliance_id) == (held, alliance.id)
    assert (meetings.feedback, phase3.feedback) == ("not_used", "used")
    assert all(e.interview_id == interview.id for e in portfolio.feedback_history(meetings))
    questions = [n.question for n in portfolio.information_needs(weber)]
    assert questions[-2:] == ["Which payments are late?", "Who decides the budget?"]
    assert on_disk(portfolio_file, Stakeholder, weber.id).last_validated_on == held
    qtbot.waitUntil(
        lambda: (
            "Added the board&#x27;s questions" in tab.form.history.text()
            or "Added the board's questions" in tab.form.history.text()
        )
    )
    assert tab.context.undo_stack.count() == 1
    tab.context.undo_stack.undo()
    assert weber.last_validated_on is None and weber.validated_by == ""
    assert (meetings.feedback, phase3.feedback) == ("unknown", "unknown")
    assert [n.question for n in portfolio.information_needs(weber)] == questions[:2]
    assert portfolio.all(WorksheetInterview) == []


def test_an_interview_needs_a_date(host, portfolio, alliance, qtbot):
    (weber,) = add_people(portfolio, alliance, WEBER)
    tab = host.tab
    settle(qtbot, tab)

    def answer(dialog):
        dialog.date_edit.clear()
        press_ok(qtbot, dialog)
        assert dialog.errors["held_on"].text() == "Enter the date of the interview."
        dialog.reject()

    host.answers.append(answer)
    assert not tab.record_interview()
    assert weber.last_validated_on is None


# --- the stakeholder map --------------------------------------------------------------------------


def test_map_places_people_in_quadrants_and_a_click_opens_them(host, portfolio, alliance, qtbot):
    weber, okafor, board = add_people(portfolio, alliance, WEBER, OKAFOR, BOARD)
    tab = host.tab
    settle(qtbot, tab)
    tab.select_section("Stakeholder map")
    canvas = tab.map.canvas
    qtbot.waitUntil(lambda: len(canvas._targets) == 2)
    assert canvas.cell_of(weber) == (3, 0)  # interest 4, influence 5: top right
    assert canvas.cell_of(okafor) == (1, 1)
    assert "The board" in tab.map.unrated.text()
    rect, person = next((r, p) for r, p in canvas._targets if p.id == okafor.id)
    qtbot.mouseClick(
        canvas, Qt.MouseButton.LeftButton, pos=QPoint(*map(int, rect.center().toTuple()))
    )
    assert tab.person.id == okafor.id
    assert tab.sections.currentIndex() == SECTIONS.index("People")


def test_cell_editors_suit_the_question(host, portfolio, alliance, qtbot):
    add_people(portfolio, alliance, WEBER)
    tab = host.tab
    settle(qtbot, tab)
    view = tab.grid.view
    kinds = {}
    for field in ("priorities", "reports_to", "cadence"):
        view.setCurrentIndex(tab.grid.model.index(ROW[field], 0))
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F2)
        kinds[field] = type(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert issubclass(kinds["priorities"], QPlainTextEdit)
    assert issubclass(kinds["reports_to"], QLineEdit)
    assert issubclass(kinds["cadence"], QComboBox)
