"""Form field widgets: an editor, an optional hint and an inline error line under it.

A field emits `committed` when the user finishes an edit (Enter, Tab, focus leaving, a choice
picked); the form then reads `value()`, which raises ValidationError for text that does not
parse, asks the core to check the value and stores it or shows the message with `show_error`.

Undo keys belong to the editor only while it holds uncommitted typing; otherwise they reach
the window's Undo and Redo, so Ctrl+Z right after Enter undoes the stored edit.
"""

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from alliance_desk import clock
from alliance_desk.models.limits import ValidationError
from alliance_desk.reports.importing.values import MONTH_NAMES, MONTHS

ERROR_COLOUR = "#c62828"
HINT_COLOUR = "#6b7280"
DATE_HELP = "Type a date like 2026-03-12, 12.03.2026, 12/03/2026 or 12 Mar 2026; empty for none."
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
UNDO_KEYS = {(CTRL, Qt.Key.Key_Z), (CTRL | SHIFT, Qt.Key.Key_Z), (CTRL, Qt.Key.Key_Y)}


# --- text <-> values (pure functions) -------------------------------------------------------


def format_date(value: date | None) -> str:
    """'12 Mar 2026' (English month names whatever the system locale), '' for no date."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def parse_date(text: str) -> date | None:
    """A date from the common ways people type one (day before month); None when empty.

    Raises ValueError when the text is not a date.
    """
    text = text.strip()
    if not text:
        return None
    if text.lower() == "today":
        return clock.today()
    numbers = re.fullmatch(r"(\d{1,4})[-./ ](\d{1,2})[-./ ](\d{1,4})", text)
    if numbers:
        a, b, c = numbers.groups()
        if len(a) == 4:  # 2026-03-12, 2026/03/12
            year, month, day = int(a), int(b), int(c)
        elif len(c) == 4:  # 12.03.2026, 12/03/2026, 12-03-2026
            day, month, year = int(a), int(b), int(c)
        else:
            raise ValueError(text)
        return date(year, month, day)
    if re.fullmatch(r"\d{8}", text):  # 20260312
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    words = re.fullmatch(r"(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    if words and _month(words.group(2)):  # 12 Mar 2026, 12 March 2026
        return date(int(words.group(3)), _month(words.group(2)), int(words.group(1)))
    words = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
    if words and _month(words.group(1)):  # Mar 12, 2026
        return date(int(words.group(3)), _month(words.group(1)), int(words.group(2)))
    raise ValueError(text)


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    return format(value, ".10g")


def parse_number(text: str, integer: bool = False) -> float | int | None:
    """A number typed by a person ('12.5', '12,5', '35 %'); None when empty.

    Raises ValueError when the text is not a number (or not a whole one, if `integer`).
    """
    text = text.strip().removesuffix("%").strip()
    if not text:
        return None
    if integer:
        return int(text)
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return float(text)


# --- the widgets ----------------------------------------------------------------------------


class Field(QWidget):
    """One form field: the editor (with an optional suffix), a hint and an error line."""

    committed = Signal()

    def __init__(
        self,
        name: str,
        editor: QWidget,
        hint: str = "",
        suffix: str = "",
        compact: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.name = name
        self.editor = editor
        self._loaded_text = ""
        self.setObjectName(f"field_{name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(editor, 1)
        self.suffix = QLabel(suffix) if suffix else None
        if self.suffix is not None:
            row.addWidget(self.suffix)
        if compact:  # a short editor keeps its width; the row's rest stays empty
            row.setStretch(0, 0)
            row.addStretch(1)
        layout.addLayout(row)
        self.error = _small_label("", ERROR_COLOUR)
        self.error.setObjectName(f"error_{name}")
        self.error.hide()
        self._error_shown = False  # error has text, or is shown
        layout.addWidget(self.error)
        self.hint = _small_label(hint, HINT_COLOUR)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)

    # subclasses: text(), set_text(), value(); read-only through set_read_only
    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        """The typed value; raises ValidationError if the text cannot be read as one."""
        return self.text()

    def display(self, value: Any) -> str:
        return "" if value is None else str(value)

    def set_value(self, value: Any) -> None:
        """Show a stored value (clears any error); the value becomes the 'clean' state.

        Setting the text also empties the editor's own undo history, so what was typed before
        cannot come back with the editor's Undo once it is stored.
        """
        self._loaded_text = self.display(value)
        if self.text() != self._loaded_text or self.has_own_history():
            self.set_text(self._loaded_text)
        self.clear_error()

    def has_own_history(self) -> bool:
        """True when the editor could undo or redo typing of its own."""
        return False

    def revert(self) -> None:
        self.set_text(self._loaded_text)
        self.clear_error()

    def is_dirty(self) -> bool:
        """True while the editor holds text the user typed that is not stored."""
        return self.text() != self._loaded_text

    def is_editing(self) -> bool:
        return self.editor.hasFocus() and self.is_dirty()

    def show_error(self, message: str) -> None:
        self._error_shown = True
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        if self._error_shown:  # each record shown clears every field: most have nothing to clear
            self._error_shown = False
            self.error.clear()
            self.error.hide()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setEnabled(not read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An editor claims the undo keys (ShortcutOverride) even with nothing of its own to
        # undo; left unclaimed while the field is clean, they reach the window's Undo action.
        if (
            watched is self.editor
            and event.type() == QEvent.Type.ShortcutOverride
            and _is_undo_key(event)
            and not self.is_dirty()
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class LineField(Field):
    """A single line of text, committed on Enter, Tab or leaving the field; Esc reverts."""

    def __init__(
        self,
        name: str,
        hint: str = "",
        placeholder: str = "",
        suffix: str = "",
        compact: bool = False,
    ):
        editor = _LineEdit()
        editor.setPlaceholderText(placeholder)
        super().__init__(name, editor, hint, suffix, compact)
        editor.editingFinished.connect(self.committed)
        editor.escape_pressed.connect(self.revert)
        editor.installEventFilter(self)

    def text(self) -> str:
        return self.editor.text()

    def set_text(self, text: str) -> None:
        self.editor.setText(text)  # also clears the line edit's undo history
        self.editor.setCursorPosition(0)

    def value(self) -> str:
        return self.text().strip()

    def has_own_history(self) -> bool:
        return self.editor.isUndoAvailable() or self.editor.isRedoAvailable()

    def set_read_only(self, read_only: bool) -> None:
        # read-only rather than disabled: the text stays readable, selectable and copyable
        self.editor.setReadOnly(read_only)
        _repolish(self.editor)  # the style sheet greys read-only editors by this property


class NumberField(LineField):
    """A number or nothing; `integer` asks for a whole number."""

    def __init__(self, name: str, integer: bool = False, hint: str = "", suffix: str = ""):
        super().__init__(name, hint, suffix=suffix, compact=True)
        self.integer = integer
        self.editor.setFixedWidth(110)
        self.editor.setAlignment(Qt.AlignmentFlag.AlignRight)

    def display(self, value: Any) -> str:
        return format_number(value)

    def value(self) -> float | int | None:
        try:
            return parse_number(self.text(), self.integer)
        except ValueError:
            kind = "a whole number" if self.integer else "a number"
            raise ValidationError(self.name, f"Enter {kind}, or leave it empty.") from None


class DateField(LineField):
    """A date or nothing: typed in several common formats, or picked from a calendar."""

    def __init__(self, name: str, hint: str = ""):
        super().__init__(name, hint, placeholder="No date", compact=True)
        self.editor.setToolTip(DATE_HELP)
        self.editor.setFixedWidth(140)
        self.picker = QToolButton()
        self.picker.setArrowType(Qt.ArrowType.DownArrow)
        self.picker.setToolTip("Pick a date from a calendar")
        self.picker.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.picker.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        menu = QMenu(self.picker)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.picker.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.layout().itemAt(0).layout().insertWidget(1, self.picker)

    def display(self, value: Any) -> str:
        return format_date(value)

    def value(self) -> date | None:
        try:
            return parse_date(self.text())
        except ValueError:
            message = f"'{self.text().strip()}' is not a date. {DATE_HELP}"
            raise ValidationError(self.name, message) from None

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.picker.setEnabled(not read_only)

    def _prepare_calendar(self) -> None:
        try:
            current = parse_date(self.text()) or clock.today()
        except ValueError:
            current = clock.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.picker.menu().close()
        self.set_text(format_date(date(picked.year(), picked.month(), picked.day())))
        self.committed.emit()


class ChoiceField(Field):
    """One of a fixed vocabulary (value -> label), committed as soon as it is picked."""

    def __init__(self, name: str, choices: dict[str, str], hint: str = ""):
        editor = QComboBox()
        for value, label in choices.items():
            editor.addItem(label, value)
        editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        editor.setMinimumWidth(220)
        super().__init__(name, editor, hint, compact=True)
        editor.activated.connect(lambda _index: self.committed.emit())

    def text(self) -> str:
        return self.editor.currentData() or ""

    def set_text(self, value: str) -> None:
        index = self.editor.findData(value)
        if index < 0:  # a value from a newer vocabulary: show it rather than lose it
            self.editor.addItem(value, value)
            index = self.editor.count() - 1
        self.editor.setCurrentIndex(index)

    def label(self) -> str:
        return self.editor.currentText()


class TextField(Field):
    """Several lines of prose, committed when the field loses focus; Esc reverts."""

    def __init__(
        self,
        name: str,
        hint: str = "",
        placeholder: str = "",
        lines: int = 4,
        one_paragraph: bool = False,
    ):
        editor = _PlainTextEdit()
        editor.enter_commits = one_paragraph  # Enter finishes the text instead of a new line
        editor.setPlaceholderText(placeholder)
        editor.setTabChangesFocus(True)
        height = editor.fontMetrics().lineSpacing() * lines + 14
        editor.setFixedHeight(height)
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        super().__init__(name, editor, hint)
        editor.focus_lost.connect(self.committed)
        editor.enter_pressed.connect(self.committed)
        editor.escape_pressed.connect(self.revert)
        editor.installEventFilter(self)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)  # also clears the document's undo history

    def has_own_history(self) -> bool:
        document = self.editor.document()
        return document.isUndoAvailable() or document.isRedoAvailable()

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)  # still selectable, copyable and scrollable
        _repolish(self.editor)


class _LineEdit(QLineEdit):
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class _PlainTextEdit(QPlainTextEdit):
    focus_lost = Signal()
    enter_pressed = Signal()
    escape_pressed = Signal()
    enter_commits = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # a context menu or another window taking focus is not the end of an edit
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,):
            self.focus_lost.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if self.enter_commits and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


def _is_undo_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y or the platform's own Undo and Redo keys."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (modifiers, Qt.Key(event.key())) in UNDO_KEYS


def _small_label(text: str, colour: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setStyleSheet(f"color: {colour};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a property its rules select on has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
