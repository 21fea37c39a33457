"""File ▸ Restore from backup…: pick one of the open portfolio's backups and put it back.

The backups are the copies written beside the file before upgrades, merges, syncs that
changed it and earlier restores. Restoring first keeps the portfolio as it is now as one more
backup, so nothing is lost, and then reopens the file.
"""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
)

from alliance_desk.storage import database, errors
from alliance_desk.storage.backups import backup_time, backups_of

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow

TITLE = "Restore from backup"
REASONS = {
    "before-upgrade": "before a file-format upgrade",
    "before-merge": "before a merge or sync",
    "before-restore": "before an earlier restore",
}


def install(window: "MainWindow", file_menu: QMenu) -> None:
    window.restore_backup_action = QAction("Restore from &backup…", window)
    window.restore_backup_action.setStatusTip("Put back one of this portfolio's backup copies")
    window.restore_backup_action.triggered.connect(lambda: restore_from_backup(window))
    file_menu.addAction(window.restore_backup_action)

    def update() -> None:
        portfolio = window.portfolio
        window.restore_backup_action.setEnabled(portfolio is not None and not portfolio.read_only)

    file_menu.aboutToShow.connect(update)
    update()


def describe(backup: Path) -> str:
    """'2026-11-23 09:15:02 — before a merge or sync (1.2 MB)' (the time in UTC)."""
    stamp = backup_time(backup)
    try:
        when = datetime.strptime(stamp, "%Y%m%d-%H%M%S").strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
    label = backup.stem.split(".backup-", 1)[-1]
    reason = next((words for key, words in REASONS.items() if label.startswith(key)), "")
    size = backup.stat().st_size / 1_000_000
    return f"{when} — {reason} ({size:.1f} MB)" if reason else f"{when} ({size:.1f} MB)"


class RestoreBackupDialog(QDialog):
    """The file's backups, newest first; Restore is enabled once one is chosen."""

    def __init__(self, path: Path, backups: list[Path], parent=None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.backups = backups
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Backups of {path.name}, newest first (times in UTC). Restoring keeps the "
            "portfolio as it is now as another backup, so nothing is lost."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setToolTip(str(backup))
            self.list.addItem(item)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row >= 0))
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())

    def chosen(self) -> Path | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_from_backup(window: "MainWindow") -> bool:
    """Ask which backup, confirm, keep the current file as a backup, restore, reopen."""
    portfolio = window.portfolio
    if portfolio is None or portfolio.read_only:
        return False
    path = portfolio.path
    backups = backups_of(path)
    if not backups:
        window.show_error(f"There are no backups of {path.name} in its folder.", TITLE)
        return False
    dialog = RestoreBackupDialog(path, backups, window)
    if not window.run_dialog(dialog) or dialog.chosen() is None:
        return False
    chosen = dialog.chosen()
    when = describe(chosen).split(" — ")[0].split(" (")[0] + " UTC"
    if not window.confirm(
        TITLE,
        f"Replace {path.name} with its backup from {when}?",
        "The portfolio as it is now is kept as another backup beside it, so nothing is lost.",
        "Restore",
    ):
        return False
    secret = window._passphrase
    window.close_portfolio()
    try:
        kept = database.restore_backup(path, chosen)
    except (errors.StorageError, OSError) as exc:
        window.show_error(getattr(exc, "message", str(exc)), TITLE)
        window.open_path(path, secret)
        return False
    if not window.open_path(path, secret):  # a backup from before a passphrase change asks
        return False
    where = f"; the portfolio as it was is kept as {kept.name}" if kept else ""
    window.status(f"Restored the backup from {when}{where}.")
    return True
