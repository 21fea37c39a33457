"""Helpers for merge tests: copies of one portfolio edited by different devices at set times."""

import os
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from alliance_desk import clock
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database
from alliance_desk.sync import rows as R
from tests.conftest import PASSPHRASE

START = datetime(2040, 3, 2, 9, 0, 0)  # after the template was made
DATA_TABLES = [t.name for t in R.TABLES if t.name not in R.BOOKKEEPING]


def copy(path: Path, name: str) -> Path:
    target = path.with_name(name)
    shutil.copyfile(path, target)
    return target


@contextmanager
def as_device(device: str):
    """Edits made inside are stamped with `device` (the env override paths.device_id reads)."""
    previous = os.environ.get("ALLIANCE_DESK_DEVICE_ID")
    os.environ["ALLIANCE_DESK_DEVICE_ID"] = device
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("ALLIANCE_DESK_DEVICE_ID", None)
        else:
            os.environ["ALLIANCE_DESK_DEVICE_ID"] = previous


def edit(
    path: Path,
    device: str,
    minutes: float,
    work: Callable[[Portfolio], object],
    passphrase: str = PASSPHRASE,
):
    """Open `path` as `device` with the clock at START + `minutes`, run `work`, close."""
    clock.freeze(START + timedelta(minutes=minutes))
    try:
        with as_device(device), Portfolio.open(path, passphrase) as portfolio:
            return work(portfolio)
    finally:
        clock.freeze(None)


def snapshot(path: Path, passphrase: str = PASSPHRASE) -> R.Snapshot:
    opened = database.open_file(path, passphrase, read_only=True)
    try:
        opened.connection.execute("BEGIN")
        return R.read_snapshot(opened.connection)
    finally:
        opened.connection.execute("ROLLBACK")
        opened.close()


def data_rows(path: Path, passphrase: str = PASSPHRASE) -> dict[str, dict[str, tuple]]:
    """Every row of every user table (not the bookkeeping ones), by table and id."""
    shot = snapshot(path, passphrase)
    return {name: shot.tables[name].rows for name in DATA_TABLES}


def conflict_versions(path: Path, passphrase: str = PASSPHRASE) -> set[tuple]:
    """(table, row id, losing time, losing device) of every conflict-log entry."""
    shot = snapshot(path, passphrase)
    log = shot.tables["conflict_log"]
    index = {n: log.names.index(n) for n in ("table_name", "row_id")}
    result = set()
    for row in log.rows.values():
        values = R.as_dict(log, row)
        result.add(
            (
                row[index["table_name"]],
                row[index["row_id"]],
                values["losing_updated_at"],
                values["losing_device"],
            )
        )
    return result
