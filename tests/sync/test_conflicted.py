"""Conflicted copies beside a shared file are recognised by the names sync programs give them."""

import os
from pathlib import Path

import pytest

from alliance_desk.sync.conflicted import conflicted_copies, is_conflicted_copy

SHARED = Path("/cloud/Team portfolio.alliance")


@pytest.mark.parametrize(
    "name",
    [
        "Team portfolio (Kim's conflicted copy 2026-03-02).alliance",
        "Team portfolio (conflicted copy 2026-03-02 101500).alliance",
        "Team portfolio (Kim Lee's conflicted copy 2026-03-02 (1)).alliance",
        "Team portfolio-LAPTOP-KIM.alliance",
        "Team portfolio-DESKTOP-4F2A9Q-2.alliance",
        "Team portfolio.sync-conflict-20260302-101500-ABCDEFG.alliance",
    ],
)
def test_names_sync_programs_give_conflicted_copies_are_recognised(name):
    assert is_conflicted_copy(SHARED, SHARED.with_name(name))


@pytest.mark.parametrize(
    "name",
    [
        "Team portfolio.alliance",
        "Team portfolio.backup-before-merge-20260302-101500.alliance",
        ".Team portfolio.alliance.host.12.sync-tmp",
        "Team portfolio.alliance.lock",
        "Team portfolio (Kim's conflicted copy 2026-03-02).docx",
        "Other portfolio (Kim's conflicted copy 2026-03-02).alliance",
        "Team portfolio draft.alliance",
    ],
)
def test_other_files_in_the_folder_are_not_taken_for_conflicted_copies(name):
    assert not is_conflicted_copy(SHARED, SHARED.with_name(name))


def test_conflicted_copies_are_listed_oldest_first_and_empty_files_are_skipped(tmp_path):
    shared = tmp_path / "Team portfolio.alliance"
    shared.write_bytes(b"x")
    older = tmp_path / "Team portfolio.sync-conflict-20260302-101500-ABCDEFG.alliance"
    newer = tmp_path / "Team portfolio (Kim's conflicted copy 2026-03-03).alliance"
    older.write_bytes(b"x")
    newer.write_bytes(b"x")
    (tmp_path / "Team portfolio-EMPTY.alliance").write_bytes(b"")
    os.utime(older, (1_000_000, 1_000_000))
    assert conflicted_copies(shared) == [older, newer]
    assert conflicted_copies(tmp_path / "missing folder" / "x.alliance") == []
