"""The record form of the tracking tabs: every field of a record, checked by the core.

One form class works two ways. Live (the side panel): each field is stored when the user
finishes it, as one undoable edit, like the Overview tab. Draft (the New dialog): nothing is
stored until Create; each finished field is checked at once, so a mistake shows beside the
field while the user is still there.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.reports.importing.values import parse_amount  # one parser for forms and imports
from alliance_desk.ui.fields import (
    HINT_COLOUR,
    Field,
    LineField,
    NumberField,
    format_number,
)

SCORE_HINT = "1 (low) to 5 (high)"
NONE_LABEL = "—"


# --- text <-> values ------------------------------------------------------------------------


def format_amount(value: float | None) -> str:
    """'1,900,000' or '1,900,000.50'."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


# --- extra field types ----------------------------------------------------------------------


class ScoreField(NumberField):
    """A 1-5 score typed as a number; the core says when it is off the scale."""

    def __init__(self, name: str):
        super().__init__(name, integer=True, hint=SCORE_HINT)
        self.editor.setFixedWidth(60)
        self.editor.setPlaceholderText(NONE_LABEL)


class AmountField(NumberField):
    """An amount with thousands separators; 1.9m and 250k are understood."""

    def __init__(self, name: str, hint: str = ""):
        super().__init__(name, hint=hint)
        self.editor.setFixedWidth(150)

    def display(self, value: Any) -> str:
        return format_amount(value)

    def value(self) -> float | None:
        try:
            return parse_amount(self.text())
        except ValueError:
            raise ValidationError(
                self.name, "Enter an amount such as 1,900,000 or 1.9m, or leave it empty."
            ) from None


