"""A stakeholder's information needs (DOMAIN.md §1, step 2) and the living set: each item's
question, the decision it supports, what informs it, how often; the reader's feedback per item
with its date; retiring what is not used; adding what is missing in one step."""

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Alliance, Benchmark, InformationNeed, Stakeholder, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import (
    ERROR_COLOUR,
    HINT_COLOUR,
    ChoiceField,
    DateField,
    Field,
    TextField,
    format_date,
)
from alliance_desk.ui.record_tab import SORT_ROLE, RecordTableModel, choice_column, text_column
from alliance_desk.ui.undo import DeleteCommand, EditCommand, EditFailed, PortfolioCommand, perform
from alliance_desk.ui.worksheet.commands import SnapshotCommand, prompts_for
from alliance_desk.ui.worksheet.dialogs import TextDialog

FEEDBACK_FIELDS = ("feedback", "feedback_on")
ANY_ALLIANCE = ""
NAMED_KINDS = frozenset({"alliances", "benchmarks"})  # the names the item form offers


def feedback_text(need: InformationNeed) -> str:
    label = choices.NEED_FEEDBACK.get(need.feedback, need.feedback)
    return f"{label}, {format_date(need.feedback_on)}" if need.feedback_on else label


def need_columns(alliance_names: Callable[[str | None], str]):
    return [
        text_column("Question", lambda n: n.question),
        text_column("Decision it supports", lambda n: n.decision),
        choice_column("Format", lambda n: n.answer_format, choices.ANSWER_FORMATS),
        choice_column("Informed by", lambda n: n.data_source, choices.DATA_SOURCES),
        choice_column("Cadence", lambda n: n.cadence, choices.CADENCES),
        text_column("Alliance", lambda n: alliance_names(n.alliance_id)),
        text_column("Reader says", feedback_text),
        choice_column("Status", lambda n: n.status, choices.NEED_STATUSES),
    ]


