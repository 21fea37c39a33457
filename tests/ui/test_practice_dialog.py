"""My practice: enter a self-assessment, see it in the history, the chart and where to develop."""

from datetime import timedelta

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from alliance_desk import clock
from alliance_desk.charts.figures import NO_DATA
from alliance_desk.models import PracticeAssessment
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import format_date
from alliance_desk.ui.practice.dialog import PracticeDialog
from tests.ui.conftest import DISK_FAILURE
from tests.ui.shell_support import type_text


@pytest.fixture
def demo(demo_file):
    opened = Portfolio.open(demo_file, "demo")
    yield opened
    opened.close()


@pytest.fixture
def demo_context(demo):
    bridge = PortfolioBridge(demo)
    yield UiContext(demo, bridge, QUndoStack())
    bridge.detach()


@pytest.fixture
def dialog(qtbot, demo_context) -> PracticeDialog:
    shown = PracticeDialog(demo_context)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.confirm_discard = lambda: True
    return shown


def history_dates(dialog) -> list[str]:
    model = dialog.history_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def chart_points(dialog) -> dict[str, list[tuple[float, float]]]:
    """The chart's dots by kind: 'latest' (filled) and 'previous' (rings)."""
    found = {}
    for item in dialog.chart.plot.items:
        if isinstance(item, pg.PlotDataItem) and item.opts.get("symbol") == "o":
            xs, ys = item.getData()
            kind = "previous" if item.opts["symbolBrush"].color().name() == "#ffffff" else "latest"
            found[kind] = sorted(zip(ys.tolist(), xs.tolist(), strict=True), reverse=True)
    return found


def pick(qtbot, box, value):
    """Choose a score by typing its digit into the focused box, as from the keyboard."""
    box.setFocus()
    qtbot.keyClicks(box, str(value))
    assert box.score() == value


def test_dialog_opens_on_habits_with_the_demo_history_and_chart(dialog):
    assert [row.key for row in dialog.rows] == [f"habit_{n}" for n in range(1, 8)]
    assert len(history_dates(dialog)) == 2
    points = chart_points(dialog)
    # first item on top: habit_1 latest 4, previous 3
    assert [x for _, x in points["latest"]] == [4, 4, 3, 3, 3, 4, 4]
    assert [x for _, x in points["previous"]] == [3, 3, 2, 3, 3, 2, 2]
    assert "Bridge the differences" in dialog.develop_label.text()


