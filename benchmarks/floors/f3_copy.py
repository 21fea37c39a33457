"""F3 copy: every row of every table from one SQLCipher file into a new one, with executemany,
in one transaction (both files keyed with the passphrase, as a merge opens both)."""

from pathlib import Path

import sqlcipher3


def keyed(path: Path, passphrase: str) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(passphrase)
    return conn


def copy_all(source: Path, target: Path, passphrase: str) -> int:
    """Copy `source` into the new file `target`; returns the number of rows copied."""
    src, dst = keyed(source, passphrase), keyed(target, passphrase)
    copied = 0
    try:
        tables = src.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        dst.execute("BEGIN")
        for _name, sql in tables:
            dst.execute(sql)
        for name, _sql in tables:
            rows = src.execute(f'SELECT * FROM "{name}"').fetchall()
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                dst.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
                copied += len(rows)
        dst.execute("COMMIT")
    finally:
        src.close()
        dst.close()
    return copied