class NeedsPanel(QWidget):
    """The information needs of one stakeholder, with the commands of the living set."""

    person_chosen = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.alliance: Alliance | None = None
        self.people: list[Stakeholder] = []
        self.person: Stakeholder | None = None
        self.read_only = False
        self._alliance_names: dict[str, str] = {}
        self._benchmark_names: dict[str, str] | None = None  # both read again after a change
        self._refreshing = False  # refresh shows the selected item once, at its end
        self._feedback_locked: bool | None = None  # what feedback_date was last set to
        context.bridge.changed.connect(self._forget_names)

        self.person_combo = QComboBox()
        self.person_combo.setObjectName("needs_person")
        self.person_combo.setMinimumWidth(260)
        self.person_combo.activated.connect(self._combo_chosen)
        self.show_retired = QCheckBox("Show retired items")
        self.show_retired.setChecked(True)
        self.show_retired.toggled.connect(lambda _on: self.refresh())

        self.model = RecordTableModel(
            need_columns(lambda ident: self._alliance_names.get(ident or "", "All")),
            muted=lambda n: n.status == "retired",
            parent=self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        for column, width in enumerate((300, 240, 110, 130, 100, 140, 150)):
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = QLabel()
        self.empty.setObjectName("needs_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 14px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        self.buttons: dict[str, QPushButton] = {}
        edit_bar = QHBoxLayout()
        for key, text, slot in [
            ("add", "Add item…", self.add_item),
            ("up", "Move up", partial(self.move, -1)),
            ("down", "Move down", partial(self.move, 1)),
            ("delete", "Delete", self.delete_item),
        ]:
            edit_bar.addWidget(self._button(key, text, slot))
        edit_bar.addStretch(1)
        self.feedback_date = DateField("feedback_on")
        self.feedback_date.set_value(None)
        self.feedback_date.editor.setPlaceholderText("Today")
        feedback_bar = QHBoxLayout()
        feedback_bar.addWidget(QLabel("Reader's feedback, given on"))
        feedback_bar.addWidget(self.feedback_date)
        for key, text, slot in [
            ("used", "Used", partial(self.give_feedback, "used")),
            ("not_used", "Not used", partial(self.give_feedback, "not_used")),
            ("missing", "Missing…", self.add_missing),
            ("retire", "Retire…", self.retire),
            ("reinstate", "Report again", self.reinstate),
        ]:
            feedback_bar.addWidget(self._button(key, text, slot))
        feedback_bar.addStretch(1)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setWordWrap(True)
        self.message.hide()

        self.fields: dict[str, Field] = {}
        self.detail = self._build_detail()
        top = QHBoxLayout()
        top.addWidget(QLabel("Information needs of"))
        top.addWidget(self.person_combo)
        top.addStretch(1)
        top.addWidget(self.show_retired)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.stack, 1)
        upper_layout.addLayout(edit_bar)
        upper_layout.addLayout(feedback_bar)
        upper_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_buttons()

    def _button(self, key: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"need_{key}")
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    def _build_detail(self) -> QGroupBox:
        box = QGroupBox("The selected item")
        form = self.detail_form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            ("Question", TextField("question", lines=2, one_paragraph=True)),
            ("Decision or action it supports", TextField("decision", lines=2)),
            ("Answer format", ChoiceField("answer_format", choices.ANSWER_FORMATS)),
            ("Informed by", ChoiceField("data_source", choices.DATA_SOURCES)),
            ("Benchmark", ChoiceField("benchmark_id", {"": "None"})),
            ("Cadence", ChoiceField("cadence", choices.CADENCES)),
            ("For alliance", ChoiceField("alliance_id", {ANY_ALLIANCE: "All their alliances"})),
        ]
        for label, field in rows:
            form.addRow(label, field)
            self.fields[field.name] = field
            field.committed.connect(partial(self.save, field.name))
        self.history = QLabel()
        self.history.setObjectName("feedback_history")
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setWordWrap(True)
        form.addRow("Feedback history", self.history)
        return box

    # --- scope -----------------------------------------------------------------------------

    def set_scope(self, alliance: Alliance | None, people: list[Stakeholder]) -> None:
        self.alliance = alliance
        self.people = list(people)
        portfolio = self.context.portfolio
        if self._benchmark_names is None:  # the lists of every alliance and benchmark
            self._alliance_names = portfolio.alliance_names()
            self._benchmark_names = {b.id: b.name for b in portfolio.all(Benchmark)}
        self.person_combo.clear()
        for person in self.people:
            self.person_combo.addItem(person.name, person.id)
        _refill(self.fields["benchmark_id"], {"": "None"} | self._benchmark_names)
        alliances = {ANY_ALLIANCE: "All their alliances"} | dict(self._alliance_names)
        _refill(self.fields["alliance_id"], alliances)
        keep = self.person.id if self.person is not None else ""
        chosen = next((p for p in self.people if p.id == keep), None)
        self.show_person(chosen or (self.people[0] if self.people else None))

    def _forget_names(self, change: Change) -> None:
        if change.kind in NAMED_KINDS or change.op == "reloaded":
            self._benchmark_names = None

    def show_person(self, person: Stakeholder | None) -> None:
        self.person = person
        index = self.person_combo.findData(person.id) if person is not None else -1
        self.person_combo.setCurrentIndex(index)
        self.refresh()

    def _combo_chosen(self, _index: int) -> None:
        ident = self.person_combo.currentData()
        person = next((p for p in self.people if p.id == ident), None)
        self.show_person(person)
        self.person_chosen.emit(person)

    def refresh(self) -> None:
        """Reload the items, keeping the selected one selected."""
        portfolio = self.context.portfolio
        selected = self.current()
        needs: list[InformationNeed] = []
        if self.person is not None and not portfolio.closed:
            needs = portfolio.information_needs(
                self.person, self.alliance, include_retired=self.show_retired.isChecked()
            )
        self._refreshing = True
        try:
            self._fill(needs, selected)
        finally:
            self._refreshing = False
        self._show_item()

    def _fill(self, needs: list[InformationNeed], selected: InformationNeed | None) -> None:
        self.model.set_rows(needs)
        self.stack.setCurrentWidget(self.view if needs else self.empty)
        if self.person is None:
            self.empty.setText("No stakeholder to show: add one first.")
        else:
            self.empty.setText(
                f"No information needs recorded for {self.person.name} yet.\n"
                "Add the questions they must answer and the decisions they support (Add item…), "
                "or what they said was missing (Missing…)."
            )
        if selected is not None:
            self.select(selected.id)
        elif needs:
            self.view.selectRow(0)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for field in self.fields.values():
            field.set_read_only(read_only)
        self._update_buttons()

    # --- selection -------------------------------------------------------------------------

    def current(self) -> InformationNeed | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def select(self, need_id: str) -> bool:
        for number, need in enumerate(self.model.rows):
            if need.id == need_id:
                self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(number, 0)))
                return True
        return False

    def items(self) -> list[InformationNeed]:
        return list(self.model.rows)

    def _current_changed(self, *_args) -> None:
        if not self._refreshing:
            self._show_item()

    def _show_item(self) -> None:
        need = self.current()
        self.detail.setEnabled(need is not None)
        for name, field in self.fields.items():
            if need is not None and not field.is_editing():
                value = getattr(need, name)
                field.set_value("" if value is None else value)
        self.detail.setVisible(need is not None)
        uses_benchmark = need is not None and need.data_source == "benchmark"
        self.detail_form.setRowVisible(self.fields["benchmark_id"], uses_benchmark)
        self.history.setText(self._history_html(need))
        self._update_buttons()

    def _update_buttons(self) -> None:
        need = self.current()
        writable = not self.read_only and self.person is not None
        has = writable and need is not None
        retired = need is not None and need.status == "retired"
        rows = self.model.rows
        position = rows.index(need) if need in rows else -1
        self.buttons["add"].setEnabled(writable)
        self.buttons["missing"].setEnabled(writable)
        self.buttons["delete"].setEnabled(has)
        self.buttons["up"].setEnabled(has and position > 0)
        self.buttons["down"].setEnabled(has and 0 <= position < len(rows) - 1)
        for key in ("used", "not_used"):
            self.buttons[key].setEnabled(has and not retired)
        self.buttons["retire"].setEnabled(has and not retired)
        self.buttons["reinstate"].setEnabled(has and retired)
        if self._feedback_locked != (not writable):  # re-styling it costs: only on a change
            self._feedback_locked = not writable
            self.feedback_date.set_read_only(not writable)

    def _history_html(self, need: InformationNeed | None) -> str:
        if need is None:
            return ""
        lines = []
        if need.status == "retired":
            lines.append(
                f"<b>Retired {format_date(need.retired_on)}</b>: {html.escape(need.retired_reason)}"
            )
        for entry in self.context.portfolio.feedback_history(need):
            verdict = choices.FEEDBACK_VERDICTS.get(entry.verdict, entry.verdict)
            note = f" — {html.escape(entry.note)}" if entry.note else ""
            lines.append(f"{format_date(entry.given_on)}: {verdict}{note}")
        if not lines:
            return f"<span style='color:{HINT_COLOUR}'>No feedback recorded yet.</span>"
        return "<br>".join(lines)

    # --- commands --------------------------------------------------------------------------

    def _perform(self, command: PortfolioCommand) -> bool:
        try:
            perform(self.context.undo_stack, command)
        except ValidationError as exc:
            self.say(exc.message)
            return False
        except EditFailed as exc:
            self.say(str(exc))
            return False
        self.say("")
        return True

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def save(self, name: str) -> bool:
        need, field = self.current(), self.fields[name]
        if need is None or self.read_only:
            return False
        stored = getattr(need, name)
        try:
            value = field.value()
            if name in ("benchmark_id", "alliance_id"):
                value = value or None
            if isinstance(value, str):
                value = value.strip()
            if value == stored:
                return True
            text = f"Change an information need of “{self.person.name}”"
            perform(
                self.context.undo_stack,
                EditCommand(self.context.portfolio, need, text, **{name: value}),
            )
        except ValidationError as error:
            field.show_error(error.message)
            return False
        except EditFailed as error:
            field.set_value("" if stored is None else stored)
            field.show_error(str(error))
            return False
        field.clear_error()
        return True

    def _feedback_day(self):
        try:
            return self.feedback_date.value()
        except ValidationError as error:
            self.feedback_date.show_error(error.message)
            return False

    def give_feedback(self, verdict: str) -> bool:
        need, on = self.current(), self._feedback_day()
        if need is None or on is False:
            return False
        portfolio = self.context.portfolio
        label = choices.FEEDBACK_VERDICTS[verdict].lower()
        command = SnapshotCommand(
            portfolio,
            f"Mark “{_short(need.question)}” as {label}",
            lambda: portfolio.record_feedback(need, verdict, on),
            touched=[(need, FEEDBACK_FIELDS)],
        )
        return self._perform(command)

    def add_item(self) -> bool:
        return self._ask_question("Add an information need", self._add_need)

    def add_missing(self) -> bool:
        """The reader said something is missing: it becomes a new item in one step."""
        return self._ask_question("Something is missing", self._add_missing, ok="Add item")

    def _ask_question(self, title: str, submit, ok: str = "Add") -> bool:
        if self.person is None or self.read_only:
            return False
        dialog = TextDialog(
            title,
            "Question:",
            "question",
            submit,
            self,
            hint=f"What does {self.person.name} need to be able to answer?",
            second=("Decision it supports:", "decision"),
            ok_text=ok,
        )
        return prompts_for(self).run_dialog(dialog)

    def _new_fields(self, fields: dict) -> dict:
        alliance_id = self.alliance.id if self.alliance is not None else None
        return {"decision": fields.get("decision", ""), "alliance_id": alliance_id}

    def _add_need(self, fields: dict) -> None:
        person, portfolio = self.person, self.context.portfolio
        extra = self._new_fields(fields)
        command = SnapshotCommand(
            portfolio,
            f"Add an information need of “{person.name}”",
            lambda: portfolio.add_need(person, fields["question"], **extra),
        )
        perform(self.context.undo_stack, command)
        self.refresh()
        self.select(command.result.id)

    def _add_missing(self, fields: dict) -> None:
        person, portfolio = self.person, self.context.portfolio
        extra = self._new_fields(fields)
        command = SnapshotCommand(
            portfolio,
            f"Add what “{person.name}” misses",
            lambda: portfolio.add_missing_need(person, fields["question"], fields["on"], **extra),
        )
        perform(self.context.undo_stack, command)
        self.refresh()
        self.select(command.result.id)

    def retire(self) -> bool:
        need = self.current()
        if need is None or self.read_only:
            return False
        portfolio = self.context.portfolio

        def submit(fields: dict) -> None:
            command = SnapshotCommand(
                portfolio,
                f"Retire “{_short(need.question)}”",
                lambda: portfolio.retire_need(need, fields["retired_reason"], fields["on"]),
                touched=[(need, ("status", "retired_reason", "retired_on"))],
            )
            perform(self.context.undo_stack, command)

        dialog = TextDialog(
            "Retire an item",
            "Why:",
            "retired_reason",
            submit,
            self,
            hint="The item stays in the history with the reason and the date, and leaves the "
            "reports.",
            ok_text="Retire",
        )
        return prompts_for(self).run_dialog(dialog)

    def reinstate(self) -> bool:
        need = self.current()
        if need is None:
            return False
        portfolio = self.context.portfolio
        command = SnapshotCommand(
            portfolio,
            f"Report “{_short(need.question)}” again",
            lambda: portfolio.reinstate_need(need),
            touched=[(need, ("status", "retired_reason", "retired_on"))],
        )
        return self._perform(command)

    def move(self, offset: int) -> bool:
        need = self.current()
        if need is None or self.person is None:
            return False
        portfolio = self.context.portfolio
        siblings = portfolio.information_needs(self.person)
        command = SnapshotCommand(
            portfolio,
            "Move an information need",
            lambda: portfolio.move_need(need, offset),
            touched=[(item, ("position",)) for item in siblings],
        )
        return self._perform(command)

    def delete_item(self) -> bool:
        need = self.current()
        if need is None:
            return False
        text = f"Delete “{_short(need.question)}”"
        return self._perform(DeleteCommand(self.context.portfolio, need, text))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refill(field: ChoiceField, vocabulary: dict[str, str]) -> None:
    """Offer `vocabulary`; a box that offers it already (nothing added since) is kept."""
    combo = field.editor
    items = list(vocabulary.items())
    if getattr(field, "_refilled_with", None) == items and combo.count() == len(items):
        return
    field._refilled_with = items
    combo.clear()
    for value, label in vocabulary.items():
        combo.addItem(label, value)
