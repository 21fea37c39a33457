"""Importing spreadsheets (.xlsx, .csv): read a table, map its columns to fields, preview
every row against the Portfolio's rules, then store the good rows in one transaction.

    table = read_table(path, sheet=None, prefer=kind)
    preview = build_preview(portfolio, table, kind, mapping=None, date_order=None)
    if preview.question: ask, then build_preview(..., date_order="day" or "month")
    result = run_import(portfolio, preview)
"""

from alliance_desk.lazy import exports

# each name loads with its submodule when first asked for (forms load values.py alone)
_HOMES = {
    "DAY_FIRST": "values",
    "MONTH_FIRST": "values",
    "IMPORT_KINDS": "fields",
    "DateQuestion": "preview",
    "ImportRefused": "preview",
    "ImportResult": "apply",
    "MappingError": "mapping",
    "Preview": "preview",
    "Problem": "preview",
    "Table": "reading",
    "UnreadableFile": "reading",
    "build_preview": "preview",
    "read_table": "reading",
    "run_import": "apply",
}
__all__ = list(_HOMES)
__getattr__, __dir__ = exports(__name__, _HOMES)
