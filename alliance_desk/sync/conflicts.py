"""The conflict log for people: what conflicted, both versions, and restoring the losing one.

Restoring is an ordinary edit through the Portfolio (stamped now, so it syncs like any edit);
`restore` returns what `undo_restore` needs to put the record back as it was.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from alliance_desk import clock
from alliance_desk.models import KINDS, ConflictEntry, Device, Tracked
from alliance_desk.portfolio import IDENTITY_FIELDS, Portfolio
from alliance_desk.sync import rows as R


@dataclass
class ConflictView:
    """One conflict-log entry with the record as it is now."""

    entry: ConflictEntry
    kind_key: str
    losing: dict[str, Any]  # the losing version, as Python values
    current: Tracked | None  # the record now (None if it no longer exists at all)
    losing_device: str  # device labels (host names) where known, else the id
    winning_device: str

    @property
    def kind(self) -> str:
        return KINDS[self.kind_key].singular

    @property
    def label(self) -> str:
        return R.label(self.entry.table_name, self.losing) or self.kind

    @property
    def restored(self) -> bool:
        return self.entry.restored_at is not None

    def fields(self) -> list[str]:
        """The fields users edit, in the table's order."""
        table = R.Base.metadata.tables[self.entry.table_name]
        return [c.name for c in table.columns if c.name not in IDENTITY_FIELDS]

    def current_values(self) -> dict[str, Any]:
        if self.current is None:
            return {}
        return {name: getattr(self.current, name) for name in self.fields()}

    def differing(self) -> list[str]:
        now = self.current_values()
        return [name for name in self.fields() if now.get(name) != self.losing.get(name)]

    @property
    def losing_deleted(self) -> bool:
        return self.losing.get("deleted_at") is not None

    @property
    def current_deleted(self) -> bool:
        return self.current is None or self.current.deleted_at is not None


def conflicts(portfolio: Portfolio, include_restored: bool = True) -> list[ConflictView]:
    """Conflict-log entries, newest first."""
    devices = {d.id: d.label for d in portfolio.all(Device, include_deleted=True)}
    entries = portfolio.all(ConflictEntry, order_by=ConflictEntry.created_at.desc())
    result = []
    for entry in entries:
        kind = R.KIND_OF_TABLE.get(entry.table_name)
        if kind is None or (entry.restored_at is not None and not include_restored):
            continue
        try:
            losing = R.typed(entry.table_name, json.loads(entry.losing_row or "{}"))
        except (ValueError, TypeError):
            continue  # an entry written by a newer app, or damaged: nothing to show
        current = portfolio.get(kind.model, entry.row_id, include_deleted=True)
        loser = devices.get(entry.losing_device) or entry.losing_device
        winner = devices.get(entry.winning_device) or entry.winning_device
        if loser == winner and entry.losing_device != entry.winning_device:
            loser += f" ({entry.losing_device[:8]})"  # two installations on one host name
            winner += f" ({entry.winning_device[:8]})"
        result.append(ConflictView(entry, kind.key, losing, current, loser, winner))
    return result


@dataclass
class Restoration:
    """What a restore changed, so it can be undone."""

    view: ConflictView
    before: dict[str, Any]
    was_deleted: bool


def restore(portfolio: Portfolio, view: ConflictView) -> Restoration:
    """Make the losing version the current one (one transaction) and mark the entry restored."""
    record = view.current
    if record is None:
        raise LookupError("The record of this conflict no longer exists in this portfolio.")
    before = view.current_values()
    was_deleted = record.deleted_at is not None
    wanted = {name: view.losing.get(name) for name in view.differing()}
    with portfolio.batch():
        if wanted:
            portfolio.update(record, **wanted)
        _set_deleted(portfolio, record, view.losing_deleted)
        portfolio.update(view.entry, restored_at=clock.now())
    return Restoration(view, before, was_deleted)


def undo_restore(portfolio: Portfolio, done: Restoration) -> None:
    """Put the record back as it was before `restore`, and the entry back to not restored."""
    record = done.view.current
    with portfolio.batch():
        changed = {k: v for k, v in done.before.items() if getattr(record, k) != v}
        if changed:
            portfolio.update(record, **changed)
        _set_deleted(portfolio, record, done.was_deleted)
        portfolio.update(done.view.entry, restored_at=None)


def _set_deleted(portfolio: Portfolio, record: Tracked, deleted: bool) -> None:
    if deleted and record.deleted_at is None:
        portfolio.delete(record)
    elif not deleted and record.deleted_at is not None:
        portfolio.restore(record)


def when(moment: datetime | None) -> str:
    """A stored (UTC) time for people, in local time: '2 Mar 2026 10:15'."""
    if moment is None:
        return "—"
    local = moment.replace(tzinfo=UTC).astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"
