"""Portfolio ▸ Checklist templates…: the living set of checklists (DOMAIN.md §1, §5).

Pick a checklist on the left; its items are listed in order, retired ones greyed with their
date. Add an item, edit its text and guidance, move it up or down, retire or bring it back.
Changes apply to the portfolio's templates: alliances that have a checklist keep their copy,
alliances that get it later get the items as they are then. Every change is one undoable step
(Ctrl+Z here or in the window).
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.models import ChecklistTemplate, ChecklistTemplateItem, choices
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, TextField, format_date
from alliance_desk.ui.lifecycle.commands import AddTemplateItemCommand, MoveTemplateItemCommand
from alliance_desk.ui.lifecycle.editor import EditorDialog
from alliance_desk.ui.record_tab import Column, RecordTableModel, text_column
from alliance_desk.ui.tracking.form import Entry, RecordForm
from alliance_desk.ui.undo import EditCommand

EXPLANATION = (
    "The portfolio's checklists. Changes here shape what alliances get from now on; an alliance "
    "that already has a checklist keeps its own copy. Retired items are never deleted: "
    "alliances that used them keep them, marked retired."
)


def _state(item: ChecklistTemplateItem) -> str:
    return f"Retired {format_date(item.retired_on)}" if item.retired_on else "In use"


class ChecklistTemplatesDialog(EditorDialog):
    """The templates, their items in order, and the commands of a living set."""

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(context, "Checklist templates", parent)
        self.templates: list[ChecklistTemplate] = []
        self.items: list[ChecklistTemplateItem] = []

        self.template_list = QListWidget()
        self.template_list.setMinimumWidth(280)
        self.template_list.setWordWrap(True)
        self.template_list.setSpacing(3)
        self.template_list.currentRowChanged.connect(self._template_changed)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column("#", lambda item: str(self.items.index(item) + 1)),
                text_column("Item", lambda item: item.text),
                Column(
                    "State",
                    _state,
                    colour=lambda item: HINT_COLOUR if item.retired_on else None,
                ),
            ],
            muted=lambda item: item.retired_on is not None,
            parent=self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 36)
        header.resizeSection(2, 140)
        self.view.selectionModel().currentRowChanged.connect(self._item_changed)

        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.retire_button = QPushButton("Retire")
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.up_button.setToolTip("Move the item up (Alt+Up)")
        self.down_button.setToolTip("Move the item down (Alt+Down)")
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(+1))
        self.retire_button.clicked.connect(self.toggle_retired)
        item_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)

        self.form = RecordForm(
            [
                (
                    "The selected item",
                    [
                        Entry("Item", TextField("text", lines=2, one_paragraph=True)),
                        Entry(
                            "Guidance",
                            TextField("guidance", lines=3, placeholder="How to check it"),
                        ),
                    ],
                )
            ]
        )
        self.form.edited.connect(self._save_entry)

        self.new_text = TextField(
            "new_text", lines=2, one_paragraph=True, placeholder="The text of a new item"
        )
        self.add_button = QPushButton("Add item")
        self.add_button.clicked.connect(self.add_item)
        self.new_text.committed.connect(self._new_text_finished)
        adding = QHBoxLayout()
        adding.addWidget(self.new_text, 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.view, 1)
        right_layout.addLayout(item_buttons)
        right_layout.addWidget(self.form)
        right_layout.addLayout(adding)
        right_layout.addWidget(self.message)

        splitter = QSplitter()
        splitter.addWidget(self.template_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 700])

        intro = QLabel(EXPLANATION)
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {HINT_COLOUR};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 680)
        self._load_templates()

    # --- showing -----------------------------------------------------------------------------

    def _load_templates(self) -> None:
        current = self.current_template()
        self.templates = self.portfolio.checklist_templates(include_retired=True)
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for template in self.templates:
            entry = QListWidgetItem(template.title)
            entry.setToolTip(template.description)
            self.template_list.addItem(entry)
        self.template_list.blockSignals(False)
        row = self.templates.index(current) if current in self.templates else 0
        self.template_list.setCurrentRow(row)
        self._template_changed(row)

    def current_template(self) -> ChecklistTemplate | None:
        row = self.template_list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def select_template(self, key: str) -> None:
        for row, template in enumerate(self.templates):
            if template.key == key:
                self.template_list.setCurrentRow(row)

    def current_item(self) -> ChecklistTemplateItem | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_item(self, item_id: str) -> None:
        for number, item in enumerate(self.items):
            if item.id == item_id:
                self.view.selectRow(number)
                return

    def _template_changed(self, _row: int = 0) -> None:
        self._show_items()
        if self.items:
            self.view.selectRow(0)
        self._item_changed()

    def _show_items(self) -> None:
        template = self.current_template()
        selected = self.current_item()
        self.items = self.portfolio.template_items(template) if template else []
        self.model.set_rows(self.items)
        if template is not None:
            live = sum(1 for item in self.items if item.retired_on is None)
            retired = len(self.items) - live
            count = f"{live} items" + (f", {retired} retired" if retired else "")
            kind = choices.CHECKLIST_KINDS.get(template.kind, template.kind)
            self.heading.setText(
                f"<div style='font-size:15px; font-weight:600'>{template.title}</div>"
                f"<div style='color:{HINT_COLOUR}'>{kind} · {count}</div>"
                f"<div>{template.description}</div>"
            )
        if selected is not None:
            self.select_item(selected.id)

    def _item_changed(self, *_args) -> None:
        item = self.current_item()
        writable = not self.read_only
        self.form.setEnabled(item is not None and writable)
        if item is not None:
            self.form.load(item)
            number = self.items.index(item)
            self.up_button.setEnabled(writable and number > 0)
            self.down_button.setEnabled(writable and number < len(self.items) - 1)
            self.retire_button.setText("Bring back" if item.retired_on else "Retire")
            self.retire_button.setEnabled(writable)
        else:
            for button in (self.up_button, self.down_button, self.retire_button):
                button.setEnabled(False)
        self.add_button.setEnabled(writable and self.current_template() is not None)

    def _on_changed(self, change: Change) -> None:
        if change.op == "reloaded" or change.kind == "checklist_templates":
            self._load_templates()
        elif change.kind == "checklist_template_items":
            self._show_items()
            self._item_changed()

    # --- commands ----------------------------------------------------------------------------

    def _save_entry(self, entry: Entry) -> None:
        item = self.current_item()
        if item is None or self.read_only:
            return
        field = entry.field
        value = field.value().strip()
        if value == (getattr(item, entry.name) or ""):
            return
        text = f"Change the {entry.label.lower()} of a checklist item"
        command = EditCommand(self.portfolio, item, text, **{entry.name: value})
        # a broken rule shows beside the field; the typed text stays, to be corrected
        if self.run(command, lambda error: field.show_error(error.message)):
            field.set_value(value)

    def _new_text_finished(self) -> None:
        self.new_text.clear_error()

    def add_item(self) -> None:
        template = self.current_template()
        if template is None or self.read_only:
            return
        command = AddTemplateItemCommand(self.portfolio, template, self.new_text.value())
        if not self.run(command, lambda error: self.new_text.show_error(error.message)):
            return
        self.new_text.set_value("")
        self.select_item(command.item.id)

    def move_item(self, step: int) -> None:
        item = self.current_item()
        if item is None or self.read_only:
            return
        if self.run(MoveTemplateItemCommand(self.portfolio, item, step)):
            self.select_item(item.id)

    def toggle_retired(self) -> None:
        item = self.current_item()
        if item is None or self.read_only:
            return
        if item.retired_on is None:
            text = "Retire a checklist item"
            command = EditCommand(self.portfolio, item, text, retired_on=clock.today())
        else:
            text = "Bring back a retired checklist item"
            command = EditCommand(self.portfolio, item, text, retired_on=None)
        if self.run(command):
            self.select_item(item.id)
            self._item_changed()
