"""Many edits as one step to undo: while a block of Portfolio edits is recorded, every record
it adds and every field it changes (a tombstone set or cleared is a change of `deleted_at`) is
noted, so the whole block can later be taken back, or done again, in one transaction.

An import is recorded this way (ui/undo.RecordedCommand): undo deletes the records it added
(tombstones, as any delete, so merges carry it) and puts back the fields it changed; redo
restores the same records, by id, and changes the fields again. What changed since by other
means (a merge, a sync) is left as it is: a field is put back only while it still holds what
the block (or its undo) wrote, a record restored only while it still has the undo's tombstone.
The values put back were stored once, so today's rules are not asked again (a narrowed scale
must not make an import impossible to undo). Mixed into `Portfolio`.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

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
    the fields it changed. `undone_at`: the tombstone time of its last undo."""

    added: dict[type[Tracked], list[str]] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)
    undone_at: datetime | None = None

    def __len__(self) -> int:
        return sum(map(len, self.added.values())) + len(self.edits)


class JournalCommands:
    """Methods of `Portfolio` (they use its batch, write and announce plumbing)."""

    _journal: Journal | None = None

    @contextmanager
    def recording(self) -> Iterator[Journal]:
        """Note what the edits inside do, in one batch: all of them are stored or none. A
        block that fails stores nothing, and its journal is not to be used."""
        if self._journal is not None:
            raise RuntimeError("Edits are being recorded already.")
        self._journal = journal = Journal()
        try:
            with self.batch():
                yield journal
        finally:
            self._journal = None

    def undo_recorded(self, journal: Journal) -> None:
        """Take back what a recorded block did, in one transaction: all of it or nothing."""
        moment = clock.now()
        with self.batch(reload=len(journal) > RELOAD_ABOVE):
            self._put_fields(reversed(journal.edits), undo=True)
            for model, ids in journal.added.items():
                live = model.deleted_at.is_(None)
                self._set_tombstones(model, ids, live, moment, "deleted")
        journal.undone_at = moment

    def redo_recorded(self, journal: Journal) -> None:
        """Do a recorded block again after `undo_recorded`: the same records come back."""
        with self.batch(reload=len(journal) > RELOAD_ABOVE):
            for model, ids in journal.added.items():
                undone = model.deleted_at == journal.undone_at
                self._set_tombstones(model, ids, undone, None, "restored")
            self._put_fields(journal.edits, undo=False)

    # --- what the generic commands call --------------------------------------------------

    def _note_added(self, model: type[Tracked], ids: Sequence[str]) -> None:
        if self._journal is not None:
            self._journal.added.setdefault(model, []).extend(ids)

    def _note_edit(self, record: Tracked, old: dict[str, Any], new: dict[str, Any]) -> None:
        if self._journal is not None:
            self._journal.edits.append(Edit(type(record), record.id, old, new))

    # --- internals ------------------------------------------------------------------------

    def _put_fields(self, edits: Iterable[Edit], undo: bool) -> None:
        """Write each edit's old values (`undo`) or new ones, in the order given, where the
        field still holds the other side; one read per 500 records, one flush for all."""
        edits = list(edits)
        records = self._records_of(edits)
        moment = clock.now()
        touched: dict[tuple[type[Tracked], str], set[str]] = defaultdict(set)
        fields_of: dict[type[Tracked], set[str]] = defaultdict(set)
        for edit in edits:
            record = records.get((edit.model, edit.ident))
            if record is None:  # purged meanwhile: nothing left to put back
                continue
            wanted, expected = (edit.old, edit.new) if undo else (edit.new, edit.old)
            # a field changed since by other means keeps their value
            ours = {k: v for k, v in wanted.items() if getattr(record, k) == expected[k]}
            if ours:
                record.updated_at = moment
                record.updated_by = self.device_id
            for key, value in ours.items():
                setattr(record, key, value)
                if key == "deleted_at":
                    op = "restored" if value is None else "deleted"
                else:
                    op = "updated"
                    fields_of[edit.model].add(key)
                touched[(edit.model, op)].add(edit.ident)
        if not touched:
            return
        with self._write():
            pass
        for (model, op), ids in touched.items():
            fields = tuple(sorted(fields_of[model])) if op == "updated" else ()
            self._announce(Change(KIND_OF_MODEL[model].key, tuple(ids), op, fields))

    def _records_of(self, edits: list[Edit]) -> dict[tuple[type[Tracked], str], Tracked]:
        ids_of: dict[type[Tracked], set[str]] = defaultdict(set)
        for edit in edits:
            ids_of[edit.model].add(edit.ident)
        records = {}
        for model, ids in ids_of.items():
            ids = sorted(ids)
            for start in range(0, len(ids), IDS_PER_STATEMENT):
                statement = select(model).where(
                    model.id.in_(ids[start : start + IDS_PER_STATEMENT])
                )
                for record in self._read(lambda s, q=statement: list(s.scalars(q))):
                    records[(model, record.id)] = record
        return records

    def _set_tombstones(
        self, model: type[Tracked], ids: Sequence[str], still, when, op: str
    ) -> None:
        """Delete (or with `when` None, restore) those of many records of one kind that the
        condition `still` holds for: one read and one statement per 500 records; records
        already in memory follow."""
        self._require_writable()
        moment = clock.now()
        changed: list[str] = []
        for start in range(0, len(ids), IDS_PER_STATEMENT):
            chunk = model.id.in_(ids[start : start + IDS_PER_STATEMENT])
            found = select(model.id).where(chunk, still)
            hits = self._read(lambda s, q=found: list(s.scalars(q)))
            if not hits:
                continue
            statement = (
                update(model)
                .where(model.id.in_(hits))
                .values(deleted_at=when, updated_at=moment, updated_by=self.device_id)
                .execution_options(synchronize_session="evaluate")
            )
            with self._write() as session:
                session.execute(statement)
            changed.extend(hits)
        if changed:
            self._announce(Change(KIND_OF_MODEL[model].key, tuple(changed), op))
