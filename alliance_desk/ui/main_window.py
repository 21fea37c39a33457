"""The main window: the welcome screen or an open portfolio, with menus and the Ask box.

One portfolio is open at a time. Every modal question goes through the small methods of
PromptingWindow (prompts.py), so tests can answer them without a user.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
)

from alliance_desk.changes import Change
from alliance_desk.storage import errors, keychain, lock
from alliance_desk.storage.database import check_file
from alliance_desk.ui import menus, undo
from alliance_desk.ui import sync as sync_ui
from alliance_desk.ui.after_paint import UNPAINTED_MS, AfterFirstPaint, KeyringQuestion
from alliance_desk.ui.alliance_actions import AllianceActions
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.dialogs import NewPortfolioDialog, busy
from alliance_desk.ui.passphrase_dialog import ChangePassphraseDialog, PassphraseDialog
from alliance_desk.ui.prompts import PromptingWindow
from alliance_desk.ui.settings import AppSettings
from alliance_desk.ui.start_glance import StartGlance
from alliance_desk.ui.welcome import WelcomePage
from alliance_desk.ui.workspace import Workspace

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.glance import Glance
    from alliance_desk.opening import Opening
    from alliance_desk.portfolio import Portfolio

APP_NAME = "Alliance Desk"
EDIT_FAILED_TITLE = "Undo or redo failed"
LOCK_REFRESH_MS = int(lock.REFRESH_EVERY.total_seconds() * 1000)
BESIDE_POLL_MS = 50


@dataclass
class _LockChoice:
    """What the user chose about someone else's lock, kept while they retry a passphrase."""

    read_only: bool = False
    take_over: bool = False


