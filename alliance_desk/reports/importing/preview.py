"""The import preview: every row read, converted and checked by the Portfolio's own rules,
before anything is stored. Bad rows carry their spreadsheet row number and the reason.

Nothing here writes: `build_preview` returns what an import would do (add, update, leave
unchanged, skip), and `apply.run_import` does it in one transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from alliance_desk.models import Alliance, AllianceStakeholder, Stakeholder, Tracked
from alliance_desk.models.limits import ValidationError
from alliance_desk.reports.importing import mapping as mappings
from alliance_desk.reports.importing import values
from alliance_desk.reports.importing.fields import (
    ALLIANCE,
    AMOUNT,
    CHOICE,
    CURRENCY,
    DATE,
    ID,
    IMPORT_KINDS,
    INTEGER,
    NUMBER,
    OWNER,
    SCORE,
    TEXT,
    FieldSpec,
    KindSpec,
)
from alliance_desk.reports.importing.reading import Table, column_letter, normalise

Progress = Callable[[int, int | None], None]
ADD, UPDATE, UNCHANGED = "add", "update", "unchanged"


class ImportRefused(Exception):
    """The import cannot go ahead as asked; the message is one sentence for the user."""


@dataclass(frozen=True)
class Problem:
    """Why one row will not be imported: its row number as the spreadsheet shows it."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.column})" if self.column else ""
        return f"Row {self.row}{where}: {self.message}"


@dataclass(frozen=True)
class DateQuestion:
    """Dates in these columns read both day-first and month-first: the user must choose."""

    columns: tuple[str, ...]
    example: str

    def __str__(self) -> str:
        names = ", ".join(f"'{c}'" for c in self.columns)
        return (
            f"The dates in {names} (such as {self.example}) can be read day-first or "
            "month-first; say which."
        )


@dataclass
class Planned:
    """A good row: what the import will do with it."""

    row: int
    action: str  # ADD, UPDATE, UNCHANGED
    fields: dict[str, Any]
    record: Any = None  # the stored record an update changes
    extra: dict[str, Any] = field(default_factory=dict)  # links made after the row is stored


@dataclass
class Preview:
    kind: str
    table: Table
    mapping: list[str]
    date_order: str | None
    planned: list[Planned] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    question: DateQuestion | None = None
    notes: list[str] = field(default_factory=list)
    reader: Any = None  # the RowReader the import reuses

    @property
    def ready(self) -> bool:
        """True when the import can run (no question is open)."""
        return self.question is None

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    def counts(self) -> dict[str, int]:
        result = {ADD: 0, UPDATE: 0, UNCHANGED: 0}
        for planned in self.planned:
            result[planned.action] += 1
        result["skipped"] = len(self.bad_rows)
        return result


def build_preview(
    portfolio,
    table: Table,
    kind: str,
    mapping: list[str] | None = None,
    date_order: str | None = None,
    progress: Progress | None = None,
) -> Preview:
    """Check every row of `table` as `kind` without storing anything.

    `mapping` (from `mapping.guess` when None) names the field of each column. `date_order`
    ('day' or 'month') reads ambiguous text dates; without it a column whose dates all fit
    both readings makes `preview.question` ask, and no row is planned.
    """
    spec = IMPORT_KINDS.get(kind)
    if spec is None:
        raise ImportRefused(
            f"'{kind}' is not an import kind; use one of {', '.join(IMPORT_KINDS)}."
        )
    benchmarks = _benchmarks(portfolio) if kind == "survey" else []
    if mapping is None:
        mapping = mappings.guess(table.headers, spec, benchmarks)
    mapping = list(mapping) + [""] * (len(table.headers) - len(mapping))
    known = {t.name for t in mappings.targets(spec, benchmarks)}
    try:
        mappings.check(mapping, spec, table.headers, known)
    except mappings.MappingError as exc:
        raise ImportRefused(str(exc)) from None
    preview = Preview(kind, table, mapping, date_order, notes=list(table.notes))
    orders = _date_orders(table, spec, mapping, date_order, preview)
    reader = RowReader(portfolio, table, spec, mapping, orders, benchmarks)
    preview.reader = reader
    if preview.question is not None:
        return preview
    if kind == "survey":
        from alliance_desk.reports.importing.survey import plan_survey

        plan_survey(portfolio, reader, preview, progress)
    else:
        _plan_records(portfolio, reader, preview, progress)
    return preview


