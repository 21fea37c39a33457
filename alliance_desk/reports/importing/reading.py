"""Reading a spreadsheet (.xlsx or .csv) into a plain table: a header row and numbered rows.

Row numbers are the ones the spreadsheet shows (the header is usually row 1), so a message
about "row 7" points at the row the user sees. Empty rows are skipped. The file's content
decides how it is read, not its name; anything else is refused with one sentence.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Progress = Callable[[int, int | None], None]
SNIFF_BYTES = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ""}


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; the message is one sentence for the user."""


@dataclass
class Table:
    """A sheet as rows of cell values; `notes` say what the reader had to decide."""

    source: Path
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (row number as the spreadsheet shows it, values)
    sheet: str = ""  # the sheet read (xlsx), '' for CSV
    sheets: list[str] = field(default_factory=list)  # the visible sheets a caller may pick
    notes: list[str] = field(default_factory=list)
    header_row: int = 1
    # (row number, column index) of formula cells without a saved result
    missing_results: set[tuple[int, int]] = field(default_factory=set)
    formula_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column index)


def read_table(
    path: Path | str,
    sheet: str | None = None,
    prefer: str | None = None,
    progress: Progress | None = None,
) -> Table:
    """Read `path`; for a workbook, the sheet named `sheet`, else the visible sheet whose
    name matches `prefer` (an import kind such as 'actions'), else the first visible one."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise UnreadableFile(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path} is a folder, not a spreadsheet file.") from None
    except OSError as exc:
        raise UnreadableFile(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if not head:
        raise UnreadableFile(f"{path.name} is empty.")
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        from alliance_desk.reports.importing.workbook import read_workbook

        return read_workbook(path, sheet, prefer, progress)
    if suffix in (".xlsx", ".xlsm"):
        raise UnreadableFile(f"{path.name} is named like an Excel workbook but is not one.")
    if sheet:
        raise UnreadableFile(f"{path.name} is a CSV file, which has no sheets to choose from.")
    if head.startswith(OLE_MAGIC):
        raise UnreadableFile(
            f"{path.name} is an old Excel (.xls) workbook; save it as .xlsx or .csv and import "
            "that."
        )
    return read_csv(path, head, progress)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding used: UTF-8 (with or without BOM), UTF-16
    (with BOM), else Windows-1252 — the three that Excel writes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise UnreadableFile(f"{name} claims to be UTF-16 text but is not.") from None
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise UnreadableFile(f"{name} is not a spreadsheet (.xlsx or .csv) or text file.")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise UnreadableFile(f"{name} is not a spreadsheet (.xlsx or .csv) or text file.")
    return text, "Windows-1252"


def read_csv(path: Path, head: bytes, progress: Progress | None = None) -> Table:
    raw = path.read_bytes()
    text, encoding = decode(raw, path.name)
    if _looks_binary(text):
        raise UnreadableFile(f"{path.name} is not a spreadsheet (.xlsx or .csv) or text file.")
    delimiter = _delimiter(text[:SNIFF_BYTES])
    if delimiter is None:
        if path.suffix.lower() not in TEXT_SUFFIXES:
            raise UnreadableFile(
                f"{path.name} is not a spreadsheet (.xlsx or .csv) that Alliance Desk can read."
            )
        delimiter = ","  # a CSV file of one column
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[object]]] = []
    header_row = 1
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                headers, header_row = [cell.strip() for cell in cells], number
                continue
            rows.append((number, [cell if cell.strip() else None for cell in cells]))
            if progress is not None and number % 5000 == 0:
                progress(number, None)
    except csv.Error as exc:
        raise UnreadableFile(f"{path.name} is not a readable CSV file ({exc}).") from None
    if headers is None:
        raise UnreadableFile(f"{path.name} has no rows.")
    notes = [
        f"Read {path.name} as CSV text in {encoding}, columns separated by {_name(delimiter)}."
    ]
    return Table(path, headers, rows, notes=notes, header_row=header_row)


def _looks_binary(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(2, len(sample) // 200)


def _delimiter(sample: str) -> str | None:
    """Comma, semicolon (European Excel) or tab: the one that splits the first lines evenly;
    None when no line splits at all."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, best_score = None, -1
    for candidate in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines] or [1]
        if counts[0] < 2:
            continue  # the header row must split
        score = sum(1 for c in counts if c == counts[0]) * 10 + counts[0]
        if score > best_score:
            best, best_score = candidate, score
    return best


def _name(delimiter: str) -> str:
    return {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}[delimiter]


def is_zip_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def column_letter(index: int) -> str:
    """'A' for 0, 'AA' for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def normalise(text: str) -> str:
    """A header reduced to letters and digits, for matching 'Due date' with 'due_date'."""
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())
