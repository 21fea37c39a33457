"""Small dialogs of the shell: new portfolio, new and renamed alliance, About.

Each checks its input inline (a red sentence under the field) and stays open until the input
is right, so the user never meets a traceback or loses what they typed.
"""

import platform
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models.choices import STAGES
from alliance_desk.models.limits import ValidationError
from alliance_desk.storage import database, errors, keychain, paths
from alliance_desk.ui.undo import EditFailed

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.portfolio import Portfolio

ERROR_COLOUR = "#b3261e"
PASSPHRASE_MAX = keychain.MAX_LENGTH


class FieldError(QLabel):
    """A red sentence under a field; invisible while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def say(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


def field_with_error(widget: QWidget) -> tuple[QWidget, FieldError]:
    """`widget` with a FieldError under it, as one cell of a form."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    error = FieldError()
    layout.addWidget(error)
    return box, error


def passphrase_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PASSPHRASE_MAX)
    edit.setPlaceholderText(placeholder)
    return edit


def new_passphrase_problem(first: str, second: str) -> tuple[str, str]:
    """(message for the first field, message for the repeat field); empty strings when fine."""
    if not first:
        return "Choose a passphrase.", ""
    if len(first) > PASSPHRASE_MAX:
        return f"The passphrase is too long (at most {PASSPHRASE_MAX} characters).", ""
    if first != second:
        return "", "The two passphrases differ."
    return "", ""


def remember_box() -> QCheckBox | None:
    """The 'Remember on this computer' option, only where a keyring can keep the secret."""
    if not keychain.available():
        return None
    box = QCheckBox("Remember on this computer")
    box.setToolTip("Keep the passphrase in this computer's keyring, so you are not asked again.")
    return box


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def create_portfolio(path: Path, passphrase: str, name: str) -> "Portfolio":
    """Create the file, then add the default benchmarks and checklist templates."""
    from alliance_desk.defaults import seed_defaults
    from alliance_desk.portfolio import Portfolio

    portfolio = Portfolio.create(path, passphrase, name=name)
    seed_defaults(portfolio)
    return portfolio


