"""Spreadsheets for the import tests, written by the tests themselves."""

from pathlib import Path

from openpyxl import Workbook


def write_xlsx(path: Path, rows: list[list], sheet: str = "Sheet1", **options) -> Path:
    """A workbook whose first (or `sheet`) sheet holds `rows`; options: hidden=[(name, rows)],
    merge=['A2:A4'], before=[(name, rows)] visible sheets placed first."""
    book = Workbook()
    book.remove(book.active)
    for name, extra in options.get("before", []):
        first = book.create_sheet(name)
        for row in extra:
            first.append(row)
    for name, hidden_rows in options.get("hidden", []):
        hidden = book.create_sheet(name)
        for row in hidden_rows:
            hidden.append(row)
        hidden.sheet_state = "hidden"
    main = book.create_sheet(sheet)
    for row in rows:
        main.append(row)
    for ref in options.get("merge", []):
        main.merge_cells(ref)
    book.save(path)
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def save_formula_results(path: Path, results: dict[str, str]) -> Path:
    """Put saved results into formula cells, as Excel does when it saves (openpyxl cannot):
    `results` maps a cell reference ('C2') to the text of its cached value."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    xml = parts[name].decode()
    for ref, value in results.items():
        xml, count = re.subn(
            rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*(/>|></v>)', rf"\g<1>\g<2><v>{value}</v>", xml
        )
        assert count == 1, ref
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path
