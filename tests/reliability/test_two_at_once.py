"""Two processes on one file: the lock file keeps the second one read-only; forced to write
at the same time, SQLite's locking keeps the file whole and no acknowledged edit is lost."""

import os
import signal

import pytest

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio, PortfolioReadOnly
from alliance_desk.storage import errors
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import Writer
from tests.reliability.figures import count, note

PART = "two at once"


@pytest.fixture(scope="module")
def second_writer(tmp_path_factory):
    process = Writer(tmp_path_factory.mktemp("second-writer-home"))
    yield process
    process.close()


def test_a_second_instance_is_kept_read_only_while_the_first_writes(writer, portfolio_file):
    pid = writer.start(mode="edits", path=str(portfolio_file), passphrase=PASSPHRASE, seed=1)
    writer.wait_for("ready")
    try:
        with pytest.raises(errors.PortfolioLocked, match="Open it read-only"):
            Portfolio.open(portfolio_file, PASSPHRASE)
        for _ in range(5):  # reads while the other process commits edit after edit
            with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
                assert reader.read_only
                assert len(reader.all(Alliance)) >= 1
                with pytest.raises(PortfolioReadOnly):
                    reader.add_alliance("Not from the second instance")
            count(PART, "read-only opens beside a writer")
    finally:
        os.kill(pid, signal.SIGKILL)
        lines = writer.until_exit()
    acked = {line.split()[2] for line in lines if line.startswith("ack alliance")}
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:  # the dead lock is stale now
        assert portfolio.integrity_findings() == []
        assert acked <= {a.id for a in portfolio.all(Alliance)}


def test_two_forced_writers_at_once_lose_nothing_and_keep_the_file_whole(
    writer, second_writer, portfolio_file
):
    """Both take the lock over ('Open anyway'); each commits 100 edits while the other does."""
    jobs = []
    for number, process in enumerate((writer, second_writer)):
        process.start(
            mode="edits",
            path=str(portfolio_file),
            passphrase=PASSPHRASE,
            seed=100 + number,
            count=100,
            tolerant=True,
            device=f"laptop-{number}",
        )
        jobs.append(process)
    lines = [line for process in jobs for line in process.until_exit()]
    refused = [line for line in lines if line.startswith("refused")]
    acked = {line.split()[2] for line in lines if line.startswith("ack alliance")}
    note(PART, "acknowledged edits lost")
    count(PART, "edits by two forced writers", 200)
    count(PART, "edits refused as busy", len(refused))
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.integrity_findings() == []
        missing = acked - {a.id for a in portfolio.all(Alliance)}
    count(PART, "acknowledged edits lost", len(missing))
    assert not missing
    assert not refused, refused[:3]  # SQLite's busy wait, not an error for the user
    assert len(acked) == 2 * 67