class MainWindow(PromptingWindow):
    """The welcome screen or one open portfolio; menus, toolbar and status bar around it."""

    # an opened portfolio's first paint is done (the work left for after it starts next)
    first_painted = Signal()
    # a start's first window, painted from its glance before the portfolio opened (show_glance)
    glance_painted = Signal()

    def __init__(self, settings: AppSettings | None = None, remember: bool = True):
        super().__init__()
        self.settings = settings or AppSettings()
        self.remember_layout = remember  # False for off-screen renders: leave settings alone
        self.portfolio: Portfolio | None = None
        self.context: UiContext | None = None
        self.bridge: PortfolioBridge | None = None
        self._glance: StartGlance | None = None  # a start's first window, until set_portfolio
        self._passphrase: str | None = None  # only in memory, to check "current passphrase"
        self.undo_stack = QUndoStack(self)
        self.keyring_question = KeyringQuestion()
        self.keyring_question.answered.connect(self._keyring_answered)

        self.welcome = WelcomePage(QApplication.windowIcon())
        self.welcome.new_requested.connect(self.new_portfolio)
        self.welcome.open_requested.connect(self.choose_and_open)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.open_path)
        self.welcome.recent_removed.connect(self._remove_recent)
        self.workspace = Workspace()
        self.sidebar = self.workspace.sidebar
        self.sidebar.alliance_selected.connect(self._alliance_selected)
        self.sidebar.view.clicked.connect(self._leave_dashboard)
        self.sidebar.show_archived_box.toggled.connect(self._show_archived_toggled)
        self.workspace.tab_changed.connect(lambda title: self.alliance_actions.update_state())
        self.workspace.alliance_activated.connect(self._show_alliance)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)

        self.alliance_actions = AllianceActions(self)
        menus.install_actions(self)
        menus.install_menus(self)
        menus.install_toolbar(self)
        sync_ui.install(self)
        self.saved_label = QLabel("Every change is saved as you make it")
        self.saved_label.setObjectName("Hint")
        self.statusBar().addPermanentWidget(self.saved_label)

        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_REFRESH_MS)
        self.lock_timer.timeout.connect(self.refresh_lock)
        self.beside_timer = QTimer(self)  # follows a big file's health and whole-file check
        self.beside_timer.setInterval(BESIDE_POLL_MS)
        self.beside_timer.timeout.connect(self._follow_beside)
        self._health_coming = False
        self._after_paint: AfterFirstPaint | None = None

        self._restore_layout()
        self.show_archived_action.setChecked(self.settings.show_archived)
        self.show_welcome()
        self._previous_report = undo.report_error
        undo.report_error = self.report_edit_error  # a failing Undo or Redo is said here

    # --- opening and closing -------------------------------------------------------------

    def choose_and_open(self) -> bool:
        path = self.choose_open_path()
        return self.open_path(path) if path is not None else False

    def open_demo(self) -> bool:
        from alliance_desk.cli import DEMO_PASSPHRASE
        from alliance_desk.cli_run import ensure_demo

        try:
            with busy():
                path = ensure_demo()
        except (errors.StorageError, OSError) as exc:
            self.show_error(getattr(exc, "message", str(exc)))
            return False
        return self.open_path(path, DEMO_PASSPHRASE)

    def open_path(
        self, path: Path, passphrase: str | None = None, opening: Opening | None = None
    ) -> bool:
        """Open `path`: with `passphrase`, else the remembered one, else ask. True when open.
        `opening`: the same, started in a thread already (opening.py)."""
        try:
            return self._open_path(Path(path), passphrase, opening)
        finally:
            if opening is not None:
                opening.forget()  # the window keeps the passphrase while the file is open

    def _open_path(self, path: Path, passphrase: str | None, opening: Opening | None) -> bool:
        if opening is not None and not _same_file(opening.path, path):
            opening.discard()  # for another file: not what is asked for
            opening = None
        if self.portfolio is not None and _same_file(self.portfolio.path, path):
            if opening is not None:
                opening.discard()
            return True
        try:
            check_file(path)
        except errors.StorageError as exc:
            if opening is not None:
                opening.discard()
            self.show_error(exc.message)
            self._refresh_recent()
            return False
        choice = _LockChoice()

        def opener(secret: str) -> Portfolio | None:
            return self._open_with(path, secret, choice)

        note = ""
        if opening is not None:
            with busy():
                secret, remembered = opening.passphrase()
        else:
            secret, remembered = passphrase, False
            if not secret:
                secret = keychain.recall(path)
                remembered = secret is not None
        if secret:
            try:
                portfolio = self._open_with(path, secret, choice, opening)
            except errors.WrongPassphrase as exc:
                note = (
                    "The remembered passphrase no longer opens this file; enter the current one."
                    if remembered
                    else exc.message
                )
            except errors.StorageError as exc:
                self.show_error(exc.message)
                return False
            else:
                if portfolio is None:
                    return False
                self.set_portfolio(portfolio, secret)
                return True
        dialog = PassphraseDialog(path, opener, self, note)
        if self.run_dialog(dialog) and dialog.portfolio is not None:
            if dialog.remember_chosen():
                self._remember(path, dialog.passphrase)
            self.set_portfolio(dialog.portfolio, dialog.passphrase)
            return True
        if dialog.error is not None:
            self.show_error(dialog.error.message)
        return False

    def _open_with(
        self, path: Path, secret: str, choice: _LockChoice, opening: Opening | None = None
    ) -> Portfolio | None:
        """Portfolio.open (the first time, what `opening` opened), asking what to do when
        someone else holds the lock."""
        while True:
            try:
                if opening is not None:
                    first, opening = opening, None
                    with busy():
                        return first.portfolio()
                from alliance_desk.portfolio import Portfolio

                with busy():
                    return Portfolio.open(
                        path,
                        secret,
                        read_only=choice.read_only,
                        take_over_lock=choice.take_over,
                        check_beside=True,  # a big file's pages are checked once it shows
                    )
            except errors.PortfolioLocked as exc:
                answer = self.ask_lock_choice(exc)
                if answer == "read_only":
                    choice.read_only = True
                elif answer == "take_over":
                    choice.take_over = True
                else:
                    return None

    def new_portfolio(self) -> bool:
        recent = self.settings.recent_files()
        dialog = NewPortfolioDialog(self, recent[0].parent if recent else None)
        if not self.run_dialog(dialog) or dialog.portfolio is None:
            return False
        if dialog.remember_chosen():
            self._remember(dialog.portfolio.path, dialog.passphrase)
        self.set_portfolio(dialog.portfolio, dialog.passphrase)
        return True

    def set_portfolio(self, portfolio: Portfolio, passphrase: str | None) -> None:
        """Show an opened portfolio (closing the one shown before)."""
        self.close_portfolio()
        self.portfolio = portfolio
        self._passphrase = passphrase
        self.bridge = PortfolioBridge(portfolio, self)
        self.bridge.changed.connect(self._on_change)
        self.undo_stack.clear()
        self.context = UiContext(portfolio, self.bridge, self.undo_stack)
        self._health_coming = portfolio.defer_health()  # a big file's: after the first paint
        self.show_workspace(self.context)
        self.saved_label.setVisible(not portfolio.read_only)
        if self.remember_layout:
            self.settings.add_recent(portfolio.path)
        if not portfolio.read_only:
            self.lock_timer.start()
        self.beside_timer.start()  # until the health and the whole-file check (if any) are in
        if portfolio.backup_path is not None:
            self.status(f"The file was upgraded; a copy from before is at {portfolio.backup_path}.")
        else:
            how = " read-only" if portfolio.read_only else ""
            self.status(f"Opened {portfolio.path.name}{how}.")
        self._update_actions()  # Forget… waits for the keyring's answer, asked after the paint
        self._after_paint = AfterFirstPaint(self.workspace, self._after_first_paint, UNPAINTED_MS)
        # What is alive now lives as long as the portfolio is open: the garbage collector need
        # not walk it again (a full collection over it paused the window for 0.1-0.2 s).
        gc.freeze()

    def show_glance(self, glance: Glance, then: Callable[[], object]) -> None:
        """A start's first window, before its portfolio is open: the sidebar and the Dashboard
        from `glance` (glance.py), painted while SQLAlchemy loads; `then` runs once it is on
        screen and opens the portfolio, whose set_portfolio replaces it (start_glance.py)."""
        self._glance = StartGlance(self, glance, then)

    def show_workspace(self, context: UiContext, glance: bool = False) -> None:
        """The sidebar and the tabs of `context`'s portfolio (or a start's glance), on the last
        tab used and the first alliance."""
        self.workspace.load(context, glance=glance)
        self.sidebar.set_show_archived(self.show_archived_action.isChecked())
        if not (self.settings.last_tab and self.workspace.select_tab(self.settings.last_tab)):
            self.workspace.tabs.setCurrentIndex(0)
        if not self.sidebar.select_first():
            self.workspace.set_alliance(None)
        self.stack.setCurrentWidget(self.workspace)
        self.toolbar.show()
        self.sidebar.view.setFocus()

    def close_portfolio(self) -> None:
        """Close the open portfolio (every edit is already saved) and release its lock."""
        if self._glance is not None:  # a start's: the portfolio replaces it, or it is given up
            glance, self._glance = self._glance, None
            glance.drop()
        if self.portfolio is None:
            return
        self._save_layout()
        self.lock_timer.stop()
        self.beside_timer.stop()
        if self._after_paint is not None:
            self._after_paint.cancel()
            self._after_paint = None
        self.undo_stack.clear()
        self.workspace.clear()
        if self.bridge is not None:
            self.bridge.detach()
            self.bridge.deleteLater()
        self.portfolio.close()
        self.portfolio = self.context = self.bridge = None
        gc.unfreeze()  # what the closed portfolio held can be collected again
        self._passphrase = None
        self.show_welcome()

    def _after_first_paint(self, painted: bool) -> None:
        """What can wait until the opened portfolio is on screen: a big file's health and
        whole-file check (in threads), and asking the keyring (its first question loads its
        backends: 0.1-0.3 s). `painted` is False for a window not painted in time."""
        self._after_paint = None
        if painted:
            self.first_painted.emit()
        if self.portfolio is not None:
            self.portfolio.start_beside()
            self._update_forget_action()

    def _follow_beside(self) -> None:
        """Follow what a big file works out beside the window. Its health: the Dashboard and
        the sidebar's dots fill in. Its whole-file check: on damage, close the file and say
        which backup to use (edits on a damaged file could spread the damage)."""
        portfolio = self.portfolio
        if portfolio is None:
            self.beside_timer.stop()
            return
        if self._health_coming and not portfolio.health_computing:
            self._health_coming = False
            self.bridge.health_known.emit()
            self.sidebar.view.viewport().update()
        if not portfolio.checking:
            problem = portfolio.damage()
            if problem is not None:
                self.close_portfolio()
                self.show_error(problem.message)
                return
            if not self._health_coming:
                self.beside_timer.stop()

    def wait_beside(self) -> errors.StorageError | None:
        """Wait for what the file works out beside the window and show it (the screenshot
        does, so the picture is complete); returns what the whole-file check found wrong."""
        if self.portfolio is None:
            return None
        self.portfolio.start_beside()  # both at once, if the first paint has not started them
        problem = self.portfolio.damage(wait=True)
        if problem is None:
            self.portfolio.health_statuses()  # waits for the health worked out beside
            self._follow_beside()
        return problem

    def refresh_lock(self) -> None:
        if self.portfolio is not None and not self.portfolio.closed:
            try:
                self.portfolio.refresh_lock()
            except OSError:
                pass  # a share that went away; the next refresh tries again

    def show_welcome(self) -> None:
        self._refresh_recent()
        self.stack.setCurrentWidget(self.welcome)
        self.toolbar.hide()
        self.saved_label.hide()
        self._update_actions()

    def _refresh_recent(self) -> None:
        self.welcome.set_recent(self.settings.recent_files())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            missing = not path.exists()
            action = self.recent_menu.addAction(path.name + ("  (missing)" if missing else ""))
            action.setToolTip(str(path))
            action.setEnabled(not missing)
            action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction("No recent portfolios").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the list", self._clear_recent)

    def _remove_recent(self, path: Path) -> None:
        self.settings.remove_recent(path)
        self._refresh_recent()

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._refresh_recent()

    # --- passphrase ----------------------------------------------------------------------

    def change_passphrase(self) -> bool:
        portfolio = self.portfolio
        if portfolio is None or portfolio.read_only:
            return False
        dialog = ChangePassphraseDialog(
            lambda text: text == self._passphrase, portfolio.change_passphrase, self
        )
        if not self.run_dialog(dialog):
            return False
        self._passphrase = dialog.new_passphrase
        if keychain.recall(portfolio.path) is not None:
            self._remember(portfolio.path, dialog.new_passphrase)
        self.status("The passphrase was changed.")
        return True

    def _remember(self, path: Path, secret: str) -> None:
        stored = keychain.remember(path, secret)
        if not stored:
            keychain.forget(path)  # an old, now wrong passphrase must not stay behind
        if self.portfolio is not None and self.portfolio.path == path:
            self._update_forget_action(remembered=stored)
        if not stored:
            self.show_error(
                "This computer's keyring did not take the passphrase; you will be asked for it "
                "next time.",
                "Passphrase not remembered",
            )

    def forget_passphrase(self) -> None:
        if self.portfolio is not None:
            keychain.forget(self.portfolio.path)
            self.status("This computer no longer remembers the passphrase.")
        self._update_forget_action(remembered=False)

    # --- reacting to the portfolio -------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind == "portfolio_info" or change.op == "reloaded":
            self._update_title()
        if change.kind != "alliances" and change.op != "reloaded":  # a merge reloads everything
            return
        self.sidebar.apply(change)
        shown = self.workspace.alliance
        if change.op == "restored" and len(change.ids) == 1:  # undo of a delete: show it
            self.sidebar.select_alliance(change.ids[0])
        elif shown is not None and shown.deleted_at is not None:
            self.workspace.set_alliance(self.sidebar.current_alliance())
        self.alliance_actions.update_state()

    def _alliance_selected(self, alliance) -> None:
        if alliance is not self.workspace.alliance:
            self.workspace.set_alliance(alliance)
        self.alliance_actions.update_state()

    def _show_alliance(self, alliance) -> None:
        """An alliance picked on the Dashboard: select it and show its Overview."""
        if alliance is not None and self.sidebar.select_alliance(alliance.id):
            self.workspace.select_tab("Overview")

    def _leave_dashboard(self) -> None:
        """Clicking an alliance while the Dashboard shows means: show me this alliance."""
        if self.workspace.on_dashboard():
            self.workspace.select_tab("Overview")

    def _show_archived_toggled(self, show: bool) -> None:
        self.show_archived_action.setChecked(show)
        if self.remember_layout:
            self.settings.show_archived = show

    def ask(self) -> None:
        """Answer the Ask box's question in a panel under it (ui/ask_panel.py)."""
        from alliance_desk.ui.ask_panel import show_answer

        show_answer(self)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def report_edit_error(self, message: str) -> None:
        """An Undo or Redo that could not be stored, said once the undo stack is done."""
        QTimer.singleShot(0, self, lambda: self.show_error(message, EDIT_FAILED_TITLE))

    def _update_actions(self) -> None:
        portfolio = self.portfolio
        is_open = portfolio is not None
        writable = is_open and not portfolio.read_only
        self.change_passphrase_action.setEnabled(writable)
        if not is_open:
            self._update_forget_action()
        self.close_action.setEnabled(is_open)
        for action in (
            self.print_worksheet_action,
            self.all_stakeholders_action,
            self.unused_items_action,
        ):
            action.setEnabled(is_open)
        self.show_archived_action.setEnabled(is_open)
        self.focus_filter_action.setEnabled(is_open)
        self.ask_edit.setEnabled(is_open)
        self.alliance_menu.setEnabled(is_open)
        self.import_action.setEnabled(writable)
        self.export_action.setEnabled(is_open)
        self.preread_action.setEnabled(is_open)
        self.alliance_actions.update_state()
        self._update_title()

    def _update_forget_action(self, remembered: bool | None = None) -> None:
        """Forget… is offered when the keyring holds this file's passphrase: `remembered`, or
        else the keyring's answer, asked in a thread (first after the first paint)."""
        if self.portfolio is None or remembered is not None:
            self.keyring_question.asked += 1  # an answer on its way is out of date
            self.forget_action.setEnabled(self.portfolio is not None and bool(remembered))
            return
        self.keyring_question.ask(self.portfolio.path)

    def _keyring_answered(self, number: int, remembered: bool) -> None:
        if number == self.keyring_question.asked and self.portfolio is not None:
            self.forget_action.setEnabled(remembered)

    def _update_title(self) -> None:
        if self.portfolio is None:
            self.setWindowTitle(APP_NAME)
            return
        suffix = " [read-only]" if self.portfolio.read_only else ""
        self.setWindowTitle(f"{self.portfolio.name} — {APP_NAME}{suffix}")

    # --- window state --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.splitter_state
        if splitter is not None:
            self.workspace.splitter.restoreState(splitter)

    def _save_layout(self) -> None:
        if not self.remember_layout:
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = QByteArray(self.workspace.splitter.saveState())
        if self.portfolio is not None and self.workspace.current_tab_title():
            self.settings.last_tab = self.workspace.current_tab_title()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self.close_portfolio()
        if undo.report_error == self.report_edit_error:
            undo.report_error = self._previous_report
        event.accept()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
