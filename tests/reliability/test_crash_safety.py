"""Crash safety: a writer is SIGKILLed at random moments; the file survives whole, and every
edit the app acknowledged (printed after its commit) is there afterwards.

The writer (writer.py) forks a child per run from a process that has the app imported, so one
kill costs a fraction of a second. Kills are spread over plain edits, passphrase changes
(PRAGMA rekey), schema migrations and shared-file syncs: at least 100 in all.
"""

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, errors, migrations
from alliance_desk.sync.shared import sync_with_shared
from tests.conftest import PASSPHRASE
from tests.reliability.figures import count, note

OLD_FILE = Path(__file__).parents[1] / "data" / "schema-0001.alliance"
OLD_PASSPHRASE = "schema-0001"
PART = "crash safety"

KILLS = {"edits": 40, "rekey": 20, "migrate": 20, "sync": 20}


def kill_after(writer, pid: int, delay: float) -> list[str]:
    """Wait for the child to start writing, let it run `delay` seconds, SIGKILL it; all its
    lines (acknowledgements printed before it died included)."""
    lines = writer.wait_for("ready")
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    lines += writer.until_exit()
    errors_seen = [line for line in lines if line.startswith("error")]
    assert not errors_seen, errors_seen
    status = int(lines[-1].split()[1])
    count(PART, "kills", 1 if os.WIFSIGNALED(status) else 0)
    count(PART, f"kills during {writer.mode}", 1 if os.WIFSIGNALED(status) else 0)
    return lines


def acknowledged(lines: list[str], what: str) -> list[str]:
    return [line.split(" ", 2)[2] for line in lines if line.startswith(f"ack {what} ")]


def acks(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("ack ")]


def check_sound(path: Path, passphrase: str) -> Portfolio:
    """The file opens for editing (rolling back any cut-off edit) and passes every check."""
    portfolio = Portfolio.open(path, passphrase)
    findings = portfolio.integrity_findings()
    assert findings == [], findings
    count(PART, "files checked after a kill")
    return portfolio


def record_lost(missing) -> None:
    note(PART, "acknowledged edits lost")
    count(PART, "acknowledged edits lost", len(missing))
    assert not missing, f"acknowledged edits lost: {sorted(missing)[:5]}"


def test_plain_edits_survive_random_kills(writer, portfolio_file):
    writer.mode = "edits"
    rng = random.Random(11)
    notes: dict[str, tuple[int, int]] = {}
    ids: set[str] = set()
    for run in range(KILLS["edits"]):
        pid = writer.start(mode="edits", path=str(portfolio_file), passphrase=PASSPHRASE, seed=run)
        lines = kill_after(writer, pid, rng.uniform(0.0, 0.25))
        ids |= {a for a in acknowledged(lines, "alliance")}
        for text in acknowledged(lines, "note"):
            alliance_id, tag = text.split()
            seed, number = map(int, tag.split("-"))
            notes[alliance_id] = (seed, number)
        count(PART, "acknowledged edits", len(acks(lines)))
        with check_sound(portfolio_file, PASSPHRASE) as portfolio:
            stored = {a.id: a for a in portfolio.all(Alliance)}
        missing = ids - stored.keys()
        for alliance_id, wanted in notes.items():
            tag = stored[alliance_id].notes.split(" ", 2)[1]
            if tuple(map(int, tag.split("-"))) < wanted:  # older than the acknowledged one
                missing.add(f"note of {alliance_id}")
        record_lost(missing)
    assert len(ids) > KILLS["edits"]  # the writer got real work done between kills


