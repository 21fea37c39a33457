"""`alliance-desk import` and `alliance-desk export` (DESIGN.md §8): spreadsheets in, spreadsheets
and calendars out. No Qt: both run headless."""

import sys
from pathlib import Path

from alliance_desk.reports.importing.fields import IMPORT_KINDS

MAX_SHOWN_PROBLEMS = 200
EXPORT_SUFFIXES = {".xlsx": "xlsx", ".ics": "ics", ".zip": "csv", ".csv": "csv"}


def add_commands(command) -> None:
    """Add the two sub-commands through cli_run.py's `command(name, help)` factory."""
    imp = command("import", "Import rows from an .xlsx or .csv file (see --kind).")
    imp.add_argument("file", metavar="FILE", help="the .xlsx or .csv file to import")
    imp.add_argument("--kind", required=True, choices=list(IMPORT_KINDS), help="what the rows are")
    imp.add_argument("--mapping", metavar="M.json", help="column-to-field mapping saved before")
    imp.add_argument("--save-mapping", metavar="M.json", help="write the mapping used, to edit")
    imp.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read")
    imp.add_argument("--dry-run", action="store_true", help="check and report; store nothing")
    order = imp.add_mutually_exclusive_group()
    order.add_argument("--day-first", action="store_true", help="read 03/04/2026 as 3 April")
    order.add_argument("--month-first", action="store_true", help="read 03/04/2026 as March 4")
    imp.add_argument("--passphrase-file", metavar="FILE")
    exp = command("export", "Export to .xlsx, CSV (a folder, or a .zip) or iCalendar (.ics).")
    exp.add_argument("--format", choices=["xlsx", "csv", "ics"], help="default: from -o's suffix")
    exp.add_argument("-o", "--output", metavar="OUT", required=True)
    exp.add_argument("--alliance", metavar="NAME", help="only this alliance (default: all)")
    exp.add_argument("--passphrase-file", metavar="FILE")


def cmd_import(args, open_portfolio, user_error) -> int:
    from alliance_desk.reports import importing
    from alliance_desk.reports.importing import mapping as mappings

    try:
        saved = mappings.load(args.mapping) if args.mapping else None
        if saved and saved.kind and saved.kind != args.kind:
            raise user_error(
                f"{Path(args.mapping).name} is a mapping for {saved.kind}, not {args.kind}."
            )
        table = importing.read_table(
            args.file, sheet=args.sheet, prefer=args.kind, progress=_progress("Reading")
        )
    except (importing.UnreadableFile, importing.MappingError) as exc:
        raise user_error(str(exc)) from None
    order = "day" if args.day_first else "month" if args.month_first else None
    order = order or (saved.date_order if saved else None)
    # a survey preview tries its rows in a batch that is rolled back, which needs write access
    with open_portfolio(args, read_only=args.dry_run and args.kind != "survey") as portfolio:
        try:
            columns = saved.apply(table.headers) if saved else None
            preview = importing.build_preview(
                portfolio, table, args.kind, columns, order, _progress("Checking")
            )
        except importing.ImportRefused as exc:
            raise user_error(str(exc)) from None
        if args.save_mapping:
            mappings.save(args.save_mapping, args.kind, table.headers, preview.mapping, order)
        for note in preview.notes:
            print(note)
        targets = mappings.targets(IMPORT_KINDS[args.kind], preview.reader.benchmarks)
        labels = {t.name: t.label for t in targets}
        print("Columns: " + _columns(table.headers, [labels.get(f, f) for f in preview.mapping]))
        if preview.question is not None:
            raise user_error(f"{preview.question} Run again with --day-first or --month-first.")
        _print_problems(preview.problems)
        counts = preview.counts()
        good = counts["add"] + counts["update"] + counts["unchanged"]
        if good == 0:
            raise user_error(f"Nothing to import from {Path(args.file).name}: no good rows.")
        if args.dry_run:
            print(
                f"Dry run: would add {counts['add']}, update {counts['update']}, leave "
                f"{counts['unchanged']} unchanged and skip {counts['skipped']} bad row(s); "
                "nothing was stored."
            )
            return 0
        result = importing.run_import(portfolio, preview, _progress("Importing"))
    print(f"Imported {IMPORT_KINDS[args.kind].key} into {args.path}: {result}.")
    return 0


def cmd_export(args, open_portfolio, user_error) -> int:
    from alliance_desk.reports import exporting

    out = Path(args.output)
    kind = args.format or EXPORT_SUFFIXES.get(out.suffix.lower())
    if kind is None:
        raise user_error(f"Say --format xlsx, csv or ics (the name {out.name} does not tell).")
    if kind in ("xlsx", "ics") and out.suffix.lower() != f".{kind}":
        raise user_error(f"The output of --format {kind} must end in .{kind}, not {out.name}.")
    if not out.parent.is_dir():
        raise user_error(f"There is no folder {out.parent} to write {out.name} into.")
    if kind == "csv" and out.exists() and not out.is_dir() and out.suffix.lower() != ".zip":
        raise user_error(f"{out} is a file; CSV export writes into a folder or a .zip file.")
    with open_portfolio(args, read_only=True) as portfolio:
        alliance = None
        if args.alliance:
            alliance = portfolio.find_alliance(args.alliance)
            if alliance is None:
                raise user_error(f"There is no alliance '{args.alliance}' in {args.path}.")
        try:
            if kind == "xlsx":
                sheets = exporting.write_xlsx(portfolio, out, alliance)
                what = ", ".join(f"{name} {rows}" for name, rows in sheets.items())
                print(f"Wrote {out} (rows per sheet: {what}).")
            elif kind == "csv":
                files = exporting.write_csv(portfolio, out, alliance)
                where = "into" if out.suffix.lower() == ".zip" else "into the folder"
                print(
                    f"Wrote {len(files)} CSV files {where} {out}: "
                    + ", ".join(f"{name} ({rows} rows)" for name, rows in files.items())
                )
            else:
                events = exporting.write_ics(portfolio, out, alliance)
                print(f"Wrote {out} ({events} calendar events).")
        except OSError as exc:
            raise user_error(f"Could not write {out}: {exc.strerror or exc}.") from None
    return 0


def _columns(headers: list[str], mapping: list[str]) -> str:
    parts = []
    for header, field in zip(headers, mapping, strict=False):
        if header:
            parts.append(f"{header} → {field}" if field else f"{header} (not imported)")
    return ", ".join(parts)


def _print_problems(problems) -> None:
    for problem in problems[:MAX_SHOWN_PROBLEMS]:
        print(problem)
    if len(problems) > MAX_SHOWN_PROBLEMS:
        print(f"… and {len(problems) - MAX_SHOWN_PROBLEMS} more problems.")


def _progress(verb: str):
    """A progress callback that reports on stderr, only on a terminal and for big files."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int | None) -> None:
        if total and total >= 5000:
            print(f"\r{verb} {done:,} of {total:,} rows…", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return report
