"""The form for one stakeholder: every field of the data model, edited in place as on the
Overview tab (each field one undoable command, the core's message under the field), the role
in the shown alliance, and the history of worksheet interviews."""

import html
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import AllianceStakeholder, Stakeholder, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.worksheet import QUESTION_OF
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import (
    HINT_COLOUR,
    ChoiceField,
    DateField,
    Field,
    LineField,
    TextField,
    format_date,
)
from alliance_desk.ui.undo import EditCommand, EditFailed, perform
from alliance_desk.ui.worksheet.grid import CADENCE_CHOICES

RATINGS = {"": "Not rated", "1": "1 — very low", "2": "2", "3": "3", "4": "4", "5": "5 — very high"}


class RatingField(ChoiceField):
    """A 1-5 rating, or none."""

    def __init__(self, name: str, hint: str = ""):
        super().__init__(name, RATINGS, hint)
        self.editor.setMinimumWidth(160)

    def display(self, value: Any) -> str:
        return "" if value is None else str(value)

    def value(self) -> int | None:
        text = self.text()
        return int(text) if text else None


def _prose(name: str, lines: int = 3) -> TextField:
    question = QUESTION_OF[name]
    return TextField(name, placeholder=question.hint, lines=lines)


def form_sections() -> list[tuple[str, list[tuple[str, Field]]]]:
    """(group title, [(label, field), ...]); the field names are Stakeholder attributes, except
    'role' (the link to the alliance shown)."""
    return [
        (
            "Who",
            [
                ("Name", LineField("name", placeholder="A person, or a group such as the board")),
                ("Title", LineField("title")),
                ("Organisation", LineField("organisation")),
                ("Side", ChoiceField("side", choices.SIDES)),
                ("Group", ChoiceField("group", choices.STAKEHOLDER_GROUPS)),
                ("Role here", LineField("role", placeholder="Their role in this alliance")),
                ("E-mail", LineField("email")),
            ],
        ),
        (
            "Worksheet",
            [
                ("Priorities", _prose("priorities")),
                ("Reports to", LineField("reports_to", placeholder="Name or role")),
                ("Audiences they serve", _prose("audiences")),
                ("Questions they must answer", _prose("questions")),
                ("Decisions affecting alliances", _prose("decisions")),
                ("What would make life easier", _prose("life_easier")),
            ],
        ),
        (
            "How they work",
            [
                ("Routines", _prose("routines", 2)),
                ("Preferred format", LineField("preferred_format")),
                ("Cadence", ChoiceField("cadence", CADENCE_CHOICES)),
            ],
        ),
        (
            "Stakeholder map",
            [
                ("Influence", RatingField("influence", "Power over the alliance's fate.")),
                ("Interest", RatingField("interest", "How much the alliance matters to them.")),
            ],
        ),
        (
            "Validation",
            [
                ("Last validated", DateField("last_validated_on")),
                ("Validated by", LineField("validated_by")),
                ("What changed", TextField("validation_note", lines=2)),
            ],
        ),
        ("Notes", [("Notes", TextField("notes", lines=3))]),
    ]


