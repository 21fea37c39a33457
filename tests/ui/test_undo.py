"""Undoable edits: `perform` stores before it pushes, and a failing undo is reported, not raised."""

import pytest
from PySide6.QtGui import QUndoStack

from alliance_desk.models.validation import ValidationError
from alliance_desk.ui import undo
from alliance_desk.ui.undo import (
    AddAllianceCommand,
    EditCommand,
    EditFailed,
    RecordedCommand,
    perform,
)
from tests.ui.conftest import DISK_FAILURE


@pytest.fixture
def reported(monkeypatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(undo, "report_error", messages.append)
    return messages


def test_perform_failed_write_raises_and_pushes_nothing(portfolio, alliance, failing_commits):
    stack = QUndoStack()
    with failing_commits(portfolio), pytest.raises(EditFailed) as failure:
        perform(stack, EditCommand(portfolio, alliance, "Change partner", partner="Nimbus"))
    assert str(failure.value) == DISK_FAILURE
    assert stack.count() == 0
    assert alliance.partner == "Brightwave Bio"


def test_perform_broken_rule_raises_and_pushes_nothing(portfolio, alliance):
    stack = QUndoStack()
    with pytest.raises(ValidationError, match="must not be empty"):
        perform(stack, EditCommand(portfolio, alliance, "Rename", name=""))
    assert stack.count() == 0


def test_perform_stores_once_then_undo_and_redo_replay(portfolio, alliance, reported):
    stack = QUndoStack()
    command = AddAllianceCommand(portfolio, "Northstar")
    perform(stack, command)
    assert [a.name for a in portfolio.alliances()] == ["Helios Oncology", "Northstar"]
    stack.undo()
    assert [a.name for a in portfolio.alliances()] == ["Helios Oncology"]
    stack.redo()
    assert portfolio.find_alliance("Northstar").id == command.alliance.id
    assert reported == []


def test_undo_failure_is_reported_through_the_hook_not_raised(
    portfolio, alliance, failing_commits, reported
):
    stack = QUndoStack()
    perform(stack, EditCommand(portfolio, alliance, "Change partner", partner="Nimbus"))
    with failing_commits(portfolio):
        stack.undo()
    assert reported == [DISK_FAILURE]
    assert alliance.partner == "Nimbus"


def test_a_recorded_block_is_one_step_and_one_that_changed_nothing_is_not_kept(
    portfolio, alliance, failing_commits, reported
):
    stack = QUndoStack()

    def two_edits():
        portfolio.update(alliance, partner="Nimbus")
        return portfolio.add_alliance("Northstar")

    command = RecordedCommand(portfolio, "Two edits", two_edits)
    perform(stack, command)
    assert command.result.name == "Northstar" and stack.count() == 1
    stack.undo()
    assert (alliance.partner, [a.name for a in portfolio.alliances()]) == (
        "Brightwave Bio",
        ["Helios Oncology"],
    )
    stack.redo()
    assert (alliance.partner, portfolio.find_alliance("Northstar").id) == (
        "Nimbus",
        command.result.id,
    )
    with failing_commits(portfolio):  # a failing undo changes nothing, half-way neither
        stack.undo()
    assert reported == [DISK_FAILURE]
    assert alliance.partner == "Nimbus" and portfolio.find_alliance("Northstar") is not None

    assert stack.count() == 0  # the command that could not be undone was dropped
    perform(stack, EditCommand(portfolio, alliance, "Change partner", partner="Orbit"))
    stack.undo()
    perform(stack, RecordedCommand(portfolio, "Nothing", lambda: None))
    assert stack.count() == 1 and stack.canRedo()  # nothing pushed, the redo step kept


def test_a_recorded_block_that_fails_half_way_stores_none_of_it(portfolio, alliance):
    stack = QUndoStack()

    def half_then_broken():
        portfolio.update(alliance, partner="Nimbus")
        portfolio.add_alliance("")  # refused: a name is needed

    with pytest.raises(ValidationError):
        perform(stack, RecordedCommand(portfolio, "Half", half_then_broken))
    assert stack.count() == 0
    assert portfolio.find_alliance("Helios Oncology").partner == "Brightwave Bio"
