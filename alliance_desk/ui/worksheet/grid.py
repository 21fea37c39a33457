"""The worksheet grid: one column per stakeholder, one row per worksheet question, edited in
place. The columns can be everyone in scope, one stakeholder group, or hand-picked, in an order
of the user's choosing (drag a column heading, or the Move buttons)."""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Stakeholder, choices
from alliance_desk.reports.worksheet import QUESTIONS, Question
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR

Commit = Callable[[Stakeholder, str, Any], str | None]  # returns an error message, or None
CADENCE_CHOICES = {"": "Not set", **choices.CADENCES}
MAX_CELL_LINES = 9
COLUMN_WIDTH = 270
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole

ALL = "all"
HAND_PICKED = "picked"
ORDERS = {
    "name": "By name",
    "group": "By group",
    "influence": "By influence",
    "arranged": "As arranged",
}


class WorksheetGridModel(QAbstractTableModel):
    """Questions down, stakeholders across; an edit goes through `commit` (an undoable
    command), and a refused one is announced with `refused(message)`."""

    refused = Signal(str)

    def __init__(self, commit: Commit, parent=None):
        super().__init__(parent)
        self.commit = commit
        self.people: list[Stakeholder] = []
        self.roles: dict[str, str] = {}
        self.read_only = False
        # (text, colour or None) saying how fresh a person's worksheet is
        self.validation: Callable[[Stakeholder], tuple[str, str | None]] | None = None

    def set_people(self, people: Sequence[Stakeholder], roles: dict[str, str]) -> None:
        """Show these columns; when they are the same people, only the values are refreshed."""
        self.roles = dict(roles)
        if [p.id for p in people] == [p.id for p in self.people]:
            self.people = list(people)
            self.refresh_values()
            return
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def refresh_values(self) -> None:
        if self.people:
            last = self.index(len(QUESTIONS) - 1, len(self.people) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.people) - 1)

    def question(self, row: int) -> Question:
        return QUESTIONS[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(QUESTIONS)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        question = QUESTIONS[index.row()]
        value = getattr(self.people[index.column()], question.field) or ""
        if role == EDIT:
            return value
        if role == DISPLAY:
            return CADENCE_CHOICES.get(value, value) if question.field == "cadence" else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return value or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role=EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.read_only:
            return False
        question = QUESTIONS[index.row()]
        person = self.people[index.column()]
        value = (value or "").strip()
        if value == (getattr(person, question.field) or ""):
            return True
        message = self.commit(person, question.field, value)
        if message:
            self.refused.emit(message)
            return False
        self.dataChanged.emit(index, index)
        self.refused.emit("")  # clears an earlier message
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Vertical:
            question = QUESTIONS[section]
            if role == DISPLAY:
                return question.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return question.hint
            return None
        if section >= len(self.people):
            return None
        person = self.people[section]
        state = self.validation(person) if self.validation else ("", None)
        if role == DISPLAY:
            lines = [person.name, self.roles.get(person.id, ""), state[0]]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ForegroundRole and state[1]:
            return QColor(state[1])
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [person.title, person.organisation, self.roles.get(person.id, "")]
            return "\n".join(part for part in parts if part) or None
        return None


class _CellEditor(QPlainTextEdit):
    """Several lines in a cell: Enter stores, Shift+Enter starts a new line, Esc cancels."""

    finished = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if plain_enter:
            self.finished.emit()
            return
        super().keyPressEvent(event)


class WorksheetDelegate(QStyledItemDelegate):
    """Prose in a multi-line editor, short answers in a line, the cadence from a list; cells
    wrap and grow to a few lines (the tooltip shows the rest)."""

    def createEditor(self, parent, option, index) -> QWidget:
        question = QUESTIONS[index.row()]
        if question.field == "cadence":
            combo = QComboBox(parent)
            for value, label in CADENCE_CHOICES.items():
                combo.addItem(label, value)
            combo.activated.connect(lambda _i, c=combo: self._finish(c))
            return combo
        if not question.long:
            return QLineEdit(parent)
        editor = _CellEditor(parent)
        editor.setTabChangesFocus(True)
        editor.finished.connect(lambda e=editor: self._finish(e))
        return editor

    def _finish(self, editor: QWidget) -> None:
        if editor.property("finished"):  # a key pressed while the editor closes
            return
        editor.setProperty("finished", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index) -> None:
        value = index.data(EDIT) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        else:
            editor.setText(value)

    def setModelData(self, editor: QWidget, model, index) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QPlainTextEdit):
            value = editor.toPlainText()
        else:
            value = editor.text()
        model.setData(index, value, EDIT)

    def updateEditorGeometry(self, editor: QWidget, option, index) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):  # room to type, even in a short row
            rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * 6 + 12))
        editor.setGeometry(rect)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        limit = option.fontMetrics.lineSpacing() * MAX_CELL_LINES + 10
        return QSize(hint.width(), min(hint.height(), limit))

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.RevertModelCache)
            return True
        return super().eventFilter(editor, event)


