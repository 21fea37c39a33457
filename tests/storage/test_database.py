"""The encrypted file: every bad file gets its own message and stays byte-for-byte unchanged."""

import hashlib
import os
import random
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
import sqlcipher3

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio, PortfolioReadOnly
from alliance_desk.storage import database, errors
from tests.conftest import PASSPHRASE


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes (so new side files show up too)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def assert_refused(path: Path, error: type, words: str, passphrase: str = PASSPHRASE):
    before = fingerprint(path.parent)
    with pytest.raises(error) as caught:
        Portfolio.open(path, passphrase)
    assert words in str(caught.value)
    assert fingerprint(path.parent) == before
    return caught.value


def test_open_wrong_passphrase_is_refused_and_file_unchanged(portfolio_file):
    assert_refused(portfolio_file, errors.WrongPassphrase, "passphrase", "not the passphrase")


def test_open_plain_sqlite_file_says_unencrypted(tmp_path):
    path = tmp_path / "plain.alliance"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert_refused(path, errors.NotEncrypted, "unencrypted SQLite")


def test_open_random_bytes_says_not_a_database(tmp_path):
    path = tmp_path / "noise.alliance"
    path.write_bytes(random.Random(1).randbytes(10_000))
    assert_refused(path, errors.NotADatabase, "cannot be read as a database")


def test_open_text_file_says_not_a_database(tmp_path):
    path = tmp_path / "notes.alliance"
    path.write_text("Quarterly notes, not a portfolio\n" * 50)
    assert_refused(path, errors.NotADatabase, "cannot be read as a database")


def test_open_empty_file_does_not_become_a_database(tmp_path):
    path = tmp_path / "empty.alliance"
    path.touch()
    assert_refused(path, errors.EmptyFile, "empty (0 bytes)")
    assert path.stat().st_size == 0


def test_open_missing_file_says_so(tmp_path):
    path = tmp_path / "nowhere.alliance"
    with pytest.raises(errors.FileMissing, match="There is no file"):
        Portfolio.open(path, PASSPHRASE)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.75, 0.9])
def test_open_truncated_file_says_damaged(portfolio_file, keep):
    data = portfolio_file.read_bytes()
    portfolio_file.write_bytes(data[: int(len(data) * keep)])
    error = assert_refused(portfolio_file, errors.StorageError, "")
    assert isinstance(error, errors.Corrupt | errors.NotADatabase)
    assert "damaged" in str(error) or "cut short" in str(error)


