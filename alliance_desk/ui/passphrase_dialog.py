"""Asking for a passphrase to open a portfolio, and changing it.

A wrong passphrase is said under the field and the user tries again without the dialog
closing; any other problem with the file ends the dialog and is reported by the caller.
"""

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models.limits import ValidationError
from alliance_desk.storage import errors
from alliance_desk.ui.dialogs import (
    busy,
    field_with_error,
    new_passphrase_problem,
    passphrase_edit,
    remember_box,
)

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.portfolio import Portfolio


Opener = Callable[[str], "Portfolio | None"]


class PassphraseDialog(QDialog):
    """Ask for the passphrase of `path` and open it with `opener(passphrase)`.

    `opener` returns the Portfolio, None when the user cancelled on the way (a locked file),
    or raises a StorageError. After exec(): `portfolio` on success, else `error` (or neither).
    """

    def __init__(self, path: Path, opener: Opener, parent: QWidget | None = None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Open portfolio")
        self.setMinimumWidth(460)
        self._opener = opener
        self.path = Path(path)
        self.portfolio: Portfolio | None = None
        self.passphrase = ""
        self.error: errors.StorageError | None = None

        heading = QLabel(f"Enter the passphrase for <b>{html.escape(self.path.name)}</b>")
        where = QLabel(html.escape(str(self.path.parent)))
        where.setObjectName("Hint")
        where.setWordWrap(True)

        self.passphrase_edit = passphrase_edit()
        box, self.message = field_with_error(self.passphrase_edit)
        self.message.say(note)
        self.remember = remember_box()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Open")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addWidget(box)
        if self.remember is not None:
            layout.addWidget(self.remember)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.passphrase_edit.setFocus()

    def remember_chosen(self) -> bool:
        return self.remember is not None and self.remember.isChecked()

    def accept(self) -> None:
        secret = self.passphrase_edit.text()
        if not secret:
            self.message.say("Enter the passphrase.")
            return
        try:
            portfolio = self._opener(secret)  # the opener shows the wait cursor itself
        except errors.WrongPassphrase as exc:
            self.message.say(exc.message)
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return
        except errors.StorageError as exc:
            self.error = exc
            self.reject()
            return
        if portfolio is None:
            self.reject()
            return
        self.portfolio = portfolio
        self.passphrase = secret
        super().accept()


class ChangePassphraseDialog(QDialog):
    """Current passphrase, new one twice; `change(new)` re-encrypts the file on OK.

    `is_current(text)` tells whether the current passphrase was typed right.
    """

    def __init__(
        self,
        is_current: Callable[[str], bool],
        change: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(440)
        self._is_current = is_current
        self._change = change
        self.new_passphrase = ""

        self.current_edit = passphrase_edit()
        current_box, self.current_error = field_with_error(self.current_edit)
        self.new_edit = passphrase_edit()
        new_box, self.new_error = field_with_error(self.new_edit)
        self.repeat_edit = passphrase_edit()
        repeat_box, self.repeat_error = field_with_error(self.repeat_edit)

        form = QFormLayout()
        form.addRow("Current passphrase:", current_box)
        form.addRow("New passphrase:", new_box)
        form.addRow("Repeat:", repeat_box)
        hint = QLabel("The whole file is re-encrypted; copies made before keep the old one.")
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def accept(self) -> None:
        current = self.current_edit.text()
        current_problem = "" if self._is_current(current) else "The current passphrase is wrong."
        first, second = new_passphrase_problem(self.new_edit.text(), self.repeat_edit.text())
        if not first and self.new_edit.text() == current and not current_problem:
            first = "The new passphrase is the same as the current one."
        self.current_error.say(current_problem)
        self.new_error.say(first)
        self.repeat_error.say(second)
        if current_problem or first or second:
            return
        try:
            with busy():
                self._change(self.new_edit.text())
        except ValidationError as exc:
            self.new_error.say(exc.message)
            return
        except errors.StorageError as exc:
            self.new_error.say(exc.message)
            return
        self.new_passphrase = self.new_edit.text()
        super().accept()
