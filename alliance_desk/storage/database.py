"""Open, create and re-key the encrypted portfolio file (SQLCipher 4, standard settings).

Every check happens before anything is written, so a file that cannot be opened is left
byte-for-byte as it was (TECH_NOTES.md lists the SQLCipher behaviours this guards against).
"""

import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import sqlcipher3

from alliance_desk.storage import errors, keys, migrations
from alliance_desk.storage.backups import backup, latest_backup

if TYPE_CHECKING:  # SQLAlchemy loads with the first engine: a start paints before it (glance.py)
    from sqlalchemy import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default
MIN_PAGE_SIZE = 512  # the smallest page SQLite allows: no database file is shorter
CACHE_KIB = 64 * 1024
READER_CACHE_KIB = 8 * 1024  # a second connection's (open_reader)
CHECK_BESIDE_FROM = 8 * 1024 * 1024  # bytes: a smaller file is checked before open returns


@dataclass
class OpenedFile:
    """An open portfolio file: its engine, whether it is read-only, and why."""

    path: Path
    engine: "Engine"
    read_only: bool
    read_only_reason: str
    schema_revision: str
    connection: sqlcipher3.Connection | None = None
    backup_path: Path | None = None
    check: "IntegrityCheck | None" = None  # the whole-file check, when left for later
    # a big file's second, read-only connection, for work done beside the window (its health)
    reader: "Callable[[], OpenedFile] | None" = None

    def close(self) -> None:
        """Dispose of the engine and close the keyed connection under it."""
        if self.check is not None:
            self.check.cancel()
        self.engine.dispose()
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def writable_problem(path: Path) -> str:
    """Why `path` cannot be written in place ('' when it can).

    The mode bits count as well as access(): an administrator may write anywhere, but a file
    or folder marked read-only is still meant to stay as it is.
    """
    if not _writable(path):
        return "the file is read-only"
    if not _writable(path.resolve().parent):
        return "its folder is read-only"
    return ""


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def check_file(path: Path) -> None:
    """Raise the specific StorageError for a file that is plainly not an encrypted portfolio."""
    if not path.exists():
        raise errors.FileMissing(path)
    if path.is_dir():
        raise errors.IsAFolder(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except PermissionError:
        raise errors.NoReadPermission(path) from None
    size = path.stat().st_size
    if size == 0:
        raise errors.EmptyFile(path)
    if head == SQLITE_HEADER:
        raise errors.NotEncrypted(path)
    if size < MIN_PAGE_SIZE:  # SQLite takes a file shorter than a page for an empty database
        raise errors.NotADatabase(path)


def connect(
    path: Path, passphrase: str, mode: str, key: str | None = None
) -> sqlcipher3.Connection:
    """A raw SQLCipher connection keyed with the file's derived key (keys.derive) or, without
    one, the passphrase (SQLCipher then derives it); `mode` is SQLite's ro, rw or rwc."""
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(key or passphrase)
    return conn


def _connect_and_read(
    path: Path, passphrase: str, mode: str, key: str | None
) -> tuple[sqlcipher3.Connection, str | None]:
    """`connect`, then the first read (`_first_read`'s errors); returns the connection and the
    key it was keyed with. A key derived from a salt the file no longer has (another copy was
    moved over it since) is not a wrong passphrase: the key is derived again from the new one."""
    conn = connect(path, passphrase, mode, key)
    try:
        _first_read(conn, path, passphrase)
        return conn, key
    except errors.WrongPassphrase:
        conn.close()
        if key is None or keys.read_salt(path) == keys.salt_of(key):
            raise
    except BaseException:
        conn.close()
        raise
    return _connect_and_read(path, passphrase, mode, keys.derive(path, passphrase))


def _first_read(conn: sqlcipher3.Connection, path: Path, passphrase: str | None = None) -> None:
    """Read the schema: the first statement is where a wrong key or a damaged file shows."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:  # a hot journal it may not roll back
            raise errors.NeedsRecovery(path) from None
        if "not a database" in text:
            if passphrase is not None and _opens_as_sqlcipher3(path, passphrase):
                raise errors.OldCipherFormat(path) from None
            size = path.stat().st_size
            if size < PAGE_SIZE or size % PAGE_SIZE:
                raise errors.NotADatabase(path, latest_backup(path)) from None
            raise errors.WrongPassphrase(path) from None
        raise errors.Corrupt(path, str(exc), latest_backup(path)) from None


def _opens_as_sqlcipher3(path: Path, passphrase: str) -> bool:
    """True for a file SQLCipher 3 wrote (other settings; SQLCipher 4 cannot read it as is)."""
    try:
        conn = connect(path, passphrase, "ro")  # SQLCipher 3 derives its key otherwise
    except sqlcipher3.Error:
        return False
    try:
        conn.execute("PRAGMA cipher_compatibility = 3")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()


def _quick_check(conn: sqlcipher3.Connection, path: Path) -> None:
    """Every page is read (and its HMAC checked), so truncation or a flipped byte is found now."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        raise errors.Corrupt(path, str(exc), latest_backup(path)) from None
    if rows != [("ok",)]:
        detail = rows[0][0] if rows else "no answer to the integrity check"
        raise errors.Corrupt(path, detail, latest_backup(path))


class WorkBeside:
    """Work on a SQLite connection of its own, in a thread. SQLite lets go of Python while it
    reads, so the work runs beside the window's: `start()` it, then ask `finished`, `wait()`
    (which starts it if need be) or `cancel()` (the file is closing: SQLite is interrupted, or
    the work never starts). A subclass opens what it holds in `_open` (None: nothing to do),
    names its connection in `_connection`, works in `_work` and closes in `_close`."""

    name = "work-beside"

    def __init__(self) -> None:
        self._held: Any = None
        self._cancelled = False
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)

    def start(self) -> None:
        with self._guard:
            if not self._cancelled and self._thread.ident is None:
                self._thread.start()

    @property
    def finished(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self.start()
        if self._thread.ident is not None:
            self._thread.join(timeout)

    def cancel(self) -> None:
        with self._guard:
            self._cancelled = True
            if self._held is not None:
                self._connection(self._held).interrupt()
        if self._thread.ident is not None:
            self._thread.join()

    def _run(self) -> None:
        held = self._open()
        if held is None:
            return
        with self._guard:
            if self._cancelled:
                self._close(held)
                return
            self._held = held
        try:
            self._work(held)
        finally:
            with self._guard:
                self._held = None
            self._close(held)

    def _open(self) -> Any: ...

    def _connection(self, held: Any) -> sqlcipher3.Connection: ...

    def _work(self, held: Any) -> None: ...

    def _close(self, held: Any) -> None: ...


class IntegrityCheck(WorkBeside):
    """PRAGMA quick_check of a whole file on a connection of its own, in a thread: the window
    starts it once it has painted (run during the first reads, the two compete for the cores
    and the window shows half a second later); `problem()` is None while running or when the
    file is sound, `wait()` returns it at the end."""

    name = "integrity-check"

    def __init__(self, path: Path, passphrase: str, key: str | None = None):
        super().__init__()
        self.path = path
        self._passphrase = passphrase
        self._key = key  # the file's derived key (keys.derive), if the open had it
        self._error: errors.StorageError | None = None

    def _open(self) -> sqlcipher3.Connection | None:
        try:
            return connect(self.path, self._passphrase, "ro", self._key)
        except sqlcipher3.Error as exc:
            self._error = errors.Corrupt(self.path, str(exc), latest_backup(self.path))
            return None

    def _connection(self, held: sqlcipher3.Connection) -> sqlcipher3.Connection:
        return held

    def _work(self, conn: sqlcipher3.Connection) -> None:
        try:
            conn.execute("PRAGMA busy_timeout = 5000")  # wait out a commit of the main connection
            _quick_check(conn, self.path)
        except errors.StorageError as exc:
            if not self._cancelled:  # an interrupted check says nothing about the file
                self._error = exc
        except sqlcipher3.Error as exc:
            if not self._cancelled:
                self._error = errors.Corrupt(self.path, str(exc), latest_backup(self.path))

    def _close(self, conn: sqlcipher3.Connection) -> None:
        conn.close()

    def problem(self) -> "errors.StorageError | None":
        """What the finished check found (None before it ends, when sound, or when cancelled)."""
        return self._error if self.finished else None

    def wait(self, timeout: float | None = None) -> "errors.StorageError | None":
        super().wait(timeout)
        return self.problem()


def _revision(conn: sqlcipher3.Connection, path: Path) -> str:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        raise errors.ForeignDatabase(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.DatabaseError as exc:  # a damaged page, before the whole-file check
        raise errors.Corrupt(path, str(exc), latest_backup(path)) from None
    if row is None:
        raise errors.ForeignDatabase(path)
    revision = row[0]
    if not migrations.is_known(revision):
        raise errors.NewerSchema(path, revision)
    return revision


def _apply_pragmas(conn: sqlcipher3.Connection, read_only: bool) -> None:
    if not read_only:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA busy_timeout = 5000")


def _engine_for(conn: sqlcipher3.Connection, path: Path) -> "Engine":
    """An engine over the one keyed connection.

    The driver runs in autocommit mode and SQLAlchemy's "begin" emits a deferred BEGIN, so
    transactions are real SQLite transactions (the pysqlite default would defer them oddly).
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite:///" + str(path),
        module=sqlcipher3,
        creator=lambda: conn,
        poolclass=StaticPool,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection):  # pysqlite's implicit transactions are off; start our own
        immediate = getattr(connection.engine, "begin_immediately", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    engine.begin_immediately = False
    return engine


def begin_writing(session) -> None:
    """Start the session's transaction as a writer (BEGIN IMMEDIATE) unless one is open.

    "Open" means begun in SQLite: changing a record's attribute begins the Session's own
    transaction without a BEGIN, so `in_transaction()` would wrongly say a writer had begun.

    A transaction that reads first and writes later cannot wait for another process's write
    lock (SQLite answers "database is locked" at once to avoid a deadlock); one that takes the
    write lock at its start simply waits (busy_timeout) like any other.
    """
    engine = session.get_bind()  # a transaction begun already keeps its BEGIN: no event fires
    engine.begin_immediately = True
    try:
        session.connection()
    finally:
        engine.begin_immediately = False


def open_file(
    path: Path | str,
    passphrase: str,
    read_only: bool = False,
    check_beside: bool = False,
    key: str | None = None,
) -> OpenedFile:
    """Open an existing portfolio, migrating it (after a backup) when its schema is older.

    Every page is checked (PRAGMA quick_check: ~0.7 s per 100 MB) before this returns, or, with
    `check_beside` and a file of CHECK_BESIDE_FROM bytes or more, later, on a connection of its
    own in a thread: `opened.check` (an IntegrityCheck) is then the caller's to start. A file
    that needs an upgrade is always checked first. The key is derived from the passphrase once
    (keys.py), unless the caller derived it (`key`), for every connection this open makes.
    """
    path = Path(path)
    check_file(path)
    check_beside = check_beside and path.stat().st_size >= CHECK_BESIDE_FROM
    reason = "you chose to open it read-only" if read_only else writable_problem(path)
    read_only = bool(reason)
    key = key or keys.derive(path, passphrase)
    if read_only and _interrupted(path) and not writable_problem(path):
        _recover(path, passphrase, key)
    conn, key = _connect_and_read(path, passphrase, "ro" if read_only else "rw", key)
    try:
        if not check_beside:
            _quick_check(conn, path)
        revision = _revision(conn, path)
        if check_beside and revision != migrations.head():
            _quick_check(conn, path)
        _apply_pragmas(conn, read_only)
    except BaseException:
        conn.close()
        raise
    if read_only and revision != migrations.head():
        conn.close()
        raise errors.OlderSchemaReadOnly(path, revision)
    engine = _engine_for(conn, path)
    opened = OpenedFile(path, engine, read_only, reason, revision, conn)
    if check_beside and revision == migrations.head():
        opened.check = IntegrityCheck(path, passphrase, key)
        opened.reader = lambda: open_reader(path, passphrase, revision, key)
    if not read_only and revision != migrations.head():
        opened.backup_path = backup(path, f"before-upgrade-{revision}")
        migrations.upgrade(engine)
        opened.schema_revision = migrations.head()
    return opened


def open_glance(path: Path, passphrase: str, key: str | None) -> sqlcipher3.Connection | None:
    """A read-only keyed connection for a start's first window (glance.py), or None when the
    file needs more than a plain read to open: no passphrase fits, a journal to roll back, an
    older or newer schema, a damaged page. `open_file` then meets the problem and says what."""
    try:
        check_file(path)
        if _interrupted(path):
            return None
        conn, _key = _connect_and_read(path, passphrase, "ro", key)
    except (errors.StorageError, sqlcipher3.Error, OSError):
        return None
    try:
        if _revision(conn, path) == migrations.head():
            return conn
    except (errors.StorageError, sqlcipher3.Error):
        pass
    conn.close()
    return None


def open_reader(path: Path, passphrase: str, revision: str, key: str | None = None) -> OpenedFile:
    """A second, read-only keyed connection to a file already open, for reads in a thread
    (with the open's derived key: no second derivation)."""
    conn, _key = _connect_and_read(path, passphrase, "ro", key)
    try:
        _apply_pragmas(conn, read_only=True)
        conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")  # one pass: little to reuse
    except BaseException:
        conn.close()
        raise
    reason = "it reads beside the window"
    return OpenedFile(path, _engine_for(conn, path), True, reason, revision, conn)


def _interrupted(path: Path) -> bool:
    """True when a rollback journal lies beside the file (an edit may have been cut off). A
    journal can vanish while we look: another process's commit ends by deleting it."""
    try:
        return journal_path(path).stat().st_size > 0
    except FileNotFoundError:
        return False


def _recover(path: Path, passphrase: str, key: str | None) -> None:
    """Let SQLite roll back an interrupted edit, as any writable open would, before a read-only
    open (which cannot). A journal of a live transaction elsewhere is left alone by SQLite."""
    _connect_and_read(path, passphrase, "rw", key)[0].close()


def create_file(path: Path | str, passphrase: str) -> OpenedFile:
    """Create a new, empty encrypted portfolio with the current schema."""
    path = Path(path)
    if path.exists():
        raise errors.AlreadyExists(path)
    if not passphrase:
        raise ValueError("The passphrase must not be empty.")
    if not path.parent.is_dir():
        raise errors.FolderMissing(path.parent)
    if not _writable(path.resolve().parent):
        raise errors.NotWritable(path, "its folder is read-only")
    conn = connect(path, passphrase, "rwc")
    try:
        _apply_pragmas(conn, read_only=False)
        engine = _engine_for(conn, path)
        migrations.upgrade(engine)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    return OpenedFile(path, engine, False, "", migrations.head(), conn)


def cipher_version() -> str:
    """The SQLCipher library's version (asked of an in-memory connection: no file, no key)."""
    try:
        conn = sqlcipher3.connect(":memory:")
        try:
            return conn.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            conn.close()
    except sqlcipher3.Error:
        return "unknown"


def restore_backup(path: Path, backup_path: Path) -> Path:
    """Put `backup_path` in place of `path` (which must be closed), after keeping the current
    file as one more backup, so nothing is lost. Returns that new backup (None when `path`
    did not exist). The replacement is written to a temporary file and renamed."""
    path, backup_path = Path(path), Path(backup_path)
    check_file(backup_path)
    if _interrupted(path):
        raise errors.NotWritable(path, "a change to it was interrupted; open it once first")
    temp = path.with_name(f".{path.name}.{os.getpid()}.restore.tmp")
    try:
        shutil.copyfile(backup_path, temp)  # first: pruning below may remove the old backup
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        kept = backup(path, "before-restore") if path.exists() else None
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return kept


def rekey(engine: "Engine", new_passphrase: str) -> None:
    """Change the passphrase in place (PRAGMA rekey re-encrypts every page in one transaction)."""
    if not new_passphrase:
        raise ValueError("The new passphrase must not be empty.")
    raw = engine.raw_connection()
    try:
        raw.driver_connection.reset_key(new_passphrase)
    finally:
        raw.close()


def integrity_findings(engine: "Engine") -> list[str]:
    """Full integrity and cipher checks: one line per finding, empty when all is well."""
    findings = []
    with engine.connect() as connection:
        for row in connection.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if row[0] != "ok":
                findings.append(f"integrity: {row[0]}")
        for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall():
            findings.append(f"cipher: {row[0]}")
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
            findings.append(f"foreign key: table {row[0]} row {row[1]} points to missing {row[2]}")
        connection.rollback()
    return findings