def _benchmarks(portfolio):
    from alliance_desk.models import Benchmark

    return [b for b in portfolio.all(Benchmark) if b.retired_on is None]


# --- dates: which way round ---------------------------------------------------------------


def _date_orders(table, spec, mapping, date_order, preview) -> dict[int, str | None]:
    """Per date column: 'day' or 'month' where its text tells (a 13 or more in one place),
    the caller's `date_order` otherwise; sets `preview.question` when it cannot tell."""
    orders: dict[int, str | None] = {}
    unsure: list[tuple[str, str]] = []
    for index, name in enumerate(mapping):
        if not _is_date_field(spec, name):
            continue
        evidence: set[str] = set()
        example = ""
        for _, cells in table.rows:
            cell = cells[index] if index < len(cells) else None
            if isinstance(cell, str):
                order = values.text_date_order(cell)
                if order:
                    evidence.add(order)
                elif not example and values.is_ambiguous(cell):
                    example = cell.strip()
        if len(evidence) == 1 and not date_order:
            orders[index] = evidence.pop()
            what = "day-first" if orders[index] == values.DAY_FIRST else "month-first"
            preview.notes.append(f"Dates in '{table.headers[index]}' read {what}.")
        else:
            orders[index] = date_order
            if example and not date_order:
                unsure.append((table.headers[index], example))
    if unsure:
        preview.question = DateQuestion(tuple(h for h, _ in unsure), unsure[0][1])
    return orders


def _is_date_field(spec: KindSpec, name: str) -> bool:
    try:
        return spec.field(name).type == DATE
    except KeyError:
        return False


# --- reading one row ----------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot become a value of its field (the message says why)."""


class RowReader:
    """Turns a row's cells into field values, resolving alliances and stakeholders by name."""

    def __init__(self, portfolio, table, spec, mapping, orders, benchmarks):
        self.table, self.spec, self.mapping, self.orders = table, spec, mapping, orders
        self.benchmarks = benchmarks
        self.alliances: dict[str, Alliance] = {}
        for alliance in portfolio.alliances():
            self.alliances[alliance.id] = alliance
            self.alliances.setdefault(alliance.name.strip().casefold(), alliance)
        self.people: dict[str, Stakeholder] = {}
        for person in portfolio.all(Stakeholder):
            self.people.setdefault(person.name.strip().casefold(), person)
        self.links: dict[tuple[str, str], str] = {}
        self.columns = [
            (index, name) for index, name in enumerate(mapping) if name and index < len(mapping)
        ]

    def header(self, index: int) -> str:
        return self.table.headers[index] or f"column {column_letter(index)}"

    def column_of(self, field_name: str) -> str:
        """The header of the column that feeds `field_name` (a model field or a spec field)."""
        names = {field_name, field_name.removesuffix("_id")}
        if field_name in ("owner_id", "owner_name"):
            names.add("owner")
        for index, name in self.columns:
            if name in names:
                return self.header(index)
        return ""

    def read(self, number: int, cells: list[object]) -> tuple[dict[str, Any], list[Problem]]:
        """{spec field: value} for the mapped cells (None for empty ones), and the problems."""
        result: dict[str, Any] = {}
        problems = []
        for index, name in self.columns:
            cell = cells[index] if index < len(cells) else None
            if (number, index) in self.table.missing_results:
                problems.append(
                    Problem(
                        number,
                        self.header(index),
                        "The cell holds a formula with no saved "
                        "result; open the file in Excel, save it, and import again.",
                    )
                )
                continue
            try:
                result[name] = self.convert(name, cell, index)
            except CellError as exc:
                problems.append(Problem(number, self.header(index), str(exc)))
        return result, problems

    def convert(self, name: str, cell: object, index: int) -> Any:
        if name.startswith("benchmark:"):
            try:
                return values.parse_number(cell)
            except ValueError:
                raise CellError(f"'{_shown(cell)}' is not a score.") from None
        spec = self.spec.field(name)
        if isinstance(cell, str):
            cell = cell.strip() or None
        if cell is None:
            return None
        return _CONVERTERS[spec.type](self, spec, cell, index)

    def alliance(self, text: str) -> Alliance | None:
        return self.alliances.get(text) or self.alliances.get(text.strip().casefold())


