"""The transactions of the Portfolio service: reads that hold no lock between operations,
edits that are each one committed transaction, batches, and `reading()` for a burst of reads.
Mixed into `Portfolio`, which owns the session and the announcements."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from alliance_desk.changes import Change
from alliance_desk.portfolio_errors import BatchFailed
from alliance_desk.storage import database, errors

# records a batch touches: above this many, it tells the views to reload once (reload=True)
# instead of announcing each record (imports, and their undo)
RELOAD_ABOVE = 200


class WriteFailed(errors.StorageError, OperationalError):
    """SQLite could not write an edit: a full disk, a file-size limit, a failing drive.

    Still an OperationalError (with the driver's `orig`), so code that catches write errors
    of the database keeps working; str() is the sentence for the user."""

    def __init__(self, path, cause: BaseException | None = None):
        message = (
            f"The change could not be written to {path}: there is no room on its disk, or the "
            "disk failed. Nothing of it was stored; free some space and try again."
        )
        Exception.__init__(self, message)
        self.path = Path(path)
        self.message = message
        self.statement = getattr(cause, "statement", None)
        self.params = getattr(cause, "params", None)
        self.orig = getattr(cause, "orig", None) or cause
        self.connection_invalidated = False
        self.detail = str(self.orig or "")

    def __str__(self) -> str:
        return self.message


class Transactions:
    """Reading and writing through the Portfolio's one session (`self._session`)."""

    _session: Session | None
    _batch: list[Change] | None
    _batch_failure: BaseException | None
    _batch_reload = False  # the running batch ends with one "reloaded" Change
    _reading: bool
    _device_registered: bool

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Let a burst of reads share one read transaction, ended on leaving the block.

        Each read otherwise ends its transaction at once, so no lock is held between operations,
        and starting the next one costs SQLCipher a fresh look at the file. The window wraps one
        selection's tabs in this (about 35 reads), never a wait for the user. Nested blocks join
        the outer one; a write inside ends the shared read first (see `_leave_read`).
        """
        if self._reading or self._session is None:
            yield
            return
        self._reading = True
        try:
            yield
        finally:
            self._reading = False
            self._end_read()

    @contextmanager
    def batch(self, reload: bool = False) -> Iterator[None]:
        """Make many edits one transaction: one commit (and one fsync) at the end, all or none.

        For bulk work (the demo, imports); changes are announced after the commit. Nested
        batches join the outer one. A ValidationError inside leaves the batch usable (nothing
        was written for that edit, so an importer may skip the row); a failed write spoils the
        whole batch: later edits in it are refused and nothing of it is stored. With `reload`
        (a big import) one Change with op "reloaded" replaces the batch's many announcements;
        a nested batch that asks for it makes the outer one do so.
        """
        self._require_writable()
        if self._batch is not None:
            self._batch_reload = self._batch_reload or reload
            yield
            return
        self._end_reads()
        self._batch = []
        self._batch_reload = reload
        self._batch_failure = None
        try:
            database.begin_writing(self._session)  # the write lock for the whole batch
            yield
            if self._batch_failure is not None:
                raise BatchFailed(self._batch_failure)
            self._session.commit()
        except BaseException as exc:
            self._session.rollback()
            self._batch = None
            self._batch_failure = None
            self._device_registered = False
            if _write_failure(exc) and not isinstance(exc, BatchFailed | WriteFailed):
                raise WriteFailed(self.path, exc) from None
            raise
        changes, self._batch = self._batch, None
        if self._batch_reload and changes:
            changes = [Change("", (), "reloaded")]
        for change in changes:
            self._announce(change)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One committed transaction; on any failure nothing of it stays."""
        if self._batch_failure is not None:
            raise BatchFailed(self._batch_failure)
        try:
            self._leave_read()
            database.begin_writing(self._session)  # wait for another writer, never deadlock
            if not self._device_registered:
                self._register_device()
            yield self._session
            if self._batch is None:
                self._session.commit()
            else:
                self._session.flush()
        except BaseException as exc:
            self._session.rollback()
            self._device_registered = False
            if _write_failure(exc) and not isinstance(exc, BatchFailed | WriteFailed):
                exc = WriteFailed(self.path, exc)  # a full disk or a failing drive
            if self._batch is not None:
                self._batch.clear()
                self._batch_failure = exc
            if isinstance(exc, WriteFailed):
                raise exc from None
            raise

    def _read(self, work: Callable[[Session], Any]) -> Any:
        """Run a query and end the read transaction, so no lock is held between operations."""
        if self._session is None:
            raise RuntimeError("The portfolio is closed.")
        try:
            return work(self._session)
        finally:
            self._end_read()

    def _read_scalar(self, statement) -> Any:
        return self._read(lambda s: s.scalar(statement))

    def _end_read(self) -> None:
        if self._batch is not None or self._reading:
            return  # a batch's transaction stays open until it commits; reading()'s until it ends
        if self._session is not None and self._session.in_transaction():
            self._session.commit()

    def _leave_read(self) -> None:
        """Before a write: end the read that reading() shares, and read one transaction at a
        time again for the rest of the block. The write then takes the write lock at its start
        (begin_writing) instead of upgrading a read, which SQLite refuses at once while another
        program writes. Commands call this (through _require_writable) before they change any
        record: a commit now would store such a change too early, so with changes staged the
        read is left to the write."""
        session = self._session
        if not self._reading or self._batch is not None:
            return
        if session.new or session.dirty or session.deleted:
            return
        self._reading = False
        if session.in_transaction():
            session.commit()

    def _end_reads(self) -> None:
        """End any read transaction now, a shared one too (before a rekey, after a reload)."""
        self._leave_read()
        self._end_read()


WRITE_FAILURES = ("database or disk is full", "disk i/o error")


def _write_failure(exc: BaseException) -> bool:
    """True for SQLite's "disk is full" and "disk I/O error" (EFBIG, ENOSPC, EIO)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(words in text for words in WRITE_FAILURES)
