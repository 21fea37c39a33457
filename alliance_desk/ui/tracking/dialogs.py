"""The New dialog (a draft record form with Create) and the root-cause question.

Both open window-modal without blocking (`open()`), so the tab — and a test — carries on and
finds them as attributes; Create stores nothing until every field is right.
"""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Tracked
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.fields import HINT_COLOUR, TextField
from alliance_desk.ui.tracking.commands import AddRecordCommand
from alliance_desk.ui.tracking.form import Entry, RecordForm, Sections
from alliance_desk.ui.undo import EditFailed, perform


def blank_record(model: type[Tracked], **values: Any) -> SimpleNamespace:
    """What a new record of `model` would hold: column defaults, overridden by `values`."""
    fields = {}
    for column in model.__table__.columns:
        default = column.default
        fields[column.key] = default.arg if default is not None and default.is_scalar else None
    fields.update(values)
    return SimpleNamespace(**fields)


class NewRecordDialog(QDialog):
    """Every field of a new record; Create (Enter, or Ctrl+Enter in a text box) stores it as
    one undoable step, or shows what is wrong beside the field and stores nothing."""

    def __init__(
        self,
        portfolio: Portfolio,
        undo_stack,
        model: type[Tracked],
        sections: Sections,
        values: dict[str, Any],
        title: str,
        note: str = "",
        locked: tuple[str, ...] = (),
        prepare: Callable[[RecordForm], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.portfolio = portfolio
        self.undo_stack = undo_stack
        self.model = model
        self.preset = {key: values[key] for key in locked if key in values}
        self.created: Tracked | None = None
        self.form = RecordForm(sections, draft=True)
        if prepare is not None:
            prepare(self.form)
        self.form.load(blank_record(model, **values))
        for name in locked:
            entry = self.form.entry_for(name)
            if entry is not None:
                entry.field.set_read_only(True)
        self.form.edited.connect(self.check_entry)

        heading = QLabel(f"<b style='font-size:15px'>{title}</b>")
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addWidget(self.form)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            "Create", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setStyleSheet(f"color: {HINT_COLOUR};")
            layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.resize(620, min(820, self.form.sizeHint().height() + 160))
        start = self.form.entries.get("title")  # the alliance is usually right already
        first = start.field.editor if start is not None else self.form.first_editor()
        if first is not None:
            first.setFocus()

    def check_entry(self, entry: Entry) -> None:
        """A finished field: a message beside it now if it (alone) breaks a rule."""
        field = entry.field
        try:
            field.value()
        except ValidationError as error:
            field.show_error(error.message)
            return
        field.clear_error()
        try:
            self.portfolio.check_new(self.model, **{**self.form.partial_values(), **self.preset})
        except ValidationError as error:
            if error.field in entry.names:
                field.show_error(error.message)

    def accept(self) -> None:
        """Create the record, or show what is wrong and keep the dialog open."""
        self.form.clear_errors()
        values = self.form.collect()
        if values is None:
            self._focus_first_error()
            return
        values.update(self.preset)
        try:
            self.portfolio.check_new(self.model, **values)
            command = AddRecordCommand(self.portfolio, self.model, values)
            perform(self.undo_stack, command)
        except ValidationError as error:
            self.form.show_error(error)
            self._focus_first_error()
            return
        except EditFailed as error:
            self.form.general_error.setText(str(error))
            self.form.general_error.show()
            return
        self.created = command.record
        super().accept()

    def errors(self) -> dict[str, str]:
        return self.form.errors()

    def _focus_first_error(self) -> None:
        for name in self.form.errors():
            self.form.field(name).editor.setFocus()
            return


class RootCauseDialog(QDialog):
    """Asks why a milestone was missed or completed late; Save needs an answer.

    `on_answer(text)` stores the change with the answer and returns None, or a message.
    """

    def __init__(
        self, what: str, on_answer: Callable[[str], str | None], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Root cause")
        self.on_answer = on_answer
        self.field = TextField(
            "root_cause",
            placeholder="What caused the delay, and on which side?",
            lines=4,
        )
        text = QLabel(what)
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.resize(480, 240)
        self.field.editor.setFocus()

    def accept(self) -> None:
        answer = self.field.text().strip()
        if not answer:
            self.field.show_error("Say what caused it: this is what the review learns from.")
            return
        problem = self.on_answer(answer)  # stores it; a message when that failed
        if problem:
            self.field.show_error(problem)
            return
        super().accept()