def _shown(cell: object) -> str:
    if isinstance(cell, date):
        return f"{cell:%Y-%m-%d}"
    text = str(cell)
    return text if len(text) <= 40 else text[:37] + "…"


def _text(reader, spec: FieldSpec, cell: object, index: int) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, date):
        return f"{cell:%Y-%m-%d}"
    return str(cell)


def _date(reader, spec, cell, index) -> date:
    try:
        return values.parse_date(cell, reader.orders.get(index))
    except values.NotADate:
        raise CellError(f"'{_shown(cell)}' is not a date.") from None


def _number(reader, spec, cell, index):
    try:
        return values.parse_number(cell, integer=spec.type in (INTEGER, SCORE))
    except ValueError:
        raise CellError(f"'{_shown(cell)}' is not a number.") from None


def _amount(reader, spec, cell, index):
    try:
        return values.parse_money(cell)
    except ValueError:
        raise CellError(f"'{_shown(cell)}' is not an amount.") from None


def _choice(reader, spec, cell, index) -> str:
    text = _text(reader, spec, cell, index)
    wanted = normalise(text)
    for stored, label in spec.options.items():
        if wanted in (normalise(stored), normalise(label)):
            return stored
    return text  # the Portfolio's rules name the valid choices


def _alliance(reader, spec, cell, index) -> Alliance:
    text = _text(reader, spec, cell, index)
    found = reader.alliance(text)
    if found is None:
        raise CellError(f"There is no alliance '{_shown(text)}' in this portfolio.")
    return found


def _id(reader, spec, cell, index) -> str:
    return _text(reader, spec, cell, index).strip()


_CONVERTERS = {
    TEXT: _text,
    OWNER: _text,
    CURRENCY: lambda r, s, c, i: _text(r, s, c, i).upper(),
    DATE: _date,
    NUMBER: _number,
    INTEGER: _number,
    SCORE: _number,
    AMOUNT: _amount,
    CHOICE: _choice,
    ALLIANCE: _alliance,
    ID: _id,
}


# --- planning the ordinary kinds ----------------------------------------------------------


def _plan_records(portfolio, reader: RowReader, preview: Preview, progress) -> None:
    spec = reader.spec
    model = spec.model
    existing = portfolio.all(model)
    if spec.key == "stakeholders":
        reader.links = {
            (link.alliance_id, link.stakeholder_id): link.role
            for link in portfolio.all(AllianceStakeholder)
        }
    by_id = {record.id: record for record in existing}
    by_key = {}
    for record in existing:
        by_key.setdefault(_stored_key(spec, record), record)
    first_row_of: dict[tuple, int] = {}
    claimed: dict[str, int] = {}
    new_people: dict[tuple, Planned] = {}
    total = len(reader.table.rows)
    for position, (number, cells) in enumerate(reader.table.rows, start=1):
        if progress is not None and position % 1000 == 0:
            progress(position, total)
        read, problems = reader.read(number, cells)
        if problems:
            preview.problems.extend(problems)
            continue
        try:
            fields, extra = _model_fields(spec, read, reader)
        except CellError as exc:
            preview.problems.append(Problem(number, "", str(exc)))
            continue
        key = _row_key(spec, fields)
        # a stakeholder may come once per alliance (one row per role)
        seen = key + ((extra["alliance"].id,) if extra.get("alliance") is not None else ())
        if seen in first_row_of:
            preview.problems.append(Problem(number, "", _duplicate(spec, first_row_of[seen])))
            continue
        first_row_of[seen] = number
        record = by_id.get(read.get("id") or "") or by_key.get(key)
        if spec.key == "stakeholders" and record is None and key in new_people:
            first = new_people[key]
            if extra.get("alliance") is None:
                preview.problems.append(Problem(number, "", _duplicate(spec, first.row)))
            else:  # the person of an earlier row, in one more alliance
                preview.planned.append(
                    Planned(number, UPDATE, {}, extra=extra | {"same_as": first})
                )
            continue
        if record is not None and record.id in claimed and spec.key != "stakeholders":
            preview.problems.append(Problem(number, "", _duplicate(spec, claimed[record.id])))
            continue
        planned = _plan_row(portfolio, spec, reader, number, fields, extra, record, preview)
        if planned is not None:
            if record is not None:
                claimed[record.id] = number
            elif spec.key == "stakeholders":
                new_people[key] = planned
            preview.planned.append(planned)
    if progress is not None:
        progress(total, total)


