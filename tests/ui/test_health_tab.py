"""The Health tab: a survey round typed into the grid changes the lights, the status and the
warnings; review actions come from one click, once; the sidebar dot follows."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from alliance_desk import clock
from alliance_desk.defaults import seed_defaults
from alliance_desk.models import ActionItem, Benchmark, SurveyRound
from alliance_desk.portfolio_surveys import ResponseEntry
from alliance_desk.ui.fields import format_date
from alliance_desk.ui.health.survey_dialog import SurveyRoundDialog
from alliance_desk.ui.health.tab import HealthTab
from alliance_desk.ui.health.warnings import WarningRow
from alliance_desk.ui.workspace_tabs import make_tab


@pytest.fixture
def seeded(portfolio, alliance):
    seed_defaults(portfolio)
    portfolio.set_stage(alliance, "execution")
    return portfolio


@pytest.fixture
def tab(context, alliance, seeded, qtbot) -> HealthTab:
    tab = make_tab("Health", context)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.set_alliance(alliance)
    return tab


def trust(portfolio) -> Benchmark:
    return next(b for b in portfolio.all(Benchmark) if b.key == "trust")


def light_of(tab: HealthTab, name: str) -> str:
    row = next(r for r in tab.benchmarks.model.rows if r.benchmark.name == name)
    return row.current.light


def type_row(qtbot, dialog: SurveyRoundDialog, row: int, *cells: str) -> None:
    """Type cells left to right from column 0 of `row`, with Tab between, as a user would:
    after Tab the next cell's editor is already open, so the text goes straight into it."""
    view = dialog.view
    editing = QAbstractItemView.State.EditingState
    if view.state() == editing:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    view.setFocus()
    view.setCurrentIndex(dialog.grid.index(row, 0))
    for text in cells:
        if view.state() == editing:
            editor = QApplication.focusWidget()
            qtbot.keyClicks(editor, text)
        elif text:
            qtbot.keyClick(view, text[0])  # the first key opens the cell's editor
            editor = QApplication.focusWidget()
            assert editor is not view, "typing did not open an editor"
            qtbot.keyClicks(editor, text[1:])
        else:
            editor = view
        qtbot.keyClick(editor, Qt.Key.Key_Tab)


def open_dialog(tab: HealthTab, qtbot) -> SurveyRoundDialog:
    tab.open_new_round()
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def column_of(dialog: SurveyRoundDialog, name: str) -> int:
    return next(i for i, c in enumerate(dialog.grid.columns) if c.header.replace("\n", " ") == name)


def test_a_new_alliance_shows_grey_and_says_there_is_no_data(tab):
    assert tab.view.status.light == "grey"
    assert "No data" in tab.status.text()
    assert not tab.warnings.isVisible()


def test_a_round_typed_into_the_grid_turns_trust_red_and_raises_a_warning(
    tab, seeded, alliance, qtbot
):
    seeded.add_survey_round(
        alliance,
        clock.today() - timedelta(days=60),
        [ResponseEntry("ours", "R&D", scores={trust(seeded).id: 8})],
    )
    qtbot.waitUntil(lambda: light_of(tab, "Trust") == "green")
    dialog = open_dialog(tab, qtbot)
    dialog.invited_ours.set_text("3")
    dialog.invited_partner.set_text("2")
    first = column_of(dialog, "Trust")
    assert first == 3  # respondent, side, team, then the benchmarks
    type_row(qtbot, dialog, 0, "", "o", "R&D", "3", "4")
    type_row(qtbot, dialog, 1, "", "p", "Medical", "4")
    type_row(qtbot, dialog, 2, "", "", "Finance", "2")
    assert dialog.grid.answered_rows() == 3
    assert [e.side for e in dialog.grid.entries()] == ["ours", "partner", "partner"]
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted

    qtbot.waitUntil(lambda: light_of(tab, "Trust") == "red")
    assert tab.view.status.light == "red"
    assert "Trust is red (3.0)" in tab.status.text()
    (warning,) = [w for w in tab.warnings.warnings if w.kind == "transition" and "Trust" in w.text]
    assert warning.text.startswith("Trust moved from green to red")
    assert warning.key in tab.warnings.buttons


