"""Reading one sheet of an .xlsx workbook with openpyxl (read-only, so 50,000 rows are fine).

Formula cells: their last calculated results (saved by Excel) are used and a note says so; a
formula without a saved result makes its row fail with a clear reason. Merged cells: the
value is repeated in every cell of the merged range. Hidden sheets are never read unless named.
"""

import re
import warnings
import zipfile
from pathlib import Path

from alliance_desk.reports.importing.reading import (
    Progress,
    Table,
    UnreadableFile,
    column_letter,
    normalise,
)

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def read_workbook(
    path: Path, sheet: str | None, prefer: str | None, progress: Progress | None
) -> Table:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile(
            f"{path.name} is not a spreadsheet (.xlsx or .csv) that Alliance Desk can read "
            f"({type(exc).__name__})."
        ) from None
    try:
        visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
        hidden = [ws.title for ws in book.worksheets if ws.sheet_state != "visible"]
        chosen = _choose(path, book, sheet, prefer, visible)
        table = _read_sheet(path, book[chosen], progress)
    finally:
        book.close()
    if table.formula_cells:
        table = _with_saved_results(path, chosen, table, progress)
    table.sheet, table.sheets = chosen, visible
    note = f"Read the sheet '{chosen}' of {path.name}"
    others = [name for name in visible if name != chosen]
    if others:
        note += f" (other sheets: {', '.join(others)})"
    if hidden:
        note += f"; hidden sheets ignored: {', '.join(hidden)}"
    table.notes.insert(0, note + ".")
    return table


def _choose(path, book, sheet, prefer, visible) -> str:
    names = [ws.title for ws in book.worksheets]
    if sheet:
        for name in names:
            if name == sheet or name.casefold() == sheet.casefold():
                return name
        raise UnreadableFile(f"{path.name} has no sheet '{sheet}'; its sheets: {', '.join(names)}.")
    if not visible:
        raise UnreadableFile(f"{path.name} has no visible sheet.")
    if prefer:
        wanted = {normalise(prefer), normalise(prefer.rstrip("s"))}
        for name in visible:
            if normalise(name) in wanted or normalise(name).rstrip("s") in wanted:
                return name
    return visible[0]


def _read_sheet(path: Path, ws, progress: Progress | None) -> Table:
    total = ws.max_row
    merged = _merged_ranges(path, ws)
    fill: dict[tuple[int, int], tuple[int, int]] = {}
    for col1, row1, col2, row2 in merged:
        for r in range(row1, row2 + 1):
            for c in range(col1, col2 + 1):
                if (r, c) != (row1, col1):
                    fill[(r, c)] = (row1, col1)
    anchors = {source for source in fill.values()}
    anchor_values: dict[tuple[int, int], object] = {}
    formula_cells: set[tuple[int, int]] = set()
    headers: list[str] | None = None
    header_row = 1
    rows: list[tuple[int, list[object]]] = []
    for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
        values = list(cells)
        for index, value in enumerate(values):
            if isinstance(value, str) and value.startswith("=") and len(value) > 1:
                formula_cells.add((number, index))
            elif isinstance(value, str):
                values[index] = value if value.strip() else None
        if fill:
            for index in range(len(values)):
                if (number, index + 1) in anchors:
                    anchor_values[(number, index + 1)] = values[index]
            for (r, c), source in fill.items():
                if r == number:
                    while len(values) < c:
                        values.append(None)
                    values[c - 1] = anchor_values.get(source)
        if progress is not None and number % 5000 == 0:
            progress(number, total)
        if all(value is None for value in values):
            continue
        if headers is None:
            headers = ["" if v is None else str(v).strip() for v in values]
            header_row = number
            continue
        rows.append((number, values))
    if headers is None:
        raise UnreadableFile(f"The sheet '{ws.title}' of {path.name} is empty.")
    while headers and not headers[-1]:
        headers.pop()
    table = Table(path, headers, rows, header_row=header_row)
    table.formula_cells = formula_cells
    if merged:
        where = ", ".join(
            f"{column_letter(c1 - 1)}{r1}:{column_letter(c2 - 1)}{r2}" for c1, r1, c2, r2 in merged
        )
        table.notes.append(f"Merged cells ({where}) were read as the value repeated in each cell.")
    return table


def _with_saved_results(path: Path, sheet: str, table: Table, progress) -> Table:
    """Read the sheet again for the results Excel saved with the formulas."""
    import openpyxl

    formulas = table.formula_cells
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        results = {}
        wanted_rows = {r for r, _ in formulas}
        for number, cells in enumerate(book[sheet].iter_rows(values_only=True), start=1):
            if number in wanted_rows:
                results[number] = list(cells)
    finally:
        book.close()
    missing = set()
    by_number = {number: values for number, values in table.rows}
    for r, c in formulas:
        saved = results.get(r, [])
        value = saved[c] if c < len(saved) else None
        if r == table.header_row:
            if c < len(table.headers):
                table.headers[c] = "" if value is None else str(value)
            continue
        if r in by_number:
            by_number[r][c] = value
            if value is None:
                missing.add((r, c))
    table.missing_results = missing
    count = len(formulas)
    note = (
        f"{count} cell{'s' if count != 1 else ''} hold formulas; the results last calculated "
        "and saved by the spreadsheet program were used"
    )
    if missing:
        note += f" ({len(missing)} had no saved result: open and save the file in Excel first)"
    table.notes.append(note + ".")
    return table


def _merged_ranges(path: Path, ws) -> list[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row), 1-based, of the sheet's merged cells
    (read-only worksheets do not expose them, so they are read from the sheet's XML)."""
    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(part.lstrip("/"))
    except (KeyError, zipfile.BadZipFile):
        return []
    if b"mergeCell" not in xml:
        return []
    ranges = []
    for c1, r1, c2, r2 in _MERGE.findall(xml):
        ranges.append((_column_number(c1.decode()), int(r1), _column_number(c2.decode()), int(r2)))
    return ranges


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