class StakeholderForm(QWidget):
    """Every field of one stakeholder; `interview_requested` asks the tab to record one."""

    interview_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.person: Stakeholder | None = None
        self.link: AllianceStakeholder | None = None
        self.alliance_name = ""
        self.read_only = False
        self.fields: dict[str, Field] = {}
        self.labels: dict[str, str] = {}
        self.rows: dict[str, tuple[QLabel, Field]] = {}

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.interview_button = QPushButton("Record interview…")
        self.interview_button.setToolTip(
            "After the conversation: the date, who ran it, what changed"
        )
        self.interview_button.clicked.connect(self.interview_requested)
        self.history = QLabel()
        self.history.setObjectName("interview_history")
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setWordWrap(True)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 12, 4)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.interview_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        for title, rows in form_sections():
            group = QGroupBox(title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for label_text, field in rows:
                label = QLabel(label_text)
                label.setBuddy(field.editor)
                form.addRow(label, field)
                self.fields[field.name] = field
                self.labels[field.name] = label_text
                self.rows[field.name] = (label, field)
                field.committed.connect(partial(self.save, field.name))
            if title == "Validation":
                form.addRow(QLabel("Interviews"), self.history)
            column.addWidget(group)
        column.addStretch(1)
        width = max(label.sizeHint().width() for label, _field in self.rows.values())
        for label, _field in self.rows.values():  # one label column across all groups
            label.setMinimumWidth(width)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- load and save ---------------------------------------------------------------------

    def load(
        self,
        person: Stakeholder | None,
        link: AllianceStakeholder | None = None,
        alliance_name: str = "",
    ) -> None:
        """Show a stakeholder (and their role in the alliance shown, if any)."""
        same = person is not None and self.person is not None and person.id == self.person.id
        self.person, self.link, self.alliance_name = person, link, alliance_name
        label, role = self.rows["role"]
        label.setToolTip(f"Their role in {alliance_name}" if alliance_name else "")
        label.setVisible(link is not None)
        role.setVisible(link is not None)
        self.setEnabled(person is not None)
        for name, field in self.fields.items():
            if same and field.is_editing():
                continue  # keep what is being typed when the same person is shown again
            field.set_value(self._stored(name))
        self._show_heading()
        self.interview_button.setEnabled(not self.read_only and person is not None)

    def _record(self, name: str):
        return self.link if name == "role" else self.person

    def _stored(self, name: str) -> Any:
        record = self._record(name)
        return getattr(record, name) if record is not None else None

    def save(self, name: str) -> bool:
        field = self.fields[name]
        record = self._record(name)
        if record is None or self.read_only or self.context.portfolio.closed:
            return False
        stored = getattr(record, name)
        try:
            value = field.value()
            if isinstance(value, str):
                value = value.strip()
            if value == stored or (value == "" and stored is None):
                field.set_value(stored)
                return True
            who = self.person.name if self.person is not None else ""
            text = f"Change {self.labels[name].lower()} of “{who}”"
            perform(
                self.context.undo_stack,
                EditCommand(self.context.portfolio, record, text, **{name: value}),
            )
        except ValidationError as error:
            field.show_error(error.message)
            return False
        except EditFailed as error:
            field.set_value(stored)
            field.show_error(str(error))
            return False
        field.set_value(getattr(record, name))
        self._show_heading()
        return True

    def reload(self) -> None:
        """Show stored values again, keeping what the user is typing."""
        if self.person is not None:
            self.load(self.person, self.link, self.alliance_name)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for field in self.fields.values():
            field.set_read_only(read_only)
        self.interview_button.setEnabled(not read_only and self.person is not None)

    def show_history(self, portfolio: Portfolio) -> None:
        self.history.setText(_history_html(portfolio, self.person))

    def _show_heading(self) -> None:
        person = self.person
        if person is None:
            self.heading.setText(f"<span style='color:{HINT_COLOUR}'>Choose a stakeholder.</span>")
            return
        detail = ", ".join(html.escape(p) for p in (person.title, person.organisation) if p)
        self.heading.setText(
            f"<div style='font-size:17px; font-weight:600'>{html.escape(person.name)}</div>"
            f"<div style='color:{HINT_COLOUR}'>{detail}</div>"
        )


def _history_html(portfolio: Portfolio, person: Stakeholder | None) -> str:
    if person is None:
        return ""
    interviews = portfolio.interviews_of(person)
    if not interviews:
        return f"<span style='color:{HINT_COLOUR}'>No interview recorded yet.</span>"
    rows = []
    for interview in interviews:
        who = f" · {html.escape(interview.interviewer)}" if interview.interviewer else ""
        what = html.escape(interview.changes) or "<i>no change noted</i>"
        rows.append(
            f"<tr><td style='padding-right:10px; white-space:nowrap'>"
            f"<b>{format_date(interview.held_on)}</b>{who}</td><td>{what}</td></tr>"
        )
    return "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
