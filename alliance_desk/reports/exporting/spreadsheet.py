"""The portfolio as an .xlsx workbook (one sheet per kind) and as CSV files (one per kind).

In the workbook dates are real Excel dates and amounts real numbers, the header row is
frozen and filtered, and columns have sensible widths. CSV files are UTF-8 with a BOM, so
Excel opens accents and symbols right. Every text passes the one sanitiser first.
"""

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from alliance_desk.reports.exporting.tables import AMOUNT_FORMAT, ExportTable, export_tables
from alliance_desk.reports.importing.fields import AMOUNT, DATE, TITLE_WIDTH
from alliance_desk.reports.output import write_atomically
from alliance_desk.reports.sanitise import sanitise

DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 45
PRINT_FIT_WIDTH = 240  # characters: wider sheets print across pages at full size


def write_xlsx(portfolio, out: Path, alliance=None) -> dict[str, int]:
    """Write the workbook atomically; returns rows written per sheet."""
    tables = export_tables(portfolio, alliance)
    write_atomically(Path(out), lambda path: _save_workbook(tables, path))
    return {t.spec.sheet: len(t.rows) for t in tables}


def _save_workbook(tables: list[ExportTable], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(name="Calibri", size=11, bold=True)  # the body font; no name prints serif
    shade = PatternFill("solid", fgColor="DDE4EE")
    for table in tables:
        sheet = book.create_sheet(table.spec.sheet)
        sheet.freeze_panes = "A2"
        widths = _widths(table)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.page_setup.orientation = "landscape"
        sheet.print_title_rows = "1:1"
        if sum(widths) <= PRINT_FIT_WIDTH:  # fit a narrow sheet's columns on one page
            sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
        header = []
        for column in table.columns:
            item = WriteOnlyCell(sheet, value=sanitise(column.label))
            item.font, item.fill = bold, shade
            header.append(item)
        sheet.append(header)
        wrap = Alignment(vertical="top")
        for row in table.rows:
            cells = []
            for column, value in zip(table.columns, row, strict=True):
                item = WriteOnlyCell(sheet, value=_cell_value(value))
                if isinstance(value, str):
                    item.data_type = "s"  # text that starts with '=' stays text, not a formula
                elif column.type == DATE and value is not None:
                    item.number_format = DATE_FORMAT
                elif column.type == AMOUNT and value is not None:
                    item.number_format = AMOUNT_FORMAT
                if column.width >= TITLE_WIDTH:
                    item.alignment = wrap
                cells.append(item)
            sheet.append(cells)
        last = get_column_letter(max(1, len(table.columns)))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    book.save(path)


def _widths(table: ExportTable, sample: int = 500) -> list[float]:
    """Each column as wide as its header and its typical text (first rows), within limits;
    long prose columns stop at their spec's width and wrap."""
    widths = []
    for index, column in enumerate(table.columns):
        longest = len(column.label) + 3
        for row in table.rows[:sample]:
            value = row[index]
            if isinstance(value, date):
                longest = max(longest, 12)
            elif isinstance(value, float | int):
                longest = max(longest, len(f"{value:,.2f}") + 2)
            elif value:
                longest = max(longest, len(str(value).split("\n")[0]) + 2)
        limit = column.width if column.width >= TITLE_WIDTH else MAX_WIDTH
        widths.append(min(max(longest, 8), limit))
    return widths


def _cell_value(value):
    if isinstance(value, str):
        return sanitise(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (date, int | float)) or value is None:
        return value
    return sanitise(str(value))


def csv_bytes(table: ExportTable) -> bytes:
    """One kind as CSV: UTF-8 with BOM, comma-separated, dates as YYYY-MM-DD."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([sanitise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return format(value, ".15g")
    return sanitise(str(value))


def write_csv(portfolio, out: Path, alliance=None) -> dict[str, int]:
    """CSV per kind: into a .zip archive when `out` ends in .zip, else into the folder `out`
    (created if missing; files of the same names are replaced). Returns rows per file."""
    out = Path(out)
    tables = export_tables(portfolio, alliance)
    files = {f"{t.spec.key}.csv": csv_bytes(t) for t in tables}
    if out.suffix.lower() == ".zip":

        def save(path: Path) -> None:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in files.items():
                    archive.writestr(name, data)

        write_atomically(out, save)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            write_atomically(out / name, lambda path, d=data: path.write_bytes(d))
    return {f"{t.spec.key}.csv": len(t.rows) for t in tables}
