"""The merge engine: bring everything of one copy of a portfolio into another (DESIGN.md §4).

Rows are matched by id in every tracked table, link tables too. A row only in the source is
copied. For a row in both, the version with the later `updated_at` wins, ties broken by
`updated_by` (then by content), so the outcome does not depend on which file is the source;
a tombstone is an update like any other, and a row edited after its deletion on the other side
comes back. When the losing version was made without the winning side having seen it (both
sides changed the row since they last met), the losing version goes to the conflict log whole.

"Seen" is judged per device: a copy has seen a device's edits up to the latest edit of that
device it holds, or the time recorded in `sync_peer` by an earlier merge, whichever is later.
This treats each device as editing one copy at a time (the working copy it syncs); two copies
edited on the same computer and then merged look like one line of edits to it.

The whole merge into the target is one transaction: all or nothing. Only the target changes.
"""

import json
import uuid
from collections.abc import Callable

import sqlcipher3

from alliance_desk import clock
from alliance_desk.sync import rows as R
from alliance_desk.sync.errors import DifferentPortfolios, SyncError
from alliance_desk.sync.report import MergeReport, RowNote

NAMESPACE = uuid.UUID("6f1c3b7e-5d1a-4c8e-9a57-3f0e2b9d4c21")
SIDE_COLUMNS = {"updated_at", "updated_by", "created_at"}  # not part of what a user changed
Progress = Callable[[int, int], None]


def conflict_id(table: str, row_id: str, updated_at: str, device: str) -> str:
    """The same losing version gets the same log id in every copy (so logs merge cleanly)."""
    return str(uuid.uuid5(NAMESPACE, f"conflict:{table}:{row_id}:{updated_at}:{device}"))


def peer_id(device: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"peer:{device}"))


