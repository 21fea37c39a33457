"""The lock file beside a portfolio: who has it open (host, user, pid, time).

It tells a second instance, or a colleague on a share, that the file is in use. A lock whose
process is dead on this host, or that has not been refreshed for STALE_AFTER, is taken over.
"""

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alliance_desk import clock

STALE_AFTER = timedelta(hours=12)
REFRESH_EVERY = timedelta(minutes=10)


@dataclass
class LockInfo:
    host: str
    user: str
    pid: int
    time: str  # ISO, UTC

    def describe(self) -> str:
        when = self.time.replace("T", " ")[:16]
        return f"{self.user} on {self.host} (since {when} UTC)"

    @property
    def moment(self) -> datetime:
        """The lock's time as naive UTC (a time written with an offset is converted)."""
        try:
            value = datetime.fromisoformat(self.time)
        except ValueError:
            return datetime.min
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _me() -> LockInfo:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "someone"
    return LockInfo(socket.gethostname(), user, os.getpid(), clock.now().isoformat())


def read(path: Path) -> LockInfo | None:
    """The current holder of `path`'s lock, or None when there is no readable lock."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockInfo(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["time"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def is_stale(info: LockInfo) -> bool:
    if info.host == socket.gethostname() and not _pid_alive(info.pid):
        return True
    return clock.now() - info.moment > STALE_AFTER


def is_mine(info: LockInfo | None) -> bool:
    return info is not None and info.host == socket.gethostname() and info.pid == os.getpid()


def holder(path: Path) -> LockInfo | None:
    """Who else holds a live lock on `path` (None when it is free, stale or ours)."""
    info = read(path)
    if info is None or is_mine(info) or is_stale(info):
        return None
    return info


def acquire(path: Path) -> bool:
    """Write our lock over whatever is there (callers ask `holder` first); False when the
    folder cannot be written."""
    target = lock_path(path)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(asdict(_me())), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True


def refresh(path: Path) -> None:
    """Renew our lock's time so colleagues do not take it for stale."""
    if is_mine(read(path)):
        acquire(path)


def release(path: Path) -> None:
    if is_mine(read(path)):
        try:
            lock_path(path).unlink()
        except OSError:
            pass