def test_open_truncated_at_page_boundary_says_damaged(portfolio_file):
    data = portfolio_file.read_bytes()
    pages = len(data) // database.PAGE_SIZE
    portfolio_file.write_bytes(data[: (pages // 2) * database.PAGE_SIZE])
    assert_refused(portfolio_file, errors.Corrupt, "damaged or truncated")


@pytest.mark.parametrize("page", [1, 3, -1])
def test_open_flipped_byte_says_damaged(portfolio_file, page):
    data = bytearray(portfolio_file.read_bytes())
    pages = len(data) // database.PAGE_SIZE
    index = (page % pages) * database.PAGE_SIZE + 1000
    data[index] ^= 0x40
    portfolio_file.write_bytes(bytes(data))
    assert_refused(portfolio_file, errors.Corrupt, "damaged or truncated")


def test_open_newer_schema_is_refused(portfolio_file):
    conn = database.connect(portfolio_file, PASSPHRASE, "rw")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    error = assert_refused(portfolio_file, errors.NewerSchema, "newer version of Alliance Desk")
    assert error.revision == "9999_from_the_future"


def test_open_foreign_encrypted_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = database.connect(path, PASSPHRASE, "rwc")
    conn.execute("CREATE TABLE invoices (n)")
    conn.close()
    assert_refused(path, errors.ForeignDatabase, "not an Alliance Desk portfolio")


def test_open_without_read_permission_says_so(portfolio_file):
    """As root, permission bits do not stop reads, so a forked child drops to 'nobody'."""
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        path = folder / "private.alliance"
        path.write_bytes(portfolio_file.read_bytes())
        path.chmod(0o000)
        message = _open_as_other_user(path) if os.geteuid() == 0 else _open_here(path)
        assert message.startswith("NoReadPermission: You do not have permission to read")
        path.chmod(0o600)
        assert path.read_bytes() == portfolio_file.read_bytes()
    finally:
        for child in folder.iterdir():
            child.chmod(0o600)
            child.unlink()
        folder.rmdir()


def _open_here(path: Path) -> str:
    try:
        Portfolio.open(path, PASSPHRASE)
    except errors.StorageError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "opened"


def _open_as_other_user(path: Path) -> str:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: become 'nobody' and try
        os.close(read_end)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = _open_here(path)
        except BaseException as exc:  # report anything, never return into pytest
            result = f"child failed: {exc!r}"
        os.write(write_end, result.encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 4096):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


def test_file_holds_no_plaintext(tmp_path):
    path = tmp_path / "secret.alliance"
    marker = "Zebrafish-Term-Sheet-7731"
    with Portfolio.create(path, PASSPHRASE) as portfolio:
        portfolio.add_alliance(marker, partner=marker, notes=marker * 10)
    raw = path.read_bytes()
    assert marker.encode() not in raw
    assert marker.encode("utf-16-le") not in raw
    assert not raw.startswith(b"SQLite format 3")


def test_file_opens_with_plain_sqlcipher_and_pragma_key(portfolio_file):
    """Standard SQLCipher 4 settings: any SQLCipher 4 client with the passphrase can read it."""
    conn = sqlcipher3.connect(str(portfolio_file))
    quoted = PASSPHRASE.replace("'", "''")
    conn.execute(f"PRAGMA key = '{quoted}'")
    names = [row[0] for row in conn.execute("SELECT name FROM alliance")]
    conn.close()
    assert names == ["Helios Oncology"]


def test_file_durability_settings(portfolio):
    with portfolio._opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_each_edit_is_committed_without_save(portfolio, portfolio_file):
    alliance = portfolio.alliances()[0]
    portfolio.update(alliance, partner="Brightwave Biologics")
    # A second reader sees it at once (read-only, so the lock does not stand in the way).
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert reader.alliances()[0].partner == "Brightwave Biologics"
    assert not Path(str(portfolio_file) + "-journal").exists()


def test_read_only_file_opens_read_only_and_refuses_edits(portfolio_file):
    portfolio_file.chmod(0o444)
    before = fingerprint(portfolio_file.parent)
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.read_only
        assert "read-only" in portfolio.read_only_reason
        assert portfolio.alliances()[0].name == "Helios Oncology"
        with pytest.raises(PortfolioReadOnly, match="nothing was changed"):
            portfolio.add_alliance("Should not land")
    assert fingerprint(portfolio_file.parent) == before


def test_read_only_folder_opens_read_only(portfolio_file):
    folder = portfolio_file.parent
    before = fingerprint(folder)
    folder.chmod(0o555)
    try:
        with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
            assert portfolio.read_only
            assert portfolio.read_only_reason == "its folder is read-only"
            with pytest.raises(PortfolioReadOnly):
                portfolio.update(portfolio.alliances()[0], name="Renamed")
    finally:
        folder.chmod(0o755)
    assert fingerprint(folder) == before


def test_create_refuses_an_existing_file(portfolio_file):
    before = portfolio_file.read_bytes()
    with pytest.raises(errors.AlreadyExists):
        Portfolio.create(portfolio_file, PASSPHRASE)
    assert portfolio_file.read_bytes() == before


def test_change_passphrase_rekeys_the_file(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        portfolio.change_passphrase("a brand new phrase")
    with pytest.raises(errors.WrongPassphrase):
        Portfolio.open(portfolio_file, PASSPHRASE)
    with Portfolio.open(portfolio_file, "a brand new phrase") as portfolio:
        assert [a.name for a in portfolio.alliances()] == ["Helios Oncology"]
        assert portfolio.integrity_findings() == []


def test_integrity_findings_are_empty_for_a_sound_file(portfolio):
    assert portfolio.integrity_findings() == []


def test_passphrase_with_url_characters_and_unicode_works(tmp_path):
    path = tmp_path / "odd.alliance"
    secret = "p@ss:w/rd?#% 'quote' \"dq\" — ünïcødé 🔐"
    with Portfolio.create(path, secret) as portfolio:
        portfolio.add_alliance("Odd")
    with Portfolio.open(path, secret) as portfolio:
        assert portfolio.alliances()[0].name == "Odd"


def test_closing_releases_everything(portfolio_file):
    portfolio = Portfolio.open(portfolio_file, PASSPHRASE)
    portfolio.add(Alliance, name="Second")
    portfolio.close()
    assert portfolio.closed
    leftovers = {p.name for p in portfolio_file.parent.iterdir()} - {portfolio_file.name}
    assert leftovers == set()
    assert stat.S_ISREG(portfolio_file.stat().st_mode)


def _crash_mid_write(path: Path) -> None:
    """A child process starts a big edit and is killed (SIGKILL) before it commits."""
    import signal

    pid = os.fork()
    if pid == 0:
        try:
            portfolio = Portfolio.open(path, PASSPHRASE, take_over_lock=True)
            helios = portfolio.alliances()[0]
            # A tiny page cache makes SQLite write pages into the file before the commit,
            # so the rollback journal is really needed (a "hot" journal) after the kill.
            portfolio._opened.connection.execute("PRAGMA cache_size = 2")
            with portfolio.batch():
                for number in range(300):
                    portfolio.update(helios, notes=f"draft {number} " * 200)
                    portfolio._session.flush()
                os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)


def test_interrupted_edit_is_rolled_back_on_a_read_only_open(portfolio_file):
    _crash_mid_write(portfolio_file)
    assert database.journal_path(portfolio_file).exists()
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as portfolio:
        assert portfolio.alliances()[0].notes == ""  # the uncommitted edit is gone
        assert portfolio.integrity_findings() == []
    assert not database.journal_path(portfolio_file).exists()


def test_interrupted_edit_on_a_read_only_file_says_how_to_repair(portfolio_file):
    _crash_mid_write(portfolio_file)
    portfolio_file.chmod(0o444)
    error = assert_refused(portfolio_file, errors.NeedsRecovery, "was not closed cleanly")
    assert "Open it once where it can be written" in str(error)


def test_open_a_folder_says_it_is_a_folder(tmp_path):
    with pytest.raises(errors.IsAFolder, match="is a folder"):
        Portfolio.open(tmp_path, PASSPHRASE)


def test_create_in_a_missing_folder_names_the_folder(tmp_path):
    with pytest.raises(errors.FolderMissing, match="The folder .* does not exist"):
        Portfolio.create(tmp_path / "nowhere" / "new.alliance", PASSPHRASE)
