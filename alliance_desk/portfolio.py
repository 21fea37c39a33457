"""The Portfolio service: one open portfolio file and every command and query on it.

The UI, the command line and the reports change data only through this object. Each edit is
one committed transaction (there is no Save), stamped with the time and this device's id, and
announced to subscribers as a `Change` so views refresh what they show.
"""

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from alliance_desk import clock
from alliance_desk.changes import Change
from alliance_desk.insights.lifecycle import override_problem
from alliance_desk.models import (
    KIND_OF_MODEL,
    KINDS,
    Alliance,
    AllianceStakeholder,
    Benchmark,
    BenchmarkOverride,
    Device,
    PortfolioInfo,
    StageChange,
    Stakeholder,
    SurveyScore,
    Tracked,
)
from alliance_desk.models.validation import ValidationError, validate
from alliance_desk.portfolio_errors import BatchFailed as BatchFailed
from alliance_desk.portfolio_errors import PortfolioReadOnly as PortfolioReadOnly
from alliance_desk.portfolio_health import HealthCommands
from alliance_desk.portfolio_journal import JournalCommands
from alliance_desk.portfolio_lifecycle import LifecycleCommands
from alliance_desk.portfolio_practice import PracticeCommands
from alliance_desk.portfolio_review import ReviewCommands
from alliance_desk.portfolio_statements import all_query, get_record
from alliance_desk.portfolio_surveys import SurveyCommands
from alliance_desk.portfolio_tracking import TrackingCommands
from alliance_desk.portfolio_transactions import Transactions
from alliance_desk.portfolio_worksheet import WorksheetCommands
from alliance_desk.storage import database, errors, lock, paths

log = logging.getLogger(__name__)
T = TypeVar("T", bound=Tracked)
IDENTITY_FIELDS = {"id", "created_at", "updated_at", "updated_by", "deleted_at"}


Listener = Callable[[Change], None]


def alliances_statement(include_archived: bool) -> Select:
    """The query of Portfolio.alliances (glance.py reads the first window's with its SQL)."""
    statement = select(Alliance).where(Alliance.deleted_at.is_(None))
    if not include_archived:
        statement = statement.where(Alliance.archived_at.is_(None))
    return statement.order_by(func.lower(Alliance.name))


