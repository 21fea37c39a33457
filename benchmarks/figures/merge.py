"""Merge figure: two copies of the big portfolio, each with 5,000 rows changed on its own
device (actions: different rows on each side), merged with `sync.files.merge_files` (as the
CLI does, backup included); against F3, a plain copy of every row into a new file.

Run: python -m benchmarks.figures.merge FILE RUNS WORKDIR
"""

import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import emit, passphrase, timed
from benchmarks.floors.f3_copy import copy_all, keyed

CHANGED = 5000


def change_rows(path: Path, ids: list[str], device: str, moment: datetime) -> None:
    """Edit the titles of `ids` as `device` would (a later updated_at, its device id)."""
    conn = keyed(path, passphrase())
    try:
        conn.execute("BEGIN")
        conn.executemany(
            "UPDATE action_item SET title = title || ?, updated_at = ?, updated_by = ? "
            "WHERE id = ?",
            [
                (f" ({device[:4]})", (moment + timedelta(seconds=n)).strftime(STAMP), device, i)
                for n, i in enumerate(ids)
            ],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


STAMP = "%Y-%m-%d %H:%M:%S.%f"


def main(path: str, runs: int, workdir: str) -> None:
    from alliance_desk.sync.files import merge_files

    work = Path(workdir)
    conn = keyed(Path(path), passphrase())
    ids = [row[0] for row in conn.execute("SELECT id FROM action_item ORDER BY id")]
    conn.close()
    changed = min(CHANGED, len(ids) // 2)
    moment = datetime.now() - timedelta(hours=1)
    merge_s, copy_s, report = [], [], ""
    for run in range(runs):
        source, target = work / f"a{run}.alliance", work / f"b{run}.alliance"
        shutil.copyfile(path, source)
        shutil.copyfile(path, target)
        change_rows(source, ids[:changed], "aaaaaaaa-0000-4000-8000-000000000001", moment)
        change_rows(
            target, ids[changed : 2 * changed], "bbbbbbbb-0000-4000-8000-00000000002", moment
        )
        secret = passphrase()
        reports = []
        merge_s.append(
            timed(lambda s=source, t=target, k=secret, r=reports: r.append(merge_files(s, t, k, k)))
        )
        report = report or reports[0].summary()
        copy = work / f"copy{run}.alliance"
        copy_s.append(timed(lambda c=copy, k=secret: copy_all(Path(path), c, k)))
        for leftover in work.iterdir():
            if leftover.is_file():
                leftover.unlink()
    emit({"merge_s": merge_s, "f3_s": copy_s, "changed_each": changed, "report": str(report)})


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
