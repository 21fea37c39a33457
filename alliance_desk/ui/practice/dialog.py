"""My practice: self-assess against the seven habits or the strategic deliverables (1–5 per
item, with a note), see past assessments, the latest against the previous one as a chart, and
where to develop next (DOMAIN.md §4)."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.changes import Change
from alliance_desk.charts.figures import practice as practice_chart
from alliance_desk.charts.render import ChartView
from alliance_desk.models.choices import PRACTICE_FRAMEWORKS
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio_practice import (
    PracticeComparison,
    PracticeFramework,
    practice_frameworks,
    practice_scale_labels,
)
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, DateField, LineField, format_date
from alliance_desk.ui.practice.commands import DeletePracticeCommand, RecordPracticeCommand
from alliance_desk.ui.practice.history import PracticeHistoryModel
from alliance_desk.ui.undo import EditFailed, perform

PRACTICE_KINDS = {"practice_assessments", "practice_scores"}
NOT_SCORED = "– not scored"


class ScoreBox(QComboBox):
    """A score from 1 to 5 or none; typing a digit picks it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.addItem(NOT_SCORED, None)
        for value, word in practice_scale_labels().items():
            self.addItem(f"{value} · {word}", value)
        self.setMinimumContentsLength(14)

    def score(self) -> int | None:
        return self.currentData()

    def set_score(self, value: int | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class ItemRow:
    """One item of the form: its title and description, a score, a note, an error line."""

    def __init__(self, grid: QGridLayout, line: int, key: str, title: str, description: str):
        self.key = key
        text = QLabel(
            f"<b>{escape(title)}</b><br><span style='color:{HINT_COLOUR}'>"
            f"{escape(description)}</span>"
        )
        text.setWordWrap(True)
        text.setToolTip(description)
        self.score = ScoreBox()
        self.score.setObjectName(f"score_{key}")
        self.score.setToolTip(f"Your score for “{title}”: 1 rarely … 5 consistently")
        text.setBuddy(self.score)
        self.note = LineField(f"note_{key}", placeholder="Note (optional)")
        self.error = QLabel()
        self.error.setObjectName(f"error_{key}")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.error.setWordWrap(True)
        self.error.hide()
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 2, 0, 0)
        controls.addWidget(self.score, 0, Qt.AlignmentFlag.AlignTop)
        controls.addWidget(self.note, 1)
        grid.addWidget(text, line, 0)
        grid.addLayout(controls, line + 1, 0)
        grid.addWidget(self.error, line + 2, 0)
        grid.setRowMinimumHeight(line + 3, 10)  # air between items

    def value(self) -> tuple[int | None, str]:
        return self.score.score(), self.note.value()

    def clear(self) -> None:
        self.score.set_score(None)
        self.note.set_value("")
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class PracticeDialog(QDialog):
    """Enter a self-assessment, look back at earlier ones, see what changed."""

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, framework: str = "habits"
    ):
        super().__init__(parent)
        self.context = context
        self.portfolio = context.portfolio
        self.framework: PracticeFramework = practice_frameworks()[framework]
        self.rows: list[ItemRow] = []
        self.comparison: PracticeComparison | None = None
        self.setWindowTitle("My practice")
        self.setObjectName("PracticeDialog")
        self.resize(1240, 800)

        self.framework_box = QComboBox()
        self.framework_box.setObjectName("framework")
        for key, definition in practice_frameworks().items():
            self.framework_box.addItem(PRACTICE_FRAMEWORKS.get(key, definition.title), key)
        self.framework_box.setCurrentIndex(self.framework_box.findData(framework))
        self.framework_box.currentIndexChanged.connect(self._framework_chosen)
        self.framework_text = QLabel()
        self.framework_text.setWordWrap(True)
        self.framework_text.setStyleSheet(f"color: {HINT_COLOUR}")
        top = QHBoxLayout()
        top.addWidget(QLabel("&Framework:"))
        top.itemAt(0).widget().setBuddy(self.framework_box)
        top.addWidget(self.framework_box)
        top.addWidget(self.framework_text, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_review())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([470, 750])
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        context.bridge.changed.connect(self._on_change)
        self._show_framework()
        self.set_read_only(self.portfolio.read_only)

    # --- building ------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        box = QGroupBox("New self-assessment")
        self.date_field = DateField("assessed_on")
        self.date_field.set_value(clock.today())
        self.note_field = LineField("note", placeholder="What prompted this look (optional)")
        head = QFormLayout()
        head.addRow("&Date:", self.date_field)
        head.addRow("N&ote:", self.note_field)
        self.items_widget = QWidget()
        self.items_grid = QGridLayout(self.items_widget)
        self.items_grid.setVerticalSpacing(2)
        self.items_grid.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.items_widget)
        self.form_error = QLabel()
        self.form_error.setObjectName("error_scores")
        self.form_error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet(f"color: {HINT_COLOUR}")
        self.save_button = QPushButton("&Save assessment")
        self.save_button.setToolTip("Store this self-assessment (Ctrl+Enter)")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton("C&lear form")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_form)
        actions = QHBoxLayout()
        actions.addWidget(self.saved_label, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(box)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.form_error)
        layout.addLayout(actions)
        return box

    def _build_review(self) -> QWidget:
        box = QGroupBox("Over time")
        self.history_model = PracticeHistoryModel(self)
        self.history = QTableView()
        self.history.setObjectName("history")
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.history.setMaximumHeight(150)
        self.history.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.delete_button = QPushButton("&Delete assessment")
        self.delete_button.setAutoDefault(False)
        self.delete_button.setToolTip("Delete the selected assessment (Edit ▸ Undo brings it back)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.chart = ChartView()
        self.chart.setMinimumSize(520, 330)
        self.develop_label = QLabel()
        self.develop_label.setObjectName("develop")
        self.develop_label.setWordWrap(True)
        self.develop_label.setTextFormat(Qt.TextFormat.RichText)
        self.develop_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(QLabel("Past assessments — pick one to compare it with the one before"), 1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.history)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.develop_label)
        return box

    def _show_framework(self) -> None:
        """Rows for the chosen framework's items; history and chart of that framework."""
        while self.items_grid.count():
            widget = self.items_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for n, item in enumerate(self.framework.items):
            row = ItemRow(self.items_grid, 4 * n, item.key, item.title, item.description)
            self.rows.append(row)
        self.items_grid.setRowStretch(4 * len(self.rows), 1)
        self.framework_text.setText(self.framework.description)
        self.form_error.hide()
        self.reload()

    # --- reading -------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        """Refill the history (keeping the selection if it still exists) and the chart."""
        current = self.selected()
        keep = select_id or (current.id if current is not None else None)
        assessments = self.portfolio.practice_assessments(self.framework.key)
        self.history_model.load(assessments, len(self.framework.items))
        row = self.history_model.row_of(keep) if keep else None
        if row is None and assessments:
            row = 0  # newest first
        if row is not None:
            self.history.selectRow(row)
        self._show_selected()

    def selected(self):
        index = self.history.selectionModel().currentIndex() if self.history.model() else None
        if index is None or not index.isValid():
            return None
        return self.history_model.assessment(index.row())

    def _show_selected(self) -> None:
        chosen = self.selected()
        self.comparison = self.portfolio.practice_comparison(
            self.framework.key, chosen.id if chosen is not None else None
        )
        self.delete_button.setEnabled(chosen is not None and not self.portfolio.read_only)
        self._draw_chart(self.comparison)
        self._show_develop(self.comparison)

    def _draw_chart(self, comparison: PracticeComparison) -> None:
        titles = [item.title for item in comparison.framework.items]
        latest = [c.latest for c in comparison.changes]
        latest_on, previous_on = comparison.latest, comparison.previous
        previous = [c.previous for c in comparison.changes] if previous_on else None
        if latest_on is None:
            title = f"{comparison.framework.title}: no self-assessment yet"
        elif previous_on is None:
            title = f"{comparison.framework.title}: {format_date(latest_on.assessed_on)}"
        else:
            title = f"{comparison.framework.title}: latest against previous"
        latest_label = format_date(latest_on.assessed_on) if latest_on else "Latest"
        previous_label = format_date(previous_on.assessed_on) if previous_on else "Previous"
        self.chart.rebuild(
            lambda plot: practice_chart(
                plot, title, titles, latest, previous, latest_label, previous_label
            )
        )

    def _show_develop(self, comparison: PracticeComparison) -> None:
        if comparison.latest is None:
            self.develop_label.setText("Score the items on the left to see where to develop.")
            return
        if not comparison.develop:
            self.develop_label.setText(
                "<b>Where to develop:</b> nothing stands out — every scored item is at the top."
            )
            return
        lines = []
        for key in comparison.develop:
            item = comparison.framework.item(key)
            score = comparison.latest.scores[key]
            change = next(c.change for c in comparison.changes if c.key == key)
            fell = f", down {-change} since the previous one" if change and change < 0 else ""
            note = f" — {escape(score.note)}" if score.note else ""
            lines.append(f"<li>{escape(item.title)} ({score.value}{fell}){note}</li>")
        self.develop_label.setText(
            "<b>Where to develop</b> (the lowest scores of this assessment):"
            f"<ul style='margin-top:2px'>{''.join(lines)}</ul>"
        )

    def _on_change(self, change: Change) -> None:
        if change.op == "reloaded" or change.kind in PRACTICE_KINDS:
            self.reload()

    # --- editing -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True while the form holds a score or a note that is not saved."""
        return bool(self.note_field.value()) or any(
            row.score.score() is not None or row.note.value() for row in self.rows
        )

    def clear_form(self) -> None:
        for row in self.rows:
            row.clear()
        self.note_field.set_value("")
        self.date_field.set_value(clock.today())
        self._clear_errors()

    def _clear_errors(self) -> None:
        self.date_field.clear_error()
        self.note_field.clear_error()
        self.form_error.hide()
        for row in self.rows:
            row.show_error("")

    def _show_error(self, error: ValidationError) -> None:
        """The message next to the field it is about."""
        if error.field == "assessed_on":
            self.date_field.show_error(error.message)
            self.date_field.editor.setFocus()
            return
        if error.field == "note":
            self.note_field.show_error(error.message)
            return
        for row in self.rows:
            if error.field in (row.key, f"note_{row.key}"):
                row.show_error(error.message)
                row.score.setFocus()
                return
        self.form_error.setText(error.message)
        self.form_error.show()

    def save(self) -> bool:
        """Store the form as a new assessment (one undoable edit); True when stored."""
        if self.portfolio.read_only:
            return False
        self._clear_errors()
        self.saved_label.clear()
        try:
            day = self.date_field.value()
            scores = {row.key: row.value() for row in self.rows}
            command = RecordPracticeCommand(
                self.portfolio, self.framework.key, day, scores, self.note_field.value()
            )
            perform(self.context.undo_stack, command)
        except ValidationError as error:
            self._show_error(error)
            return False
        except EditFailed as error:
            self.form_error.setText(str(error))
            self.form_error.show()
            return False
        self.clear_form()
        self.saved_label.setText(f"Saved the assessment of {format_date(day)}.")
        self.reload(select_id=command.assessment_id)
        return True

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or self.portfolio.read_only:
            return
        try:
            perform(
                self.context.undo_stack,
                DeletePracticeCommand(self.portfolio, chosen.id, chosen.assessed_on),
            )
        except (ValidationError, EditFailed) as error:
            self.form_error.setText(getattr(error, "message", str(error)))
            self.form_error.show()
            return
        self.saved_label.setText(
            f"Deleted the assessment of {format_date(chosen.assessed_on)} (Edit ▸ Undo)."
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.save_button, self.clear_button):
            widget.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only and self.selected() is not None)
        if read_only:
            self.saved_label.setText("Read-only: assessments cannot be added here.")

    def _framework_chosen(self) -> None:
        key = self.framework_box.currentData()
        if key == self.framework.key:
            return
        if self.is_dirty() and not self.confirm_discard():
            self.framework_box.blockSignals(True)
            self.framework_box.setCurrentIndex(self.framework_box.findData(self.framework.key))
            self.framework_box.blockSignals(False)
            return
        self.framework = practice_frameworks()[key]
        self.date_field.set_value(clock.today())
        self.note_field.set_value("")
        self._show_framework()

    # --- closing -------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask before an unsaved assessment is thrown away (tests replace this method)."""
        answer = QMessageBox.question(
            self,
            "Unsaved self-assessment",
            "The scores you entered are not saved. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