def _duplicate(spec: KindSpec, row: int) -> str:
    what = " and ".join(spec.field(f).label.lower() for f in spec.natural_key)
    return f"Same {what} as row {row}; only the first is imported."


def _stored_key(spec: KindSpec, record: Tracked) -> tuple:
    parts = []
    for name in spec.natural_key:
        value = record.alliance_id if name == "alliance" else getattr(record, name)
        parts.append((value or "").strip().casefold())
    return tuple(parts)


def _row_key(spec: KindSpec, fields: dict[str, Any]) -> tuple:
    parts = []
    for name in spec.natural_key:
        value = fields.get("alliance_id" if name == "alliance" else name)
        parts.append((value or "").strip().casefold())
    return tuple(parts)


def _model_fields(spec: KindSpec, read: dict[str, Any], reader: RowReader):
    """The model's fields from the read values (None = empty cell), and links for later."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, value in read.items():
        kind = spec.field(name).type
        if name == "id":
            continue
        if kind == ALLIANCE and spec.key == "stakeholders":
            extra["alliance"] = value
        elif name == "role" and spec.key == "stakeholders":
            extra["role"] = value or ""
        elif kind == ALLIANCE:
            fields["alliance_id"] = value.id if value is not None else None
        elif kind == OWNER:
            person = reader.people.get((value or "").strip().casefold())
            fields["owner_id"] = person.id if person is not None else None
            fields["owner_name"] = value or ""
        elif kind == AMOUNT:
            amount, currency = value if value is not None else (None, None)
            fields[name] = amount
            if currency and read.get("currency") is None:
                fields["currency"] = currency
        else:
            fields[name] = value
    if "alliance_id" in fields and fields["alliance_id"] is None:
        raise CellError("The alliance is empty.")
    return fields, extra


def _plan_row(portfolio, spec, reader, number, fields, extra, record, preview) -> Planned | None:
    model = spec.model
    try:
        if record is None:
            new = {k: v for k, v in fields.items() if v is not None}
            portfolio.check_new(model, **new)
            return Planned(number, ADD, new, extra=extra)
        changed = {}
        for name, value in fields.items():
            if value is None:
                column = model.__table__.columns[name]
                default = column.default.arg if column.default is not None else None
                if _type_of(spec, name) == CHOICE or default not in (None, ""):
                    continue  # an empty choice (or currency) keeps what is stored
                value = default  # '' for text, None for dates and numbers
            if getattr(record, name) != value:
                changed[name] = value
        if not changed:
            return Planned(
                number, UPDATE if _new_link(reader, record, extra) else UNCHANGED, {}, record, extra
            )
        portfolio.check(record, **changed)
        return Planned(number, UPDATE, changed, record, extra)
    except ValidationError as exc:
        preview.problems.append(Problem(number, reader.column_of(exc.field), exc.message))
        return None


def _new_link(reader, record, extra) -> bool:
    """True when a stakeholder row gives the person a role in an alliance not yet stored."""
    alliance = extra.get("alliance")
    if alliance is None:
        return False
    stored = reader.links.get((alliance.id, record.id))
    return stored is None or (extra.get("role") is not None and stored != extra["role"])


def _type_of(spec: KindSpec, model_field: str) -> str:
    try:
        return spec.field(model_field).type
    except KeyError:
        return TEXT


__all__ = [
    "ADD",
    "UPDATE",
    "UNCHANGED",
    "NUMBER",
    "Preview",
    "Planned",
    "Problem",
    "DateQuestion",
    "ImportRefused",
    "build_preview",
]
