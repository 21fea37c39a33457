"""The workspace tabs of DESIGN.md §6, built by one factory so the main window stays small.

Overview edits the alliance; Stakeholders holds the worksheet; the tracking tabs (Actions to
Payments, in ui/tracking) edit the daily records; Health and Lifecycle list records (read-only
for now), each as a list of TableSpecs: where the rows come from, their columns, and which
kinds of change reload them. The Dashboard covers the whole portfolio.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from alliance_desk.insights.status import is_finished
from alliance_desk.models import (
    Alliance,
    ChecklistItem,
    ChecklistTemplate,
    SurveyResponse,
    SurveyRound,
    choices,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.dashboard_tab import DashboardTab
from alliance_desk.ui.overview_tab import OverviewTab
from alliance_desk.ui.record_tab import (
    Column,
    RecordTab,
    TableSpec,
    choice_column,
    date_column,
    number_column,
    text_column,
)
from alliance_desk.ui.tracking import TRACKING_TABS, make_tracking_tab
from alliance_desk.ui.worksheet.tab import StakeholdersTab

WORKSPACE_TABS = [
    "Overview",
    "Stakeholders",
    "Actions",
    "Milestones",
    "Risks",
    "Decisions",
    "Meetings",
    "Payments",
    "Health",
    "Lifecycle",
]
PORTFOLIO_TABS = ["Dashboard"]
DESCENDING = Qt.SortOrder.DescendingOrder


def _count(rows, test, words: str) -> str:
    number = sum(1 for row in rows if test(row))
    return f"{number} {words}" if number else ""


@dataclass(frozen=True)
class RoundRow:
    """A pulse-survey round with the number of responses it received."""

    round: SurveyRound
    responses: int

    @property
    def id(self) -> str:
        return self.round.id

    @property
    def invited(self) -> int | None:
        counts = [n for n in (self.round.invited_ours, self.round.invited_partner) if n is not None]
        return sum(counts) if counts else None


def _survey_rounds(portfolio: Portfolio, alliance: Alliance) -> list[RoundRow]:
    return [
        RoundRow(r, len(portfolio.all(SurveyResponse, round_id=r.id)))
        for r in portfolio.all(SurveyRound, alliance_id=alliance.id)
    ]


def _response_rate(row: RoundRow) -> float | None:
    return 100 * row.responses / row.invited if row.invited else None


HEALTH = TableSpec(
    title="Pulse-survey rounds",
    noun=("survey round", "survey rounds"),
    loader=_survey_rounds,
    kinds=frozenset({"survey_rounds", "survey_responses"}),
    wide_column=5,
    sort_column=0,
    sort_order=DESCENDING,
    columns=[
        date_column("Date", lambda row: row.round.held_on),
        text_column("Round", lambda row: row.round.title),
        number_column("Responses", lambda row: row.responses),
        number_column("Invited", lambda row: row.invited),
        number_column(
            "Response rate",
            _response_rate,
            text=lambda row: "" if _response_rate(row) is None else f"{_response_rate(row):.0f} %",
        ),
        text_column("Note", lambda row: row.round.note),
    ],
)

STAGE_HISTORY = TableSpec(
    title="Stage history",
    noun=("stage change", "stage changes"),
    loader=lambda portfolio, alliance: portfolio.stage_history(alliance),
    kinds=frozenset({"stage_changes"}),
    wide_column=2,
    stretch=1,
    columns=[
        date_column("Date", lambda row: row.changed_on),
        choice_column("Stage", lambda row: row.stage, choices.STAGES),
        text_column("Note", lambda row: row.note),
    ],
)


@dataclass(frozen=True)
class CheckRow:
    """A checklist item with the title and place of the checklist it came from."""

    item: ChecklistItem
    checklist: str
    order: str  # sorts by checklist, then the item's place in it

    @property
    def id(self) -> str:
        return self.item.id


def _checklist_items(portfolio: Portfolio, alliance: Alliance) -> list[CheckRow]:
    templates = {t.id: t for t in portfolio.all(ChecklistTemplate, include_deleted=True)}
    rows = []
    for item in portfolio.all(ChecklistItem, alliance_id=alliance.id):
        template = templates.get(item.template_id)
        title = template.title if template else "Own items"
        place = template.position if template else 9999
        rows.append(CheckRow(item, title, f"{place:05d} {title.casefold()} {item.position:05d}"))
    return sorted(rows, key=lambda row: row.order)


CHECKLIST = TableSpec(
    title="Checklists",
    noun=("checklist item", "checklist items"),
    loader=_checklist_items,
    kinds=frozenset({"checklist_items", "checklist_templates"}),
    sort_column=4,
    stretch=2,
    muted=lambda row: is_finished(row.item.status),
    summary=lambda rows: _count(rows, lambda r: r.item.status == "open", "open"),
    columns=[
        text_column("Item", lambda row: row.item.text),
        choice_column("Status", lambda row: row.item.status, choices.CHECK_STATUSES),
        date_column("Done", lambda row: row.item.done_on),
        text_column("Owner", lambda row: row.item.owner_name),
        Column("Checklist", lambda row: row.checklist, sort_key=lambda row: row.order),
    ],
)

RECORD_TABS: dict[str, list[TableSpec]] = {  # the tracking tabs are in ui/tracking
    "Health": [HEALTH],
    "Lifecycle": [STAGE_HISTORY, CHECKLIST],
}


def make_tab(title: str, context: UiContext, parent: QWidget | None = None) -> QWidget:
    """The widget for one tab title (from WORKSPACE_TABS or PORTFOLIO_TABS)."""
    if title == "Overview":
        return OverviewTab(context, parent)
    if title == "Dashboard":
        return DashboardTab(context, parent)
    if title == "Stakeholders":
        return StakeholdersTab(context, parent)
    if title in TRACKING_TABS:
        return make_tracking_tab(title, context, parent)
    if title in RECORD_TABS:
        return RecordTab(RECORD_TABS[title], context, parent)
    raise KeyError(f"No workspace tab is called {title!r}.")


__all__ = ["WORKSPACE_TABS", "PORTFOLIO_TABS", "make_tab", "RECORD_TABS"]
