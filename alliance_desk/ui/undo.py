"""Undoable edits: each QUndoCommand calls Portfolio methods, never SQL.

Redo of a create restores the same row (same id), so undo/redo never multiplies records.
"""

from typing import Any

from PySide6.QtGui import QUndoCommand

from alliance_desk.models import Alliance, Tracked
from alliance_desk.portfolio import Portfolio


class EditCommand(QUndoCommand):
    """Change some fields of one record; undo puts the old values back."""

    def __init__(self, portfolio: Portfolio, record: Tracked, text: str, **fields: Any):
        super().__init__(text)
        self.portfolio = portfolio
        self.record = record
        self.new = fields
        self.old = {key: getattr(record, key) for key in fields}

    def redo(self) -> None:
        self.portfolio.update(self.record, **self.new)

    def undo(self) -> None:
        self.portfolio.update(self.record, **self.old)


class AddAllianceCommand(QUndoCommand):
    """Create an alliance; undo deletes it (tombstone), redo brings the same one back."""

    def __init__(self, portfolio: Portfolio, name: str, **fields: Any):
        super().__init__(f"New alliance “{name}”")
        self.portfolio = portfolio
        self.name = name
        self.fields = fields
        self.alliance: Alliance | None = None

    def redo(self) -> None:
        if self.alliance is None:
            self.alliance = self.portfolio.add_alliance(self.name, **self.fields)
        else:
            self.portfolio.restore(self.alliance)

    def undo(self) -> None:
        self.portfolio.delete(self.alliance)


class DeleteCommand(QUndoCommand):
    """Soft-delete a record; undo restores it."""

    def __init__(self, portfolio: Portfolio, record: Tracked, text: str):
        super().__init__(text)
        self.portfolio = portfolio
        self.record = record

    def redo(self) -> None:
        self.portfolio.delete(self.record)

    def undo(self) -> None:
        self.portfolio.restore(self.record)
