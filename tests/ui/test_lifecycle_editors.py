"""The lifecycle editors driven like a user: the living set of checklist templates, the
benchmark definitions and one alliance's own thresholds."""

import pytest
from PySide6.QtCore import Qt

from alliance_desk import clock
from alliance_desk.defaults import find_template, seed_defaults
from alliance_desk.models import Benchmark, BenchmarkOverride, ChecklistTemplateItem
from alliance_desk.ui.app import create_application
from alliance_desk.ui.fields import format_date
from alliance_desk.ui.lifecycle.benchmarks_dialog import BenchmarksDialog
from alliance_desk.ui.lifecycle.templates_dialog import ChecklistTemplatesDialog
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import make_window

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def seeded(context):
    create_application()
    seed_defaults(context.portfolio)
    return context


@pytest.fixture
def templates(seeded, qtbot):
    dialog = ChecklistTemplatesDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_template("stage_governance")
    return dialog


@pytest.fixture
def benchmarks(seeded, alliance, qtbot):
    dialog = BenchmarksDialog(seeded, alliance)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("trust")
    return dialog


def shown_items(dialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [
        (model.data(model.index(r, 1)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    ]


def test_adding_an_item_puts_it_at_the_end_and_undo_takes_it_away(templates, seeded, qtbot):
    before = len(shown_items(templates))
    templates.new_text.editor.setPlainText("Joint onboarding day for new team members")
    qtbot.mouseClick(templates.add_button, LEFT)
    assert shown_items(templates)[-1] == ("Joint onboarding day for new team members", "In use")
    assert templates.current_item().text == "Joint onboarding day for new team members"
    assert templates.new_text.value() == ""
    seeded.undo_stack.undo()
    assert len(shown_items(templates)) == before


def test_an_empty_new_item_is_refused_beside_the_field(templates, seeded, qtbot):
    before = len(seeded.portfolio.all(ChecklistTemplateItem))
    templates.new_text.editor.setPlainText("   ")
    qtbot.mouseClick(templates.add_button, LEFT)
    assert templates.new_text.error_text() == "The item must not be empty."
    assert len(seeded.portfolio.all(ChecklistTemplateItem)) == before


def test_editing_reordering_and_retiring_an_item(templates, seeded, qtbot):
    templates.view.selectRow(2)
    item = templates.current_item()
    text = templates.form.field("text")
    text.editor.setPlainText("Escalation path agreed, with a time limit at every level.")
    text.committed.emit()
    assert item.text == "Escalation path agreed, with a time limit at every level."
    guidance = templates.form.field("guidance")
    guidance.editor.setPlainText("")
    guidance.committed.emit()
    assert item.guidance == ""
    text.editor.setPlainText("")
    text.committed.emit()
    assert text.error_text() == "The item must not be empty."
    assert item.text.startswith("Escalation path agreed")

    qtbot.mouseClick(templates.up_button, LEFT)
    assert shown_items(templates)[1][0] == item.text
    assert templates.current_item() is item
    seeded.undo_stack.undo()
    assert shown_items(templates)[2][0] == item.text

    qtbot.mouseClick(templates.retire_button, LEFT)
    assert item.retired_on == clock.today()
    assert shown_items(templates)[2][1] == f"Retired {format_date(clock.today())}"
    assert templates.retire_button.text() == "Bring back"
    qtbot.mouseClick(templates.retire_button, LEFT)
    assert item.retired_on is None
    assert seeded.portfolio.get(ChecklistTemplateItem, item.id) is not None


def test_retiring_an_item_keeps_it_on_the_alliance_that_had_it_only(
    templates, seeded, alliance, qtbot
):
    portfolio = seeded.portfolio
    portfolio.move_stage(alliance, "governance")
    templates.view.selectRow(0)
    retired = templates.current_item()
    qtbot.mouseClick(templates.retire_button, LEFT)
    had_it = {row.text: row.retired for row in portfolio.checklist_rows(alliance.id)}
    assert had_it[retired.text] is True and len(had_it) == 10
    later = portfolio.add_alliance("Aurora Diagnostics")
    added = portfolio.move_stage(later, "governance").added
    assert retired.id not in {item.template_item_id for item in added}
    assert len(added) == 9
    governance = find_template(portfolio, stage="governance")
    assert len(portfolio.template_items(governance)) == 10  # kept in the living set


def test_a_definition_with_red_at_green_shows_the_message_and_saves_nothing(
    benchmarks, seeded, qtbot
):
    trust = benchmarks.current()
    benchmarks.form.field("red_below").editor.setText("7")
    benchmarks.form.field("question").editor.setPlainText("Changed, but not saved")
    qtbot.mouseClick(benchmarks.save_button, LEFT)
    message = benchmarks.form.errors()["red_below"]
    assert message.startswith("Red must be below green")
    stored = seeded.portfolio.get(Benchmark, trust.id)
    assert stored.red_below == 5.0 and stored.question.startswith("How far do you trust")
    assert seeded.undo_stack.count() == 0


def test_a_definition_is_saved_in_one_undoable_step(benchmarks, seeded, qtbot):
    trust = benchmarks.current()
    benchmarks.form.field("question").editor.setPlainText("Do you trust the partner team?")
    benchmarks.form.field("green_at").editor.setText("8")
    stages = benchmarks.form.field("stages")
    stages.boxes["formation"].setChecked(False)
    cadence = benchmarks.form.field("cadence")
    cadence.editor.setCurrentIndex(cadence.editor.findData("quarterly"))
    qtbot.mouseClick(benchmarks.save_button, LEFT)
    assert benchmarks.form.errors() == {}
    assert (trust.question, trust.green_at, trust.cadence) == (
        "Do you trust the partner team?",
        8,
        "quarterly",
    )
    assert trust.stages == "governance,execution,evaluation,renewal_exit"
    seeded.undo_stack.undo()
    assert trust.green_at == 7.0 and trust.cadence == "monthly"
    assert benchmarks.form.field("green_at").text() == "7"


def test_lower_is_better_relabels_red_and_checks_the_other_way(benchmarks, seeded, qtbot):
    benchmarks.select("governance_responsiveness")
    assert benchmarks.form.labels["red_below"].text() == "Red above"
    benchmarks.form.field("green_at").editor.setText("45")
    qtbot.mouseClick(benchmarks.save_button, LEFT)
    assert "lower is better" in benchmarks.form.errors()["red_below"]


def test_an_override_with_red_at_or_above_green_shows_the_message_and_saves_nothing(
    benchmarks, seeded, qtbot
):
    benchmarks.override_form.field("green_at").editor.setText("6")
    benchmarks.override_form.field("red_below").editor.setText("6")
    qtbot.mouseClick(benchmarks.override_button, LEFT)
    assert benchmarks.override_form.errors()["red_below"].startswith("Red must be below green")
    assert seeded.portfolio.all(BenchmarkOverride) == []
    benchmarks.override_form.field("green_at").editor.setText("")
    benchmarks.override_form.field("red_below").editor.setText("8")  # past the default green
    qtbot.mouseClick(benchmarks.override_button, LEFT)
    assert "red_below" in benchmarks.override_form.errors()
    assert seeded.portfolio.all(BenchmarkOverride) == []


def test_an_override_is_set_shown_cleared_and_undone(benchmarks, seeded, alliance, qtbot):
    trust = benchmarks.current()
    assert "uses the definition's thresholds: green at 7 or above, red below 5" in (
        benchmarks.effective.text()
    )
    benchmarks.override_form.field("green_at").editor.setText("8")
    benchmarks.override_form.field("red_below").editor.setText("6")
    qtbot.mouseClick(benchmarks.override_button, LEFT)
    assert benchmarks.override_form.errors() == {}
    assert "uses its own thresholds: green at 8 or above, red below 6" in (
        benchmarks.effective.text()
    )
    assert seeded.portfolio.effective_thresholds(alliance, trust).green_at == 8
    qtbot.mouseClick(benchmarks.clear_button, LEFT)
    assert seeded.portfolio.all(BenchmarkOverride) == []
    assert benchmarks.override_form.field("green_at").text() == ""
    seeded.undo_stack.undo()  # the override is back
    assert seeded.portfolio.effective_thresholds(alliance, trust).red_below == 6
    assert benchmarks.override_form.field("red_below").text() == "6"


def test_the_alliance_menu_opens_both_editors(qtbot, portfolio_file):
    window = make_window(qtbot, [])
    assert window.open_path(portfolio_file, PASSPHRASE)
    texts = [a.text() for a in window.alliance_menu.actions()]
    assert "Checklist &templates…" in texts and "&Benchmarks and thresholds…" in texts
    window.checklist_templates_action.trigger()
    assert isinstance(window.lifecycle_dialog, ChecklistTemplatesDialog)
    window.lifecycle_dialog.close()
    window.benchmarks_action.trigger()
    assert isinstance(window.lifecycle_dialog, BenchmarksDialog)
    window.lifecycle_dialog.close()
