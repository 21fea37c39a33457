"""Undoable edits of daily records: create, delete many, change many, invite or mark present.

Each command calls Portfolio methods only; several rows change in one batch (one
transaction), so a bulk edit is all or nothing and undoes as one step.
"""

from typing import Any

from alliance_desk.models import KIND_OF_MODEL, Tracked
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.undo import PortfolioCommand


def noun(model: type[Tracked], count: int = 1) -> str:
    kind = KIND_OF_MODEL[model]
    return kind.singular if count == 1 else kind.plural


class AddRecordCommand(PortfolioCommand):
    """Create a record; undo deletes it (tombstone), redo brings the same one back."""

    def __init__(self, portfolio: Portfolio, model: type[Tracked], fields: dict[str, Any]):
        title = str(fields.get("title") or "").strip()
        text = f"New {noun(model)}" + (f" “{_short(title)}”" if title else "")
        super().__init__(text)
        self.portfolio = portfolio
        self.model = model
        self.fields = fields
        self.record: Tracked | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.portfolio.add(self.model, **self.fields)
        else:
            self.portfolio.restore(self.record)

    def revert(self) -> None:
        self.portfolio.delete(self.record)


class DeleteRecordsCommand(PortfolioCommand):
    """Delete records (tombstones) in one transaction; undo restores them all."""

    def __init__(self, portfolio: Portfolio, records: list[Tracked]):
        model = type(records[0])
        if len(records) == 1:
            text = f"Delete {noun(model)} “{_short(_title(records[0]))}”"
        else:
            text = f"Delete {len(records)} {noun(model, len(records))}"
        super().__init__(text)
        self.portfolio = portfolio
        self.records = records

    def apply(self) -> None:
        with self.portfolio.batch():
            for record in self.records:
                self.portfolio.delete(record)

    def revert(self) -> None:
        with self.portfolio.batch():
            for record in self.records:
                self.portfolio.restore(record)


class EditManyCommand(PortfolioCommand):
    """Change fields of several records in one transaction; undo puts every old value back."""

    def __init__(self, portfolio: Portfolio, changes: list[tuple[Tracked, dict[str, Any]]], text):
        super().__init__(text)
        self.portfolio = portfolio
        self.changes = changes
        self.old = [(record, {k: getattr(record, k) for k in new}) for record, new in changes]

    def apply(self) -> None:
        for record, fields in self.changes:  # every rule first: nothing half-way
            self.portfolio.check(record, **fields)
        with self.portfolio.batch():
            for record, fields in self.changes:
                self.portfolio.update(record, **fields)

    def revert(self) -> None:
        with self.portfolio.batch():
            for record, fields in self.old:
                self.portfolio.update(record, **fields)


def status_command(
    portfolio: Portfolio, records: list[Tracked], status: str, label: str
) -> EditManyCommand:
    """Move records to a status (with the dates that implies), as one undoable step."""
    changes = [(record, portfolio.status_change(record, status)) for record in records]
    if len(records) == 1:
        text = f"Mark “{_short(_title(records[0]))}” {label.lower()}"
    else:
        text = f"Mark {len(records)} {noun(type(records[0]), len(records))} {label.lower()}"
    return EditManyCommand(portfolio, changes, text)


def _title(record: Tracked) -> str:
    return str(getattr(record, "title", "") or "")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
