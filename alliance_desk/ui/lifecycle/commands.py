"""Undoable lifecycle edits: moving stage, adding a checklist, the living set, thresholds.

Each command calls Portfolio methods only; what one step stored is undone in one batch.
"""

from datetime import date

from alliance_desk.models import (
    Alliance,
    Benchmark,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    StageChange,
    choices,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.undo import PortfolioCommand


class MoveStageCommand(PortfolioCommand):
    """Move an alliance to a stage (dated, with its checklist the first time); undo removes
    the history row and the checklist it brought; redo brings the same rows back."""

    def __init__(
        self,
        portfolio: Portfolio,
        alliance: Alliance,
        stage: str,
        on: date | None = None,
        note: str = "",
    ):
        super().__init__(f"Move “{alliance.name}” to {choices.STAGES.get(stage, stage)}")
        self.portfolio = portfolio
        self.alliance = alliance
        self.old = alliance.stage
        self.new = stage
        self.on = on
        self.note = note
        self.history_row: StageChange | None = None
        self.added: list[ChecklistItem] = []

    def apply(self) -> None:
        if self.history_row is None:
            move = self.portfolio.move_stage(self.alliance, self.new, on=self.on, note=self.note)
            self.history_row, self.added = move.change, move.added
            return
        with self.portfolio.batch():
            self.portfolio.update(self.alliance, stage=self.new)
            for record in (self.history_row, *self.added):
                self.portfolio.restore(record)

    def revert(self) -> None:
        with self.portfolio.batch():  # the stage, its history row and its checklist together
            for record in (*self.added, self.history_row):
                self.portfolio.delete(record)
            self.portfolio.update(self.alliance, stage=self.old)


class AddChecklistCommand(PortfolioCommand):
    """Give an alliance another checklist; undo removes its items, redo restores them."""

    def __init__(self, portfolio: Portfolio, alliance: Alliance, template: ChecklistTemplate):
        super().__init__(f"Add the checklist “{template.title}” to “{alliance.name}”")
        self.portfolio = portfolio
        self.alliance = alliance
        self.template = template
        self.added: list[ChecklistItem] | None = None

    def apply(self) -> None:
        if self.added is None:
            self.added = self.portfolio.add_checklist_to(self.alliance, self.template)
            return
        with self.portfolio.batch():
            for record in self.added:
                self.portfolio.restore(record)

    def revert(self) -> None:
        with self.portfolio.batch():
            for record in self.added:
                self.portfolio.delete(record)


class AddTemplateItemCommand(PortfolioCommand):
    """A new item at the end of a template; undo deletes it, redo restores the same one."""

    def __init__(
        self, portfolio: Portfolio, template: ChecklistTemplate, text: str, guidance: str = ""
    ):
        super().__init__(f"Add an item to “{template.title}”")
        self.portfolio = portfolio
        self.template = template
        self.text_value = text
        self.guidance = guidance
        self.item: ChecklistTemplateItem | None = None

    def apply(self) -> None:
        if self.item is None:
            self.item = self.portfolio.add_template_item(
                self.template, self.text_value, self.guidance
            )
        else:
            self.portfolio.restore(self.item)

    def revert(self) -> None:
        self.portfolio.delete(self.item)


class MoveTemplateItemCommand(PortfolioCommand):
    """Move a template item up or down; undo moves it back."""

    def __init__(self, portfolio: Portfolio, item: ChecklistTemplateItem, step: int):
        super().__init__("Move a checklist item " + ("up" if step < 0 else "down"))
        self.portfolio = portfolio
        self.item = item
        self.step = step

    def apply(self) -> None:
        self.portfolio.move_template_item(self.item, self.step)

    def revert(self) -> None:
        self.portfolio.move_template_item(self.item, -self.step)


class OverrideCommand(PortfolioCommand):
    """Set (or clear, with both None) an alliance's thresholds for a benchmark; undo puts
    the previous override back, or none."""

    def __init__(
        self,
        portfolio: Portfolio,
        alliance: Alliance,
        benchmark: Benchmark,
        green_at: float | None,
        red_below: float | None,
    ):
        cleared = green_at is None and red_below is None
        verb = "Clear" if cleared else "Override"
        super().__init__(f"{verb} the {benchmark.name} thresholds of “{alliance.name}”")
        self.portfolio = portfolio
        self.alliance = alliance
        self.benchmark = benchmark
        self.new = (green_at, red_below)
        current = portfolio.override_for(alliance, benchmark)
        self.old = (current.green_at, current.red_below) if current else (None, None)

    def apply(self) -> None:
        self.portfolio.set_override(self.alliance, self.benchmark, *self.new)

    def revert(self) -> None:
        self.portfolio.set_override(self.alliance, self.benchmark, *self.old)
