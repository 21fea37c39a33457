"""The Overview tab edits every alliance field in place: checked by the core, undoable, on disk."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from alliance_desk import clock
from alliance_desk.models import ActionItem, Alliance, Decision, Risk
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.fields import LineField, TextField
from alliance_desk.ui.overview_tab import EMPTY_TEXT, OverviewTab
from tests.conftest import PASSPHRASE
from tests.ui.conftest import DISK_FAILURE


@pytest.fixture
def tab(context, alliance, qtbot) -> OverviewTab:
    widget = OverviewTab(context)
    qtbot.addWidget(widget)
    widget.set_alliance(alliance)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def on_disk(portfolio_file, alliance: Alliance, field: str):
    """The value as a second, read-only connection finds it in the file."""
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as copy:
        return getattr(copy.get(Alliance, alliance.id), field)


def type_into(qtbot, field, text: str, finish=Qt.Key.Key_Return) -> None:
    """Replace the field's text the way a user does: select all, type, finish the edit."""
    editor = field.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    if finish is not None:
        qtbot.keyClick(editor, finish)


def test_overview_shows_every_field_of_the_alliance(tab):
    assert tab.fields["name"].text() == "Helios Oncology"
    assert tab.fields["partner"].text() == "Brightwave Bio"
    assert tab.fields["stage"].label() == "Formation"
    assert set(tab.fields) == {
        "name",
        "partner",
        "alliance_type",
        "business_area",
        "stage",
        "status",
        "importance",
        "purpose",
        "value_proposition",
        "start_date",
        "renewal_date",
        "revenue_share",
        "alternative_partners",
        "our_lead",
        "partner_lead",
        "notes",
    }


def test_overview_partner_typed_and_entered_is_stored_on_disk(tab, alliance, portfolio_file, qtbot):
    type_into(qtbot, tab.fields["partner"], "Nimbus Cloud")
    assert alliance.partner == "Nimbus Cloud"
    assert on_disk(portfolio_file, alliance, "partner") == "Nimbus Cloud"
    assert tab.context.undo_stack.count() == 1


def test_overview_tab_out_of_a_field_stores_it(tab, alliance, portfolio_file, qtbot):
    type_into(qtbot, tab.fields["our_lead"], "Maria Jensen", finish=Qt.Key.Key_Tab)
    assert not tab.fields["our_lead"].editor.hasFocus()
    assert on_disk(portfolio_file, alliance, "our_lead") == "Maria Jensen"


def test_overview_multi_line_text_is_stored_when_focus_leaves(tab, alliance, qtbot):
    notes = tab.fields["notes"]
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "First line")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(notes.editor, "second line")
    assert alliance.notes == ""  # nothing stored while typing
    tab.fields["partner"].editor.setFocus()
    assert alliance.notes == "First line\nsecond line"


def test_overview_empty_name_is_refused_next_to_the_field(tab, alliance, portfolio_file, qtbot):
    name = tab.fields["name"]
    type_into(qtbot, name, "")
    assert name.error_text() == "The name must not be empty."
    assert name.error.isVisible()
    assert alliance.name == "Helios Oncology"
    assert on_disk(portfolio_file, alliance, "name") == "Helios Oncology"
    assert tab.context.undo_stack.count() == 0

    type_into(qtbot, name, "Helios Oncology Europe")
    assert name.error_text() == ""
    assert on_disk(portfolio_file, alliance, "name") == "Helios Oncology Europe"


def test_overview_renewal_before_start_is_refused_until_fixed(tab, alliance, qtbot):
    type_into(qtbot, tab.fields["start_date"], "2026-03-12")
    assert alliance.start_date == date(2026, 3, 12)
    assert tab.fields["start_date"].text() == "12 Mar 2026"

    renewal = tab.fields["renewal_date"]
    type_into(qtbot, renewal, "01/02/2026")
    assert renewal.error_text() == "The renewal date must not be before the start date."
    assert alliance.renewal_date is None

    type_into(qtbot, renewal, "31 Dec 2027")
    assert renewal.error_text() == ""
    assert alliance.renewal_date == date(2027, 12, 31)