class NewPortfolioDialog(QDialog):
    """Where to save, a name and a passphrase; on OK the encrypted file is created."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle("New portfolio")
        self.setMinimumWidth(520)
        self.portfolio: Portfolio | None = None
        self.passphrase = ""
        self._folder = folder or documents_dir()

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(str(self._folder / f"My alliances{paths.EXTENSION}"))
        self.path_edit.textChanged.connect(self._suggest_name)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        path_box, self.path_error = field_with_error(path_row)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. Oncology partnerships")
        self.name_edit.setMaxLength(200)
        self._name_touched = False
        self.name_edit.textEdited.connect(lambda: setattr(self, "_name_touched", True))
        name_box, self.name_error = field_with_error(self.name_edit)

        self.passphrase_edit = passphrase_edit()
        passphrase_box, self.passphrase_error = field_with_error(self.passphrase_edit)
        self.repeat_edit = passphrase_edit()
        repeat_box, self.repeat_error = field_with_error(self.repeat_edit)
        self.remember = remember_box()

        hint = QLabel(
            "The portfolio is encrypted with this passphrase. Nobody can recover it for you: "
            "keep it somewhere safe."
        )
        hint.setWordWrap(True)
        hint.setObjectName("Hint")

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow("File:", path_box)
        form.addRow("Name:", name_box)
        form.addRow("Passphrase:", passphrase_box)
        form.addRow("Repeat:", repeat_box)
        if self.remember is not None:
            form.addRow("", self.remember)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        start = self.path_edit.text().strip() or self.path_edit.placeholderText()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "New portfolio",
            start,
            f"Alliance Desk portfolios (*{paths.EXTENSION})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path_edit.setText(str(with_extension(Path(chosen))))

    def _suggest_name(self, text: str) -> None:
        if not self._name_touched and text.strip():
            self.name_edit.setText(Path(text.strip()).stem)

    def target_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return with_extension(Path(text).expanduser()) if text else None

    def remember_chosen(self) -> bool:
        return self.remember is not None and self.remember.isChecked()

    def validate(self) -> bool:
        """Show every problem at once next to its field; True when all is well."""
        path = self.target_path()
        path_problem = ""
        if path is None:
            path_problem = "Choose where to save the portfolio."
        elif path.exists():
            path_problem = f"{path.name} already exists; choose another name."
        elif not path.parent.is_dir():
            path_problem = f"The folder {path.parent} does not exist."
        self.path_error.say(path_problem)
        name_problem = "" if self.name_edit.text().strip() else "Give the portfolio a name."
        self.name_error.say(name_problem)
        first, second = new_passphrase_problem(self.passphrase_edit.text(), self.repeat_edit.text())
        self.passphrase_error.say(first)
        self.repeat_error.say(second)
        return not (path_problem or name_problem or first or second)

    def accept(self) -> None:
        if not self.validate():
            return
        path = self.target_path()
        try:
            with busy():
                self.portfolio = create_portfolio(
                    path, self.passphrase_edit.text(), self.name_edit.text().strip()
                )
        except errors.StorageError as exc:
            self.path_error.say(exc.message)
            return
        self.passphrase = self.passphrase_edit.text()
        super().accept()


def with_extension(path: Path) -> Path:
    return path if path.suffix else path.with_name(path.name + paths.EXTENSION)


class busy:
    """A wait cursor for the few hundred milliseconds a key derivation takes."""

    def __enter__(self):
        from PySide6.QtWidgets import QApplication

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        from PySide6.QtWidgets import QApplication

        QApplication.restoreOverrideCursor()


Submit = Callable[[dict], None]


class AllianceDialog(QDialog):
    """Name, partner and stage of a new alliance (or only the name, to rename one).

    On OK, `submit(fields)` stores the input. It raises ValidationError (its message is shown
    under its field) or EditFailed (shown under the form); the dialog closes only when it
    returns, so a failed save keeps the dialog and what was typed.
    """

    def __init__(
        self,
        submit: Submit,
        parent: QWidget | None = None,
        rename_from: str | None = None,
    ):
        super().__init__(parent)
        self._submit = submit
        self.renaming = rename_from is not None
        self.setWindowTitle("Rename alliance" if self.renaming else "New alliance")
        self.setMinimumWidth(420)

        self.name_edit = QLineEdit(rename_from or "")
        self.name_edit.setPlaceholderText("e.g. Helios Oncology")
        self.name_edit.selectAll()
        name_box, name_error = field_with_error(self.name_edit)
        self._errors = {"name": name_error}
        form = QFormLayout()
        form.addRow("Name:", name_box)
        self.partner_edit = QLineEdit()
        self.stage_combo = QComboBox()
        if not self.renaming:
            self.partner_edit.setPlaceholderText("The partner company")
            partner_box, self._errors["partner"] = field_with_error(self.partner_edit)
            for key, label in STAGES.items():
                self.stage_combo.addItem(label, key)
            stage_box, self._errors["stage"] = field_with_error(self.stage_combo)
            form.addRow("Partner:", partner_box)
            form.addRow("Stage:", stage_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Rename" if self.renaming else "Add"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.failure = FieldError()  # a save that failed, not a problem with one field
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.failure)
        layout.addWidget(buttons)

    def fields(self) -> dict:
        fields = {"name": self.name_edit.text().strip()}
        if not self.renaming:
            fields["partner"] = self.partner_edit.text().strip()
            fields["stage"] = self.stage_combo.currentData()
        return fields

    def accept(self) -> None:
        for error in [*self._errors.values(), self.failure]:
            error.say("")
        try:
            self._submit(self.fields())
        except ValidationError as exc:
            self._errors.get(exc.field, self._errors["name"]).say(exc.message)
            return
        except EditFailed as exc:
            self.failure.say(str(exc))
            return
        super().accept()


def version_lines() -> list[tuple[str, str]]:
    """The versions an About box and a bug report need."""
    from importlib.metadata import PackageNotFoundError, version

    import PySide6
    import sqlalchemy
    import sqlcipher3
    from PySide6.QtCore import qVersion

    from alliance_desk import __version__

    def package(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    cipher = database.cipher_version()
    return [
        ("Alliance Desk", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        ("SQLite", sqlcipher3.sqlite_version),
        ("SQLCipher", cipher),
        ("python-docx", package("python-docx")),
        ("pyqtgraph", package("pyqtgraph")),
    ]


def about_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:16px;color:#5f6b7a'>{name}</td><td>{value}</td></tr>"
        for name, value in version_lines()
    )
    return (
        "<h3 style='margin-bottom:4px'>Alliance Desk</h3>"
        "<p>An offline, encrypted workbench for alliance managers: every partnership, "
        "its stakeholders, risks, decisions and health in one file.</p>"
        f"<table style='margin-top:8px'>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Alliance Desk")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64) if parent else box.iconPixmap())
    box.exec()