def test_entering_an_assessment_shows_it_in_history_chart_and_advice(qtbot, dialog, demo):
    scores = [5, 4, 4, 4, 2, 4, 5]
    for row, value in zip(dialog.rows, scores, strict=True):
        pick(qtbot, row.score, value)
    type_text(qtbot, dialog.rows[4].note.editor, "Dose question escalated too late.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert history_dates(dialog)[0] == format_date(clock.today())
    assert len(history_dates(dialog)) == 3
    points = chart_points(dialog)
    assert [x for _, x in points["latest"]] == scores
    assert [x for _, x in points["previous"]] == [4, 4, 3, 3, 3, 4, 4]  # the demo's latest
    advice = dialog.develop_label.text()
    assert "Unblock problems early (2, down 1 since the previous one)" in advice
    assert "Dose question escalated too late." in advice
    assert "Saved the assessment" in dialog.saved_label.text()
    assert not dialog.is_dirty()  # the form is cleared for the next time
    (stored,) = [a for a in demo.practice_assessments("habits") if a.assessed_on == clock.today()]
    assert stored.scores["habit_5"].note == "Dose question escalated too late."


def test_save_is_one_undoable_edit(qtbot, dialog, demo):
    pick(qtbot, dialog.rows[0].score, 5)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(demo.all(PracticeAssessment)) == 4
    dialog.context.undo_stack.undo()
    assert len(demo.all(PracticeAssessment)) == 3
    assert len(history_dates(dialog)) == 2
    dialog.context.undo_stack.redo()
    assert len(history_dates(dialog)) == 3


def test_saving_without_a_score_shows_the_message_and_stores_nothing(qtbot, dialog, demo):
    type_text(qtbot, dialog.rows[0].note.editor, "Only a note")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form_error.isVisible()
    assert dialog.form_error.text() == "Score at least one item from 1 to 5."
    assert len(demo.all(PracticeAssessment)) == 3
    assert dialog.rows[0].note.value() == "Only a note"  # what was typed is kept


def test_a_date_in_the_future_is_refused_next_to_the_date(qtbot, dialog, demo):
    tomorrow = clock.today() + timedelta(days=1)
    dialog.date_field.editor.clear()
    type_text(qtbot, dialog.date_field.editor, tomorrow.isoformat())
    pick(qtbot, dialog.rows[0].score, 3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.date_field.error_text() == "The assessment cannot be dated in the future."
    assert len(demo.all(PracticeAssessment)) == 3
    assert dialog.rows[0].score.score() == 3


def test_a_date_that_is_not_a_date_is_refused_next_to_the_date(qtbot, dialog, demo):
    dialog.date_field.editor.clear()
    type_text(qtbot, dialog.date_field.editor, "soon")
    pick(qtbot, dialog.rows[0].score, 3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "'soon' is not a date" in dialog.date_field.error_text()
    assert len(demo.all(PracticeAssessment)) == 3


def test_a_failing_disk_says_so_and_keeps_the_form(qtbot, dialog, demo, failing_commits):
    pick(qtbot, dialog.rows[0].score, 4)
    with failing_commits(demo):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form_error.text() == DISK_FAILURE
    assert dialog.rows[0].score.score() == 4
    assert dialog.context.undo_stack.count() == 0


def test_switching_to_deliverables_shows_its_four_items_and_single_assessment(qtbot, dialog):
    dialog.framework_box.setCurrentIndex(dialog.framework_box.findData("deliverables"))
    assert [row.key for row in dialog.rows] == [
        "deliverable_leadership",
        "deliverable_engagement",
        "deliverable_governance",
        "deliverable_outcomes",
    ]
    assert len(history_dates(dialog)) == 1
    points = chart_points(dialog)
    assert "previous" not in points
    assert [x for _, x in points["latest"]] == [3, 3, 2, 2]
    assert "Governance that works" in dialog.develop_label.text()


def test_switching_framework_with_unsaved_scores_asks_first(qtbot, dialog):
    pick(qtbot, dialog.rows[0].score, 4)
    dialog.confirm_discard = lambda: False
    dialog.framework_box.setCurrentIndex(dialog.framework_box.findData("deliverables"))
    assert dialog.framework.key == "habits"
    assert dialog.framework_box.currentData() == "habits"
    assert dialog.rows[0].score.score() == 4


def test_closing_with_unsaved_scores_can_be_cancelled(qtbot, dialog):
    pick(qtbot, dialog.rows[0].score, 4)
    dialog.confirm_discard = lambda: False
    dialog.reject()
    assert dialog.isVisible()


def test_picking_an_older_assessment_compares_it_with_the_one_before(qtbot, dialog):
    dialog.history.selectRow(1)  # the older habits assessment: nothing before it
    points = chart_points(dialog)
    assert "previous" not in points
    assert [x for _, x in points["latest"]] == [3, 3, 2, 3, 3, 2, 2]


def test_delete_assessment_is_undoable(qtbot, dialog, demo):
    dialog.history.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert len(history_dates(dialog)) == 1
    dialog.context.undo_stack.undo()
    assert len(history_dates(dialog)) == 2


def test_empty_portfolio_shows_no_data_yet(qtbot, context):
    shown = PracticeDialog(context)
    qtbot.addWidget(shown)
    texts = [i.toPlainText() for i in shown.chart.plot.items if isinstance(i, pg.TextItem)]
    assert NO_DATA in texts
    assert "Score the items" in shown.develop_label.text()
    assert not shown.delete_button.isEnabled()


def test_view_menu_opens_my_practice_on_the_open_portfolio(qtbot, portfolio_file):
    from tests.conftest import PASSPHRASE
    from tests.ui.shell_support import make_window

    window = make_window(qtbot)
    seen = []

    def run_dialog(shown):
        seen.append(shown)
        return False

    window.run_dialog = run_dialog
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.practice_action in view_menu.actions()
    window.practice_action.trigger()  # no portfolio yet: nothing opens
    assert seen == []
    assert window.open_path(portfolio_file, PASSPHRASE)
    window.practice_action.trigger()
    (shown,) = seen
    assert isinstance(shown, PracticeDialog)
    assert shown.portfolio is window.portfolio
