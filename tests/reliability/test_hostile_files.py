"""Hostile files: a corpus of broken, foreign and unwritable files. Each gets its own clear
sentence, keeps every byte (no journal, lock or backup appears either), never hangs — opened
headless and through the main window.

tests/storage covers one of each kind; this corpus takes them to numbers: many cut-off points,
a flipped byte in every page, a SQLCipher 3 file, a disk that fills up during an edit.
"""

import hashlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlcipher3

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import backups, database, errors
from tests.conftest import PASSPHRASE
from tests.reliability.figures import count, note

PART = "hostile files"
ROOT = Path(__file__).parents[2]


@dataclass
class Case:
    name: str
    path: Path
    passphrase: str
    expected: tuple  # error classes, or () when it opens read-only
    words: str  # in the message (or in the read-only reason)


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@contextmanager
def no_hang(seconds: int = 30):
    """Fail instead of hanging: SIGALRM interrupts an open that takes too long."""

    def stop(signum, frame):
        raise AssertionError(f"still busy after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def build_corpus(source: Path, base: Path) -> list[Case]:
    rng = random.Random(7)
    data = source.read_bytes()
    pages = len(data) // database.PAGE_SIZE
    cases: list[Case] = []

    def place(name: str, content: bytes | None = None) -> Path:
        folder = base / name
        folder.mkdir(parents=True)
        path = folder / "portfolio.alliance"
        if content is not None:
            path.write_bytes(content)
        return path

    def add(name, content, expected, words, passphrase=PASSPHRASE):
        cases.append(Case(name, place(name, content), passphrase, expected, words))

    add("wrong passphrase", data, (errors.WrongPassphrase,), "passphrase", "not the passphrase")
    plain = place("plain sqlite")
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE alliance (name)")
    conn.close()
    cases.append(Case("plain sqlite", plain, PASSPHRASE, (errors.NotEncrypted,), "unencrypted"))
    for size in (1, 100, 511, 10_000, 100_001):
        add(f"random {size} bytes", rng.randbytes(size), (errors.NotADatabase,), "cannot be read")
    for size in (4096, 65_536):  # whole pages of noise look exactly like another key's pages
        add(f"random {size} bytes", rng.randbytes(size), (errors.WrongPassphrase,), "passphrase")
    add("zero bytes", b"", (errors.EmptyFile,), "empty (0 bytes)")
    damaged = (errors.Corrupt, errors.NotADatabase)
    cuts = sorted({rng.randrange(1, len(data)) for _ in range(12)})
    cuts += [n * database.PAGE_SIZE for n in range(1, pages)][:: max(1, pages // 5)]
    for cut in cuts:
        add(f"truncated at {cut}", data[:cut], damaged, "")
    chosen = sorted({0, 1, pages - 1} | set(rng.sample(range(pages), min(pages, 24))))
    for page in chosen:
        flipped = bytearray(data)
        offset = page * database.PAGE_SIZE + rng.randrange(16 if page == 0 else 0, 4096)
        flipped[offset] ^= 1 << rng.randrange(8)
        # page 1 carries the salt and decrypts first: damage there reads as a wrong passphrase
        expected = damaged + ((errors.WrongPassphrase,) if page == 0 else ())
        add(f"flipped byte in page {page + 1}", bytes(flipped), expected, "")
    v3 = place("sqlcipher 3")
    conn = sqlcipher3.connect(str(v3))
    conn.set_key(PASSPHRASE)
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE alliance (name)")
    conn.execute("INSERT INTO alliance VALUES ('Helios')")
    conn.commit()
    conn.close()
    cases.append(Case("sqlcipher 3", v3, PASSPHRASE, (errors.OldCipherFormat,), "SQLCipher 3"))
    newer = place("newer schema", data)
    conn = database.connect(newer, PASSPHRASE, "rw")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    cases.append(Case("newer schema", newer, PASSPHRASE, (errors.NewerSchema,), "newer version"))
    foreign = place("foreign encrypted database")
    conn = database.connect(foreign, PASSPHRASE, "rwc")
    conn.execute("CREATE TABLE invoices (n)")
    conn.close()
    cases.append(Case("foreign", foreign, PASSPHRASE, (errors.ForeignDatabase,), "not an"))
    read_only = place("read-only file", data)
    read_only.chmod(0o444)
    cases.append(Case("read-only file", read_only, PASSPHRASE, (), "read-only"))
    folder_ro = place("read-only folder", data)
    folder_ro.parent.chmod(0o555)
    cases.append(Case("read-only folder", folder_ro, PASSPHRASE, (), "folder is read-only"))
    cases.append(
        Case("a folder", place("a folder", None).parent, PASSPHRASE, (errors.IsAFolder,), "folder")
    )
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Case]:
    base = tmp_path_factory.mktemp("hostile")
    source = base / "source.alliance"
    with Portfolio.create(source, PASSPHRASE, name="Hostile source") as portfolio:
        with portfolio.batch():
            for number in range(40):
                portfolio.add(Alliance, name=f"Alliance {number}", notes="terms " * 300)
    cases = build_corpus(source, base / "cases")
    yield cases
    for case in cases:
        case.path.parent.chmod(0o755)


def open_and_judge(case: Case) -> str:
    """Open the case; its message (or read-only reason). Fails on a wrong or missing one."""
    with no_hang():
        try:
            portfolio = Portfolio.open(case.path, case.passphrase)
        except errors.StorageError as exc:
            assert case.expected, f"{case.name}: refused, but should open read-only: {exc}"
            assert isinstance(exc, case.expected), f"{case.name}: {type(exc).__name__}: {exc}"
            return str(exc)
    with portfolio:
        assert not case.expected, f"{case.name}: opened, but should be refused"
        assert portfolio.read_only
        return portfolio.read_only_reason


def test_every_hostile_file_gets_its_own_sentence_and_keeps_its_bytes(corpus):
    note(PART, "files whose bytes changed")
    for case in corpus:
        folder = case.path.parent
        before = fingerprint(folder) if case.path.is_file() else {}
        message = open_and_judge(case)
        assert case.words in message, f"{case.name}: {message}"
        assert message.endswith(".") or not case.expected, message
        assert "\n" not in message and "Traceback" not in message
        if case.path.is_file():
            changed = fingerprint(folder) != before
            count(PART, "files whose bytes changed", int(changed))
            assert not changed, f"{case.name}: the folder changed"
        count(PART, "hostile files opened")
        if case.name.startswith(("truncated", "flipped")):
            count(PART, f"{case.name.split(' at ')[0].split(' in ')[0]} copies")
    assert len(corpus) >= 50


def test_a_damaged_file_points_at_its_latest_backup(corpus, tmp_path):
    case = next(c for c in corpus if c.name.startswith("flipped byte in page 3"))
    path = tmp_path / "portfolio.alliance"
    shutil.copyfile(case.path, path)
    backup = backups.backup(path, "before-merge")  # a backup of the damaged file itself
    older = tmp_path / "portfolio.backup-before-merge-20200101-090000.alliance"
    shutil.copyfile(corpus[0].path, older)
    with pytest.raises(errors.Corrupt) as caught:
        Portfolio.open(path, PASSPHRASE)
    assert f"Its latest backup is {backup}" in str(caught.value)
    assert caught.value.backup == backup


def test_every_hostile_file_opened_in_the_main_window_shows_its_sentence(corpus, qtbot):
    from tests.ui.shell_support import make_window

    shown: list[str] = []
    window = make_window(qtbot, shown)
    asked: list[object] = []
    window.run_dialog = lambda dialog: asked.append(dialog) or False  # cancel any prompt
    for case in corpus:
        shown.clear()
        asked.clear()
        with no_hang():
            opened = window.open_path(case.path, case.passphrase)
        if not case.expected:
            assert opened and window.portfolio.read_only, case.name
            window.close_portfolio()
        elif errors.WrongPassphrase in case.expected and not shown:
            assert not opened and asked, f"{case.name}: no passphrase prompt"  # asked again
        else:
            assert not opened, case.name
            assert len(shown) == 1, f"{case.name}: {shown}"
            assert case.words in shown[0], f"{case.name}: {shown[0]}"
        assert window.isVisible() and window.portfolio is None
        count(PART, "hostile files opened in the main window")


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    sys.path.insert(0, {root!r})
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.storage import errors
    path, limit = sys.argv[1], int(sys.argv[2])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    with Portfolio.open(path, {passphrase!r}) as portfolio:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            portfolio.add_alliance("Too big", notes="x" * 400_000)
            print("stored")
        except errors.StorageError as exc:
            print("refused", type(exc).__name__, exc)
        except Exception as exc:
            print("crashed", type(exc).__name__, exc)
        portfolio.add_alliance("Small after")
        print("small stored")
    """
).format(root=str(ROOT), passphrase=PASSPHRASE)


def test_a_full_disk_refuses_the_edit_with_a_sentence_and_keeps_the_file_whole(portfolio_file):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: a tmpfs needs root powers a
    container may lack. The edit is refused with a sentence; the file stays sound."""
    limit = portfolio_file.stat().st_size + 8 * database.PAGE_SIZE
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(portfolio_file), str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    first = result.stdout.splitlines()[0]
    assert first.startswith("refused WriteFailed"), result.stdout
    assert "no room on its disk" in first and "Nothing of it was stored" in first
    assert "small stored" in result.stdout  # the portfolio stays usable
    assert PASSPHRASE not in result.stdout + result.stderr
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.integrity_findings() == []
        names = {a.name for a in portfolio.alliances()}
    assert "Too big" not in names and "Small after" in names
    count(PART, "full-disk edits refused")
    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] == resource.RLIM_INFINITY
    os.sync()


def test_a_wrong_passphrase_on_an_interrupted_file_loses_nothing(portfolio_file):
    """A hot journal (an edit cut off by a crash) is rolled back by SQLite on the first open,
    whatever the key: the journal's pages are copied back verbatim, so even a wrong guess
    only finishes that repair (the file's bytes return to the last commit; counted apart from
    the files whose bytes changed). The right passphrase then opens a sound file."""
    from tests.storage.test_database import _crash_mid_write

    _crash_mid_write(portfolio_file)
    assert database.journal_path(portfolio_file).exists()
    with no_hang(), pytest.raises(errors.WrongPassphrase):
        Portfolio.open(portfolio_file, "a wrong guess")
    count(PART, "interrupted files rolled back by a wrong-passphrase open")
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.integrity_findings() == []
        assert portfolio.alliances()[0].name == "Helios Oncology"
        assert portfolio.alliances()[0].notes == ""  # the cut-off edit is gone, nothing else
