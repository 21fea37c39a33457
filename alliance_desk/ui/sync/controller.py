"""Sharing in the window: Merge another file…, Sync with a shared file…, the Sync button with
the last sync time and state, syncs on open, on demand, when the shared file changes on disk
and on close, conflicted copies offered in one click, and the Conflicts dialog.

The work itself is in alliance_desk.sync; here it runs off the UI thread, and every question
to the user goes through a small method a test can replace.
"""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSpacerItem,
    QToolButton,
)

from alliance_desk.storage import errors, keychain, paths
from alliance_desk.sync.errors import (
    DifferentPortfolios,
    SharedFileBusy,
    SharedFileChanged,
    SyncError,
)
from alliance_desk.ui.dialogs import documents_dir
from alliance_desk.ui.sync.jobs import Job

if TYPE_CHECKING:  # the merge engine and SQLAlchemy load after the first paint (glance.py)
    from alliance_desk.sync.report import MergeReport
    from alliance_desk.sync.shared import SyncResult
    from alliance_desk.ui.sync.conflicts_dialog import ConflictsDialog

CHANGE_SETTLE_MS = 1500  # a sync program writes in bursts: wait until it is quiet
RETRY_MS = 15_000  # after "busy" or "offline"
FILTER = f"Alliance Desk portfolios (*{paths.EXTENSION});;All files (*)"


def _local(moment: datetime) -> datetime:
    """A stored UTC time in this computer's time zone."""
    return moment.replace(tzinfo=UTC).astimezone()


