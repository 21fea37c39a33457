"""Many edits as one step to undo: while a block of Portfolio edits is recorded, every record
it adds and every field it changes (a tombstone set or cleared is a change of `deleted_at`) is
noted, so the whole block can later be taken back, or done again, in one transaction.

An import is recorded this way (ui/undo.RecordedCommand): undo deletes the records it added
(tombstones, as any delete, so merges carry it) and puts back the fields it changed; redo
restores the same records, by id, and changes the fields again. Mixed into `Portfolio`.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update

from alliance_desk import clock
from alliance_desk.changes import Change
from alliance_desk.models import KIND_OF_MODEL, Tracked
from alliance_desk.portfolio_transactions import RELOAD_ABOVE

IDS_PER_STATEMENT = 500  # within SQLite's oldest limit on bound values (999)


@dataclass(frozen=True)
class Edit:
    """Fields of one stored record, before and after."""

    model: type[Tracked]
    ident: str
    old: dict[str, Any]
    new: dict[str, Any]


@dataclass
class Journal:
    """What a recorded block did, in order: the ids of the records it added, per model, and
    the fields it changed."""

    added: dict[type[Tracked], list[str]] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(map(len, self.added.values())) + len(self.edits)


class JournalCommands:
    """Methods of `Portfolio` (they use its batch, write and announce plumbing)."""

    _journal: Journal | None = None

    @contextmanager
    def recording(self) -> Iterator[Journal]:
        """Note what the edits inside do. Put a batch inside (an import is one): a block that
        fails stores nothing, and its journal is not to be used."""
        if self._journal is not None:
            raise RuntimeError("Edits are being recorded already.")
        self._journal = journal = Journal()
        try:
            yield journal
        finally:
            self._journal = None

    def undo_recorded(self, journal: Journal) -> None:
        """Take back what a recorded block did, in one transaction: all of it or nothing."""
        with self.batch(reload=len(journal) > RELOAD_ABOVE):
            for edit in reversed(journal.edits):
                self._put_fields(edit, edit.old)
            for model, ids in journal.added.items():
                self._set_tombstones(model, ids, clock.now(), "deleted")

    def redo_recorded(self, journal: Journal) -> None:
        """Do a recorded block again after `undo_recorded`: the same records come back."""
        with self.batch(reload=len(journal) > RELOAD_ABOVE):
            for model, ids in journal.added.items():
                self._set_tombstones(model, ids, None, "restored")
            for edit in journal.edits:
                self._put_fields(edit, edit.new)

    # --- what the generic commands call --------------------------------------------------

    def _note_added(self, model: type[Tracked], ids: Sequence[str]) -> None:
        if self._journal is not None:
            self._journal.added.setdefault(model, []).extend(ids)

    def _note_edit(self, record: Tracked, old: dict[str, Any], new: dict[str, Any]) -> None:
        if self._journal is not None:
            self._journal.edits.append(Edit(type(record), record.id, old, new))

    def _put_fields(self, edit: Edit, fields: dict[str, Any]) -> None:
        record = self.get(edit.model, edit.ident, include_deleted=True)
        if record is None:  # purged meanwhile: nothing left to put back
            return
        if fields.keys() == {"deleted_at"}:
            op = "deleted" if fields["deleted_at"] is not None else "restored"
            self._set_tombstone(record, fields["deleted_at"], op)
        else:
            self.update(record, **fields)

    def _set_tombstones(self, model: type[Tracked], ids: Sequence[str], when, op: str) -> None:
        """Delete (or with `when` None, restore) many records of one kind: a few statements,
        whatever their number; records already in memory follow."""
        self._require_writable()
        moment = clock.now()
        for start in range(0, len(ids), IDS_PER_STATEMENT):
            chunk = ids[start : start + IDS_PER_STATEMENT]
            statement = (
                update(model)
                .where(model.id.in_(chunk))
                .values(deleted_at=when, updated_at=moment, updated_by=self.device_id)
                .execution_options(synchronize_session="evaluate")
            )
            with self._write() as session:
                session.execute(statement)
        if ids:
            self._announce(Change(KIND_OF_MODEL[model].key, tuple(ids), op))
