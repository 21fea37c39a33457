"""Import and export timings (issue 8): a 50,000-row sheet in, the demo portfolio out.

Run: .venv/bin/python benchmarks/transfer.py  (prints seconds; writes only to a temp folder)
"""

import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROWS = 50_000


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    print(f"{label:<44}{time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("ALLIANCE_DESK_HOME", str(folder / "home"))
    from openpyxl import Workbook

    from alliance_desk.demo import write_demo
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.reports.exporting import write_csv, write_ics, write_xlsx
    from alliance_desk.reports.importing import build_preview, read_table, run_import

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Actions")
    sheet.append(["Alliance", "Title", "Owner", "Due date", "Status"])
    lines = ["Alliance,Title,Owner,Due date,Status"]
    for i in range(ROWS):
        due = date(2026, 1, 1) + timedelta(days=i % 300)
        sheet.append(["Helios Oncology", f"Action {i}", "Ann", due, "Open"])
        lines.append(f"Helios Oncology,Action {i},Ann,{due:%d/%m/%Y},Open")
    book.save(folder / "big.xlsx")
    (folder / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    for name in ("big.xlsx", "big.csv"):
        with Portfolio.create(folder / f"{name}.alliance", "pw") as portfolio:
            portfolio.add_alliance("Helios Oncology")
            table = timed(f"read {ROWS:,} rows ({name})", lambda n=name: read_table(folder / n))
            preview = timed(
                "preview (every row checked)",
                lambda p=portfolio, t=table: build_preview(p, t, "actions", date_order="day"),
            )
            timed("import (one transaction)", lambda p=portfolio, v=preview: run_import(p, v))
            timed(
                "re-import preview (all unchanged)",
                lambda p=portfolio, t=table: build_preview(p, t, "actions", date_order="day"),
            )
    write_demo(folder / "demo.alliance", "demo")
    with Portfolio.open(folder / "demo.alliance", "demo", read_only=True) as demo:
        timed("export demo to .xlsx", lambda: write_xlsx(demo, folder / "demo.xlsx"))
        timed("export demo to CSV (.zip)", lambda: write_csv(demo, folder / "demo.zip"))
        timed("export demo to .ics", lambda: write_ics(demo, folder / "demo.ics"))
    for name in ("big.xlsx", "big.csv", "demo.xlsx", "demo.zip", "demo.ics"):
        print(f"{name:<44}{(folder / name).stat().st_size / 1024:7.0f} KiB")


if __name__ == "__main__":
    main()