def test_create_review_action_makes_one_action_and_undo_takes_it_back(
    tab, context, seeded, alliance, qtbot
):
    t = trust(seeded)
    today = clock.today()
    seeded.add_survey_round(alliance, today - timedelta(days=40), [ResponseEntry(scores={t.id: 8})])
    seeded.add_survey_round(alliance, today - timedelta(days=5), [ResponseEntry(scores={t.id: 6})])
    qtbot.waitUntil(lambda: bool(tab.warnings.buttons))
    (key, button) = next(iter(tab.warnings.buttons.items()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: key not in tab.warnings.buttons)
    (action,) = seeded.all(ActionItem, source="health_review")
    assert action.due_date == today + timedelta(days=14)
    assert action.title.startswith("Review Trust: Trust moved from green to yellow")
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: key in tab.warnings.buttons)
    assert seeded.all(ActionItem, source="health_review") == []


def shown_rows(tab: HealthTab) -> list[tuple[str, str]]:
    """(warning text, what sits beside it) for each warning row on screen."""
    shown = []
    for row in tab.warnings.findChildren(WarningRow):
        if row.isVisibleTo(tab.warnings):
            beside = row.note.text() if row.note.isVisibleTo(row) else ""
            beside += row.button.text() if row.button.isVisibleTo(row) else ""
            shown.append((row.text.text(), beside))
    return shown


def test_warning_rows_show_each_alliances_warnings_and_their_review_actions(
    tab, seeded, alliance, qtbot
):
    t = trust(seeded)
    today = clock.today()
    other = seeded.add(type(alliance), name="Second alliance", partner="Other", stage="execution")
    for ident, scores in ((alliance.id, (8, 6, 3)), (other.id, (8, 8, 8))):
        for days, score in zip((70, 40, 5), scores, strict=True):
            seeded.add_survey_round(
                seeded.get(type(alliance), ident),
                today - timedelta(days=days),
                [ResponseEntry(scores={t.id: score})],
            )
    tab.set_alliance(seeded.get(type(alliance), alliance.id))
    rows = shown_rows(tab)
    assert len(rows) == len(tab.warnings.warnings) >= 2
    assert any(beside == "Create review action" for _text, beside in rows)

    tab.set_alliance(other)  # no warnings: every row is put away
    assert tab.warnings.warnings == [] and shown_rows(tab) == []

    tab.set_alliance(seeded.get(type(alliance), alliance.id))
    assert shown_rows(tab) == rows
    (warning,) = [w for w in tab.warnings.warnings if w.proposes_review]
    action = tab.warnings.create_review(warning)
    qtbot.waitUntil(lambda: warning.key not in tab.warnings.buttons)
    due = f"Review action due {format_date(action.due_date)}"
    assert due in [beside for _text, beside in shown_rows(tab)]
    seeded.update(action, status="done", completed_on=today)
    qtbot.waitUntil(lambda: "Review action done" in [b for _t, b in shown_rows(tab)])


def test_a_score_outside_the_scale_is_marked_in_the_cell_and_nothing_is_saved(tab, seeded, qtbot):
    dialog = open_dialog(tab, qtbot)
    type_row(qtbot, dialog, 0, "", "o", "R&D", "11")
    assert "Row 1, Trust: 11 is outside the scale 1–10." in dialog.errors()["grid"]
    dialog.accept()
    assert dialog.isVisible()
    assert seeded.all(SurveyRound) == []


def test_more_responses_than_invited_shows_beside_the_invited_field(tab, seeded, qtbot):
    dialog = open_dialog(tab, qtbot)
    dialog.invited_partner.set_text("1")
    type_row(qtbot, dialog, 0, "", "p", "", "5")
    type_row(qtbot, dialog, 1, "", "p", "", "6")
    dialog.accept()
    assert dialog.errors()["invited_partner"] == (
        "2 responses from the partner's side, but only 1 were invited."
    )
    assert seeded.all(SurveyRound) == []


def test_a_round_in_the_future_shows_beside_the_date(tab, seeded, qtbot):
    dialog = open_dialog(tab, qtbot)
    dialog.held_on.set_text((clock.today() + timedelta(days=3)).isoformat())
    type_row(qtbot, dialog, 0, "", "o", "", "5")
    dialog.accept()
    assert "future" in dialog.errors()["held_on"]


def test_an_unknown_respondent_and_a_bad_side_are_named(tab, qtbot):
    dialog = open_dialog(tab, qtbot)
    type_row(qtbot, dialog, 0, "Nobody Known", "x")
    problems = dialog.grid.problem_list()
    assert problems[0].startswith("Row 1, Respondent: No stakeholder of this alliance")
    assert problems[1] == "Row 1, Side: 'x' is not a side: type o (ours) or p (partner)."