def test_overview_date_can_be_cleared_and_nonsense_is_explained(tab, alliance, qtbot):
    start = tab.fields["start_date"]
    type_into(qtbot, start, "12.03.2026")
    assert alliance.start_date == date(2026, 3, 12)
    type_into(qtbot, start, "next Tuesday")
    assert "is not a date" in start.error_text()
    assert alliance.start_date == date(2026, 3, 12)
    type_into(qtbot, start, "")
    assert start.error_text() == ""
    assert alliance.start_date is None


def test_overview_date_picked_from_the_calendar_is_stored(tab, alliance, qtbot):
    start = tab.fields["start_date"]
    start.calendar.clicked.emit(QDate(2025, 6, 30))  # what a click on a day sends
    assert alliance.start_date == date(2025, 6, 30)
    assert start.text() == "30 Jun 2025"


def test_overview_revenue_share_must_be_a_percentage(tab, alliance, qtbot):
    share = tab.fields["revenue_share"]
    type_into(qtbot, share, "250")
    assert share.error_text() == "The revenue share must be from 0 to 100 %."
    assert alliance.revenue_share is None
    type_into(qtbot, share, "a lot")
    assert share.error_text() == "Enter a number, or leave it empty."
    type_into(qtbot, share, "12,5")
    assert share.error_text() == ""
    assert alliance.revenue_share == 12.5
    assert share.text() == "12.5"


def test_overview_alternative_partners_is_a_whole_number(tab, alliance, qtbot):
    others = tab.fields["alternative_partners"]
    type_into(qtbot, others, "2.5")
    assert others.error_text() == "Enter a whole number, or leave it empty."
    type_into(qtbot, others, "-1")
    assert others.error_text() == "The number must not be negative."
    type_into(qtbot, others, "3")
    assert alliance.alternative_partners == 3


def test_overview_choice_is_stored_when_picked(tab, alliance, qtbot):
    importance = tab.fields["importance"].editor
    importance.setFocus()
    qtbot.keyClick(importance, Qt.Key.Key_Up)  # Medium -> High
    assert alliance.importance == "high"


def test_overview_undo_restores_the_old_value(tab, alliance, qtbot):
    type_into(qtbot, tab.fields["partner"], "Nimbus Cloud")
    tab.fields["notes"].editor.setFocus()  # undo comes from the menu, not the field
    tab.context.undo_stack.undo()
    assert alliance.partner == "Brightwave Bio"
    assert tab.fields["partner"].text() == "Brightwave Bio"
    tab.context.undo_stack.redo()
    assert tab.fields["partner"].text() == "Nimbus Cloud"


def test_overview_stage_change_is_recorded_and_undo_removes_it(tab, alliance, portfolio, qtbot):
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation"]
    stage = tab.fields["stage"].editor
    stage.setFocus()
    qtbot.keyClick(stage, Qt.Key.Key_Down)  # Formation -> Governance
    assert alliance.stage == "governance"
    history = portfolio.stage_history(alliance)
    assert [c.stage for c in history] == ["formation", "governance"]
    assert history[-1].changed_on == clock.today()
    qtbot.waitUntil(lambda: "Governance</b> (current)" in tab.glance.history.text())

    tab.context.undo_stack.undo()
    assert alliance.stage == "formation"
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation"]
    assert tab.fields["stage"].label() == "Formation"

    tab.context.undo_stack.redo()  # the same history row comes back, not a copy
    history_again = portfolio.stage_history(alliance)
    assert [c.id for c in history_again] == [c.id for c in history]


def test_overview_reloads_after_an_edit_elsewhere_but_keeps_text_being_typed(
    tab, alliance, portfolio, qtbot
):
    partner = tab.fields["partner"]
    partner.editor.setFocus()
    qtbot.keyClick(partner.editor, Qt.Key.Key_End)
    qtbot.keyClicks(partner.editor, " Ltd")  # typing, not finished
    portfolio.update(alliance, name="Helios (renamed in the sidebar)", partner="Elsewhere")
    assert tab.fields["name"].text() == "Helios (renamed in the sidebar)"
    assert partner.text() == "Brightwave Bio Ltd"
    assert "Helios (renamed in the sidebar)" in tab.heading.text()


def test_overview_shown_again_keeps_text_being_typed(tab, alliance, qtbot):
    partner = tab.fields["partner"]
    partner.editor.setFocus()
    qtbot.keyClick(partner.editor, Qt.Key.Key_End)
    qtbot.keyClicks(partner.editor, " AG")
    tab.set_alliance(alliance)  # the sidebar re-selects the same alliance
    assert partner.text() == "Brightwave Bio AG"


