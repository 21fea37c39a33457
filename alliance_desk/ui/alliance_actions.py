"""The Alliance menu: new, rename, archive, delete — each an undoable command.

Every command goes through `perform`, which stores the edit before it reaches the undo stack:
a broken rule or a failed write is a message in the dialog (new, rename) or in a message box
(archive, delete), never an edit that looks done but is not.
"""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from alliance_desk import clock, models
from alliance_desk.models.limits import ValidationError
from alliance_desk.ui.dialogs import AllianceDialog
from alliance_desk.ui.undo import (
    AddAllianceCommand,
    DeleteCommand,
    EditCommand,
    EditFailed,
    PortfolioCommand,
    perform,
)

if TYPE_CHECKING:
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.ui.main_window import MainWindow


def check_new_alliance(portfolio: "Portfolio", fields: dict[str, Any]) -> None:
    """Raise ValidationError if an alliance with `fields` could not be added."""
    portfolio.check_new(models.Alliance, **fields)


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

    def _writable(self) -> "Portfolio | None":
        portfolio = self.window.portfolio
        if portfolio is None or portfolio.closed or portfolio.read_only:
            return None
        return portfolio

    def _selected(self) -> "Alliance | None":
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

    def add_alliance(self) -> "Alliance | None":
        portfolio = self._writable()
        if portfolio is None:
            return None
        added: list[Alliance] = []

        def submit(fields: dict[str, Any]) -> None:
            check_new_alliance(portfolio, fields)  # the rules, before a transaction starts
            rest = {key: value for key, value in fields.items() if key != "name"}
            command = AddAllianceCommand(portfolio, fields["name"], **rest)
            perform(self.window.undo_stack, command)
            added.append(command.alliance)

        if not self.window.run_dialog(AllianceDialog(submit, self.window)) or not added:
            return None
        alliance = added[0]
        self.window.workspace.sidebar.select_alliance(alliance.id)
        self.window.workspace.select_tab("Overview")
        self.window.status(f"Added “{alliance.name}”.")
        return alliance

    def rename_alliance(self) -> None:
        portfolio, alliance = self._writable(), self._selected()
        if portfolio is None or alliance is None:
            return

        def submit(fields: dict[str, Any]) -> None:
            new_name = fields["name"]
            if new_name != alliance.name:
                text = f"Rename “{alliance.name}” to “{new_name}”"
                perform(
                    self.window.undo_stack, EditCommand(portfolio, alliance, text, name=new_name)
                )

        self.window.run_dialog(AllianceDialog(submit, self.window, rename_from=alliance.name))

    def toggle_archived(self) -> None:
        portfolio, alliance = self._writable(), self._selected()
        if portfolio is None or alliance is None:
            return
        archiving = alliance.archived_at is None
        value = clock.today() if archiving else None
        verb = "Archive" if archiving else "Unarchive"
        command = EditCommand(portfolio, alliance, f"{verb} “{alliance.name}”", archived_at=value)
        if not self._perform(command, f"Could not {verb.lower()} the alliance"):
            return
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
        command = DeleteCommand(portfolio, alliance, f"Delete “{alliance.name}”")
        if self._perform(command, "Could not delete the alliance"):
            self.window.status(f"Deleted “{alliance.name}”. Undo with Ctrl+Z.")

    def _perform(self, command: PortfolioCommand, title: str) -> bool:
        """Do a command that has no dialog; a failure is said in a message box. True if done."""
        try:
            perform(self.window.undo_stack, command)
        except ValidationError as exc:
            self.window.show_error(exc.message, title)
            return False
        except EditFailed as exc:
            self.window.show_error(str(exc), title)
            return False
        return True
