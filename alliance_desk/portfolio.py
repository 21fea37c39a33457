"""The Portfolio service: one open portfolio file and every command and query on it.

The UI, the command line and the reports change data only through this object. Each edit is
one committed transaction (there is no Save), stamped with the time and this device's id, and
announced to subscribers as a `Change` so views refresh what they show.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Row, and_, case, func, insert, select
from sqlalchemy.orm import Session

from alliance_desk import clock
from alliance_desk.insights import tracking as figures
from alliance_desk.insights.tracking import MeetingAttendance
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
from alliance_desk.models.health import SurveyRound
from alliance_desk.models.people import InformationNeed, NeedFeedback, WorksheetInterview
from alliance_desk.models.tracking import (
    ActionItem,
    Decision,
    Meeting,
    MeetingAttendee,
    Milestone,
    Payment,
    Risk,
)
from alliance_desk.models.validation import ValidationError, validate
from alliance_desk.storage import database, errors, lock, paths

log = logging.getLogger(__name__)
T = TypeVar("T", bound=Tracked)
IDENTITY_FIELDS = {"id", "created_at", "updated_at", "updated_by", "deleted_at"}


class PortfolioReadOnly(Exception):
    """An edit was attempted on a portfolio opened read-only."""

    def __init__(self, reason: str):
        super().__init__(f"This portfolio is open read-only ({reason}); nothing was changed.")
        self.reason = reason


class BatchFailed(Exception):
    """A write inside a batch failed earlier, so the batch stores nothing."""

    def __init__(self, cause: BaseException):
        reason = getattr(cause, "orig", None) or cause
        super().__init__(f"An earlier change in this batch failed ({reason}); nothing was stored.")
        self.cause = cause


@dataclass(frozen=True)
class Change:
    """What one committed edit touched: the kind (a KINDS key), the row ids and the operation."""

    kind: str
    ids: tuple[str, ...]
    op: str  # "added", "updated", "deleted", "restored", "reloaded"
    fields: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class Portfolio:
    """One open portfolio file. Use `Portfolio.open` or `Portfolio.create`; close when done."""

    def __init__(self, opened: database.OpenedFile, holds_lock: bool):
        self._opened = opened
        self._holds_lock = holds_lock
        self._session = Session(opened.engine, expire_on_commit=False, autoflush=False)
        self._listeners: list[Listener] = []
        self._device_registered = False
        self._batch: list[Change] | None = None
        self._batch_failure: BaseException | None = None
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
    ) -> "Portfolio":
        """Open an existing file; raises a StorageError subclass with a message for the user.

        A live lock held by someone else raises PortfolioLocked unless `read_only` (open
        without editing) or `take_over_lock` (the user insists) is given.
        """
        path = Path(path)
        database.check_file(path)
        other = lock.holder(path)
        if other is not None and not read_only and not take_over_lock:
            raise errors.PortfolioLocked(path, other.describe())
        opened = database.open_file(path, passphrase, read_only=read_only)
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
        self._end_read()
        return database.integrity_findings(self._opened.engine)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the file with a new passphrase (PRAGMA rekey)."""
        self._require_writable()
        if not new_passphrase:
            raise ValidationError("passphrase", "The new passphrase must not be empty.")
        self._end_read()
        database.rekey(self._opened.engine, new_passphrase)

    def refresh_lock(self) -> None:
        """Renew the lock file's time (the GUI calls this every few minutes)."""
        if self._holds_lock:
            lock.refresh(self.path)

    # --- change announcements ------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(change)` after every committed edit; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _announce(self, change: Change) -> None:
        if self._batch is not None:
            self._batch.append(change)
            return
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:  # the edit is stored; one broken view must not hide that
                log.exception("A listener failed on %s", change)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make many edits one transaction: one commit (and one fsync) at the end, all or none.

        For bulk work (the demo, imports); changes are announced after the commit. Nested
        batches join the outer one. A ValidationError inside leaves the batch usable (nothing
        was written for that edit, so an importer may skip the row); a failed write spoils the
        whole batch: later edits in it are refused and nothing of it is stored.
        """
        self._require_writable()
        if self._batch is not None:
            yield
            return
        self._batch = []
        self._batch_failure = None
        try:
            yield
            if self._batch_failure is not None:
                raise BatchFailed(self._batch_failure)
            self._session.commit()
        except BaseException:
            self._session.rollback()
            self._batch = None
            self._batch_failure = None
            self._device_registered = False
            raise
        changes, self._batch = self._batch, None
        for change in changes:
            self._announce(change)

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
        self._announce(Change(KIND_OF_MODEL[model].key, (record.id,), "added"))
        return record

    def update(self, record: T, **fields: Any) -> T:
        """Change fields of a stored record; nothing is stored when a rule is broken."""
        self._require_writable()
        self.check(record, **fields)
        changed = {k: v for k, v in fields.items() if getattr(record, k) != v}
        if not changed:
            return record
        for key, value in changed.items():
            setattr(record, key, value)
        record.updated_at = clock.now()
        record.updated_by = self.device_id
        with self._write():
            pass
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
        record = self._read(lambda s: s.get(model, ident))
        if record is None or (record.deleted_at is not None and not include_deleted):
            return None
        return record

    def all(
        self, model: type[T], include_deleted: bool = False, order_by: Any = None, **equal: Any
    ) -> list[T]:
        """Records of `model` whose fields equal `equal`, tombstones hidden unless asked for."""
        statement = select(model)
        if not include_deleted:
            statement = statement.where(model.deleted_at.is_(None))
        for key, value in equal.items():
            statement = statement.where(getattr(model, key) == value)
        statement = statement.order_by(order_by if order_by is not None else model.created_at)
        return self._read(lambda s: list(s.scalars(statement)))

    # --- alliances -----------------------------------------------------------------------

    def alliances(self, include_archived: bool = True) -> list[Alliance]:
        """Live alliances, by name (case-insensitive)."""
        statement = select(Alliance).where(Alliance.deleted_at.is_(None))
        if not include_archived:
            statement = statement.where(Alliance.archived_at.is_(None))
        statement = statement.order_by(func.lower(Alliance.name))
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

    def set_stage(
        self, alliance: Alliance, stage: str, on: date | None = None, note: str = ""
    ) -> StageChange:
        """Move an alliance to a lifecycle stage and record the date in its history."""
        self.check(alliance, stage=stage)
        with self.batch():  # the stage and its history row: one transaction
            self.update(alliance, stage=stage)
            return self.add(
                StageChange,
                alliance_id=alliance.id,
                stage=stage,
                changed_on=on or clock.today(),
                note=note,
            )

    def stage_history(self, alliance: Alliance) -> list[StageChange]:
        return sorted(
            self.all(StageChange, alliance_id=alliance.id),
            key=lambda c: (c.changed_on or date.min, c.created_at),
        )

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

    # --- worksheet -----------------------------------------------------------------------

    def stakeholders(self) -> list[Stakeholder]:
        """Every live stakeholder of the portfolio, by name (case-insensitive)."""
        statement = (
            select(Stakeholder)
            .where(Stakeholder.deleted_at.is_(None))
            .order_by(func.lower(Stakeholder.name), Stakeholder.created_at)
        )
        return self._read(lambda s: list(s.scalars(statement)))

    def find_stakeholders(self, name_or_id: str) -> list[Stakeholder]:
        """The stakeholder with this id, else those whose name matches case-insensitively."""
        by_id = self.get(Stakeholder, name_or_id)
        if by_id is not None:
            return [by_id]
        wanted = name_or_id.strip().casefold()
        return [
            person for person in self.stakeholders() if person.name.strip().casefold() == wanted
        ]

    def roles(self) -> dict[str, list[tuple[Alliance, str]]]:
        """Per stakeholder id: the live alliances they serve with their role, by alliance name."""
        statement = (
            select(AllianceStakeholder.stakeholder_id, Alliance, AllianceStakeholder.role)
            .join(Alliance, Alliance.id == AllianceStakeholder.alliance_id)
            .where(AllianceStakeholder.deleted_at.is_(None), Alliance.deleted_at.is_(None))
            .order_by(func.lower(Alliance.name))
        )
        result: dict[str, list[tuple[Alliance, str]]] = {}
        for person_id, alliance, role in self._read(lambda s: list(s.execute(statement))):
            result.setdefault(person_id, []).append((alliance, role))
        return result

    def unlink_stakeholder(
        self, alliance: Alliance, stakeholder: Stakeholder
    ) -> AllianceStakeholder | None:
        """End a stakeholder's role in an alliance (the person stays); returns the link ended."""
        for link in self.all(AllianceStakeholder, alliance_id=alliance.id):
            if link.stakeholder_id == stakeholder.id:
                self.delete(link)
                return link
        return None

    def information_needs(
        self,
        stakeholder: Stakeholder,
        alliance: Alliance | None = None,
        include_retired: bool = True,
    ) -> list[InformationNeed]:
        """A stakeholder's information needs in their order; with `alliance`, those for that
        alliance and those for no alliance in particular."""
        needs = self.all(InformationNeed, stakeholder_id=stakeholder.id)
        if alliance is not None:
            needs = [n for n in needs if n.alliance_id in (None, alliance.id)]
        if not include_retired:
            needs = [n for n in needs if n.status != "retired"]
        return sorted(needs, key=lambda n: (n.position, n.created_at))

    def add_need(self, stakeholder: Stakeholder, question: str, **fields: Any) -> InformationNeed:
        """A new information need at the end of the stakeholder's list."""
        if "position" not in fields:
            needs = self.all(InformationNeed, stakeholder_id=stakeholder.id)
            fields["position"] = max((n.position for n in needs), default=0) + 1
        return self.add(InformationNeed, stakeholder_id=stakeholder.id, question=question, **fields)

    def move_need(self, need: InformationNeed, offset: int) -> bool:
        """Move an item up (-1) or down (+1) in its stakeholder's list; False at either end."""
        stakeholder = self.get(Stakeholder, need.stakeholder_id)
        needs = self.information_needs(stakeholder)
        index = next(i for i, n in enumerate(needs) if n.id == need.id)
        target = index + offset
        if not 0 <= target < len(needs):
            return False
        needs.insert(target, needs.pop(index))
        with self.batch():  # renumber the whole list: old files may hold equal positions
            for position, item in enumerate(needs, start=1):
                self.update(item, position=position)
        return True

    def record_feedback(
        self,
        need: InformationNeed,
        verdict: str,
        on: date | None = None,
        note: str = "",
        interview: WorksheetInterview | None = None,
    ) -> NeedFeedback:
        """Record what the reader said about an item on a day (used, not used, missing).

        The item shows the latest verdict; one entered late for an earlier day only joins the
        history.
        """
        on = on or clock.today()
        interview_id = interview.id if interview is not None else None
        self.check_new(
            NeedFeedback,
            need_id=need.id,
            verdict=verdict,
            given_on=on,
            note=note,
            interview_id=interview_id,
        )
        with self.batch():
            entry = self.add(
                NeedFeedback,
                need_id=need.id,
                verdict=verdict,
                given_on=on,
                note=note,
                interview_id=interview_id,
            )
            if need.feedback_on is None or on >= need.feedback_on:
                self.update(need, feedback=verdict, feedback_on=on)
        return entry

    def feedback_history(self, need: InformationNeed) -> list[NeedFeedback]:
        """Every verdict recorded for an item, newest first."""
        entries = self.all(NeedFeedback, need_id=need.id)
        return sorted(entries, key=lambda e: (e.given_on or date.min, e.created_at), reverse=True)

    def add_missing_need(
        self,
        stakeholder: Stakeholder,
        question: str,
        on: date | None = None,
        note: str = "",
        **fields: Any,
    ) -> InformationNeed:
        """A reader said something is missing: it becomes a new item, with that verdict in its
        history, in one step."""
        on = on or clock.today()
        with self.batch():
            need = self.add_need(
                stakeholder, question, feedback="missing", feedback_on=on, **fields
            )
            self.add(NeedFeedback, need_id=need.id, verdict="missing", given_on=on, note=note)
        return need

    def retire_need(
        self, need: InformationNeed, reason: str, on: date | None = None
    ) -> InformationNeed:
        """Stop reporting an item; it stays, with why and when, hidden from reports."""
        return self.update(
            need, status="retired", retired_reason=reason.strip(), retired_on=on or clock.today()
        )

    def reinstate_need(self, need: InformationNeed) -> InformationNeed:
        """Report a retired item again."""
        return self.update(need, status="active", retired_reason="", retired_on=None)

    def unused_needs(self) -> list[tuple[InformationNeed, Stakeholder]]:
        """Across the portfolio, the active items whose reader last said they do not use them:
        candidates to stop reporting. Oldest verdict first."""
        statement = (
            select(InformationNeed, Stakeholder)
            .join(Stakeholder, Stakeholder.id == InformationNeed.stakeholder_id)
            .where(
                InformationNeed.deleted_at.is_(None),
                Stakeholder.deleted_at.is_(None),
                InformationNeed.status == "active",
                InformationNeed.feedback == "not_used",
            )
            .order_by(InformationNeed.feedback_on, func.lower(Stakeholder.name))
        )
        return self._read(lambda s: [(row[0], row[1]) for row in s.execute(statement)])

    def record_interview(
        self,
        stakeholder: Stakeholder,
        held_on: date,
        interviewer: str = "",
        changes: str = "",
        alliance: Alliance | None = None,
    ) -> WorksheetInterview:
        """Record a worksheet interview; the stakeholder's worksheet counts as validated then
        (unless a later interview is already recorded)."""
        fields = {
            "stakeholder_id": stakeholder.id,
            "alliance_id": alliance.id if alliance is not None else None,
            "held_on": held_on,
            "interviewer": interviewer.strip(),
            "changes": changes.strip(),
        }
        self.check_new(WorksheetInterview, **fields)
        with self.batch():
            interview = self.add(WorksheetInterview, **fields)
            latest = stakeholder.last_validated_on
            if latest is None or held_on >= latest:
                self.update(
                    stakeholder,
                    last_validated_on=held_on,
                    validated_by=fields["interviewer"],
                    validation_note=fields["changes"],
                )
        return interview

    def interviews_of(self, stakeholder: Stakeholder) -> list[WorksheetInterview]:
        """The stakeholder's recorded worksheet interviews, newest first."""
        rows = self.all(WorksheetInterview, stakeholder_id=stakeholder.id)
        return sorted(rows, key=lambda r: (r.held_on or date.min, r.created_at), reverse=True)

    # --- tracking ------------------------------------------------------------------------

    def tracking_rows(
        self,
        model: type[Tracked],
        alliance_id: str | None = None,
        ids: Iterable[str] | None = None,
        include_archived: bool = False,
    ) -> list[Row]:
        """Plain rows of a daily-record kind (actions, milestones, risks, decisions, meetings,
        payments), for tables of any size: every column plus `alliance_name`.

        Actions add `owner_current` and `owner_removed` (the owning stakeholder's name now,
        and whether that stakeholder was deleted); risks add `severity`; meetings add
        `invited` and `attended` (invited people who came). Without `alliance_id` the rows of
        every working alliance (archived ones too with `include_archived`).
        """
        table = model.__table__
        columns = [*table.c, Alliance.name.label("alliance_name")]
        statement = select(*columns).join(Alliance, Alliance.id == table.c.alliance_id)
        if model is ActionItem:
            owner = Stakeholder.__table__.alias("owner")
            statement = statement.add_columns(
                owner.c.name.label("owner_current"),
                owner.c.deleted_at.is_not(None).label("owner_removed"),
            ).outerjoin(owner, owner.c.id == table.c.owner_id)
        elif model is Risk:
            statement = statement.add_columns(
                (table.c.likelihood * table.c.impact).label("severity")
            )
        elif model is Meeting:
            counts = self._attendance_counts().subquery()
            statement = statement.add_columns(
                func.coalesce(counts.c.invited, 0).label("invited"),
                func.coalesce(counts.c.attended, 0).label("attended"),
            ).outerjoin(counts, counts.c.meeting_id == table.c.id)
        statement = statement.where(table.c.deleted_at.is_(None), Alliance.deleted_at.is_(None))
        if alliance_id is not None:
            statement = statement.where(table.c.alliance_id == alliance_id)
        elif not include_archived:
            statement = statement.where(Alliance.archived_at.is_(None))
        if ids is not None:
            statement = statement.where(table.c.id.in_(list(ids)))
        statement = statement.order_by(table.c.created_at)
        return self._read(lambda s: list(s.execute(statement)))

    def _attendance_counts(self):
        """Per meeting id: people invited, and invited people who came."""
        attendee = MeetingAttendee.__table__
        invited = attendee.c.invited.is_(True)
        return (
            select(
                attendee.c.meeting_id,
                func.sum(case((invited, 1), else_=0)).label("invited"),
                func.sum(case((and_(invited, attendee.c.attended.is_(True)), 1), else_=0)).label(
                    "attended"
                ),
            )
            .where(attendee.c.deleted_at.is_(None))
            .group_by(attendee.c.meeting_id)
        )

    def add_many(self, model: type[T], rows: Iterable[dict[str, Any]]) -> list[str]:
        """Check and store many new records of one kind in one transaction: all or none.

        Each row is checked like `add` (a ValidationError names the field of the first bad
        row; nothing is stored); the rows are written with one bulk insert, so tens of
        thousands take seconds. Returns the new ids; one Change announces them all.
        """
        self._require_writable()
        moment = clock.now()
        values = []
        with self.batch():
            for fields in rows:
                record = self._candidate(model, dict(fields))
                row = {c.key: getattr(record, c.key) for c in model.__table__.columns}
                row.update(created_at=moment, updated_at=moment, updated_by=self.device_id)
                values.append(row)
            if values:
                with self._write() as session:
                    session.execute(insert(model.__table__), values)
        ids = tuple(row["id"] for row in values)
        if ids:
            self._announce(Change(KIND_OF_MODEL[model].key, ids, "added"))
        return list(ids)

    def status_change(self, record: Tracked, status: str) -> dict[str, Any]:
        """The fields to store when `record` moves to `status` (done dates itself, ...)."""
        kind = KIND_OF_MODEL[type(record)].key
        return figures.status_change(kind, record, status, clock.today())

    def set_status(self, records: Iterable[Tracked], status: str) -> None:
        """Move records to `status` in one transaction (bulk change): all or none."""
        records = list(records)
        for record in records:  # every rule first, before anything is written
            self.check(record, **self.status_change(record, status))
        with self.batch():
            for record in records:
                self.update(record, **self.status_change(record, status))

    def upcoming_decisions(
        self, within_days: int | None = None, today: date | None = None
    ) -> list[Row]:
        """Pending decisions of every working alliance, soonest due first (overdue ones first
        of all; those without a due date last); with `within_days`, only those due by then."""
        today = today or clock.today()
        rows = [r for r in self.tracking_rows(Decision) if r.status == "pending"]
        if within_days is not None:
            horizon = today + timedelta(days=within_days)
            rows = [r for r in rows if r.due_date is not None and r.due_date <= horizon]
        return sorted(rows, key=lambda r: (r.due_date is None, r.due_date or date.max))

    def delivery_reliability(
        self, alliance_id: str | None = None, period: str | None = None, today: date | None = None
    ) -> Any:
        """On-time delivery of milestones: {'all', 'ours', 'partner', 'joint': OnTime}, or
        with `period` ('month', 'quarter') a list of PeriodReliability, oldest first."""
        today = today or clock.today()
        rows = self.tracking_rows(Milestone, alliance_id)
        if period is None:
            return figures.delivery_reliability(rows, today)
        return figures.delivery_reliability_by_period(rows, today, period)

    def governance_responsiveness(
        self, alliance_id: str | None = None, period: str | None = None
    ) -> Any:
        """Median days from raised to resolved over issues: a Responsiveness, or with
        `period` a list of PeriodResponsiveness (by resolution date), oldest first."""
        rows = self.tracking_rows(Risk, alliance_id)
        if period is None:
            return figures.governance_responsiveness(rows)
        return figures.responsiveness_by_period(rows, period)

    def responsiveness_by_alliance(self) -> dict[str, figures.Responsiveness]:
        return figures.responsiveness_by_alliance(self.tracking_rows(Risk))

    def meeting_attendance(self, alliance_id: str | None = None) -> list[MeetingAttendance]:
        """Every meeting with its attendance per side (ours, partner), oldest first."""
        meetings = sorted(
            self.tracking_rows(Meeting, alliance_id),
            key=lambda m: (m.held_on is None, m.held_on or date.max),
        )
        attendee, person = MeetingAttendee.__table__, Stakeholder.__table__
        statement = (
            select(attendee.c.meeting_id, person.c.side, attendee.c.invited, attendee.c.attended)
            .join(person, person.c.id == attendee.c.stakeholder_id)
            .where(attendee.c.deleted_at.is_(None))
        )
        if alliance_id is not None:
            statement = statement.join(Meeting, Meeting.id == attendee.c.meeting_id).where(
                Meeting.alliance_id == alliance_id
            )
        by_meeting: dict[str, dict[str, list]] = {}
        for row in self._read(lambda s: list(s.execute(statement))):
            side = row.side if row.side in ("ours", "partner") else "ours"
            by_meeting.setdefault(row.meeting_id, {}).setdefault(side, []).append(row)
        result = []
        for meeting in meetings:
            sides = by_meeting.get(meeting.id, {})
            by_side = {side: figures.attendance(rows) for side, rows in sides.items()}
            result.append(MeetingAttendance(meeting, by_side))
        return result

    def attendance_trend(
        self, alliance_id: str, forum: str | None = None, side: str | None = None
    ) -> figures.AttendanceTrend:
        """Falling, rising or steady attendance over the alliance's held meetings; with
        `forum`, meetings of that type only; with `side` ('ours', 'partner'), that side's."""
        held = [
            m
            for m in self.meeting_attendance(alliance_id)
            if m.status == "held" and (forum is None or m.meeting.forum == forum)
        ]
        if side is None:
            return figures.attendance_trend(m.overall.rate for m in held)
        return figures.attendance_trend(
            m.attendance_by_side.get(side, figures.Attendance()).rate for m in held
        )

    def payment_flags(self, today: date | None = None) -> dict[str, figures.PaymentFlag]:
        """Per alliance id: overdue, disputed and soon-due payments (only alliances with any)."""
        return figures.payment_flags(self.tracking_rows(Payment), today or clock.today())

    def attendees_of(self, meeting: Meeting) -> list[tuple[MeetingAttendee, Stakeholder]]:
        """A meeting's invitation rows with their people, by name."""
        statement = (
            select(MeetingAttendee, Stakeholder)
            .join(Stakeholder, Stakeholder.id == MeetingAttendee.stakeholder_id)
            .where(MeetingAttendee.meeting_id == meeting.id, MeetingAttendee.deleted_at.is_(None))
            .order_by(func.lower(Stakeholder.name))
        )
        return self._read(lambda s: [(row[0], row[1]) for row in s.execute(statement)])

    def meeting_outcomes(self, meeting: Meeting) -> tuple[list[ActionItem], list[Decision]]:
        """The actions and decisions that came out of a meeting."""
        actions = [a for a in self.all(ActionItem, source_id=meeting.id) if a.source == "meeting"]
        return actions, self.all(Decision, meeting_id=meeting.id)

    def _check_tracking(self, record: Tracked, fields: Iterable[str] | None = None) -> None:
        """Nothing from a meeting (or survey) is due, done or decided before that day."""
        if isinstance(record, ActionItem) and record.source_id:
            origin_model = Meeting if record.source == "meeting" else SurveyRound
            checked = ("due_date", "completed_on")
            origin_id = record.source_id
        elif isinstance(record, Decision) and record.meeting_id:
            origin_model, checked, origin_id = Meeting, ("decided_on",), record.meeting_id
        else:
            return
        if fields is not None:
            fields = set(fields)
            if not fields & {*checked, "source", "source_id", "meeting_id"}:
                return
        origin = self._read(lambda s: s.get(origin_model, origin_id))
        if origin is None or origin.held_on is None:
            return
        labels = {"due_date": "due date", "completed_on": "completed date"}
        labels["decided_on"] = "decision date"
        noun = "meeting" if origin_model is Meeting else "survey round"
        for name in checked:
            value = getattr(record, name)
            if value is not None and value < origin.held_on:
                raise ValidationError(
                    name,
                    f"The {labels[name]} is before the {noun} it came from "
                    f"({origin.held_on:%Y-%m-%d}).",
                )

    # --- plumbing ------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self._session is None:
            raise RuntimeError("The portfolio is closed.")
        if self.read_only:
            raise PortfolioReadOnly(self.read_only_reason)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One committed transaction; on any failure nothing of it stays."""
        if self._batch_failure is not None:
            raise BatchFailed(self._batch_failure)
        try:
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
            if self._batch is not None:
                self._batch.clear()
                self._batch_failure = exc
            raise

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
        if self._batch is not None:
            return  # the batch's transaction stays open until it commits
        if self._session is not None and self._session.in_transaction():
            self._session.commit()

    def _set_tombstone(self, record: Tracked, when, op: str) -> None:
        self._require_writable()
        record.deleted_at = when
        record.updated_at = clock.now()
        record.updated_by = self.device_id
        with self._write():
            pass
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
