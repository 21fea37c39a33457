"""The copies of a portfolio file kept beside it before a risky change (an upgrade, a merge, a
restore): written whole or not at all, found newest first, and only the newest few kept.
(Putting one back in place of the file is database.restore_backup.)"""

import os
import shutil
from pathlib import Path

from alliance_desk import clock

KEEP_BACKUPS = 5  # per file: older automatic backups are removed


def backup(path: Path, label: str) -> Path:
    """Copy the file beside itself (name.backup-LABEL-TIME.ext) before a risky change.

    The copy is written to a temporary name, flushed to disk and renamed, so a crash leaves
    either a whole backup or none (never half a file under a backup's name). Then only the
    newest KEEP_BACKUPS backups of the file are kept.
    """
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    number = 1
    while target.exists():  # two backups within a second: keep both
        number += 1
        target = path.with_name(f"{path.stem}.backup-{label}-{stamp}-{number}{path.suffix}")
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copy2(path, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    prune_backups(path)
    return target


def backups_of(path: Path) -> list[Path]:
    """The file's backups beside it, newest first (by the time in their names)."""
    path = Path(path)
    prefix = f"{path.stem}.backup-"
    try:
        found = [
            p
            for p in path.parent.iterdir()
            if p.name.startswith(prefix) and p.name.endswith(path.suffix) and p.is_file()
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: (backup_time(p), p.stat().st_mtime_ns), reverse=True)


def backup_time(backup_path: Path) -> str:
    """'YYYYmmdd-HHMMSS' from a backup's name ('' when it has none)."""
    words = backup_path.stem.split(".backup-", 1)[-1].split("-")
    for index in range(len(words) - 1):
        day, time = words[index], words[index + 1]
        if len(day) == 8 and len(time) == 6 and (day + time).isdigit():
            return f"{day}-{time}"
    return ""


def latest_backup(path: Path) -> Path | None:
    found = backups_of(path)
    return found[0] if found else None


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` backups of `path`; returns the removed ones."""
    removed = []
    for old in backups_of(path)[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass  # a backup we cannot remove stays; it does no harm
    return removed
