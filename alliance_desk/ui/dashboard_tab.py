"""The portfolio Dashboard: every working alliance in one sortable table, with a summary line.

"7 alliances · 12 overdue actions · 3 decisions due in 30 days" — the counts come from
insights.status, so the Dashboard, the Overview and the reports agree.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from alliance_desk import clock
from alliance_desk.insights.status import AllianceCounts, alliance_counts, decisions_due_within
from alliance_desk.models import ActionItem, Alliance, Decision, Risk, choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR
from alliance_desk.ui.record_tab import (
    Column,
    RecordTable,
    TableSpec,
    choice_column,
    date_column,
    number_column,
    text_column,
)

DECISION_HORIZON_DAYS = 30


@dataclass(frozen=True)
class DashboardRow:
    """One alliance with what needs attention in it."""

    alliance: Alliance
    counts: AllianceCounts
    decisions_due_soon: int

    @property
    def id(self) -> str:
        return self.alliance.id


def dashboard_rows(portfolio: Portfolio, today: date | None = None) -> list[DashboardRow]:
    """Working (not archived) alliances with their counts: three queries, whatever the size."""
    today = today or clock.today()
    grouped: dict[type, dict[str, list]] = {}
    for model in (ActionItem, Risk, Decision):
        by_alliance = defaultdict(list)
        for record in portfolio.all(model):
            by_alliance[record.alliance_id].append(record)
        grouped[model] = by_alliance
    rows = []
    for alliance in portfolio.alliances(include_archived=False):
        decisions = grouped[Decision][alliance.id]
        counts = alliance_counts(
            grouped[ActionItem][alliance.id], grouped[Risk][alliance.id], decisions, today
        )
        due_soon = decisions_due_within(decisions, today, DECISION_HORIZON_DAYS)
        rows.append(DashboardRow(alliance, counts, due_soon))
    return rows


def summary_line(rows: list[DashboardRow]) -> str:
    """'12 overdue actions · 3 decisions due in 30 days' (the count of alliances comes first)."""
    overdue = sum(row.counts.overdue_actions for row in rows)
    due = sum(row.decisions_due_soon for row in rows)
    return " · ".join(
        [
            f"{overdue} overdue action{'' if overdue == 1 else 's'}",
            f"{due} decision{'' if due == 1 else 's'} due in {DECISION_HORIZON_DAYS} days",
        ]
    )


def _count_column(header: str, key: str, alarming: bool = False) -> Column:
    column = number_column(header, lambda row: getattr(row.counts, key))
    if not alarming:
        return column
    return Column(
        column.header,
        column.display,
        sort_key=column.sort_key,
        align=column.align,
        colour=lambda row: ERROR_COLOUR if getattr(row.counts, key) else None,
    )


DASHBOARD = TableSpec(
    title="Portfolio",
    noun=("alliance", "alliances"),
    loader=lambda portfolio, _alliance: dashboard_rows(portfolio),
    kinds=frozenset({"alliances", "actions", "risks", "decisions"}),
    needs_alliance=False,
    summary=summary_line,
    columns=[
        text_column("Alliance", lambda row: row.alliance.name),
        text_column("Partner", lambda row: row.alliance.partner),
        choice_column("Stage", lambda row: row.alliance.stage, choices.STAGES),
        choice_column("Status", lambda row: row.alliance.status, choices.ALLIANCE_STATUSES),
        choice_column("Importance", lambda row: row.alliance.importance, choices.IMPORTANCE),
        date_column("Renewal", lambda row: row.alliance.renewal_date),
        _count_column("Open\nactions", "open_actions"),
        _count_column("Overdue\nactions", "overdue_actions", alarming=True),
        _count_column("Open\nrisks", "open_risks"),
        date_column("Next decision\ndue", lambda row: row.counts.next_decision_due),
    ],
)


class DashboardTab(QWidget):
    """Portfolio-wide; double-clicking an alliance asks the window to select it."""

    alliance_activated = Signal(object)  # an Alliance

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.table = RecordTable(DASHBOARD, context)
        self.table.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.table)

    def set_alliance(self, alliance: Alliance | None) -> None:
        """The Dashboard covers the whole portfolio; it only highlights the selected alliance."""
        if alliance is None:
            self.table.view.clearSelection()
        else:
            self.table.select(alliance.id)

    def set_read_only(self, read_only: bool) -> None:
        """Nothing to do: the Dashboard does not edit."""

    def summary(self) -> str:
        """The summary line as plain text."""
        return self.table.count_text

    def _activated(self, index) -> None:
        source = self.table.proxy.mapToSource(index)
        if source.isValid():
            self.alliance_activated.emit(self.table.model.row(source.row()).alliance)
