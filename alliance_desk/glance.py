"""The first window of a start, read before SQLAlchemy has loaded.

SQLAlchemy, its ORM and our models take about 0.35 s to import, more than the rest of a start
before the window paints. So a start shows the window first from a Glance: the working
alliances and what the Dashboard counts, read with plain SQL on a read-only connection of its
own, while the Portfolio itself opens once the window is on screen (opening.py) and then
replaces the Glance (MainWindow.set_portfolio). Nothing can be edited meanwhile.

The SQL is the Portfolio's own, compiled from its statements into glance_sql.py, and the rows
are what the Portfolio's reads return (the same columns, dates as dates), so the Dashboard's
rules (insights/) count them the same way; tests/test_glance.py compares the two. A Glance
answers only the reads the first window makes, under the Portfolio's method names.
"""

from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from alliance_desk import clock
from alliance_desk.glance_sql import STATEMENTS
from alliance_desk.insights.status import COUNTED_FIELDS, soonest_due
from alliance_desk.insights.tracking import PaymentFlag, payment_flags
from alliance_desk.storage import database

TO_PYTHON: dict[str, Callable[[Any], Any]] = {
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
    "bool": bool,
}
TO_SQL: dict[str, Callable[[Any], Any]] = {"date": date.isoformat}


def _row_type(name: str, columns: tuple[str, ...]) -> type:
    """A row with the columns as attributes, as the Portfolio's plain rows have them."""
    base = namedtuple(name.replace(":", "_"), columns)

    def is_deleted(self) -> bool:  # as models.Tracked has it (alliances are records)
        return getattr(self, "deleted_at", None) is not None

    return type(base.__name__, (base,), {"__slots__": (), "is_deleted": property(is_deleted)})


class Glance:
    """The reads of the first window (the sidebar's alliances, the Dashboard's counts and its
    pending decisions) answered from one read-only connection, each read once."""

    read_only = True  # nothing is edited through a glance (the window shows no banner for it)
    read_only_reason = "it is still opening"
    closed = False
    health_computing = True  # the health comes with the Portfolio (nothing asks for it here)

    def __init__(self, path: Path, conn: sqlcipher3.Connection):
        self.path = Path(path)
        self._conn: sqlcipher3.Connection | None = conn
        self._answers: dict[tuple, list] = {}
        self._types = {name: _row_type(name, spec[1]) for name, spec in STATEMENTS.items()}

    @classmethod
    def read(
        cls, path: Path, passphrase: str, key: str | None, today: date | None = None
    ) -> "Glance | None":
        """Read what the first window shows (as of `today`); None when the file needs more than
        a plain read to open (database.open_glance) or a read fails: the start then goes on
        without a glance, and the Portfolio's open reports any problem."""
        conn = database.open_glance(Path(path), passphrase, key)
        if conn is None:
            return None
        glance = cls(path, conn)
        try:
            conn.execute("BEGIN")  # one snapshot, even while another copy of the app writes
            glance.read_ahead(today or clock.today())
            conn.execute("COMMIT")
        except (sqlcipher3.Error, ValueError):
            glance.close()
            return None
        except BaseException:
            glance.close()
            raise
        return glance

    def read_ahead(self, today: date) -> None:
        """Every read of the first window, now (a start does this beside the window's imports:
        SQLite reads without holding Python). Counting the actions' groups is the most work
        for SQLite and the least for Python, so it goes first, while the window's modules
        load and hold Python most."""
        self.action_groups(today)
        self.alliances()
        for kind in COUNTED_FIELDS:
            self.counted_rows(kind)
        self.payment_flags(today)
        self.upcoming_decisions()

    def close(self) -> None:
        """Close the connection and let the rows go (the Portfolio has replaced the glance)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._answers.clear()
        self.closed = True

    # --- the Portfolio's reads, under its names -----------------------------------------

    def alliances(self, include_archived: bool = True) -> list[Any]:
        rows = self._rows("alliances")
        return rows if include_archived else [a for a in rows if a.archived_at is None]

    def counted_rows(self, kind: str) -> list[Any]:
        return self._rows(f"counted:{kind}")

    def action_groups(self, today: date) -> list[Any]:
        return self._rows("action_groups", today=today)

    def payment_flags(self, today: date | None = None) -> dict[str, PaymentFlag]:
        return payment_flags(self._rows("payments"), today or clock.today())

    def upcoming_decisions(
        self, within_days: int | None = None, today: date | None = None
    ) -> list[Any]:
        rows = self._rows("pending_decisions", status="pending")
        return soonest_due(rows, today or clock.today(), within_days)

    def subscribe(self, listener: Callable[..., None]) -> Callable[[], None]:
        return lambda: None  # a Glance never changes

    @contextmanager
    def reading(self) -> Iterator[None]:
        yield

    # --- reading ------------------------------------------------------------------------

    def _rows(self, name: str, **params: Any) -> list[Any]:
        key = (name, *sorted(params.items()))
        if key not in self._answers:
            self._answers[key] = self._read(name, params)
        return list(self._answers[key])

    def _read(self, name: str, params: dict[str, Any]) -> list[Any]:
        if self._conn is None:
            raise ValueError(f"The glance of {self.path.name} is closed.")
        sql, columns, conversions, parameters = STATEMENTS[name]
        values = [
            TO_SQL[how](params[param]) if how in TO_SQL else params[param]
            for param, how in parameters
        ]
        convert = [
            (index, TO_PYTHON[conversions[column]])
            for index, column in enumerate(columns)
            if column in conversions
        ]
        make = self._types[name]._make
        rows = []
        for row in self._conn.execute(sql, values):
            if convert:
                row = list(row)
                for index, to_python in convert:
                    if row[index] is not None:
                        row[index] = to_python(row[index])
            rows.append(make(row))
        return rows
