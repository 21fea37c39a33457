"""Encrypted vs plain: the same read workload (the whole portfolio's tracking tables, survey
data, health statuses, a text search over actions) on the encrypted file and on an unencrypted
copy, each run on a fresh connection (cold page cache; key derivation not timed).

Run: python -m benchmarks.figures.plain FILE RUNS
"""

import sys
from pathlib import Path

import sqlcipher3

from benchmarks.common import emit, passphrase, timed


def plain_copy(path: Path) -> Path:
    """An unencrypted copy beside the cached file (made once, by sqlcipher_export)."""
    plain = path.with_name(path.stem + ".plain.sqlite")
    if plain.exists():
        return plain
    draft = plain.with_name(plain.name + ".part")
    draft.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(passphrase())
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(draft),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    draft.rename(plain)
    return plain


def open_portfolio(path: Path, key: str | None):
    """A read-only Portfolio over a fresh connection, keyed or not (bypassing the checks that
    refuse an unencrypted file)."""
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.storage import database

    conn = sqlcipher3.connect(
        f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.set_key(key)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the key is derived here
    database._apply_pragmas(conn, read_only=True)
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    engine = database._engine_for(conn, path)
    opened = database.OpenedFile(path, engine, True, "benchmark", revision, conn)
    return Portfolio(opened, holds_lock=False)


def workload(portfolio) -> None:
    from sqlalchemy import select

    from alliance_desk.models import ActionItem, Decision, Meeting, Milestone, Risk

    for model in (ActionItem, Milestone, Risk, Decision, Meeting):
        portfolio.tracking_rows(model)
    portfolio.survey_data()
    portfolio.health_statuses()
    statement = select(ActionItem.id).where(ActionItem.description.like("%audit%"))
    portfolio._read(lambda s: list(s.execute(statement)))


def main(path: str, runs: int) -> None:
    encrypted = Path(path)
    plain = plain_copy(encrypted)
    results = {"encrypted_s": [], "plain_s": []}
    for _ in range(runs):  # alternate, so background load hits both alike
        for label, file, key in (
            ("encrypted_s", encrypted, passphrase()),
            ("plain_s", plain, None),
        ):
            portfolio = open_portfolio(file, key)
            results[label].append(timed(lambda p=portfolio: workload(p)))
            portfolio.close()
    emit(results)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