class WorksheetGrid(QWidget):
    """The grid with its column choices: who is shown, in which order."""

    column_selected = Signal(object)  # the Stakeholder whose column has the current cell
    pick_requested = Signal()  # the user asked to hand-pick columns

    def __init__(self, commit: Commit, parent: QWidget | None = None):
        super().__init__(parent)
        self.everyone: list[Stakeholder] = []
        self.roles: dict[str, str] = {}
        self.picked: list[str] = []  # hand-picked ids, in order
        self.arranged: list[str] = []  # the order after the user moved columns

        self.model = WorksheetGridModel(commit, self)
        self.model.refused.connect(self.show_error)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(WorksheetDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setStyleSheet("QTableView::item { padding: 3px 6px; }")
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        across = self.view.horizontalHeader()
        across.setDefaultSectionSize(COLUMN_WIDTH)
        across.setSectionsMovable(True)
        across.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        across.sectionMoved.connect(self._dragged)
        down = self.view.verticalHeader()
        down.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fit to contents when shown
        down.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        down.setMinimumWidth(210)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        self.show_combo = QComboBox()
        self.show_combo.setObjectName("worksheet_show")
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo.activated.connect(self._show_chosen)
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("worksheet_order")
        for key, label in ORDERS.items():
            self.order_combo.addItem(label, key)
        self.order_combo.activated.connect(lambda _i: self._apply())
        self.left_button = QPushButton("◀ Move left")
        self.right_button = QPushButton("Move right ▶")
        self.left_button.clicked.connect(lambda: self.move_current(-1))
        self.right_button.clicked.connect(lambda: self.move_current(1))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.hide()
        self.hint = QLabel(
            "Double-click a cell or start typing to edit; Enter stores, Shift+Enter starts a "
            "new line, Esc cancels. Drag a column heading to reorder."
        )
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self.hint.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Columns:"))
        bar.addWidget(self.show_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Order:"))
        bar.addWidget(self.order_combo)
        bar.addWidget(self.left_button)
        bar.addWidget(self.right_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

    # --- what is shown -------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # rows grow to fit their cells on screen; a hidden grid is not measured (every cell's
        # wrapped text, again at each new current cell: 7 ms for ten stakeholders)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def set_people(self, people: Sequence[Stakeholder], roles: dict[str, str]) -> None:
        """Everyone in scope (the columns are chosen from them)."""
        self.everyone = list(people)
        self.roles = roles
        known = {p.id for p in people}
        self.picked = [i for i in self.picked if i in known]
        self._fill_show_combo()
        self._apply()

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.hint.setVisible(not read_only)

    def shown(self) -> list[Stakeholder]:
        """The columns in the order shown: what Print worksheet prints."""
        return list(self.model.people)

    def pick(self, ids: Sequence[str]) -> None:
        """Show exactly these stakeholders, in this order (hand-picked)."""
        self.picked = list(ids)
        self.show_combo.setCurrentIndex(self.show_combo.findData(HAND_PICKED))
        self.order_combo.setCurrentIndex(self.order_combo.findData("arranged"))
        self.arranged = list(ids)
        self._apply()

    def cancel_pick(self) -> None:
        """Hand-picking was cancelled: keep the earlier pick, or show everyone."""
        if not self.picked:
            self.show_combo.setCurrentIndex(self.show_combo.findData(ALL))
        self._apply()

    def select_person(self, person_id: str) -> None:
        for column, person in enumerate(self.model.people):
            if person.id == person_id:
                current = self.view.currentIndex()
                row = current.row() if current.isValid() else 0
                self.view.setCurrentIndex(self.model.index(row, column))
                return

    def current_person(self) -> Stakeholder | None:
        index = self.view.currentIndex()
        return self.model.people[index.column()] if index.isValid() else None

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def refresh_values(self) -> None:
        self.model.refresh_values()

    # --- choosing and ordering -----------------------------------------------------------

    def _fill_show_combo(self) -> None:
        current = self.show_combo.currentData() or ALL
        self.show_combo.clear()
        self.show_combo.addItem("Everyone", ALL)
        present = {p.group for p in self.everyone}
        for key, label in choices.STAKEHOLDER_GROUPS.items():
            if key in present:
                self.show_combo.addItem(f"Group: {label}", f"group:{key}")
        self.show_combo.addItem("Hand-picked…", HAND_PICKED)
        index = self.show_combo.findData(current)
        self.show_combo.setCurrentIndex(index if index >= 0 else 0)

    def _show_chosen(self, _index: int) -> None:
        if self.show_combo.currentData() == HAND_PICKED:
            self.pick_requested.emit()
            return
        self._apply()

    def _selection(self) -> list[Stakeholder]:
        mode = self.show_combo.currentData() or ALL
        if mode == HAND_PICKED:
            by_id = {p.id: p for p in self.everyone}
            return [by_id[i] for i in self.picked if i in by_id]
        if mode.startswith("group:"):
            group = mode.removeprefix("group:")
            return [p for p in self.everyone if p.group == group]
        return list(self.everyone)

    def _apply(self) -> None:
        people = self._selection()
        order = self.order_combo.currentData()
        if order == "name":
            people.sort(key=lambda p: p.name.casefold())
        elif order == "group":
            rank = {key: i for i, key in enumerate(choices.STAKEHOLDER_GROUPS)}
            people.sort(key=lambda p: (rank.get(p.group, 99), p.name.casefold()))
        elif order == "influence":
            people.sort(key=lambda p: (-(p.influence or 0), -(p.interest or 0), p.name.casefold()))
        elif order == "arranged":
            place = {pid: i for i, pid in enumerate(self.arranged)}
            people.sort(key=lambda p: (place.get(p.id, len(place)), p.name.casefold()))
        self.model.set_people(people, self.roles)
        self._reset_visual_order()
        self.left_button.setEnabled(len(people) > 1)
        self.right_button.setEnabled(len(people) > 1)

    def _reset_visual_order(self) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        for logical in range(header.count()):
            visual = header.visualIndex(logical)
            if visual != logical:
                header.moveSection(visual, logical)
        header.blockSignals(False)

    def _dragged(self, _logical: int, _old: int, _new: int) -> None:
        """A heading was dragged: keep that order as 'as arranged'."""
        header = self.view.horizontalHeader()
        ordered = [self.model.people[header.logicalIndex(v)] for v in range(header.count())]
        self._arrange([p.id for p in ordered])

    def move_current(self, offset: int) -> None:
        person = self.current_person()
        if person is None:
            return
        ids = [p.id for p in self.model.people]
        index = ids.index(person.id)
        target = index + offset
        if not 0 <= target < len(ids):
            return
        ids.insert(target, ids.pop(index))
        self._arrange(ids)
        self.select_person(person.id)

    def _arrange(self, ids: list[str]) -> None:
        self.arranged = ids
        if self.show_combo.currentData() == HAND_PICKED:
            self.picked = list(ids)
        self.order_combo.setCurrentIndex(self.order_combo.findData("arranged"))
        current = self.current_person()
        self._apply()
        if current is not None:
            self.select_person(current.id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.column_selected.emit(self.model.people[current.column()])
