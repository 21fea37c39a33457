"""Keeping a shared copy in step: merge both ways with a file on a share or in a synced folder.

The working copy stays local. A sync takes the shared file's lock (a lock file beside it that
other instances respect), copies the shared file to a temporary file in the same folder,
merges the working copy into that copy and the result back into the working copy, then
fsyncs the temporary file and renames it over the shared file. A sync client therefore never
sees half a file, two writers never interleave, and a sync cut short anywhere leaves the shared
file as it was (the working copy's merge is one transaction, so it is either done or not).
"""

import glob
import json
import os
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from alliance_desk import clock
from alliance_desk.storage import database, errors, lock
from alliance_desk.sync.conflicted import conflicted_copies
from alliance_desk.sync.errors import SharedFileBusy, SharedFileChanged, TargetInUse
from alliance_desk.sync.files import _backup as backup_target
from alliance_desk.sync.files import merge
from alliance_desk.sync.report import MergeReport

STALE_SYNC_LOCK = timedelta(minutes=5)  # a sync takes seconds; its lock is not refreshed
LEFTOVER_AGE = timedelta(days=1)  # temporary files of other computers older than this go
TEMP_SUFFIX = ".sync-tmp"

# Tests pause a sync at a stage ("merged": the shared copy written, not yet committed;
# "replacing": the new shared file complete, not yet renamed) to kill it there.
pause_at: Callable[[str], None] = lambda stage: None  # noqa: E731


@dataclass
class SyncResult:
    """What one sync did: the shared file created, or what each side gained."""

    shared: Path
    created: bool = False
    pushed: MergeReport | None = None  # what the shared file gained
    pulled: MergeReport | None = None  # what the working copy gained
    conflicted_copies: list[Path] = field(default_factory=list)
    at: datetime = field(default_factory=clock.now)

    def summary(self) -> str:
        if self.created:
            return f"Created the shared file {self.shared.name}."
        gained = self.pulled.summary() if self.pulled and self.pulled.changed else ""
        sent = self.pushed is not None and self.pushed.changed
        if not gained and not sent:
            return "In step with the shared file."
        if gained and sent:
            return f"Synced both ways. Here: {gained}"
        return f"Received: {gained}" if gained else "Sent your changes to the shared file."


def sync_with_shared(
    working: Path | str,
    working_passphrase: str,
    shared: Path | str,
    shared_passphrase: str | None = None,
    *,
    wait: float = 10.0,
) -> SyncResult:
    """Merge the working copy and the shared file both ways (creating the shared file when
    there is none). Raises SharedFileBusy when another sync holds the lock past `wait`."""
    working, shared = Path(working), Path(shared)
    shared_passphrase = shared_passphrase or working_passphrase
    database.check_file(working)
    other = lock.holder(working)
    if other is not None:
        raise TargetInUse(working, other.describe())
    with SharedLock(shared, wait):
        remove_leftovers(shared)
        work = database.open_file(working, working_passphrase)
        try:
            if not shared.exists():
                _create(work, working_passphrase, shared, shared_passphrase)
                return SyncResult(shared, created=True)
            result = _merge_both_ways(work, shared, shared_passphrase)
        finally:
            work.close()
    result.conflicted_copies = conflicted_copies(shared)
    return result


def _merge_both_ways(work: database.OpenedFile, shared: Path, passphrase: str) -> SyncResult:
    before = _identity(shared)
    temp = temp_path(shared)
    shutil.copyfile(shared, temp)
    try:
        try:
            copy = database.open_file(temp, passphrase)  # checks every page; upgrades old ones
        except (errors.WrongPassphrase, errors.NotADatabase, errors.ForeignDatabase) as exc:
            raise type(exc)(shared) from None  # name the shared file, not our temporary copy
        except errors.NewerSchema as exc:
            raise errors.NewerSchema(shared, exc.revision) from None
        except errors.Corrupt:
            raise errors.Corrupt(shared) from None

        def pushing(done: int, total: int) -> None:
            if done == 4:
                pause_at("merged")

        try:
            pushed = merge(work, copy, progress=pushing, source_name=work.path.name)
            pushed.target = shared.name
            kept = backup_target(work)  # the working copy as it was, should the merge surprise
            try:
                pulled = merge(copy, work, source_name=shared.name)
            except BaseException:
                kept.unlink(missing_ok=True)  # the merge is one transaction: nothing changed
                raise
            if pulled.changed:
                pulled.backup_path = kept
            else:
                kept.unlink(missing_ok=True)
        finally:
            copy.close()
        if pushed.rows_written or copy.backup_path is not None:
            _fsync(temp)
            pause_at("replacing")
            if _identity(shared) != before:
                raise SharedFileChanged(shared)
            os.replace(temp, shared)
            _fsync_folder(shared.parent)
    finally:
        temp.unlink(missing_ok=True)
        database.journal_path(temp).unlink(missing_ok=True)
        for leftover in shared.parent.glob(f"{glob.escape(temp.stem)}.backup-*"):
            leftover.unlink(missing_ok=True)  # the upgrade's backup of our temporary copy
    return SyncResult(shared, pushed=pushed, pulled=pulled)


