"""Exports: the portfolio or one alliance as .xlsx, CSV (folder or .zip) and iCalendar."""

from alliance_desk.reports.exporting.calendar import calendar_bytes, write_ics
from alliance_desk.reports.exporting.spreadsheet import write_csv, write_xlsx
from alliance_desk.reports.exporting.tables import ExportTable, export_tables

FORMATS = ("xlsx", "csv", "ics")

__all__ = [
    "FORMATS",
    "ExportTable",
    "calendar_bytes",
    "export_tables",
    "write_csv",
    "write_ics",
    "write_xlsx",
]
