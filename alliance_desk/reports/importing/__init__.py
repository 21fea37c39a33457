"""Importing spreadsheets (.xlsx, .csv): read a table, map its columns to fields, preview
every row against the Portfolio's rules, then store the good rows in one transaction.

    table = read_table(path, sheet=None, prefer=kind)
    preview = build_preview(portfolio, table, kind, mapping=None, date_order=None)
    if preview.question: ask, then build_preview(..., date_order="day" or "month")
    result = run_import(portfolio, preview)
"""

from alliance_desk.reports.importing.apply import ImportResult, run_import
from alliance_desk.reports.importing.fields import IMPORT_KINDS
from alliance_desk.reports.importing.mapping import MappingError
from alliance_desk.reports.importing.preview import (
    DateQuestion,
    ImportRefused,
    Preview,
    Problem,
    build_preview,
)
from alliance_desk.reports.importing.reading import Table, UnreadableFile, read_table
from alliance_desk.reports.importing.values import DAY_FIRST, MONTH_FIRST

__all__ = [
    "DAY_FIRST",
    "MONTH_FIRST",
    "IMPORT_KINDS",
    "DateQuestion",
    "ImportRefused",
    "ImportResult",
    "MappingError",
    "Preview",
    "Problem",
    "Table",
    "UnreadableFile",
    "build_preview",
    "read_table",
    "run_import",
]
