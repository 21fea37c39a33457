"""Undoable edits: each command calls Portfolio methods, never SQL.

Push commands with `perform(stack, command)`, not `stack.push`: it does the first edit before
pushing, so a failure (a broken rule, a full disk, a vanished network share) reaches the
caller as an exception and nothing lands on the undo stack. A failure during a later undo or
redo is handed to `report_error` (the main window shows it) and the stack is left as it was.
Redo of a create restores the same row (same id), so undo/redo never multiplies records.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio_errors import BatchFailed, PortfolioReadOnly, database_errors

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance, Tracked
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.portfolio_journal import Journal


def write_errors() -> tuple[type[BaseException], ...]:
    """What a failed edit raises."""
    return (*database_errors(), PortfolioReadOnly, BatchFailed)


class EditFailed(Exception):
    """An edit could not be stored; str(error) is a sentence for the user."""


def _failure_message(exc: BaseException) -> str:
    if isinstance(exc, PortfolioReadOnly):
        return str(exc)
    reason = str(getattr(exc, "orig", None) or exc).strip().rstrip(".")
    return f"The change could not be saved ({reason}). Nothing was changed."


def _default_report(message: str) -> None:
    import sys

    print(message, file=sys.stderr)


report_error: Callable[[str], None] = _default_report


class PortfolioCommand(QUndoCommand):
    """A command whose first `apply` runs in `perform`; later redo/undo report failures."""

    def __init__(self, text: str):
        super().__init__(text)
        self._skip_next_redo = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_next_redo:  # perform() already did it
            self._skip_next_redo = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except (ValidationError, *write_errors()) as exc:
            message = exc.message if isinstance(exc, ValidationError) else _failure_message(exc)
            self.setObsolete(True)  # the stack drops a command that can no longer be replayed
            report_error(message)


def perform(stack: QUndoStack, command: PortfolioCommand) -> None:
    """Do `command` now and push it; raises ValidationError or EditFailed, pushing nothing."""
    try:
        command.apply()
    except ValidationError:
        raise
    except write_errors() as exc:
        raise EditFailed(_failure_message(exc)) from exc
    if command.isObsolete():  # it changed nothing: pushing it would only drop the redo steps
        return
    command._skip_next_redo = True
    stack.push(command)


class EditCommand(PortfolioCommand):
    """Change some fields of one record; undo puts the old values back."""

    def __init__(self, portfolio: "Portfolio", record: "Tracked", text: str, /, **fields: Any):
        super().__init__(text)  # positional-only: a record may have a field called text
        self.portfolio = portfolio
        self.record = record
        self.new = fields
        self.old = {key: getattr(record, key) for key in fields}

    def apply(self) -> None:
        self.portfolio.update(self.record, **self.new)

    def revert(self) -> None:
        self.portfolio.update(self.record, **self.old)


class AddAllianceCommand(PortfolioCommand):
    """Create an alliance; undo deletes it (tombstone), redo brings the same one back."""

    def __init__(self, portfolio: "Portfolio", name: str, **fields: Any):
        super().__init__(f"New alliance “{name}”")
        self.portfolio = portfolio
        self.name = name
        self.fields = fields
        self.alliance: Alliance | None = None

    def apply(self) -> None:
        if self.alliance is None:
            self.alliance = self.portfolio.add_alliance(self.name, **self.fields)
        else:
            self.portfolio.restore(self.alliance)

    def revert(self) -> None:
        self.portfolio.delete(self.alliance)


class DeleteCommand(PortfolioCommand):
    """Soft-delete a record; undo restores it."""

    def __init__(self, portfolio: "Portfolio", record: "Tracked", text: str):
        super().__init__(text)
        self.portfolio = portfolio
        self.record = record

    def apply(self) -> None:
        self.portfolio.delete(self.record)

    def revert(self) -> None:
        self.portfolio.restore(self.record)


class RecordedCommand(PortfolioCommand):
    """Whatever `work` stores, as one step and in one transaction: the Portfolio records it
    (portfolio_journal.py); undo takes all of it back, redo does it again with the same
    records. `result` is what `work` returned. A block that changed nothing is not pushed."""

    def __init__(self, portfolio: "Portfolio", text: str, work: Callable[[], Any]):
        super().__init__(text)
        self.portfolio = portfolio
        self.work: Callable[[], Any] | None = work
        self.journal: Journal | None = None
        self.result: Any = None

    def apply(self) -> None:
        if self.journal is not None:
            self.portfolio.redo_recorded(self.journal)
            return
        with self.portfolio.recording() as journal:
            self.result = self.work()
        self.journal, self.work = journal, None  # the work held a whole preview
        if not journal:
            self.setObsolete(True)  # perform() does not push it

    def revert(self) -> None:
        self.portfolio.undo_recorded(self.journal)
