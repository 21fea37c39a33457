"""Syncing with a shared file: created, merged both ways, written atomically under a lock."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, lock
from alliance_desk.sync import shared as sharing
from alliance_desk.sync.errors import SharedFileBusy
from alliance_desk.sync.shared import SharedLock, sync_with_shared
from tests.conftest import PASSPHRASE
from tests.sync.support import as_device, copy

ROOT = Path(__file__).parents[2]


@pytest.fixture
def cloud(tmp_path) -> Path:
    folder = tmp_path / "Cloud folder"
    folder.mkdir()
    return folder / "Team portfolio.alliance"


def add_alliance(path: Path, name: str, device: str) -> None:
    with as_device(device), Portfolio.open(path, PASSPHRASE) as portfolio:
        portfolio.add_alliance(name)


def names(path: Path) -> list[str]:
    with Portfolio.open(path, PASSPHRASE, read_only=True) as portfolio:
        return sorted(a.name for a in portfolio.all(Alliance))


def test_the_first_sync_creates_the_shared_file_and_later_ones_merge_both_ways(
    portfolio_file, cloud
):
    mine, theirs = portfolio_file, copy(portfolio_file, "theirs.alliance")
    assert sync_with_shared(mine, PASSPHRASE, cloud).created
    add_alliance(theirs, "Orion Devices", "laptop-b")
    result = sync_with_shared(theirs, PASSPHRASE, cloud)
    assert result.pushed.added["alliances"] == 1 and not result.pulled.changed
    add_alliance(mine, "Vega Health", "laptop-a")
    result = sync_with_shared(mine, PASSPHRASE, cloud)
    assert result.pulled.added["alliances"] == 1 and result.pushed.added["alliances"] == 1
    assert names(mine) == names(cloud) == ["Helios Oncology", "Orion Devices", "Vega Health"]
    assert sync_with_shared(mine, PASSPHRASE, cloud).summary() == "In step with the shared file."
    assert sorted(p.name for p in cloud.parent.iterdir()) == [cloud.name]  # no lock, no temp


def test_a_shared_file_with_its_own_passphrase_is_synced(portfolio_file, cloud):
    sync_with_shared(portfolio_file, PASSPHRASE, cloud, "shared secret")
    with pytest.raises(database.errors.WrongPassphrase):
        database.open_file(cloud, PASSPHRASE, read_only=True)
    add_alliance(portfolio_file, "Orion Devices", "laptop-a")
    sync_with_shared(portfolio_file, PASSPHRASE, cloud, "shared secret")
    opened = database.open_file(cloud, "shared secret", read_only=True)
    opened.close()


def test_a_sync_waits_for_the_lock_another_sync_holds(portfolio_file, cloud):
    sync_with_shared(portfolio_file, PASSPHRASE, cloud)
    before = cloud.read_bytes()
    with SharedLock(cloud):
        with pytest.raises(SharedFileBusy, match="syncing"):
            sync_with_shared(portfolio_file, PASSPHRASE, cloud, wait=0.2)
    assert cloud.read_bytes() == before


def test_a_shared_file_replaced_during_the_sync_is_left_alone(portfolio_file, cloud, monkeypatch):
    sync_with_shared(portfolio_file, PASSPHRASE, cloud)
    add_alliance(portfolio_file, "Orion Devices", "laptop-a")
    replacement = copy(cloud, "from-the-cloud.alliance")

    def cloud_client_replaces(stage):
        if stage == "replacing":
            os.replace(replacement, cloud)

    monkeypatch.setattr(sharing, "pause_at", cloud_client_replaces)
    with pytest.raises(sharing.SharedFileChanged):
        sync_with_shared(portfolio_file, PASSPHRASE, cloud)
    assert names(cloud) == ["Helios Oncology"]
    monkeypatch.setattr(sharing, "pause_at", lambda stage: None)
    sync_with_shared(portfolio_file, PASSPHRASE, cloud)
    assert names(cloud) == ["Helios Oncology", "Orion Devices"]


SYNC_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.sync import shared
    working, cloud, marker, stage = map(Path, sys.argv[1:5])

    def pause(at):
        if at == str(stage):
            marker.touch()
            time.sleep(60)

    shared.pause_at = pause
    with Portfolio.open(working, {passphrase!r}) as portfolio:
        portfolio.add_alliance("Written by the killed sync")
    shared.sync_with_shared(working, {passphrase!r}, cloud)
    """
).format(root=str(ROOT), passphrase=PASSPHRASE)


@pytest.mark.parametrize("stage", ["merged", "replacing"])
def test_a_sync_killed_while_writing_leaves_the_shared_file_whole_and_loses_nothing(
    portfolio_file, cloud, tmp_path, stage
):
    mine, theirs = portfolio_file, copy(portfolio_file, "theirs.alliance")
    sync_with_shared(mine, PASSPHRASE, cloud)
    add_alliance(theirs, "Orion Devices", "laptop-b")
    sync_with_shared(theirs, PASSPHRASE, cloud)
    before = cloud.read_bytes()
    marker = tmp_path / "paused"
    env = os.environ | {"ALLIANCE_DESK_DEVICE_ID": "laptop-a"}
    process = subprocess.Popen(
        [sys.executable, "-c", SYNC_SCRIPT, str(mine), str(cloud), str(marker), stage], env=env
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, "the sync ended before it was paused"
            assert time.monotonic() < deadline, "the sync never reached its write"
            time.sleep(0.05)
        with pytest.raises(SharedFileBusy):  # the other instance respects the lock
            sync_with_shared(theirs, PASSPHRASE, cloud, wait=0.2)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert cloud.read_bytes() == before  # whole, and the old version
    assert lock.read(cloud) is not None  # the dead process's lock is left behind

    add_alliance(theirs, "Vega Health", "laptop-b")
    sync_with_shared(theirs, PASSPHRASE, cloud)  # takes over the stale lock
    with as_device("laptop-a"):
        sync_with_shared(mine, PASSPHRASE, cloud)
    sync_with_shared(theirs, PASSPHRASE, cloud)
    everything = ["Helios Oncology", "Orion Devices", "Vega Health", "Written by the killed sync"]
    assert names(cloud) == names(mine) == names(theirs) == everything
    assert sorted(p.name for p in cloud.parent.iterdir()) == [cloud.name]


def test_an_old_schema_shared_file_is_upgraded_in_its_copy_and_leaves_nothing_behind(tmp_path):
    old = Path(__file__).parents[1] / "data" / "schema-0001.alliance"
    folder = tmp_path / "Cloud"
    folder.mkdir()
    cloud = folder / "Team.alliance"
    cloud.write_bytes(old.read_bytes())
    working = tmp_path / "mine.alliance"
    working.write_bytes(old.read_bytes())
    with Portfolio.open(working, "schema-0001") as portfolio:  # upgraded on open
        portfolio.add_alliance("Orion Devices")
    sync_with_shared(working, "schema-0001", cloud)
    opened = database.open_file(cloud, "schema-0001", read_only=True)  # now the current schema
    opened.close()
    assert sorted(p.name for p in folder.iterdir()) == [cloud.name]
