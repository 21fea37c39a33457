"""Merging two copies of a portfolio, shared-file sync and conflicted-copy detection (no Qt).

The names below load with their submodule when first asked for (lazy.py): the window imports
`sync.errors` without the merge engine and SQLAlchemy.
"""

from alliance_desk.lazy import exports

_HOMES = {
    "DifferentPortfolios": "errors",
    "SyncError": "errors",
    "MergeReport": "report",
    "RowNote": "report",
    "merge": "files",
    "merge_files": "files",
    "merge_connections": "engine",
}
__all__ = list(_HOMES)
__getattr__, __dir__ = exports(__name__, _HOMES)
