"""What the two portfolio editors share: a message line, undoable commands that report
instead of raising, Ctrl+Z inside the dialog, and following the portfolio's changes."""

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR
from alliance_desk.ui.undo import EditFailed, PortfolioCommand, perform


class EditorDialog(QDialog):
    """A modeless editor of portfolio definitions; subclasses lay out the rest."""

    def __init__(self, context: UiContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.context = context
        self.portfolio = context.portfolio
        self.read_only = self.portfolio.read_only
        self.message = QLabel()
        self.message.setWordWrap(True)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=context.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, activated=context.undo_stack.redo)
        context.bridge.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        """Show what another view (or Undo) changed."""

    def run(
        self, command: PortfolioCommand, invalid: Callable[[ValidationError], None] | None = None
    ) -> bool:
        """Do `command` as one undoable step; a broken rule goes to `invalid` (beside its
        field) or the message line, and nothing is stored."""
        try:
            perform(self.context.undo_stack, command)
        except ValidationError as error:
            if invalid is not None:
                invalid(error)
            else:
                self.say(error.message, error=True)
            return False
        except EditFailed as error:
            self.say(str(error), error=True)
            return False
        self.say(f"{command.text()}. Undo with Ctrl+Z.")
        return True

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else HINT_COLOUR};")

    def done(self, result: int) -> None:
        try:
            self.context.bridge.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):  # closed twice: already disconnected
            pass
        super().done(result)