def test_a_passphrase_change_survives_random_kills(writer, portfolio_file):
    """After a kill the file opens with the last acknowledged passphrase, or with the one
    being set at that moment, and holds every acknowledged edit."""
    writer.mode = "rekey"
    phrases = [PASSPHRASE, "second: phrase 🔐", "third phrase"]
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio, portfolio.batch():
        for number in range(150):  # a file of some size, so a rekey takes a while
            portfolio.add(Alliance, name=f"Ballast {number}", notes="ballast " * 200)
    rng = random.Random(12)
    current = PASSPHRASE
    ids: set[str] = set()
    for run in range(KILLS["rekey"]):
        pid = writer.start(
            mode="rekey",
            path=str(portfolio_file),
            passphrase=current,
            passphrases=phrases,
            seed=run,
        )
        lines = kill_after(writer, pid, rng.uniform(0.0, 0.6))
        keys = [phrases[int(k)] for k in acknowledged(lines, "key")]
        ids |= set(acknowledged(lines, "alliance"))
        count(PART, "acknowledged edits", len(acks(lines)))
        count(PART, "passphrase changes acknowledged", len(keys))
        candidates = [keys[-1] if keys else current]
        pending = [line for line in lines if line.startswith("rekeying")]
        if pending:
            candidates.append(phrases[int(pending[-1].split()[1])])
        portfolio = None
        for phrase in candidates:
            try:
                portfolio = check_sound(portfolio_file, phrase)
            except errors.WrongPassphrase:
                continue
            current = phrase
            break
        assert portfolio is not None, "the file opens with neither passphrase"
        with portfolio:
            missing = ids - {a.id for a in portfolio.all(Alliance)}
        record_lost(missing)


def test_a_migration_survives_random_kills(writer, tmp_path):
    """Each run upgrades a fresh copy of a schema-0001 file; killed anywhere, the file opens
    (finishing the upgrade), and every backup the upgrade left beside it is whole."""
    writer.mode = "migrate"
    rng = random.Random(13)
    for run in range(KILLS["migrate"]):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        path = folder / "old.alliance"
        shutil.copyfile(OLD_FILE, path)
        pid = writer.start(mode="migrate", path=str(path), passphrase=OLD_PASSPHRASE, seed=run)
        lines = kill_after(writer, pid, rng.uniform(0.0, 0.8))
        ids = set(acknowledged(lines, "alliance"))
        count(PART, "acknowledged edits", len(ids))
        with check_sound(path, OLD_PASSPHRASE) as portfolio:
            assert portfolio.schema_revision == migrations.head()
            missing = ids - {a.id for a in portfolio.all(Alliance)}
        record_lost(missing)
        for copy in folder.glob("old.backup-*"):
            conn = database.connect(copy, OLD_PASSPHRASE, "ro")  # old schema: raw checks
            try:
                assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            finally:
                conn.close()
            count(PART, "backups checked after a kill")
        shutil.rmtree(folder)


def test_a_shared_file_sync_survives_random_kills(writer, portfolio_file, tmp_path):
    """The shared file is always a whole portfolio; acknowledged syncs are in it."""
    writer.mode = "sync"
    cloud_folder = tmp_path / "Cloud"
    cloud_folder.mkdir()
    cloud = cloud_folder / "Team.alliance"
    sync_with_shared(portfolio_file, PASSPHRASE, cloud)
    rng = random.Random(14)
    ids: set[str] = set()
    synced: set[str] = set()
    for run in range(KILLS["sync"]):
        pid = writer.start(
            mode="sync",
            path=str(portfolio_file),
            shared=str(cloud),
            passphrase=PASSPHRASE,
            seed=run,
            device="laptop-crash",
        )
        lines = kill_after(writer, pid, rng.uniform(0.0, 1.2))
        ids |= set(acknowledged(lines, "alliance"))
        synced |= set(acknowledged(lines, "synced"))
        count(PART, "acknowledged edits", len(acks(lines)))
        with check_sound(portfolio_file, PASSPHRASE) as portfolio:
            missing = ids - {a.id for a in portfolio.all(Alliance)}
        with check_sound(cloud, PASSPHRASE) as portfolio:
            missing |= synced - {a.id for a in portfolio.all(Alliance)}
        record_lost(missing)
    sync_with_shared(portfolio_file, PASSPHRASE, cloud)  # cleans up after the dead syncs
    assert sorted(p.name for p in cloud_folder.iterdir()) == [cloud.name]
    assert synced, "no sync finished between kills"


@pytest.fixture(autouse=True)
def no_secret_in_crash_output(writer):
    """Whatever the killed writers printed (errors included) holds no passphrase."""
    yield
    transcript = "\n".join(writer.transcript)
    for secret in (PASSPHRASE, OLD_PASSPHRASE, "second: phrase", "third phrase"):
        assert secret not in transcript