def _create(work: database.OpenedFile, passphrase: str, shared: Path, new_passphrase: str) -> None:
    """The shared file as a copy of the working copy, taken while no edit can be half-written."""
    if not shared.parent.is_dir():
        raise errors.FolderMissing(shared.parent)
    temp = temp_path(shared)
    try:
        work.connection.execute("BEGIN")
        try:
            work.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            shutil.copyfile(work.path, temp)  # a read transaction keeps writers out meanwhile
        finally:
            work.connection.execute("ROLLBACK")
        if new_passphrase != passphrase:
            copy = database.open_file(temp, passphrase)
            try:
                database.rekey(copy.engine, new_passphrase)
            finally:
                copy.close()
        _fsync(temp)
        pause_at("replacing")
        if shared.exists():
            raise SharedFileChanged(shared)
        os.replace(temp, shared)
        _fsync_folder(shared.parent)
    finally:
        temp.unlink(missing_ok=True)


# --- the lock and the temporary files --------------------------------------------------


def temp_path(shared: Path) -> Path:
    """Hidden, in the same folder (so the rename is atomic), naming this computer and process."""
    return shared.with_name(f".{shared.name}.{socket.gethostname()}.{os.getpid()}{TEMP_SUFFIX}")


def remove_leftovers(shared: Path) -> None:
    """Temporary files of syncs that were cut short (their process is gone)."""
    here = socket.gethostname()
    prefix = f".{shared.name}."
    try:
        candidates = [
            p
            for p in shared.parent.iterdir()
            if p.name.startswith(prefix) and TEMP_SUFFIX in p.name
        ]
    except OSError:
        return
    for path in candidates:
        middle = path.name[len(shared.name) + 2 :].split(TEMP_SUFFIX)[0]
        host, _, pid = middle.rpartition(".")
        try:
            if host == here:
                dead = pid.isdigit() and not lock._pid_alive(int(pid)) and int(pid) != os.getpid()
            else:
                age = time.time() - path.stat().st_mtime
                dead = age > LEFTOVER_AGE.total_seconds()
            if dead:
                path.unlink()
        except OSError:
            pass


class SharedLock:
    """An exclusive lock file beside the shared file (the same file name a portfolio lock
    uses, so the app also refuses to edit a shared file while a sync writes it)."""

    def __init__(self, shared: Path, wait: float = 10.0):
        self.shared = shared
        self.path = lock.lock_path(shared)
        self.wait = wait
        self.held = False

    def __enter__(self) -> "SharedLock":
        deadline = time.monotonic() + self.wait
        while True:
            if self._try_create():
                self.held = True
                return self
            holder = self._live_holder()
            if holder is None:
                continue  # it was stale and is gone: try again at once
            if time.monotonic() >= deadline:
                raise SharedFileBusy(self.shared, holder)
            time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        if self.held:
            info = lock.read(self.shared)
            if lock.is_mine(info):
                self.path.unlink(missing_ok=True)
            self.held = False

    def _try_create(self) -> bool:
        record = lock._me().__dict__ | {"purpose": "sync"}
        try:
            handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(record))
            out.flush()
            os.fsync(out.fileno())
        return True

    def _live_holder(self) -> str | None:
        """Who holds the lock, or None after removing a stale one."""
        info = lock.read(self.shared)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            purpose = data.get("purpose", "") if isinstance(data, dict) else ""
        except (OSError, ValueError):
            purpose = ""
        if info is None:
            try:  # unreadable: being written this instant, or left broken long ago
                age = time.time() - self.path.stat().st_mtime
            except OSError:
                return None
            if age < STALE_SYNC_LOCK.total_seconds():
                return "another sync is starting"
            self._take_over()
            return None
        old_sync = purpose == "sync" and clock.now() - info.moment > STALE_SYNC_LOCK
        if lock.is_stale(info) or old_sync:
            self._take_over()
            return None
        doing = "syncing" if purpose == "sync" else "has it open"
        return f"{info.user} on {info.host} {doing}"

    def _take_over(self) -> None:
        """Move the stale lock aside atomically, so two takers cannot both win."""
        aside = self.path.with_name(f"{self.path.name}.{os.getpid()}.stale")
        try:
            os.replace(self.path, aside)
            aside.unlink(missing_ok=True)
        except OSError:
            pass


def _identity(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is already durable enough
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
