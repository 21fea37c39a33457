"""Undoable worksheet edits, and how the worksheet widgets ask their questions.

Most worksheet edits touch several rows at once (an interview updates the stakeholder, adds
feedback to items and new items for what was missing). `SnapshotCommand` runs such an edit as
one batch, notes what it created or deleted and which fields it changed, and replays that on
undo and redo — the same rows come back, never copies.
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from alliance_desk.models import KINDS, Tracked
from alliance_desk.portfolio import Change, Portfolio
from alliance_desk.ui.undo import PortfolioCommand

Touched = Iterable[tuple[Tracked, tuple[str, ...]]]


class SnapshotCommand(PortfolioCommand):
    """Run `work()` in one batch; undo removes what it added, restores what it deleted and puts
    back the old values of the `touched` fields; redo replays it on the same rows."""

    def __init__(
        self,
        portfolio: Portfolio,
        text: str,
        work: Callable[[], Any],
        touched: Touched = (),
    ):
        super().__init__(text)
        self.portfolio = portfolio
        self.work = work
        self.touched = [(record, tuple(fields)) for record, fields in touched]
        self.result: Any = None
        self.added: list[Tracked] = []
        self.deleted: list[Tracked] = []
        self.before: list[tuple[Tracked, dict[str, Any]]] = []
        self.after: list[tuple[Tracked, dict[str, Any]]] = []
        self._done = False

    def _snapshot(self) -> list[tuple[Tracked, dict[str, Any]]]:
        return [(r, {f: getattr(r, f) for f in fields}) for r, fields in self.touched]

    def apply(self) -> None:
        if self._done:
            self._replay(self.added, self.deleted, self.after)
            return
        before = self._snapshot()
        changes: list[Change] = []
        unsubscribe = self.portfolio.subscribe(changes.append)
        try:
            with self.portfolio.batch():
                self.result = self.work()
        finally:
            unsubscribe()
        self.before, self.after = before, self._snapshot()
        self.added = self._records(changes, "added")
        self.deleted = self._records(changes, "deleted")
        self._done = True

    def revert(self) -> None:
        self._replay(self.deleted, self.added, self.before, undo=True)

    def _replay(self, bring_back, remove, values, undo: bool = False) -> None:
        portfolio = self.portfolio
        with portfolio.batch():
            for record in bring_back:
                portfolio.restore(record)
            for record in reversed(remove) if undo else remove:
                portfolio.delete(record)
            for record, fields in values:
                portfolio.update(record, **fields)

    def _records(self, changes: list[Change], op: str) -> list[Tracked]:
        found = []
        for change in changes:
            if change.op != op:
                continue
            model = KINDS[change.kind].model
            for ident in change.ids:
                record = self.portfolio.get(model, ident, include_deleted=True)
                if record is not None:
                    found.append(record)
        return found


# --- modal questions ----------------------------------------------------------------------


class FallbackPrompts:
    """The questions a PromptingWindow asks, for a widget shown outside the main window."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def run_print_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def run_print_preview(self, dialog: QDialog) -> None:
        dialog.exec()

    def choose_save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), filters)
        return Path(chosen) if chosen else None

    def confirm(self, title: str, text: str, detail: str, action_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        box.setInformativeText(detail)
        go = box.addButton(action_label, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def show_error(self, message: str, title: str = "Alliance Desk") -> None:
        QMessageBox.warning(self.parent, title, message)


def prompts_for(widget: QWidget):
    """The main window (whose prompt methods tests replace), else real dialogs over `widget`."""
    window = widget.window()
    if all(hasattr(window, name) for name in ("run_dialog", "choose_save_path", "confirm")):
        return window
    return FallbackPrompts(widget)