def merge_connections(
    source,
    target,
    *,
    source_name: str,
    target_name: str,
    device_id: str,
    force: bool = False,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge the file behind raw connection `source` into `target`; only the target changes.

    Both connections are keyed sqlcipher3 connections in autocommit mode, on files with the
    same schema. Raises DifferentPortfolios (unless `force`) before anything is written.
    """
    step = progress or (lambda done, total: None)
    source.execute("BEGIN")
    try:
        theirs = R.read_snapshot(source)
    finally:
        source.execute("ROLLBACK")
    step(1, 5)
    target.execute("BEGIN IMMEDIATE")  # no other writer between our reads and our writes
    try:
        ours = R.read_snapshot(target)
        if theirs.portfolio_id != ours.portfolio_id and not force:
            raise DifferentPortfolios(source_name, target_name)
        step(2, 5)
        report = MergeReport(
            source_name, target_name, forced=theirs.portfolio_id != ours.portfolio_id
        )
        plan = _plan(theirs, ours, report, source_name, target_name, device_id)
        step(3, 5)
        target.execute("PRAGMA defer_foreign_keys = ON")
        _apply(target, plan)
        step(4, 5)  # written, not yet committed
        target.execute("COMMIT")
    except BaseException as exc:
        if target.in_transaction:
            target.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.DatabaseError):
            raise SyncError(
                f"The merge could not be completed ({exc}); {target_name} was not changed."
            ) from exc
        raise
    step(5, 5)
    return report


class _Plan:
    """Rows to insert and update per table (in parent-before-child order)."""

    def __init__(self):
        self.inserts: dict[str, list[tuple]] = {}
        self.updates: dict[str, list[tuple]] = {}

    def insert(self, table: str, row: tuple) -> None:
        self.inserts.setdefault(table, []).append(row)

    def update(self, table: str, row: tuple) -> None:
        self.updates.setdefault(table, []).append(row)


def _plan(theirs, ours, report: MergeReport, source_name, target_name, device_id) -> _Plan:
    plan = _Plan()
    now = R.stamp(clock.now())
    conflicts: dict[str, tuple] = {}
    logged = ours.tables["conflict_log"].rows.keys() | theirs.tables["conflict_log"].rows.keys()
    for table in R.TABLES:
        name = table.name
        if name == "sync_peer":
            continue  # what each copy has seen is merged below, by device
        kind = R.KIND_OF_TABLE[name].key
        counted = name not in R.BOOKKEEPING
        mine = ours.tables[name]
        at, by, gone = mine.updated_at, mine.updated_by, mine.deleted_at
        for ident, their_row in theirs.tables[name].rows.items():
            if name == "portfolio_info" and ident != ours.portfolio_id:
                continue  # a forced merge keeps the target's identity
            our_row = mine.rows.get(ident)
            if our_row is None:
                plan.insert(name, their_row)
                if their_row[gone] is None and counted:
                    report.added[kind] += 1
                elif name == "conflict_log":
                    _note_logged_elsewhere(report, mine, their_row)
                continue
            if our_row == their_row:
                continue
            source_wins = _order(their_row, at, by) > _order(our_row, at, by)
            winner, loser = (their_row, our_row) if source_wins else (our_row, their_row)
            winner_knows = (theirs if source_wins else ours).knowledge
            if (
                name not in R.BOOKKEEPING
                and loser[at] > winner_knows.get(loser[by], "")
                and _differs(mine, winner, loser)
            ):
                log_id = conflict_id(name, ident, loser[at], loser[by])
                if log_id not in logged:  # already in either log (the source's is copied)
                    conflicts[log_id] = _conflict_row(
                        log_id,
                        mine,
                        winner,
                        loser,
                        target_name if source_wins else source_name,
                        now,
                        device_id,
                    )
                    report.conflicted[kind] += 1
                    values = R.as_dict(mine, loser)
                    report.conflict_rows.append(RowNote(kind, ident, R.label(name, values)))
            if not source_wins:
                continue
            plan.update(name, winner)
            if not counted:
                continue
            if our_row[gone] is not None and winner[gone] is None:
                report.restored[kind] += 1
                values = R.as_dict(mine, winner)
                report.restored_rows.append(RowNote(kind, ident, R.label(name, values)))
            elif our_row[gone] is None and winner[gone] is not None:
                report.deleted[kind] += 1
            elif winner[gone] is None:
                report.updated[kind] += 1
    for row in conflicts.values():
        plan.insert("conflict_log", row)
    _plan_knowledge(plan, theirs, ours, now, device_id)
    report.rows_written = sum(map(len, plan.inserts.values())) + sum(
        map(len, plan.updates.values())
    )
    return plan


def _note_logged_elsewhere(report: MergeReport, log: R.TableRows, row: tuple) -> None:
    """A conflict the other copy logged arrives: say so, as for one logged here."""
    values = R.as_dict(log, row)
    kind = R.KIND_OF_TABLE.get(values["table_name"])
    if kind is None or values["restored_at"] is not None or values["deleted_at"] is not None:
        return
    try:
        losing = json.loads(values["losing_row"] or "{}")
    except ValueError:
        losing = {}
    report.conflicted[kind.key] += 1
    label = R.label(values["table_name"], losing)
    report.conflict_rows.append(RowNote(kind.key, values["row_id"], label))


def _order(row: tuple, at: int, by: int) -> tuple:
    """Later time wins; then the device id; then the content, so every tie has one answer."""
    return (row[at] or "", row[by] or "", repr(row))


def _differs(rows: R.TableRows, a: tuple, b: tuple) -> bool:
    """True when two versions differ in anything but who saved them when."""
    skip = {rows.names.index(n) for n in SIDE_COLUMNS}
    return any(x != y for i, (x, y) in enumerate(zip(a, b, strict=True)) if i not in skip)


def _conflict_row(log_id, rows, winner, loser, loser_file, now, device_id) -> tuple:
    at, by = rows.updated_at, rows.updated_by
    values = {
        "id": log_id,
        "created_at": now,
        "updated_at": now,
        "updated_by": device_id,
        "deleted_at": None,
        "table_name": rows.table.name,
        "row_id": loser[rows.names.index("id")],
        "losing_row": R.to_json(rows, loser),
        "losing_updated_at": loser[at],
        "losing_device": loser[by] or "",
        "winning_updated_at": winner[at],
        "winning_device": winner[by] or "",
        "source_file": loser_file,
        "restored_at": None,
    }
    names = R.columns(R.Base.metadata.tables["conflict_log"])
    return tuple(values.get(n) for n in names)


def _plan_knowledge(plan: _Plan, theirs, ours, now: str, device_id: str) -> None:
    """After the merge the target has seen everything either copy had seen. Recorded in
    sync_peer, because rows overwritten later (by a local edit) no longer show it."""
    peers = ours.tables["sync_peer"]
    names = peers.names
    combined = dict(ours.knowledge)
    for device, moment in theirs.knowledge.items():
        combined[device] = max(combined.get(device, ""), moment)
    for device, moment in sorted(combined.items()):
        if not device or moment <= ours.recorded.get(device, ""):
            continue
        ident = peer_id(device)
        values = {
            "id": ident,
            "created_at": now,
            "updated_at": now,
            "updated_by": device_id,
            "deleted_at": None,
            "peer_device": device,
            "last_merged_at": moment,
            "shared_path": "",
        }
        existing = peers.rows.get(ident)
        if existing is not None:
            values["created_at"] = existing[names.index("created_at")]
            values["shared_path"] = existing[names.index("shared_path")]
            plan.update("sync_peer", tuple(values.get(n) for n in names))
        else:
            plan.insert("sync_peer", tuple(values.get(n) for n in names))


def _apply(conn, plan: _Plan) -> None:
    for table in R.TABLES:
        names = R.columns(table)
        quoted = ", ".join(f'"{n}"' for n in names)
        inserts = plan.inserts.get(table.name)
        if inserts:
            marks = ", ".join("?" for _ in names)
            conn.executemany(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', inserts)
        updates = plan.updates.get(table.name)
        if updates:
            at_id = names.index("id")
            others = [i for i in range(len(names)) if i != at_id]
            sets = ", ".join(f'"{names[i]}" = ?' for i in others)
            conn.executemany(
                f'UPDATE "{table.name}" SET {sets} WHERE "id" = ?',
                [tuple(row[i] for i in others) + (row[at_id],) for row in updates],
            )