class Portfolio(
    WorksheetCommands,
    TrackingCommands,
    SurveyCommands,
    HealthCommands,
    ReviewCommands,
    LifecycleCommands,
    PracticeCommands,
    JournalCommands,
    Transactions,
):
    """One open portfolio file. Use `Portfolio.open` or `Portfolio.create`; close when done."""

    def __init__(self, opened: database.OpenedFile, holds_lock: bool):
        self._opened = opened
        self._holds_lock = holds_lock
        self._session = Session(opened.engine, expire_on_commit=False, autoflush=False)
        self._listeners: list[Listener] = []
        self._device_registered = False
        self._batch: list[Change] | None = None
        self._batch_failure: BaseException | None = None
        self._reading = False
        self.beside_started = False  # start_beside has run
        self.device_id = paths.device_id()
        info = self._read_scalar(select(PortfolioInfo).limit(1))
        if info is None and not self.read_only:
            info = self.add(PortfolioInfo, name=opened.path.stem)
        self._info = info

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        read_only: bool = False,
        take_over_lock: bool = False,
        check_beside: bool = False,
        key: str | None = None,
    ) -> "Portfolio":
        """Open an existing file; raises a StorageError subclass with a message for the user.

        A live lock held by someone else raises PortfolioLocked unless `read_only` (open
        without editing) or `take_over_lock` (the user insists) is given. With `check_beside`
        a big file's whole-file check is left for later: `start_beside()` runs it in a thread,
        `damage()` says what it found (and `defer_health()` leaves its health for later too).
        `key`: the file's key, derived from the passphrase already (storage/keys.py).
        """
        path = Path(path)
        database.check_file(path)
        other = lock.holder(path)
        if other is not None and not read_only and not take_over_lock:
            raise errors.PortfolioLocked(path, other.describe())
        opened = database.open_file(path, passphrase, read_only, check_beside, key)
        holds = False
        if not opened.read_only:
            holds = lock.acquire(path)
        return cls(opened, holds)

    @classmethod
    def create(cls, path: Path | str, passphrase: str, name: str = "") -> "Portfolio":
        """Create a new encrypted portfolio file at `path` (which must not exist)."""
        path = Path(path)
        opened = database.create_file(path, passphrase)
        holds = lock.acquire(path)
        portfolio = cls(opened, holds)
        if name:
            portfolio.update(portfolio.info, name=name)
        return portfolio

    def close(self) -> None:
        """Close the file and release the lock. Every edit is already committed."""
        if self._session is None:
            return
        self.stop_health()
        self._health_cache = None  # what it keeps was read from this file
        self._session.close()
        self._session = None
        self._opened.close()
        if self._holds_lock:
            lock.release(self.path)

    def __enter__(self) -> "Portfolio":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._session is None

    @property
    def checking(self) -> bool:
        """True until the whole-file check left for later (`check_beside`) has finished."""
        return self._opened.check is not None and not self._opened.check.finished

    def start_beside(self) -> None:
        """Start the work a big file leaves for later, each in a thread: the whole-file check
        and, after `defer_health`, its health (no-op when there is none)."""
        if self.closed:
            return
        self.beside_started = True
        if self._opened.check is not None:
            self._opened.check.start()
        self._start_health()

    def damage(self, wait: bool = False) -> errors.StorageError | None:
        """What the whole-file check found wrong (None: sound, not finished, or checked
        before `open` returned); with `wait`, after it has run to the end."""
        check = self._opened.check
        if check is None:
            return None
        return check.wait() if wait else check.problem()

    # --- facts about the file ------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def read_only(self) -> bool:
        return self._opened.read_only

    @property
    def read_only_reason(self) -> str:
        return self._opened.read_only_reason

    @property
    def schema_revision(self) -> str:
        return self._opened.schema_revision

    @property
    def backup_path(self) -> Path | None:
        """The copy written before a schema upgrade on this open, if there was one."""
        return self._opened.backup_path

    @property
    def info(self) -> PortfolioInfo:
        return self._info

    @property
    def portfolio_id(self) -> str:
        return self._info.id if self._info else ""

    @property
    def name(self) -> str:
        return self._info.name if self._info else self.path.stem

    def counts(self) -> dict[str, int]:
        """Live (not deleted) rows per kind, keyed like KINDS."""
        result = {}
        for key, kind in KINDS.items():
            statement = select(func.count()).select_from(kind.model)
            statement = statement.where(kind.model.deleted_at.is_(None))
            result[key] = self._read_scalar(statement)
        return result

    def integrity_findings(self) -> list[str]:
        """Full integrity, cipher and foreign-key checks; empty when the file is sound."""
        self._end_reads()
        return database.integrity_findings(self._opened.engine)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the file with a new passphrase (PRAGMA rekey)."""
        self._require_writable()
        if not new_passphrase:
            raise ValidationError("passphrase", "The new passphrase must not be empty.")
        self._end_reads()
        database.rekey(self._opened.engine, new_passphrase)

    def refresh_lock(self) -> None:
        """Renew the lock file's time (the GUI calls this every few minutes)."""
        if self._holds_lock:
            lock.refresh(self.path)

    def reload(self) -> None:
        """Forget cached records after another connection changed the file (a merge or sync);
        views reload on the Change with op "reloaded"."""
        self._end_reads()
        self._session.expire_all()
        self._announce(Change("", (), "reloaded"))

    # --- change announcements ------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(change)` after every committed edit; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _announce(self, change: Change) -> None:
        self.forget_health(change)
        if self._batch is not None:
            self._batch.append(change)
            return
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:  # the edit is stored; one broken view must not hide that
                log.exception("A listener failed on %s", change)

    # --- generic commands ----------------------------------------------------------------

    def add(self, model: type[T], **fields: Any) -> T:
        """Create and store a record; raises ValidationError naming the field at fault."""
        self._require_writable()
        record = self._candidate(model, fields)
        moment = clock.now()
        record.created_at = moment
        record.updated_at = moment
        record.updated_by = self.device_id
        with self._write():
            self._session.add(record)
        self._note_added(model, (record.id,))
        self._announce(Change(KIND_OF_MODEL[model].key, (record.id,), "added"))
        return record

    def update(self, record: T, **fields: Any) -> T:
        """Change fields of a stored record; nothing is stored when a rule is broken."""
        self._require_writable()
        self.check(record, **fields)
        changed = {k: v for k, v in fields.items() if getattr(record, k) != v}
        if not changed:
            return record
        old = {key: getattr(record, key) for key in changed}
        for key, value in changed.items():
            setattr(record, key, value)
        record.updated_at = clock.now()
        record.updated_by = self.device_id
        with self._write():
            pass
        self._note_edit(record, old, changed)
        kind = KIND_OF_MODEL[type(record)].key
        self._announce(Change(kind, (record.id,), "updated", tuple(changed)))
        return record

    def check_new(self, model: type[Tracked], **fields: Any) -> None:
        """Raise ValidationError if `add(model, **fields)` would be refused; stores nothing."""
        self._candidate(model, fields)

    def _candidate(self, model: type[T], fields: dict[str, Any]) -> T:
        """A new, validated (not yet stored) record of `model` with `fields` and defaults."""
        _reject_unknown(model, fields)
        record = model(**fields)
        _fill_defaults(record)
        validate(record)
        self._check_links(record)
        self._check_against_benchmark(record)
        self._check_tracking(record)
        return record

    def check(self, record: Tracked, **fields: Any) -> None:
        """Raise ValidationError if `record` with `fields` applied would break a rule.

        Nothing is changed: forms call this to show a message next to the field.
        """
        model = type(record)
        _reject_unknown(model, fields)
        candidate = model(**{c.key: getattr(record, c.key) for c in model.__table__.columns})
        for key, value in fields.items():
            setattr(candidate, key, value)
        validate(candidate)
        self._check_links(candidate, fields)  # a link to a since-deleted record may stay
        self._check_against_benchmark(candidate)
        self._check_tracking(candidate, fields)

    def delete(self, record: Tracked) -> None:
        """Soft-delete: set the tombstone (merges carry deletions like any other update)."""
        self._set_tombstone(record, clock.now(), "deleted")

    def restore(self, record: Tracked) -> None:
        """Bring a soft-deleted record back (undo of delete)."""
        self._set_tombstone(record, None, "restored")

    def get(self, model: type[T], ident: str, include_deleted: bool = False) -> T | None:
        record = self._read(lambda s: get_record(s, model, ident))
        if record is None or (record.deleted_at is not None and not include_deleted):
            return None
        return record

    def all(
        self, model: type[T], include_deleted: bool = False, order_by: Any = None, **equal: Any
    ) -> list[T]:
        """Records of `model` whose fields equal `equal`, tombstones hidden unless asked for."""
        statement, values = all_query(model, include_deleted, order_by, equal)
        return self._read(lambda s: list(s.scalars(statement, values)))

    # --- alliances -----------------------------------------------------------------------

    def alliances(self, include_archived: bool = True) -> list[Alliance]:
        """Live alliances, by name (case-insensitive)."""
        statement = alliances_statement(include_archived)
        return self._read(lambda s: list(s.scalars(statement)))

    def find_alliance(self, name_or_id: str) -> Alliance | None:
        """The alliance whose name matches case-insensitively, or whose id matches exactly."""
        by_id = self.get(Alliance, name_or_id)
        if by_id is not None:
            return by_id
        wanted = name_or_id.strip().casefold()
        for alliance in self.alliances():
            if alliance.name.strip().casefold() == wanted:
                return alliance
        return None

    def add_alliance(self, name: str, stage: str = "formation", **fields: Any) -> Alliance:
        """A new alliance, with its first lifecycle stage recorded as of its start (or today)."""
        self._require_writable()
        with self.batch():  # the alliance and its first history row: one transaction
            alliance = self.add(Alliance, name=name, stage=stage, **fields)
            self.add(
                StageChange,
                alliance_id=alliance.id,
                stage=stage,
                changed_on=alliance.start_date or clock.today(),
            )
        return alliance

    def archive(self, alliance: Alliance, archived: bool = True) -> Alliance:
        """Archive (hide from the working list, keep everything) or unarchive an alliance."""
        return self.update(alliance, archived_at=clock.today() if archived else None)

    # --- stakeholders --------------------------------------------------------------------

    def link_stakeholder(
        self, alliance: Alliance, stakeholder: Stakeholder, role: str = ""
    ) -> AllianceStakeholder:
        """Give a stakeholder a role in an alliance (or update the role of an existing link)."""
        for link in self.all(AllianceStakeholder, alliance_id=alliance.id):
            if link.stakeholder_id == stakeholder.id:
                return self.update(link, role=role)
        return self.add(
            AllianceStakeholder, alliance_id=alliance.id, stakeholder_id=stakeholder.id, role=role
        )

    def stakeholders_of(self, alliance: Alliance) -> list[tuple[Stakeholder, str]]:
        """The alliance's stakeholders with their role in it, by name."""
        statement = (
            select(Stakeholder, AllianceStakeholder.role)
            .join(AllianceStakeholder, AllianceStakeholder.stakeholder_id == Stakeholder.id)
            .where(
                AllianceStakeholder.alliance_id == alliance.id,
                AllianceStakeholder.deleted_at.is_(None),
                Stakeholder.deleted_at.is_(None),
            )
            .order_by(func.lower(Stakeholder.name))
        )
        return self._read(lambda s: [(row[0], row[1]) for row in s.execute(statement)])

    # --- plumbing ------------------------------------------------------------------------

    def _require_writable(self) -> None:
        """Every command that writes starts here, before it changes any record."""
        if self._session is None:
            raise RuntimeError("The portfolio is closed.")
        if self.read_only:
            raise PortfolioReadOnly(self.read_only_reason)
        self._leave_read()  # the write then takes the write lock at its start

    def _register_device(self) -> None:
        device = self._session.get(Device, self.device_id)
        moment = clock.now()
        if device is None:
            device = Device(id=self.device_id, label=paths.device_label(), created_at=moment)
            self._session.add(device)
        device.last_seen_at = moment
        device.updated_at = moment
        device.updated_by = self.device_id
        self._device_registered = True

    def _set_tombstone(self, record: Tracked, when, op: str) -> None:
        self._require_writable()
        old = record.deleted_at
        record.deleted_at = when
        record.updated_at = clock.now()
        record.updated_by = self.device_id
        with self._write():
            pass
        self._note_edit(record, {"deleted_at": old}, {"deleted_at": when})
        self._announce(Change(KIND_OF_MODEL[type(record)].key, (record.id,), op))

    def _check_against_benchmark(self, record: Tracked) -> None:
        """Scores and threshold overrides must lie on their benchmark's scale."""
        if not isinstance(record, SurveyScore | BenchmarkOverride):
            return
        benchmark = self._read(lambda s: s.get(Benchmark, record.benchmark_id))
        low, high = benchmark.scale_min, benchmark.scale_max
        fields = ("value",) if isinstance(record, SurveyScore) else ("green_at", "red_below")
        for field in fields:
            value = getattr(record, field)
            if value is not None and not low <= value <= high:
                raise ValidationError(
                    field,
                    f"{value:g} is off the {benchmark.name} scale ({low:g} to {high:g}).",
                )
        if isinstance(record, BenchmarkOverride):  # red must not reach green, as on the definition
            problem = override_problem(benchmark, record.green_at, record.red_below)
            if problem is not None:
                raise ValidationError(*problem)

    def _check_links(self, record: Tracked, fields: Iterable[str] | None = None) -> None:
        """Every *_id field (of `fields`, when given) must point at a live record (a clear
        message, not an FK error). An edit of other fields keeps a link to a record deleted
        since, e.g. an action whose owner was removed."""
        for column in record.__table__.columns:
            if not column.foreign_keys or column.key == "id":
                continue
            if fields is not None and column.key not in fields:
                continue
            value = getattr(record, column.key)
            if value is None:
                continue
            target_table = next(iter(column.foreign_keys)).column.table
            target = _model_for_table(target_table.name)
            found = self._read(lambda s, t=target, v=value: s.get(t, v))
            if found is None or found.deleted_at is not None:
                label = column.key.removesuffix("_id").replace("_", " ")
                raise ValidationError(column.key, f"The {label} does not exist (or was deleted).")


def _model_for_table(table_name: str) -> type[Tracked]:
    for kind in KINDS.values():
        if kind.model.__tablename__ == table_name:
            return kind.model
    raise KeyError(table_name)


def _reject_unknown(model: type[Tracked], fields: dict[str, Any]) -> None:
    columns = {c.key for c in model.__table__.columns} - IDENTITY_FIELDS
    for key in fields:
        if key not in columns:
            kind = KIND_OF_MODEL[model].singular
            article = "An" if kind[0] in "aeiou" else "A"
            raise ValidationError(key, f"{article} {kind} has no field '{key}'.")


def _fill_defaults(record: Tracked) -> None:
    """Apply column defaults now, so validation sees the values the row will be stored with."""
    for column in record.__table__.columns:
        if getattr(record, column.key) is None and column.default is not None:
            default = column.default
            if default.is_scalar:
                setattr(record, column.key, default.arg)
            elif default.is_callable and column.key == "id":
                setattr(record, column.key, default.arg(None))
