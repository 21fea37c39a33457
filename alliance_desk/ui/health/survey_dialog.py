"""New survey round: the date, who was invited, which benchmarks were asked, and the grid.

Save stores the round with every response as one undoable step; a broken rule (a date in the
future, more responses than invited, a score outside the scale) is shown beside its field or
under the grid, and nothing is stored.
"""

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.insights.health import applies_to
from alliance_desk.models import Alliance, Benchmark, SurveyRound
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, DateField, LineField, NumberField
from alliance_desk.ui.health.survey_grid import SurveyGridModel, SurveyGridView
from alliance_desk.ui.undo import EditFailed, PortfolioCommand, perform

GRID_HELP = (
    "Type scores like a spreadsheet: Tab moves right, Enter moves down, Delete clears. "
    "Side: o for ours, p for partner. Paste a block copied from a survey export with Ctrl+V. "
    "Rows without a score are ignored."
)


class AddSurveyRoundCommand(PortfolioCommand):
    """A round with its responses; undo deletes them all, redo brings the same rows back."""

    def __init__(self, portfolio: Portfolio, alliance: Alliance, **fields):
        super().__init__("New survey round")
        self.portfolio = portfolio
        self.alliance = alliance
        self.fields = fields
        self.survey: SurveyRound | None = None

    def apply(self) -> None:
        if self.survey is None:
            self.survey = self.portfolio.add_survey_round(self.alliance, **self.fields)
        else:
            self.portfolio.restore_survey_round(self.survey)

    def revert(self) -> None:
        self.portfolio.delete_survey_round(self.survey)


class DeleteSurveyRoundCommand(PortfolioCommand):
    def __init__(self, portfolio: Portfolio, survey: SurveyRound):
        super().__init__(f"Delete survey round “{survey.title}”")
        self.portfolio = portfolio
        self.survey = survey

    def apply(self) -> None:
        self.portfolio.delete_survey_round(self.survey)

    def revert(self) -> None:
        self.portfolio.restore_survey_round(self.survey)


def survey_benchmarks(portfolio: Portfolio) -> list[Benchmark]:
    return [b for b in portfolio.live_benchmarks() if b.source == "survey"]


class SurveyRoundDialog(QDialog):
    def __init__(self, portfolio: Portfolio, undo_stack, alliance: Alliance, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"New survey round — {alliance.name}")
        self.portfolio = portfolio
        self.undo_stack = undo_stack
        self.alliance = alliance
        self.created: SurveyRound | None = None

        self.held_on = DateField("held_on")
        self.held_on.set_value(clock.today())
        self.title_field = LineField("title", placeholder="Pulse survey (month year)")
        self.invited_ours = NumberField("invited_ours", integer=True, hint="Our side")
        self.invited_partner = NumberField("invited_partner", integer=True, hint="Partner side")
        self.fields = [self.held_on, self.title_field, self.invited_ours, self.invited_partner]
        for field in (self.invited_ours, self.invited_partner):
            field.editor.setFixedWidth(70)
        top = QGridLayout()
        top.addWidget(QLabel("Date"), 0, 0)
        top.addWidget(self.held_on, 0, 1)
        top.addWidget(QLabel("Title"), 0, 2)
        top.addWidget(self.title_field, 0, 3)
        top.addWidget(QLabel("Invited"), 0, 4)
        top.addWidget(self.invited_ours, 0, 5)
        top.addWidget(self.invited_partner, 0, 6)
        top.setColumnStretch(3, 1)

        self.benchmark_boxes: dict[str, QCheckBox] = {}
        picks = QHBoxLayout()
        picks.addWidget(QLabel("Asked:"))
        for benchmark in survey_benchmarks(portfolio):
            box = QCheckBox(benchmark.name)
            box.setToolTip(benchmark.question)
            box.setChecked(applies_to(benchmark.stages, alliance.stage))
            box.toggled.connect(self._columns_changed)
            picks.addWidget(box)
            self.benchmark_boxes[benchmark.id] = box
        picks.addStretch(1)
        self.benchmarks = {b.id: b for b in survey_benchmarks(portfolio)}

        people = [person for person, _role in portfolio.stakeholders_of(alliance)]
        self.grid = SurveyGridModel(people, self)
        self.view = SurveyGridView(self.grid, self)
        self._columns_changed()
        self.grid.dataChanged.connect(self._grid_changed)

        help_label = QLabel(GRID_HELP)
        help_label.setWordWrap(True)
        help_label.setStyleSheet(f"color: {HINT_COLOUR};")
        self.grid_error = QLabel()
        self.grid_error.setObjectName("grid_error")
        self.grid_error.setWordWrap(True)
        self.grid_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.grid_error.hide()
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {HINT_COLOUR};")

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            "Save round", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        picks_holder = QWidget()
        picks_holder.setLayout(picks)
        layout.addWidget(picks_holder)
        layout.addWidget(help_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.grid_error)
        layout.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.resize(1080, 640)
        self._grid_changed()
        self.view.setFocus()
        self.view.setCurrentIndex(self.grid.index(0, 0))

    def _columns_changed(self) -> None:
        chosen = [b for bid, b in self.benchmarks.items() if self.benchmark_boxes[bid].isChecked()]
        self.grid.set_benchmarks(chosen)
        self.view.fit_columns()

    def _grid_changed(self, *_args) -> None:
        answered = self.grid.answered_rows()
        self.count.setText(f"{answered} response{'' if answered == 1 else 's'} with scores")
        problems = self.grid.problem_list()
        if problems:
            shown = problems[:4] + (
                [f"… and {len(problems) - 4} more"] if len(problems) > 4 else []
            )
            self.grid_error.setText("\n".join(shown))
        self.grid_error.setVisible(bool(problems))

    def errors(self) -> dict[str, str]:
        found = {f.name: f.error_text() for f in self.fields if f.error_text()}
        if self.grid_error.isVisible():
            found["grid"] = self.grid_error.text()
        return found

    def accept(self) -> None:
        """Store the round, or show what is wrong and store nothing."""
        for field in self.fields:
            field.clear_error()
        values = {}
        try:
            for field in self.fields:
                values[field.name] = field.value()
        except ValidationError as error:
            self._show(error)
            return
        if self.grid.problems:
            self._grid_changed()
            self.view.setFocus()
            return
        command = AddSurveyRoundCommand(
            self.portfolio, self.alliance, entries=self.grid.entries(), **values
        )
        try:
            perform(self.undo_stack, command)
        except ValidationError as error:
            self._show(error)
            return
        except EditFailed as error:
            self.grid_error.setText(str(error))
            self.grid_error.show()
            return
        self.created = command.survey
        super().accept()

    def _show(self, error: ValidationError) -> None:
        field = next((f for f in self.fields if f.name == error.field), None)
        if field is not None:
            field.show_error(error.message)
            field.editor.setFocus()
        else:
            self.grid_error.setText(error.message)
            self.grid_error.show()
