"""Merging two copies of a portfolio, shared-file sync and conflicted-copy detection (no Qt)."""

from alliance_desk.sync.engine import merge_connections
from alliance_desk.sync.errors import DifferentPortfolios, SyncError
from alliance_desk.sync.files import merge, merge_files
from alliance_desk.sync.report import MergeReport, RowNote

__all__ = [
    "DifferentPortfolios",
    "MergeReport",
    "RowNote",
    "SyncError",
    "merge",
    "merge_connections",
    "merge_files",
]
