"""The lock file: a second opener is told who has the portfolio; stale locks are taken over."""

import json
import socket
from pathlib import Path

import pytest

from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import errors, lock
from tests.conftest import PASSPHRASE


def test_lock_names_the_holder_to_a_second_opener(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE):
        info = json.loads(lock.lock_path(portfolio_file).read_text())
        assert info["host"] == socket.gethostname()
        # Another process on this machine: the same host, a pid that is alive (ours is not "mine"
        # only when the pid differs, so fake a colleague's lock with pid 1, which always lives).
        info["pid"] = 1
        lock.lock_path(portfolio_file).write_text(json.dumps(info))
        with pytest.raises(errors.PortfolioLocked) as caught:
            Portfolio.open(portfolio_file, PASSPHRASE)
        assert info["user"] in caught.value.holder
        assert "Open it read-only" in str(caught.value)


def test_locked_file_can_be_opened_read_only(portfolio_file):
    _fake_lock(portfolio_file, host="colleague-laptop", pid=4242)
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as portfolio:
        assert portfolio.read_only
        assert portfolio.alliances()[0].name == "Helios Oncology"
    assert lock.read(portfolio_file).host == "colleague-laptop"  # their lock is untouched


def test_stale_lock_of_dead_process_on_this_host_is_taken_over(portfolio_file):
    _fake_lock(portfolio_file, host=socket.gethostname(), pid=_dead_pid())
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert not portfolio.read_only
        assert lock.is_mine(lock.read(portfolio_file))
    assert not lock.lock_path(portfolio_file).exists()


def test_old_lock_from_another_host_is_stale(portfolio_file):
    _fake_lock(portfolio_file, host="colleague-laptop", pid=4242, time="2020-01-01T09:00:00")
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert not portfolio.read_only


def test_take_over_lock_when_the_user_insists(portfolio_file):
    _fake_lock(portfolio_file, host="colleague-laptop", pid=4242)
    with Portfolio.open(portfolio_file, PASSPHRASE, take_over_lock=True) as portfolio:
        assert not portfolio.read_only
        assert lock.is_mine(lock.read(portfolio_file))


def _fake_lock(path: Path, host: str, pid: int, time: str | None = None) -> None:
    from alliance_desk import clock

    record = {"host": host, "user": "dana", "pid": pid, "time": time or clock.now().isoformat()}
    lock.lock_path(path).write_text(json.dumps(record))


def _dead_pid() -> int:
    import subprocess

    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid
