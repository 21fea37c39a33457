"""The Portfolio's statements behind the first window's reads, compiled to the SQL that
glance.py runs before SQLAlchemy has loaded (glance_sql.py holds it).

    python -m alliance_desk.glance_statements    # writes glance_sql.py again

tests/test_glance.py fails when glance_sql.py no longer says what these statements compile
to: a change to one of them is a change to the glance too, made by running the line above.
"""

import subprocess
import sys
from pathlib import Path
from pprint import pformat
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Select
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from alliance_desk.insights.status import COUNTED_FIELDS
from alliance_desk.models import KINDS, Decision, Payment
from alliance_desk.portfolio import alliances_statement
from alliance_desk.portfolio_tracking import ACTION_GROUPS, tracking_statement

TARGET = Path(__file__).with_name("glance_sql.py")
HEADER = '''"""The SQL of the first window's reads (glance.py), compiled from the Portfolio's own
statements by `python -m alliance_desk.glance_statements`; do not edit (tests/test_glance.py
fails when this no longer matches them).

name: (SQL, the columns of a row, the columns to convert from SQLite's text or integers,
the parameters in order with theirs).
"""

'''


def statements() -> dict[str, Select]:
    """What glance.py reads, by the name it reads it under."""
    found = {
        "alliances": alliances_statement(include_archived=True),
        "action_groups": ACTION_GROUPS,
        "payments": tracking_statement(Payment, False, False, False, None),
        "pending_decisions": tracking_statement(Decision, False, False, False, None, True),
    }
    for kind, fields in COUNTED_FIELDS.items():
        found[f"counted:{kind}"] = tracking_statement(
            KINDS[kind].model, False, False, False, fields
        )
    return found


def _conversion(column_type: Any) -> str | None:
    """How SQLAlchemy turns a stored value of this type into Python (None: it does not)."""
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Boolean):
        return "bool"
    return None


def compiled() -> dict[str, tuple]:
    """Each statement as (SQL, columns, {column: conversion}, ((parameter, conversion), ...))."""
    dialect = SQLiteDialect_pysqlite()
    out = {}
    for name, statement in statements().items():
        sql = statement.compile(dialect=dialect)
        columns = statement.selected_columns
        converted = {
            key: how
            for key, column in zip(columns.keys(), columns, strict=True)
            if (how := _conversion(column.type)) is not None
        }
        parameters = tuple((key, _conversion(sql.binds[key].type)) for key in sql.positiontup or ())
        out[name] = (str(sql), tuple(columns.keys()), converted, parameters)
    return out


def source() -> str:
    """glance_sql.py as it should read."""
    return f"{HEADER}STATEMENTS = {pformat(compiled(), width=96, sort_dicts=True)}\n"


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=False)
    print(f"Wrote {TARGET}.", file=sys.stderr)
