"""The Lifecycle tab's dialogs: "Move to stage…" and "Add checklist…".

Both open window-modal without blocking (`open()`); the action is one undoable step, and a
broken rule shows beside its field with nothing stored.
"""

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.models import Alliance, ChecklistTemplate, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, ChoiceField, DateField, Field, TextField
from alliance_desk.ui.lifecycle.commands import AddChecklistCommand, MoveStageCommand
from alliance_desk.ui.undo import EditFailed, PortfolioCommand, perform


class ActionDialog(QDialog):
    """A small form with one button that performs an undoable command, or shows why not."""

    def __init__(self, context: UiContext, title: str, button: str, parent: QWidget | None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.done_command: PortfolioCommand | None = None
        self.fields: dict[str, Field] = {}
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #c62828;")
        self.general_error.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)

    def add_field(self, label: str, field: Field, name: str | None = None) -> Field:
        self.fields[name or field.name] = field
        self.form.addRow(label, field)
        return field

    def command(self) -> PortfolioCommand:
        raise NotImplementedError

    def accept(self) -> None:
        for field in self.fields.values():
            field.clear_error()
        self.general_error.hide()
        try:
            command = self.command()
            perform(self.context.undo_stack, command)
        except ValidationError as error:
            self.show_error(error.field, error.message)
            return
        except EditFailed as error:
            self.show_error("", str(error))
            return
        self.done_command = command
        super().accept()

    def show_error(self, name: str, message: str) -> None:
        field = self.fields.get(name)
        if field is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        field.show_error(message)
        field.editor.setFocus()

    def errors(self) -> dict[str, str]:
        """Field name -> the message beside it (for tests and screen readers)."""
        found = {name: field.error_text() for name, field in self.fields.items()}
        if self.general_error.isVisibleTo(self):
            found[""] = self.general_error.text()
        return {name: text for name, text in found.items() if text}


class MoveStageDialog(ActionDialog):
    """Which stage, from when, and why; the new stage's checklist comes with the move."""

    def __init__(self, context: UiContext, alliance: Alliance, parent: QWidget | None = None):
        super().__init__(context, f"Move {alliance.name} to another stage", "Move", parent)
        self.alliance = alliance
        current = choices.STAGES.get(alliance.stage, alliance.stage)
        self.intro.setText(
            f"{alliance.name} is in <b>{current}</b>. The move is recorded in the stage history; "
            "the first time the alliance reaches a stage it gets that stage's checklist."
        )
        others = {k: v for k, v in choices.STAGES.items() if k != alliance.stage}
        self.stage = self.add_field("Stage", ChoiceField("stage", others))
        following = list(choices.STAGES).index(alliance.stage) + 1
        if following < len(choices.STAGES):
            self.stage.set_value(list(choices.STAGES)[following])
        self.on = self.add_field(
            "Date", DateField("changed_on", hint="When it entered the new stage")
        )
        self.on.set_value(clock.today())
        self.note = self.add_field(
            "Note", TextField("note", lines=3, placeholder="Why now (optional)")
        )
        self.resize(520, 290)
        self.stage.editor.setFocus()

    def command(self) -> MoveStageCommand:
        on = self.on.value()  # raises ValidationError for a date it cannot read
        return MoveStageCommand(
            self.context.portfolio,
            self.alliance,
            self.stage.value(),
            on=on,
            note=self.note.value().strip(),
        )


class AddChecklistDialog(ActionDialog):
    """Another checklist for the alliance: culture, growth readiness, a review …"""

    def __init__(self, context: UiContext, alliance: Alliance, parent: QWidget | None = None):
        super().__init__(context, f"Add a checklist to {alliance.name}", "Add checklist", parent)
        self.alliance = alliance
        portfolio = context.portfolio
        self.available: list[ChecklistTemplate] = [
            t
            for t in sorted(
                portfolio.checklist_templates(), key=lambda t: (t.kind == "stage", t.position)
            )
            if not portfolio.has_checklist(alliance, t)
        ]
        self.intro.setText(
            "The alliance gets a copy of the checklist's current items; later changes to the "
            "template do not alter its copy."
        )
        self.choice = QComboBox()
        for template in self.available:
            stage = "  — lifecycle stage" if template.kind == "stage" else ""
            self.choice.addItem(f"{template.title}{stage}", template.id)
        self.form.addRow("Checklist", self.choice)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet(f"color: {HINT_COLOUR};")
        self.form.addRow("", self.description)
        self.choice.currentIndexChanged.connect(self._describe)
        if not self.available:
            self.choice.setEnabled(False)
            self.ok_button.setEnabled(False)
            self.description.setText(f"{alliance.name} has every checklist of the portfolio.")
        self._describe()
        self.resize(560, 250)

    def selected(self) -> ChecklistTemplate | None:
        index = self.choice.currentIndex()
        return self.available[index] if 0 <= index < len(self.available) else None

    def select_key(self, key: str) -> None:
        for index, template in enumerate(self.available):
            if template.key == key:
                self.choice.setCurrentIndex(index)

    def _describe(self, *_args) -> None:
        template = self.selected()
        if template is not None:
            count = sum(
                1
                for item in self.context.portfolio.template_items(template)
                if item.retired_on is None
            )
            self.description.setText(f"{template.description}\n\n{count} items.")

    def command(self) -> AddChecklistCommand:
        template = self.selected()
        if template is None:
            raise ValidationError("template_id", "Choose a checklist.")
        return AddChecklistCommand(self.context.portfolio, self.alliance, template)
