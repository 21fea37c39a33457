"""Rows as the file stores them: plain tuples per table, read and written with plain SQL.

The merge works on these raw values (times are fixed-width text, so they compare as text),
which is fast and needs no conversion; `typed` turns a stored row back into Python values
for the Portfolio (restoring a version from the conflict log).
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table

from alliance_desk.models import KINDS, Base

TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores DateTime in SQLite
TABLES: list[Table] = [t for t in Base.metadata.sorted_tables if "updated_at" in t.c]
KIND_OF_TABLE = {kind.model.__tablename__: kind for kind in KINDS.values()}
LABEL_COLUMNS = ("name", "title", "text", "question", "role", "description", "note")

# Merged by their own rules, never logged as conflicts, not evidence of what a copy has seen.
BOOKKEEPING = {"conflict_log", "device", "sync_peer"}


def columns(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def stamp(moment: datetime) -> str:
    """A time as the file stores it."""
    return moment.strftime(TIME_FORMAT)


@dataclass
class TableRows:
    """One table's rows by id, with the positions of the identity columns."""

    table: Table
    names: list[str]
    rows: dict[str, tuple] = field(default_factory=dict)

    @property
    def updated_at(self) -> int:
        return self.names.index("updated_at")

    @property
    def updated_by(self) -> int:
        return self.names.index("updated_by")

    @property
    def deleted_at(self) -> int:
        return self.names.index("deleted_at")


@dataclass
class Snapshot:
    """Every row of a file, its portfolio id, and what it has seen of each device's edits."""

    portfolio_id: str
    tables: dict[str, TableRows]
    knowledge: dict[str, str]  # device id -> latest edit time of that device this copy holds
    recorded: dict[str, str]  # device id -> time stored in sync_peer


def read_snapshot(conn) -> Snapshot:
    """Read every tracked table over a raw connection (inside the caller's transaction)."""
    tables: dict[str, TableRows] = {}
    knowledge: dict[str, str] = {}
    for table in TABLES:
        names = columns(table)
        quoted = ", ".join(f'"{n}"' for n in names)
        rows = TableRows(table, names)
        at_id = names.index("id")
        for row in conn.execute(f'SELECT {quoted} FROM "{table.name}"'):
            rows.rows[row[at_id]] = tuple(row)
        tables[table.name] = rows
        if table.name not in BOOKKEEPING:
            at, by = rows.updated_at, rows.updated_by
            for row in rows.rows.values():
                if row[at] and row[at] > knowledge.get(row[by], ""):
                    knowledge[row[by]] = row[at]
    recorded: dict[str, str] = {}
    peers = tables["sync_peer"]
    device_at = peers.names.index("peer_device")
    met_at = peers.names.index("last_merged_at")
    for row in peers.rows.values():
        if row[peers.deleted_at] is None and row[met_at]:
            device = row[device_at]
            recorded[device] = max(recorded.get(device, ""), row[met_at])
    for device, moment in recorded.items():
        knowledge[device] = max(knowledge.get(device, ""), moment)
    infos = tables["portfolio_info"].rows
    live = sorted(
        (row[tables["portfolio_info"].names.index("created_at")] or "", ident)
        for ident, row in infos.items()
    )
    return Snapshot(live[0][1] if live else "", tables, knowledge, recorded)


def as_dict(rows: TableRows, row: tuple) -> dict[str, Any]:
    return dict(zip(rows.names, row, strict=True))


def to_json(rows: TableRows, row: tuple) -> str:
    return json.dumps(as_dict(rows, row), ensure_ascii=False, sort_keys=True)


def typed(table_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Stored values (text times, 0/1 flags) as the Python values the models take."""
    table = Base.metadata.tables[table_name]
    result = {}
    for name, value in values.items():
        if name not in table.c:
            continue
        kind = table.c[name].type
        if value is not None and isinstance(value, str):
            if isinstance(kind, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, Date):
                value = date.fromisoformat(value)
        if value is not None and isinstance(kind, Boolean):
            value = bool(value)
        result[name] = value
    return result


def label(table_name: str, values: dict[str, Any]) -> str:
    """A short human name for a row: its name or title, where it has one."""
    for key in LABEL_COLUMNS:
        text = values.get(key)
        if isinstance(text, str) and text.strip():
            text = " ".join(text.split())
            return text if len(text) <= 60 else text[:57] + "…"
    return ""
