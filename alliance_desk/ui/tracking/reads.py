"""Reads that several tabs make for the same alliance (its records of a kind, its people, its
stage history), made once per selection instead of once per tab.

The answers are kept for one alliance at a time and only until the next committed change:
the memo listens to the bridge before any tab does (the workspace makes it first), so a tab
reloading on a change always reads afresh. A new selection starts afresh too, so a file
changed by another program shows its changes when an alliance is selected again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from alliance_desk import models
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import (
        Alliance,
        AllianceStakeholder,
        StageChange,
        Stakeholder,
        Tracked,
    )
    from alliance_desk.portfolio_lifecycle import ChecklistInputs


class SelectionReads:
    """Answers of the Portfolio's reads for the alliance on screen, until something changes."""

    def __init__(self, bridge: PortfolioBridge):
        self.portfolio = bridge.portfolio
        self._alliance_id: str | None = None
        self._answers: dict[tuple, list] = {}
        bridge.changed.connect(self.forget)

    def forget(self, *_args) -> None:
        self._answers.clear()

    def _kept(self, alliance_id: str, key: tuple, read: Callable[[], Any]) -> Any:
        """The answer to `read`, read now if not kept; a list comes as a copy (callers may
        sort it)."""
        if alliance_id != self._alliance_id:
            self._answers.clear()
            self._alliance_id = alliance_id
        if self.portfolio.closed or getattr(self.portfolio, "_batch", None) is not None:
            return read()  # inside a batch the stored rows are changing: never keep
        if key not in self._answers:
            self._answers[key] = read()
        answer = self._answers[key]
        return list(answer) if isinstance(answer, list) else answer

    def tracking_rows(self, model: type[Tracked], alliance_id: str) -> list[Any]:
        """portfolio.tracking_rows(model, alliance_id): every column of one alliance's rows."""
        return self._kept(
            alliance_id,
            ("rows", model),
            lambda: self.portfolio.tracking_rows(model, alliance_id),
        )

    def meetings(self, alliance_id: str) -> list[Any]:
        """The alliance's live meetings as plain rows (id, title, held_on, deleted_at, ...):
        the Meetings tab's own rows, so forms offering meetings share that read."""
        return self.tracking_rows(models.Meeting, alliance_id)

    def stakeholders_of(self, alliance: Alliance) -> list[tuple[Stakeholder, str]]:
        return self._kept(
            alliance.id, ("stakeholders_of",), lambda: self.portfolio.stakeholders_of(alliance)
        )

    def checklist_inputs(self, alliance_id: str) -> ChecklistInputs:
        """portfolio.checklist_inputs: the Lifecycle tab's table and header read them once."""
        return self._kept(
            alliance_id, ("checklists",), lambda: self.portfolio.checklist_inputs(alliance_id)
        )

    def links(self, alliance_id: str) -> list[AllianceStakeholder]:
        """portfolio.all(AllianceStakeholder, alliance_id=alliance_id): people's roles."""
        return self._kept(
            alliance_id,
            ("links",),
            lambda: self.portfolio.all(models.AllianceStakeholder, alliance_id=alliance_id),
        )

    def stage_history(self, alliance: Alliance) -> list[StageChange]:
        return self._kept(
            alliance.id, ("stage_history",), lambda: self.portfolio.stage_history(alliance)
        )


_MEMOS: WeakKeyDictionary[PortfolioBridge, SelectionReads] = WeakKeyDictionary()


def selection_reads(context: UiContext) -> SelectionReads:
    """The memo of this open portfolio's window (made on first use: call it before connecting
    to the bridge, so the memo forgets a change before the caller hears of it)."""
    memo = _MEMOS.get(context.bridge)
    if memo is None or memo.portfolio is not context.bridge.portfolio:
        memo = _MEMOS[context.bridge] = SelectionReads(context.bridge)
    return memo


def new_selection(context: UiContext) -> None:
    """An alliance was selected (again): read afresh."""
    selection_reads(context).forget()