def test_a_block_pasted_from_a_spreadsheet_fills_the_grid(tab, qtbot):
    dialog = open_dialog(tab, qtbot)
    dialog.grid.paste(0, 1, "o\tR&D\t7\t8\np\tR&D\t5\t6\n")
    entries = dialog.grid.entries()
    assert [(e.side, sorted(e.scores.values())) for e in entries] == [
        ("ours", [7, 8]),
        ("partner", [5, 6]),
    ]
    assert dialog.grid.rowCount() >= 3  # always an empty row to type into


def test_twenty_responses_by_five_benchmarks_from_the_keyboard(tab, seeded, qtbot):
    dialog = open_dialog(tab, qtbot)
    for row in range(20):
        type_row(qtbot, dialog, row, "", "o" if row % 2 else "p", "Team", *[str(5 + row % 4)] * 5)
    assert dialog.grid.answered_rows() == 20
    dialog.accept()
    (survey,) = seeded.all(SurveyRound)
    _, responses = seeded.survey_data()
    assert len(responses) == 20 and all(len(r.scores) == 5 for r in responses)


def test_undo_of_a_round_removes_it_and_the_light_goes_back_to_grey(
    tab, context, seeded, alliance, qtbot
):
    dialog = open_dialog(tab, qtbot)
    type_row(qtbot, dialog, 0, "", "o", "", "3")
    dialog.accept()
    qtbot.waitUntil(lambda: light_of(tab, "Trust") == "red")
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: light_of(tab, "Trust") == "grey")
    context.undo_stack.redo()
    qtbot.waitUntil(lambda: light_of(tab, "Trust") == "red")


def test_the_baseline_pick_changes_the_trend(tab, seeded, alliance, qtbot):
    t = trust(seeded)
    for days, score in ((90, 9), (60, 6), (10, 5)):
        seeded.add_survey_round(
            alliance, clock.today() - timedelta(days=days), [ResponseEntry(scores={t.id: score})]
        )
    qtbot.waitUntil(lambda: tab.baseline.count() == 3)
    row = next(r for r in tab.benchmarks.model.rows if r.benchmark.key == "trust")
    assert row.trend.change == -4
    tab.baseline.setCurrentIndex(1)
    tab.baseline.activated.emit(1)
    row = next(r for r in tab.benchmarks.model.rows if r.benchmark.key == "trust")
    assert row.trend.change == -1


def test_the_sidebar_dot_follows_the_health_status(context, seeded, alliance, qtbot):
    from alliance_desk.ui.alliance_list import AllianceListModel, HealthRole
    from alliance_desk.ui.health.lights import dot_colour

    model = AllianceListModel()
    model.set_portfolio(seeded)
    index = model.index(0)
    assert index.data(HealthRole) == dot_colour("grey")
    seeded.add_survey_round(
        alliance, date(2026, 1, 5), [ResponseEntry(scores={trust(seeded).id: 2})]
    )
    assert index.data(HealthRole) == dot_colour("red")
    assert "Health: Red: Trust is red (2.0)" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_read_only_disables_new_rounds_and_review_buttons(tab, seeded, alliance, qtbot):
    tab.set_read_only(True)
    assert not tab.new_round.isEnabled()
    tab.open_new_round()
    assert getattr(tab, "dialog", None) is None


def test_the_rule_behind_the_status_is_one_click_away(tab, qtbot):
    assert not tab.help.isVisible()
    tab.help_link.linkActivated.emit("help")
    assert tab.help.isVisible()
    assert "red when any of them is red" in tab.help.text()
    assert tab.status.toolTip().startswith("An alliance's health counts the benchmarks")


def test_the_dashboard_shows_health_and_the_portfolio_warnings(context, seeded, alliance, qtbot):
    from alliance_desk.ui.dashboard_tab import DashboardTab

    dashboard = DashboardTab(context)
    qtbot.addWidget(dashboard)
    t = trust(seeded)
    today = clock.today()
    seeded.add_survey_round(alliance, today - timedelta(days=40), [ResponseEntry(scores={t.id: 8})])
    seeded.add_survey_round(alliance, today - timedelta(days=5), [ResponseEntry(scores={t.id: 3})])
    qtbot.waitUntil(lambda: len(dashboard.warnings.warnings) == 1)
    (row,) = dashboard.table.model.rows
    qtbot.waitUntil(lambda: dashboard.table.model.rows[0].health.light == "red")
    model = dashboard.table.model
    assert model.data(model.index(0, 1)) == "● Red"
    seen = []
    dashboard.alliance_activated.connect(seen.append)
    dashboard.warnings._link(f"alliance:{alliance.id}")
    assert seen and seen[0].id == alliance.id