def test_overview_escape_puts_the_stored_text_back(tab, alliance, qtbot):
    partner = tab.fields["partner"]
    type_into(qtbot, partner, "Typo Corp", finish=Qt.Key.Key_Escape)
    assert partner.text() == "Brightwave Bio"
    assert alliance.partner == "Brightwave Bio"


def test_overview_read_only_keeps_text_selectable_but_stores_nothing(
    tab, alliance, portfolio_file, qtbot
):
    tab.set_read_only(True)
    for field in tab.fields.values():
        if isinstance(field, LineField | TextField):  # readable and copyable, not greyed out
            assert field.editor.isEnabled() and field.editor.isReadOnly(), field.name
        else:
            assert not field.editor.isEnabled(), field.name
    assert not tab.fields["start_date"].picker.isEnabled()

    partner = tab.fields["partner"]
    type_into(qtbot, partner, "Nimbus Cloud")  # Ctrl+A still selects; the typing goes nowhere
    assert partner.editor.selectedText() == "Brightwave Bio"
    assert partner.text() == "Brightwave Bio"
    notes = tab.fields["notes"]
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "Scribble")
    partner.editor.setFocus()
    assert notes.text() == ""
    assert alliance.partner == "Brightwave Bio" and alliance.notes == ""
    assert on_disk(portfolio_file, alliance, "partner") == "Brightwave Bio"
    assert tab.context.undo_stack.count() == 0

    tab.set_read_only(False)
    assert all(field.editor.isEnabled() for field in tab.fields.values())
    assert not partner.editor.isReadOnly()


def test_overview_failed_save_says_why_and_shows_the_stored_value(
    tab, alliance, portfolio_file, qtbot, failing_commits
):
    partner = tab.fields["partner"]
    type_into(qtbot, partner, "Nimbus Cloud")  # one edit that is stored
    stack = tab.context.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)

    with failing_commits(tab.context.portfolio):
        type_into(qtbot, partner, "Orion Pharma")
        assert partner.error_text() == DISK_FAILURE
        assert partner.error.isVisible()
        assert partner.text() == "Nimbus Cloud"
        assert not partner.is_dirty()
        assert (stack.count(), stack.index()) == (1, 1)
    assert on_disk(portfolio_file, alliance, "partner") == "Nimbus Cloud"
    assert alliance.partner == "Nimbus Cloud"

    type_into(qtbot, partner, "Orion Pharma")  # the disk is back: the same edit now works
    assert partner.error_text() == ""
    assert on_disk(portfolio_file, alliance, "partner") == "Orion Pharma"
    assert (stack.count(), stack.index()) == (2, 2)


def test_overview_failed_stage_change_keeps_stage_and_history(
    tab, alliance, portfolio, qtbot, failing_commits
):
    stage = tab.fields["stage"]
    stage.editor.setFocus()
    with failing_commits(portfolio):
        qtbot.keyClick(stage.editor, Qt.Key.Key_Down)  # Formation -> Governance
        assert stage.error_text() == DISK_FAILURE
        assert stage.label() == "Formation"
    assert alliance.stage == "formation"
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation"]
    assert tab.context.undo_stack.count() == 0


def test_overview_without_an_alliance_shows_what_to_do(context, qtbot):
    widget = OverviewTab(context)
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty
    assert widget.empty.text() == EMPTY_TEXT


def test_overview_glance_counts_follow_the_records(tab, alliance, portfolio, qtbot):
    today = clock.today()
    portfolio.add(ActionItem, alliance_id=alliance.id, title="Late", due_date=today - timedelta(3))
    portfolio.add(ActionItem, alliance_id=alliance.id, title="Soon", due_date=today + timedelta(3))
    portfolio.add(ActionItem, alliance_id=alliance.id, title="Done", status="done")
    portfolio.add(Risk, alliance_id=alliance.id, title="Supply", status="escalated")
    portfolio.add(Decision, alliance_id=alliance.id, title="Budget", due_date=date(2030, 1, 5))
    qtbot.waitUntil(lambda: tab.glance.count("pending_decisions") == 1)
    assert tab.glance.count("open_actions") == 2
    assert tab.glance.count("overdue_actions") == 1
    assert tab.glance.count("open_risks") == 1
    assert "5 Jan 2030" in tab.glance.next_decision.text()
