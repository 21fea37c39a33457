"""Backups and recovery: a backup before every migration, merge and sync that changes the
file, only the newest few kept, and File ▸ Restore from backup… that loses nothing."""

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from alliance_desk import clock
from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import backups, database
from alliance_desk.sync.files import merge_files
from alliance_desk.sync.shared import sync_with_shared
from tests.conftest import PASSPHRASE
from tests.reliability.figures import count

PART = "backups and recovery"
OLD_FILE = Path(__file__).parents[1] / "data" / "schema-0001.alliance"


def names(path: Path, passphrase: str = PASSPHRASE) -> set[str]:
    with Portfolio.open(path, passphrase, read_only=True) as portfolio:
        return {a.name for a in portfolio.all(Alliance)}


def add(path: Path, name: str) -> None:
    with Portfolio.open(path, PASSPHRASE) as portfolio:
        portfolio.add_alliance(name)


def test_a_migration_a_merge_and_a_sync_that_changes_the_file_each_leave_a_whole_backup(
    portfolio_file, tmp_path
):
    old = tmp_path / "old.alliance"
    shutil.copyfile(OLD_FILE, old)
    with Portfolio.open(old, "schema-0001") as portfolio:
        assert portfolio.backup_path in backups.backups_of(old)
    count(PART, "backups made")

    other = tmp_path / "other.alliance"
    shutil.copyfile(portfolio_file, other)
    add(other, "Orion Devices")
    report = merge_files(other, portfolio_file, PASSPHRASE, PASSPHRASE)
    assert report.backup_path is not None
    assert names(report.backup_path) == {"Helios Oncology"}  # the target as it was
    count(PART, "backups made")

    cloud = tmp_path / "Cloud" / "Team.alliance"
    cloud.parent.mkdir()
    sync_with_shared(other, PASSPHRASE, cloud)
    before = set(backups.backups_of(portfolio_file))
    result = sync_with_shared(portfolio_file, PASSPHRASE, cloud)  # nothing new to pull
    assert set(backups.backups_of(portfolio_file)) == before and not result.pulled.changed
    add(other, "Vega Health")
    sync_with_shared(other, PASSPHRASE, cloud)
    result = sync_with_shared(portfolio_file, PASSPHRASE, cloud)  # pulls Vega Health
    assert result.pulled.changed and result.pulled.backup_path is not None
    assert "Vega Health" not in names(result.pulled.backup_path)
    assert "Vega Health" in names(portfolio_file)
    count(PART, "backups made")


def test_only_the_newest_backups_of_a_file_are_kept(portfolio_file):
    made = []
    try:
        for hour in range(backups.KEEP_BACKUPS + 3):
            clock.freeze(datetime(2041, 1, 1, 9) + timedelta(hours=hour))
            made.append(backups.backup(portfolio_file, "before-merge"))
    finally:
        clock.freeze(None)
    assert backups.backups_of(portfolio_file) == made[::-1][: backups.KEEP_BACKUPS]
    assert all(not p.exists() for p in made[: -backups.KEEP_BACKUPS])
    count(PART, "old backups pruned", 3)


def test_two_backups_within_one_second_are_both_kept(portfolio_file):
    clock.freeze(datetime(2041, 1, 1, 9))
    try:
        first = backups.backup(portfolio_file, "before-merge")
        second = backups.backup(portfolio_file, "before-merge")
    finally:
        clock.freeze(None)
    assert first != second and first.exists() and second.exists()


def test_restoring_a_backup_keeps_the_current_file_as_another_backup(portfolio_file):
    backup = backups.backup(portfolio_file, "before-merge")
    add(portfolio_file, "Made after the backup")
    kept = database.restore_backup(portfolio_file, backup)
    assert names(portfolio_file) == {"Helios Oncology"}
    assert names(kept) == {"Helios Oncology", "Made after the backup"}  # nothing lost
    assert backup.exists()
    count(PART, "restores")


def test_restoring_the_oldest_of_a_full_set_of_backups_still_works(portfolio_file):
    try:
        for hour in range(backups.KEEP_BACKUPS):
            clock.freeze(datetime(2041, 1, 1, 9) + timedelta(hours=hour))
            add(portfolio_file, f"Hour {hour}")
            backups.backup(portfolio_file, "before-merge")
        clock.freeze(datetime(2041, 1, 2, 9))
        oldest = backups.backups_of(portfolio_file)[-1]
        database.restore_backup(portfolio_file, oldest)  # the new backup prunes the oldest
    finally:
        clock.freeze(None)
    assert names(portfolio_file) == {"Helios Oncology", "Hour 0"}


def test_file_restore_from_backup_in_the_main_window_puts_the_backup_back(portfolio_file, qtbot):
    from alliance_desk.ui.restore_backup import RestoreBackupDialog
    from tests.ui.shell_support import make_window

    backup = backups.backup(portfolio_file, "before-merge")
    shown: list[str] = []
    window = make_window(qtbot, shown)
    assert window.open_path(portfolio_file, PASSPHRASE)
    window.portfolio.add_alliance("Made after the backup")
    file_menu = window.menuBar().actions()[0].menu()
    assert "Restore from &backup…" in [a.text() for a in file_menu.actions()]
    file_menu.aboutToShow.emit()
    assert window.restore_backup_action.isEnabled()
    listed: list[list[str]] = []
    confirmations: list[str] = []

    def choose_first(dialog):
        assert isinstance(dialog, RestoreBackupDialog)
        listed.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        return dialog.chosen() == backup

    window.run_dialog = choose_first
    window.confirm = lambda title, text, detail, action: confirmations.append(text) or True
    window.restore_backup_action.trigger()
    assert shown == []
    assert listed and "before a merge or sync" in listed[0][0]
    assert confirmations and "Replace portfolio.alliance" in confirmations[0]
    assert window.portfolio is not None
    assert {a.name for a in window.portfolio.all(Alliance)} == {"Helios Oncology"}
    kept = [p for p in backups.backups_of(portfolio_file) if "before-restore" in p.name]
    assert len(kept) == 1
    window.close_portfolio()
    assert "Made after the backup" in names(kept[0])
    count(PART, "restores through the main window")


def test_restore_from_backup_says_so_when_there_is_none(portfolio_file, qtbot):
    from tests.ui.shell_support import make_window

    shown: list[str] = []
    window = make_window(qtbot, shown)
    assert window.open_path(portfolio_file, PASSPHRASE)
    window.menuBar().actions()[0].menu().aboutToShow.emit()
    window.restore_backup_action.trigger()
    assert shown == [f"There are no backups of {portfolio_file.name} in its folder."]
    assert window.portfolio is not None
