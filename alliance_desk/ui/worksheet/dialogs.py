"""The small dialogs of the Stakeholders tab.

Like the shell's dialogs, each hands its input to a `submit` function on OK and stays open
with the message under the field when the core refuses it (ValidationError) or the file cannot
be written (EditFailed), so nothing typed is lost.
"""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.models import InformationNeed, Stakeholder, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.ui.dialogs import FieldError, field_with_error
from alliance_desk.ui.fields import DATE_HELP, HINT_COLOUR, format_date, parse_date
from alliance_desk.ui.undo import EditFailed

Submit = Callable[[dict], None]
ID_ROLE = Qt.ItemDataRole.UserRole


class SubmitDialog(QDialog):
    """OK calls `submit(self.fields())`; errors are shown under the field that caused them."""

    ok_text = "OK"

    def __init__(self, title: str, submit: Submit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._submit = submit
        self.errors: dict[str, FieldError] = {}
        self.form = QFormLayout()
        self.failure = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        self.body.addWidget(self.failure)
        self.body.addWidget(self.buttons)

    def add_row(self, label: str, name: str, widget: QWidget) -> None:
        box, self.errors[name] = field_with_error(widget)
        self.form.addRow(label, box)

    def fields(self) -> dict:
        raise NotImplementedError

    def accept(self) -> None:
        for error in [*self.errors.values(), self.failure]:
            error.say("")
        try:
            self._submit(self.fields())
        except ValidationError as exc:
            target = self.errors.get(exc.field) or self.failure
            target.say(exc.message)
            return
        except EditFailed as exc:
            self.failure.say(str(exc))
            return
        super().accept()


def _combo(vocabulary: dict[str, str], current: str = "") -> QComboBox:
    combo = QComboBox()
    for value, label in vocabulary.items():
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


def _text_box(lines: int = 4, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _date_value(edit: QLineEdit, field: str) -> date | None:
    try:
        return parse_date(edit.text())
    except ValueError:
        raise ValidationError(
            field, f"'{edit.text().strip()}' is not a date. {DATE_HELP}"
        ) from None


class NewStakeholderDialog(SubmitDialog):
    """Name, title, organisation, side, group and (in an alliance) the role."""

    ok_text = "Add"

    def __init__(self, submit: Submit, alliance_name: str = "", parent: QWidget | None = None):
        super().__init__("New stakeholder", submit, parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("A person, or a group such as “The board”")
        self.title_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.side_combo = _combo(choices.SIDES)
        self.group_combo = _combo(choices.STAKEHOLDER_GROUPS, "other")
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText("e.g. Executive sponsor")
        self.add_row("Name:", "name", self.name_edit)
        self.add_row("Title:", "title", self.title_edit)
        self.add_row("Organisation:", "organisation", self.organisation_edit)
        self.add_row("Side:", "side", self.side_combo)
        self.add_row("Group:", "group", self.group_combo)
        self.alliance_name = alliance_name
        if alliance_name:
            self.add_row(f"Role in {alliance_name}:", "role", self.role_edit)
        self.finish_layout()

    def fields(self) -> dict:
        fields = {
            "name": self.name_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "organisation": self.organisation_edit.text().strip(),
            "side": self.side_combo.currentData(),
            "group": self.group_combo.currentData(),
        }
        if self.alliance_name:
            fields["role"] = self.role_edit.text().strip()
        return fields


class AddExistingDialog(SubmitDialog):
    """Give someone already in the portfolio a role in this alliance."""

    ok_text = "Add"

    def __init__(
        self,
        submit: Submit,
        candidates: Sequence[tuple[Stakeholder, str]],
        alliance_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(f"Add a stakeholder to {alliance_name}", submit, parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name or organisation")
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(240)
        for person, where in candidates:
            detail = ", ".join(p for p in (person.title, person.organisation) if p)
            item = QListWidgetItem(f"{person.name} — {detail}" if detail else person.name)
            item.setData(ID_ROLE, person.id)
            item.setToolTip(where)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter_edit.textChanged.connect(self._filter)
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText("e.g. JSC member")
        self.add_row("Find:", "filter", self.filter_edit)
        self.add_row("Stakeholder:", "stakeholder_id", self.list)
        self.add_row("Role:", "role", self.role_edit)
        self.finish_layout()

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def fields(self) -> dict:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            raise ValidationError("stakeholder_id", "Choose a stakeholder from the list.")
        return {"stakeholder_id": item.data(ID_ROLE), "role": self.role_edit.text().strip()}


class TextDialog(SubmitDialog):
    """One required piece of prose: a reason to retire an item, an item that is missing."""

    def __init__(
        self,
        title: str,
        label: str,
        name: str,
        submit: Submit,
        parent: QWidget | None = None,
        text: str = "",
        hint: str = "",
        second: tuple[str, str] | None = None,  # (label, field name) of an optional second text
        ok_text: str = "OK",
    ):
        self.ok_text = ok_text
        super().__init__(title, submit, parent)
        self.name = name
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {HINT_COLOUR};")
            self.body.insertWidget(0, note)
        self.text_edit = _text_box(3)
        self.text_edit.setPlainText(text)
        self.add_row(label, name, self.text_edit)
        self.second_name = second[1] if second else ""
        self.second_edit = _text_box(2)
        if second:
            self.add_row(second[0], second[1], self.second_edit)
        self.date_edit = QLineEdit(format_date(clock.today()))
        self.date_edit.setToolTip(DATE_HELP)
        self.add_row("Date:", "on", self.date_edit)
        self.finish_layout()

    def fields(self) -> dict:
        text = self.text_edit.toPlainText().strip()
        if not text:
            raise ValidationError(self.name, "Write a few words here.")
        fields = {self.name: text, "on": _date_value(self.date_edit, "on") or clock.today()}
        if self.second_name:
            fields[self.second_name] = self.second_edit.toPlainText().strip()
        return fields


FEEDBACK_CHOICES = {"": "Not discussed", "used": "Uses it", "not_used": "Does not use it"}


class InterviewDialog(SubmitDialog):
    """After the interview: when, who ran it, what changed, and what the reader said about
    each item we report to them (uses it / does not use it) and what is missing."""

    ok_text = "Record"

    def __init__(
        self,
        submit: Submit,
        person: Stakeholder,
        needs: Sequence[InformationNeed],
        interviewer: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(f"Record the interview with {person.name}", submit, parent)
        self.setMinimumWidth(640)
        self.date_edit = QLineEdit(format_date(clock.today()))
        self.date_edit.setToolTip(DATE_HELP)
        self.interviewer_edit = QLineEdit(interviewer)
        self.interviewer_edit.setPlaceholderText("Who ran the interview")
        self.changes_edit = _text_box(4, "What changed on the worksheet, in a few words")
        self.add_row("Held on:", "held_on", self.date_edit)
        self.add_row("Interviewer:", "interviewer", self.interviewer_edit)
        self.add_row("What changed:", "changes", self.changes_edit)
        self.needs = list(needs)
        self.feedback: list[QComboBox] = []
        if self.needs:
            rows = QWidget()
            grid = QFormLayout(rows)
            grid.setContentsMargins(0, 0, 0, 0)
            for need in self.needs:
                combo = _combo(FEEDBACK_CHOICES)
                label = QLabel(need.question)
                label.setWordWrap(True)
                grid.addRow(label, combo)
                self.feedback.append(combo)
            self.form.addRow(QLabel("<b>What we report today</b>"))
            self.form.addRow(rows)
        self.missing_edit = _text_box(3, "One item per line")
        self.add_row("What is missing:", "missing", self.missing_edit)
        self.finish_layout()

    def fields(self) -> dict:
        held_on = _date_value(self.date_edit, "held_on")
        if held_on is None:
            raise ValidationError("held_on", "Enter the date of the interview.")
        missing = [
            line.strip() for line in self.missing_edit.toPlainText().splitlines() if line.strip()
        ]
        return {
            "held_on": held_on,
            "interviewer": self.interviewer_edit.text().strip(),
            "changes": self.changes_edit.toPlainText().strip(),
            "feedback": [
                (need, combo.currentData())
                for need, combo in zip(self.needs, self.feedback, strict=True)
                if combo.currentData()
            ],
            "missing": missing,
        }


class ColumnsDialog(QDialog):
    """Hand-pick the worksheet's columns and their order (tick, then move up or down)."""

    def __init__(
        self,
        people: Sequence[Stakeholder],
        shown: Sequence[str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Choose the worksheet columns")
        self.setMinimumSize(420, 460)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        by_id = {person.id: person for person in people}
        ordered = [by_id[i] for i in shown if i in by_id]
        ordered += [person for person in people if person.id not in shown]
        for person in ordered:
            item = QListWidgetItem(person.name)
            item.setData(ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in shown
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        up, down = QPushButton("Move up"), QPushButton("Move down")
        up.clicked.connect(lambda: self.move(-1))
        down.clicked.connect(lambda: self.move(1))
        every, none = QPushButton("All"), QPushButton("None")
        every.clicked.connect(lambda: self._check_all(True))
        none.clicked.connect(lambda: self._check_all(False))
        side = QVBoxLayout()
        for button in (up, down, every, none):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tick the stakeholders to show; drag or move them into order."))
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def chosen(self) -> list[str]:
        """The ticked stakeholders' ids, in the order shown."""
        return [
            self.list.item(row).data(ID_ROLE)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
