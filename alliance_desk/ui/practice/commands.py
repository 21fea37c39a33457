"""Undoable edits of self-assessments (through Portfolio methods, see ui/undo.py)."""

from datetime import date

from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_practice import ScoreInput
from alliance_desk.ui.fields import format_date
from alliance_desk.ui.undo import PortfolioCommand


class RecordPracticeCommand(PortfolioCommand):
    """Record a self-assessment; undo deletes it with its scores, redo restores the same one."""

    def __init__(
        self,
        portfolio: Portfolio,
        framework: str,
        assessed_on: date | None,
        scores: dict[str, ScoreInput],
        note: str = "",
    ):
        super().__init__(f"Self-assessment of {format_date(assessed_on) or 'no date'}")
        self.portfolio = portfolio
        self.framework = framework
        self.assessed_on = assessed_on
        self.scores = scores
        self.note = note
        self.assessment_id: str | None = None

    def apply(self) -> None:
        if self.assessment_id is None:
            assessment = self.portfolio.record_practice_assessment(
                self.framework, self.assessed_on, self.scores, self.note
            )
            self.assessment_id = assessment.id
        else:
            self.portfolio.restore_practice_assessment(self.assessment_id)

    def revert(self) -> None:
        self.portfolio.delete_practice_assessment(self.assessment_id)


class DeletePracticeCommand(PortfolioCommand):
    """Delete a self-assessment with its scores; undo brings them back."""

    def __init__(self, portfolio: Portfolio, assessment_id: str, assessed_on: date):
        super().__init__(f"Delete self-assessment of {format_date(assessed_on)}")
        self.portfolio = portfolio
        self.assessment_id = assessment_id

    def apply(self) -> None:
        self.portfolio.delete_practice_assessment(self.assessment_id)

    def revert(self) -> None:
        self.portfolio.restore_practice_assessment(self.assessment_id)
