"""Merging one portfolio file into another: open both, bring them to one schema, back up the
target, merge in one transaction.

The source is never changed: an older source is upgraded in a temporary copy. The target is
upgraded in place (after the backup `open_file` makes), as opening it in the app would do.
"""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_desk.storage import backups, database, errors, lock, paths
from alliance_desk.sync.engine import Progress, merge_connections
from alliance_desk.sync.errors import SameFile, SyncError, TargetInUse
from alliance_desk.sync.report import MergeReport


def merge(
    source: database.OpenedFile,
    target: database.OpenedFile,
    *,
    force: bool = False,
    progress: Progress | None = None,
    source_name: str | None = None,
) -> MergeReport:
    """Merge the open file `source` into the open, writable file `target`."""
    if target.read_only:
        raise SyncError(f"{target.path} cannot be changed ({target.read_only_reason}).")
    return merge_connections(
        source.connection,
        target.connection,
        source_name=source_name or source.path.name,
        target_name=target.path.name,
        device_id=paths.device_id(),
        force=force,
        progress=progress,
    )


@contextmanager
def open_source(path: Path, passphrase: str) -> Iterator[database.OpenedFile]:
    """The source opened for reading; an older schema is upgraded in a temporary copy."""
    try:
        opened = database.open_file(path, passphrase, read_only=True)
    except errors.OlderSchemaReadOnly:
        with tempfile.TemporaryDirectory(prefix="alliance-merge-") as folder:
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            opened = database.open_file(copy, passphrase)
            try:
                yield opened
            finally:
                opened.close()
        return
    try:
        yield opened
    finally:
        opened.close()


def merge_files(
    source: Path | str,
    target: Path | str,
    source_passphrase: str,
    target_passphrase: str,
    *,
    force: bool = False,
    backup: bool = True,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge the file `source` into the file `target` (not open in another program).

    A backup of the target is written beside it first and removed again when the merge
    changed nothing. Refuses a target someone else has open, the same file twice, a file from
    a newer app, and (unless `force`) two different portfolios.
    """
    source, target = Path(source), Path(target)
    database.check_file(source)
    database.check_file(target)
    if _same(source, target):
        raise SameFile(target)
    other = lock.holder(target)
    if other is not None:
        raise TargetInUse(target, other.describe())
    with open_source(source, source_passphrase) as theirs:
        ours = database.open_file(target, target_passphrase)
        held = False
        try:
            if ours.read_only:
                raise errors.NotWritable(target, ours.read_only_reason)
            # when the app's open portfolio holds the lock (a merge from the GUI), leave it be
            held = not lock.is_mine(lock.read(target)) and lock.acquire(target)
            copy = _backup(ours) if backup else None
            try:
                report = merge(
                    theirs, ours, force=force, progress=progress, source_name=source.name
                )
            except BaseException:
                if copy is not None:
                    copy.unlink(missing_ok=True)  # the target is as it was
                raise
            if copy is not None and not report.changed:  # bookkeeping only: no copy needed
                copy.unlink(missing_ok=True)
                copy = None
            report.backup_path = copy
        finally:
            ours.close()
            if held:
                lock.release(target)
    return report


def _backup(opened: database.OpenedFile) -> Path:
    """A copy of the target taken inside a read transaction, so no edit is half-written in it."""
    opened.connection.execute("BEGIN")
    try:
        opened.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return backups.backup(opened.path, "before-merge")
    finally:
        opened.connection.execute("ROLLBACK")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False