def _identity(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class SyncController(QObject):
    """Owns the sharing actions, the Sync button and the shared-file watcher of one window."""

    synced = Signal(object)  # a SyncResult, or the exception of a failed sync
    merged = Signal(object)  # a MergeReport, or the exception of a failed merge

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._settings = QSettings(str(window.settings.file), QSettings.Format.IniFormat)
        self.working: Path | None = None
        self.passphrase: str | None = None
        self.shared: Path | None = None
        self.shared_passphrase: str | None = None
        self.state = "off"  # off, never, syncing, ok, failed
        self.detail = ""
        self.last_at: datetime | None = None
        self.copies: list[Path] = []
        self.job: Job | None = None
        self._again = False
        self._known: tuple | None = None
        self._pending_copy: Path | None = None  # a conflicted copy being merged
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._shared_touched)
        self.watcher.directoryChanged.connect(self._shared_touched)
        self.settle = QTimer(self, singleShot=True, interval=CHANGE_SETTLE_MS)
        self.settle.timeout.connect(self._settled)
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry.timeout.connect(lambda: self.sync_now(asked=False))
        self._make_actions()
        window.stack.currentChanged.connect(lambda *_: self._portfolio_switched())

    # --- actions, menus and the button ----------------------------------------------------

    def _make_actions(self) -> None:
        w = self.window
        self.merge_action = QAction("&Merge another file…", w)
        self.merge_action.setStatusTip("Bring in everything from another copy of the portfolio")
        self.merge_action.triggered.connect(lambda: self.merge_another())
        self.setup_action = QAction("S&ync with a shared file…", w)
        self.setup_action.setStatusTip("Keep a copy on a share or in a cloud folder in step")
        self.setup_action.triggered.connect(lambda: self.set_up())
        self.sync_action = QAction("Sync &now", w)
        self.sync_action.setShortcut("Ctrl+Shift+S")
        self.sync_action.triggered.connect(lambda: self.sync_now(asked=True))
        self.stop_action = QAction("Stop syncing with the shared file", w)
        self.stop_action.triggered.connect(self.stop)
        self.conflicts_action = QAction("C&onflicts…", w)
        self.conflicts_action.setStatusTip("Versions that lost a merge, to review and restore")
        self.conflicts_action.triggered.connect(lambda: self.show_conflicts())

        self.button = QToolButton()
        self.button.setObjectName("SyncButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.button.clicked.connect(self._button_clicked)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.setMenu(self.menu)

        file_menu = next(
            a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "File"
        )
        before = w.print_worksheet_action
        for action in (self.merge_action, self.setup_action, self.conflicts_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        w.addAction(self.sync_action)
        actions = w.toolbar.actions()
        spacer = actions[actions.index(w.redo_action) + 1]
        self.button_action = w.toolbar.insertWidget(spacer, self.button)
        self._update()

    def _fill_menu(self) -> None:
        self.menu.clear()
        if self.shared is not None:
            self.menu.addAction(self.sync_action)
        self.menu.addAction(self.setup_action)
        if self.shared is not None:
            self.menu.addAction(self.stop_action)
        if self.copies:
            self.menu.addSeparator()
            for path in self.copies:
                action = self.menu.addAction(f"Merge conflicted copy “{path.name}”")
                action.triggered.connect(lambda checked=False, p=path: self.merge_copy(p))
        self.menu.addSeparator()
        self.menu.addAction(self.conflicts_action)
        self.menu.addAction(self.merge_action)

    def _button_clicked(self) -> None:
        if self.shared is None:
            self.set_up()
        else:
            self.sync_now(asked=True)

    def _update(self) -> None:
        portfolio = self.window.portfolio
        writable = portfolio is not None and not portfolio.read_only
        for action in (self.merge_action, self.setup_action, self.stop_action):
            action.setEnabled(writable)
        self.sync_action.setEnabled(writable and self.shared is not None)
        self.conflicts_action.setEnabled(portfolio is not None)
        self.button.setEnabled(writable)
        texts = {
            "off": "Sync…",
            "never": "Sync: not yet",
            "syncing": "Syncing…",
            "ok": f"Synced {_local(self.last_at):%H:%M}" if self.last_at else "Synced",
            "failed": "Sync failed",
        }
        text = texts[self.state]
        if self.copies and self.state != "syncing":
            text += f" · {len(self.copies)} conflicted cop{'y' if len(self.copies) == 1 else 'ies'}"
        self.button.setText(text)
        if self.shared is None:
            tip = "Keep this portfolio in step with a copy on a share or in a cloud folder."
        else:
            from alliance_desk.sync.conflicts import when as local_time

            when = f" Last sync: {local_time(self.last_at)}." if self.last_at else ""
            tip = f"Shared file: {self.shared}.{when} {self.detail}".strip()
        self.button.setToolTip(tip)

    # --- following the open portfolio ----------------------------------------------------

    def _portfolio_switched(self) -> None:
        portfolio = self.window.portfolio
        path = portfolio.path if portfolio is not None else None
        if self.working is not None and path != self.working:
            self._closed()
        if path is not None and path != self.working:
            self._opened()
        self._update()

    def _opened(self) -> None:
        portfolio = self.window.portfolio
        self.working = portfolio.path
        self.passphrase = getattr(self.window, "_passphrase", None)
        self.shared = None if portfolio.read_only else self._remembered_shared()
        self.shared_passphrase = keychain.recall(self.shared) if self.shared else None
        self.state = "never" if self.shared else "off"
        self.detail, self.last_at, self.copies = "", None, []
        if self.shared is not None:
            self._watch()
            self.sync_now(asked=False)

    def _closed(self) -> None:
        """The portfolio was closed: one last sync, in the foreground (the app may be quitting)."""
        self.settle.stop()
        self.retry.stop()
        if self.job is not None:
            self.job.wait()
        if self.shared is not None and self.passphrase:
            from alliance_desk.sync.shared import sync_with_shared

            try:
                sync_with_shared(
                    self.working, self.passphrase, self.shared, self.shared_passphrase, wait=3
                )
            except (SyncError, errors.StorageError, OSError):
                pass  # the next open syncs again; nothing is lost meanwhile
        self._unwatch()
        self.working = self.passphrase = self.shared = self.shared_passphrase = None
        self.state, self.copies = "off", []

    # --- shared-file sync ----------------------------------------------------------------

    def set_up(self) -> bool:
        """Choose (or create) the shared file, remember it for this portfolio, sync now."""
        if self.window.portfolio is None or self.window.portfolio.read_only:
            return False
        path = self.choose_shared_file()
        if path is None:
            return False
        if path.suffix != paths.EXTENSION and not path.exists():
            path = path.with_name(path.name + paths.EXTENSION)
        if path.resolve() == self.working.resolve():
            self.show_error("Choose a file in the shared folder, not the portfolio itself.")
            return False
        self._unwatch()
        self.shared = path
        self.shared_passphrase = keychain.recall(path)
        self._remember_shared(path)
        self.state = "never"
        self._watch()
        self.sync_now(asked=True)
        return True

    def stop(self) -> None:
        self._unwatch()
        self._remember_shared(None)
        self.shared = self.shared_passphrase = None
        self.state, self.copies, self.detail = "off", [], ""
        self.window.status("This portfolio is no longer synced with a shared file.")
        self._update()

    def sync_now(self, asked: bool = True) -> bool:
        """Start a sync in the background (`asked`: the user asked, so failures are shown)."""
        if self.shared is None or self.working is None or not self.passphrase:
            return False
        if self.job is not None:
            self._again = True
            return False
        self.settle.stop()
        self.retry.stop()
        working, shared, secret = self.working, self.shared, self.passphrase
        shared_secret = self.shared_passphrase

        def work(progress):
            from alliance_desk.sync.shared import sync_with_shared

            return sync_with_shared(working, secret, shared, shared_secret, wait=5)

        self.state = "syncing"
        self._update()
        self.job = Job(work, self)
        self.job.done.connect(self._synced)
        self.job.failed.connect(lambda exc, asked=asked: self._sync_failed(exc, asked))
        self.job.finished.connect(self.job.deleteLater)
        self.job.start()
        return True

    def _job_over(self) -> None:
        """A job's result arrived: the next one may start (its thread winds down by itself)."""
        self.job = None
        if self._again and self.shared is not None:
            self._again = False
            QTimer.singleShot(0, lambda: self.sync_now(asked=False))

    def _synced(self, result: "SyncResult") -> None:
        self._job_over()
        self.state, self.last_at = "ok", result.at
        self.detail = result.summary()
        self._known = _identity(self.shared) if self.shared else None
        self._watch()
        if result.pulled is not None and result.pulled.changed:
            self._reload()
        self.copies = [p for p in result.conflicted_copies if not self._was_merged(p)]
        message = result.summary()
        if self.copies:
            message += (
                " A conflicted copy lies beside the shared file: merge it from the Sync menu."
            )
        self.window.status(message)
        self._update()
        self.synced.emit(result)

    def _sync_failed(self, exc: Exception, asked: bool) -> None:
        self._job_over()
        self.state = "failed"
        self.detail = getattr(exc, "message", None) or str(exc)
        if isinstance(exc, errors.WrongPassphrase) and self.shared and exc.path == self.shared:
            self.detail = "The shared file has another passphrase."
            if asked:
                secret = self.ask_passphrase(self.shared, "The shared file has its own passphrase.")
                if secret:
                    self.shared_passphrase = secret
                    keychain.remember(self.shared, secret)  # when there is a keyring
                    QTimer.singleShot(0, lambda: self.sync_now(asked=True))
        elif isinstance(exc, SharedFileBusy | SharedFileChanged | OSError | errors.FileMissing):
            self.retry.start()  # busy or offline: work goes on, the next sync catches up
        elif asked or isinstance(exc, DifferentPortfolios):
            self.show_error(self.detail, "Sync failed")
        self.window.status(f"Sync failed: {self.detail}")
        self._update()
        self.synced.emit(exc)

    def _shared_touched(self, *_) -> None:
        if self.shared is None:
            return
        if _identity(self.shared) != self._known:
            self.settle.start()
        self._watch()  # a replaced file drops out of the watcher: watch the new one

    def _settled(self) -> None:
        """The shared file has been quiet for a moment: sync, unless it is as we left it."""
        if self.shared is not None and _identity(self.shared) != self._known:
            self.sync_now(asked=False)

    def _watch(self) -> None:
        if self.shared is None:
            return
        wanted = [str(self.shared.parent)] + ([str(self.shared)] if self.shared.exists() else [])
        missing = [p for p in wanted if p not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _unwatch(self) -> None:
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)

    # --- merging another file ------------------------------------------------------------

    def merge_another(self, path: Path | None = None, force: bool = False) -> bool:
        """Merge a copy (one a colleague mailed, a conflicted copy) into the open portfolio."""
        portfolio = self.window.portfolio
        if portfolio is None or portfolio.read_only or self.job is not None:
            return False
        path = path or self.choose_merge_source()
        if path is None:
            return False
        secret = keychain.recall(path) or self.passphrase or ""
        self._start_merge(Path(path), secret, force)
        return True

    def merge_copy(self, path: Path) -> bool:
        started = self.merge_another(path)
        if started:
            self._pending_copy = path
        return started

    def _start_merge(self, path: Path, secret: str, force: bool) -> None:
        working, mine = self.working, self.passphrase or ""
        progress = QProgressDialog(f"Merging {path.name}…", "", 0, 5, self.window)
        progress.setCancelButton(None)
        progress.setWindowTitle("Merge another file")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def work(step):
            from alliance_desk.sync.files import merge_files

            return merge_files(path, working, secret, mine, force=force, progress=step)

        self.job = Job(work, self)
        self.job.progressed.connect(lambda done, total: progress.setValue(done))
        self.job.done.connect(lambda report: self._merged(report, path, progress))
        self.job.failed.connect(lambda exc: self._merge_failed(exc, path, secret, force, progress))
        self.job.finished.connect(self.job.deleteLater)
        self.job.start()

    def _merged(self, report: "MergeReport", path: Path, progress: QProgressDialog) -> None:
        progress.close()
        self._job_over()
        if report.rows_written:
            self._reload()
        if self._pending_copy == path:
            self._mark_merged(path)
            self.copies = [p for p in self.copies if p != path]
            self._pending_copy = None
        lines = report.lines()
        if report.backup_path is not None:
            name = report.backup_path.name
            lines.append(f"A copy from before the merge was saved beside your file: {name}.")
        self.show_report(f"Merged {path.name}", lines)
        self.window.status(f"Merged {path.name}: {report.summary()}")
        self._update()
        self.merged.emit(report)
        if report.changed and self.shared is not None:
            QTimer.singleShot(0, lambda: self.sync_now(asked=False))  # share what came in

    def _merge_failed(self, exc, path: Path, secret: str, force: bool, progress) -> None:
        progress.close()
        self._job_over()
        if isinstance(exc, errors.WrongPassphrase) and exc.path.resolve() == path.resolve():
            note = "" if secret in (self.passphrase, "") else "That passphrase is wrong. "
            answer = self.ask_passphrase(path, note + f"{path.name} has its own passphrase.")
            if answer:
                QTimer.singleShot(0, lambda: self._start_merge(path, answer, force))
                return
        elif isinstance(exc, DifferentPortfolios) and not force:
            if self.confirm_different(path):
                QTimer.singleShot(0, lambda: self._start_merge(path, secret, True))
                return
        else:
            self.show_error(getattr(exc, "message", None) or str(exc), "Merge failed")
        self.merged.emit(exc)

    def _reload(self) -> None:
        portfolio = self.window.portfolio
        if portfolio is not None and not portfolio.closed:
            portfolio.reload()

    # --- the conflicts dialog ------------------------------------------------------------

    def show_conflicts(self) -> "ConflictsDialog | None":
        from alliance_desk.ui.sync.conflicts_dialog import ConflictsDialog

        w = self.window
        if w.portfolio is None:
            return None
        dialog = ConflictsDialog(w.portfolio, w.bridge, w.undo_stack, w)
        self.conflicts_dialog = dialog  # tests look at it
        w.run_dialog(dialog)
        return dialog

    # --- questions (tests replace these) -------------------------------------------------

    def choose_merge_source(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Merge another file", str(documents_dir()), FILTER
        )
        return Path(chosen) if chosen else None

    def choose_shared_file(self) -> Path | None:
        suggested = documents_dir() / (self.working.name if self.working else "Shared.alliance")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            "Sync with a shared file (choose one, or a name for a new one)",
            str(suggested),
            FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(chosen) if chosen else None

    def ask_passphrase(self, path: Path, note: str) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            "Passphrase",
            f"{note}\nPassphrase for {path.name}:",
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def confirm_different(self, path: Path) -> bool:
        return self.window.confirm(
            "Different portfolios",
            f"{path.name} is a different portfolio, not a copy of this one.",
            "Merging puts all of its alliances and records into this portfolio. Do this only "
            "if you mean to combine the two portfolios.",
            "Merge anyway",
        )

    def show_report(self, title: str, lines: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, lines[0], parent=self.window)
        box.setInformativeText("\n\n".join(lines[1:]))
        grid = box.layout()  # a message box sizes itself to its text: give it room to read
        grid.addItem(QSpacerItem(520, 0), grid.rowCount(), 0, 1, grid.columnCount())
        box.exec()

    def show_error(self, message: str, title: str = "Sync") -> None:
        self.window.show_error(message, title)

    # --- remembered per portfolio --------------------------------------------------------

    def _remembered_shared(self) -> Path | None:
        value = self._load("sync/shared_files", {}).get(str(self.working.resolve()))
        return Path(value) if value else None

    def _remember_shared(self, shared: Path | None) -> None:
        mapping = self._load("sync/shared_files", {})
        key = str(self.working.resolve())
        if shared is None:
            mapping.pop(key, None)
        else:
            mapping[key] = str(shared)
        self._store("sync/shared_files", mapping)

    def _was_merged(self, copy: Path) -> bool:
        return _copy_key(copy) in self._load("sync/merged_copies", [])

    def _mark_merged(self, copy: Path) -> None:
        merged = self._load("sync/merged_copies", [])[-200:]
        self._store("sync/merged_copies", merged + [_copy_key(copy)])

    def _load(self, key: str, default):
        try:
            value = json.loads(str(self._settings.value(key, "") or ""))
        except ValueError:
            return default
        return value if isinstance(value, type(default)) else default

    def _store(self, key: str, value) -> None:
        self._settings.setValue(key, json.dumps(value))
        self._settings.sync()


def _copy_key(path: Path) -> str:
    """A conflicted copy as merged: its path and its version (a new copy is offered again)."""
    return f"{path.resolve()}|{_identity(path)}"
