"""The Alliance menu: new, rename, archive, delete — each an undoable command.

Rules are checked before a command is pushed (Qt swallows exceptions raised inside
QUndoCommand.redo), so a broken rule is a message in the dialog, never a half-done edit.
"""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from alliance_desk import clock
from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.dialogs import AllianceDialog
from alliance_desk.ui.undo import AddAllianceCommand, DeleteCommand, EditCommand

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow


def check_new_alliance(portfolio: Portfolio, fields: dict[str, Any]) -> None:
    """Raise ValidationError if an alliance with `fields` could not be added."""
    portfolio.check_new(Alliance, **fields)


class AllianceActions(QObject):
    """The four alliance commands as QActions, enabled to suit the selection and the file."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.new = QAction("&New alliance…", window)
        self.new.setShortcut(QKeySequence("Ctrl+N"))
        self.new.setStatusTip("Add an alliance to the portfolio")
        self.new.triggered.connect(self.add_alliance)

        # F2 and Delete act in the sidebar only, so tables keep those keys for their rows.
        self.rename = QAction("&Rename…", window)
        self.rename.setShortcut(QKeySequence("F2"))
        self.rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename.triggered.connect(self.rename_alliance)

        self.archive = QAction("&Archive", window)
        self.archive.triggered.connect(self.toggle_archived)

        self.delete = QAction("&Delete…", window)
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete.triggered.connect(self.delete_alliance)

    def all(self) -> list[QAction]:
        return [self.new, self.rename, self.archive, self.delete]

    # --- state ---------------------------------------------------------------------------

    def _writable(self) -> Portfolio | None:
        portfolio = self.window.portfolio
        if portfolio is None or portfolio.closed or portfolio.read_only:
            return None
        return portfolio

    def _selected(self) -> Alliance | None:
        alliance = self.window.workspace.sidebar.current_alliance()
        if alliance is None or alliance.deleted_at is not None:
            return None
        return alliance

    def update_state(self) -> None:
        writable = self._writable() is not None
        alliance = self._selected()
        self.new.setEnabled(writable)
        for action in (self.rename, self.archive, self.delete):
            action.setEnabled(writable and alliance is not None)
        archived = alliance is not None and alliance.archived_at is not None
        self.archive.setText("Un&archive" if archived else "&Archive")

    # --- commands ------------------------------------------------------------------------

    def add_alliance(self) -> Alliance | None:
        portfolio = self._writable()
        if portfolio is None:
            return None
        dialog = AllianceDialog(lambda fields: check_new_alliance(portfolio, fields), self.window)
        if not self.window.run_dialog(dialog):
            return None
        fields = dialog.fields()
        name = fields.pop("name")
        command = AddAllianceCommand(portfolio, name, **fields)
        self.window.undo_stack.push(command)
        if command.alliance is not None:
            self.window.workspace.sidebar.select_alliance(command.alliance.id)
            self.window.workspace.select_tab("Overview")
            self.window.status(f"Added “{name}”.")
        return command.alliance

    def rename_alliance(self) -> None:
        portfolio, alliance = self._writable(), self._selected()
        if portfolio is None or alliance is None:
            return
        dialog = AllianceDialog(
            lambda fields: portfolio.check(alliance, name=fields["name"]),
            self.window,
            rename_from=alliance.name,
        )
        if not self.window.run_dialog(dialog):
            return
        new_name = dialog.fields()["name"]
        if new_name == alliance.name:
            return
        text = f"Rename “{alliance.name}” to “{new_name}”"
        self.window.undo_stack.push(EditCommand(portfolio, alliance, text, name=new_name))

    def toggle_archived(self) -> None:
        portfolio, alliance = self._writable(), self._selected()
        if portfolio is None or alliance is None:
            return
        archiving = alliance.archived_at is None
        value = clock.today() if archiving else None
        text = f"{'Archive' if archiving else 'Unarchive'} “{alliance.name}”"
        self.window.undo_stack.push(EditCommand(portfolio, alliance, text, archived_at=value))
        if archiving and not self.window.workspace.sidebar.proxy.show_archived:
            self.window.status(
                f"Archived “{alliance.name}”: it is hidden from the list (View ▸ Show archived)."
            )

    def delete_alliance(self) -> None:
        portfolio, alliance = self._writable(), self._selected()
        if portfolio is None or alliance is None:
            return
        confirmed = self.window.confirm(
            "Delete alliance",
            f"Delete “{alliance.name}” and everything recorded for it?",
            "You can bring it back with Edit ▸ Undo.",
            "Delete",
        )
        if not confirmed:
            return
        text = f"Delete “{alliance.name}”"
        self.window.undo_stack.push(DeleteCommand(portfolio, alliance, text))
        self.window.status(f"Deleted “{alliance.name}”. Undo with Ctrl+Z.")