class CurrencyField(LineField):
    """A three-letter currency code, completed from the ISO list; typed in any case."""

    def __init__(self, name: str):
        super().__init__(name, placeholder="EUR", compact=True)
        self.editor.setFixedWidth(70)
        completer = QCompleter(list(choices.CURRENCIES), self.editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.editor.setCompleter(completer)
        self.editor.setToolTip("A three-letter ISO code: EUR, USD, GBP, CHF, JPY, SEK, ...")

    def value(self) -> str:
        return self.text().strip().upper()


class LinkField(Field):
    """One of a changing list of records (a meeting, a benchmark), or none."""

    def __init__(self, name: str, hint: str = "", none_label: str = NONE_LABEL):
        editor = QComboBox()
        editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        editor.setMinimumContentsLength(20)
        self.none_label = none_label
        self._options: list[tuple[str, str]] | None = []  # what the box offers besides none
        super().__init__(name, editor, hint, compact=True)
        editor.addItem(none_label, "")
        editor.activated.connect(lambda _index: self.committed.emit())

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """(id, label) pairs; the current choice survives when it is still offered."""
        options = list(options)
        if options == self._options:
            return  # the same list (each selection offers it again): keep the box as it is
        self._options = options
        current = self.text()
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.addItem(self.none_label, "")
        for ident, label in options:
            self.editor.addItem(label, ident)
        self.editor.blockSignals(False)
        self.set_text(current)

    def text(self) -> str:
        return self.editor.currentData() or ""

    def set_text(self, value: str) -> None:
        index = self.editor.findData(value or "")
        if index < 0:  # a record deleted since: say so rather than lose the link
            self.editor.addItem("(removed)", value)
            self._options = None  # offered for this record only: the next list starts afresh
            index = self.editor.count() - 1
        self.editor.setCurrentIndex(index)

    def value(self) -> str | None:
        return self.text() or None

    def label(self) -> str:
        return self.editor.currentText()


class OwnerField(Field):
    """A stakeholder picked from the list, or any name typed as free text."""

    def __init__(self, name: str, hint: str = ""):
        editor = QComboBox()
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.setMinimumWidth(200)
        editor.lineEdit().setPlaceholderText("A stakeholder, or type any name")
        editor.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        editor.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        editor.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        super().__init__(name, editor, hint, compact=True)
        editor.lineEdit().editingFinished.connect(self.committed)
        editor.activated.connect(lambda _index: self.committed.emit())
        editor.installEventFilter(self)
        self._names: list[str] = []
        self._given: list[str] | None = None  # the list last passed to set_people

    def set_people(self, names: list[str]) -> None:
        """The names offered (thousands in a big portfolio): the box is filled again only
        when they changed, so showing another record keeps it."""
        if names is self._given:
            return  # the very list offered last time (a tab keeps it until people change)
        self._given = names
        names = list(names)
        if names == self._names:
            return
        self._names = names
        current = self.text()
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.addItems(names)
        self.editor.blockSignals(False)
        self.set_text(current)

    def text(self) -> str:
        return self.editor.currentText()

    def set_text(self, text: str) -> None:
        self.editor.setEditText(text)
        self.editor.lineEdit().setCursorPosition(0)

    def value(self) -> str:
        return self.text().strip()

    def has_own_history(self) -> bool:
        line = self.editor.lineEdit()
        return line.isUndoAvailable() or line.isRedoAvailable()

    def is_editing(self) -> bool:
        return (self.editor.hasFocus() or self.editor.lineEdit().hasFocus()) and self.is_dirty()

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setEnabled(not read_only)


# --- the form -------------------------------------------------------------------------------


@dataclass
class Entry:
    """One field of the form and the record attributes it shows and sets."""

    label: str
    field: Field
    names: tuple[str, ...] = ()  # record attributes; default: (field.name,)
    show: Callable[[Any], Any] | None = None  # record -> the value the field shows
    store: Callable[[Any], dict[str, Any]] | None = None  # value -> {attribute: value}
    draft_only: bool = False  # only in the New dialog (e.g. the alliance)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.names:
            self.names = (self.field.name,)

    @property
    def name(self) -> str:
        return self.field.name

    def value_of(self, record: Any) -> Any:
        return self.show(record) if self.show else getattr(record, self.names[0])

    def fields_for(self, value: Any) -> dict[str, Any]:
        return self.store(value) if self.store else {self.names[0]: value}


# [(group title, entries, *options), ...]. When the groups stand side by side, BELOW puts a
# group under the one before it, and WIDE gives it the spare width (else the first one).
Sections = list[tuple]
BELOW = "below"
WIDE = "wide"


class RecordForm(QWidget):
    """The fields of one record in titled groups; `edited(entry)` when one is finished."""

    edited = Signal(object)  # the Entry whose field the user finished

    def __init__(
        self,
        sections: Sections,
        draft: bool = False,
        columns: bool = False,
        parent: QWidget | None = None,
    ):
        """`draft`: the New dialog's form (with draft-only entries); `columns`: the groups
        side by side (the panel under the table), else one above the other."""
        super().__init__(parent)
        self.draft = draft
        self.entries: dict[str, Entry] = {}
        self._by_field: dict[Field, Entry] = {}
        self.labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        layout = QHBoxLayout() if columns else QVBoxLayout()
        layout.setSpacing(14 if columns else 10)
        outer.addLayout(layout)
        label_widgets = []
        column: QVBoxLayout | None = None
        any_wide = any(WIDE in section[2:] for section in sections)
        for section in sections:
            title, entries = section[0], section[1]
            below = BELOW in section[2:]
            wide = WIDE in section[2:] or (column is None and not any_wide)
            shown = [e for e in entries if draft or not e.draft_only]
            for entry in entries:
                if entry not in shown:  # parentless widgets would outlive the application
                    entry.field.setParent(self)
                    entry.field.hide()
            if not shown:
                continue
            group = QGroupBox(title) if title else QWidget()
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(6)
            if not title:
                form.setContentsMargins(0, 0, 0, 0)
            for entry in shown:
                self.entries[entry.name] = entry
                label = QLabel(entry.label)
                label.setContentsMargins(0, 4, 0, 0)
                label.setBuddy(entry.field.editor)
                label_widgets.append(label)
                self.labels[entry.name] = label
                form.addRow(label, entry.field)
                self._by_field[entry.field] = entry
                entry.field.committed.connect(self._committed)
            if columns:  # the first group (title, description) takes the spare width
                if column is None or not below:
                    column = QVBoxLayout()
                    column.setSpacing(8)
                    layout.addLayout(column, 1 if wide else 0)
                horizontal = QSizePolicy.Policy.Expanding if wide else QSizePolicy.Policy.Maximum
                group.setSizePolicy(horizontal, QSizePolicy.Policy.Maximum)
                column.addWidget(group)
            else:
                layout.addWidget(group)
        if not columns:  # one label column across all groups
            width = max((label.sizeHint().width() for label in label_widgets), default=0)
            for label in label_widgets:
                label.setMinimumWidth(width)
        if columns:
            for index in range(layout.count()):
                layout.itemAt(index).layout().addStretch(1)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #c62828;")
        self.general_error.hide()
        outer.addWidget(self.general_error)

    def _committed(self) -> None:
        entry = self._by_field.get(self.sender())
        if entry is not None:
            self.edited.emit(entry)

    def field(self, name: str) -> Field:
        return self.entries[name].field

    def load(self, record: Any) -> None:
        """Show every field of `record`, dropping unsaved text and messages."""
        for entry in self.entries.values():
            entry.field.set_value(entry.value_of(record))
        self.general_error.hide()

    def reload(self, record: Any, names: tuple[str, ...] = ()) -> None:
        """Show stored values again, keeping text the user is typing."""
        for entry in self.entries.values():
            if names and not set(entry.names) & set(names):
                continue
            if not entry.field.is_editing():
                entry.field.set_value(entry.value_of(record))

    def collect(self) -> dict[str, Any] | None:
        """Draft mode: every field's value as record attributes; None (messages shown beside
        the fields) when any text cannot be read."""
        values: dict[str, Any] = {}
        failed = False
        for entry in self.entries.values():
            try:
                values.update(entry.fields_for(entry.field.value()))
            except ValidationError as error:
                entry.field.show_error(error.message)
                failed = True
        return None if failed else values

    def partial_values(self) -> dict[str, Any]:
        """Draft mode: the values of the fields that can be read (for checks while typing)."""
        values: dict[str, Any] = {}
        for entry in self.entries.values():
            try:
                values.update(entry.fields_for(entry.field.value()))
            except ValidationError:
                continue
        return values

    def entry_for(self, attribute: str) -> Entry | None:
        """The entry that sets a record attribute (to show a message beside it)."""
        for entry in self.entries.values():
            if attribute in entry.names:
                return entry
        return None

    def show_error(self, error: ValidationError, fallback: Entry | None = None) -> Entry | None:
        """Show a message beside the field it names (or `fallback`, or under the form)."""
        entry = self.entry_for(error.field) or fallback
        if entry is None:
            self.general_error.setText(error.message)
            self.general_error.show()
            return None
        entry.field.show_error(error.message)
        return entry

    def clear_errors(self) -> None:
        for entry in self.entries.values():
            entry.field.clear_error()
        self.general_error.hide()

    def errors(self) -> dict[str, str]:
        """Field name -> the message shown beside it (for tests and screen readers)."""
        shown = {name: e.field.error_text() for name, e in self.entries.items()}
        return {name: text for name, text in shown.items() if text}

    def set_read_only(self, read_only: bool) -> None:
        for entry in self.entries.values():
            entry.field.set_read_only(read_only)

    def first_editor(self) -> QWidget | None:
        entry = next(iter(self.entries.values()), None)
        return entry.field.editor if entry else None


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOUR};")
    return label


__all__ = [
    "AmountField",
    "CurrencyField",
    "Entry",
    "LinkField",
    "OwnerField",
    "RecordForm",
    "ScoreField",
    "Sections",
    "format_amount",
    "format_number",
    "hint_label",
    "parse_amount",
]
