"""The workspace tabs of DESIGN.md §6, built by one factory so the main window stays small.

Overview edits the alliance; the record tabs list its records (read-only for now: the forms
come later); the Dashboard covers the whole portfolio. Each record tab is a list of TableSpecs:
where the rows come from, their columns, and which kinds of change reload them.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from alliance_desk.insights.status import (
    is_finished,
    is_open_action,
    is_open_risk,
    is_pending_decision,
)
from alliance_desk.models import (
    ActionItem,
    Alliance,
    ChecklistItem,
    ChecklistTemplate,
    Decision,
    Meeting,
    Milestone,
    Payment,
    Risk,
    SurveyResponse,
    SurveyRound,
    choices,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.dashboard_tab import DashboardTab
from alliance_desk.ui.overview_tab import OverviewTab
from alliance_desk.ui.record_tab import (
    RIGHT,
    Column,
    RecordTab,
    TableSpec,
    choice_column,
    date_column,
    finished_by_status,
    number_column,
    overdue_by_status,
    text_column,
)

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


def _of(model):
    """A loader: the alliance's live records of `model`."""
    return lambda portfolio, alliance: portfolio.all(model, alliance_id=alliance.id)


def _count(rows, test, words: str) -> str:
    number = sum(1 for row in rows if test(row))
    return f"{number} {words}" if number else ""


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _money(row: Payment) -> str:
    if row.amount is None:
        return ""
    decimals = 0 if float(row.amount).is_integer() else 2
    return f"{row.amount:,.{decimals}f} {row.currency}".strip()


STAKEHOLDERS = TableSpec(
    title="Stakeholders",
    noun=("stakeholder", "stakeholders"),
    loader=lambda portfolio, alliance: portfolio.stakeholders_of(alliance),
    kinds=frozenset({"stakeholders", "alliance_stakeholders"}),
    wide_column=2,
    row_id=lambda row: row[0].id,
    columns=[
        text_column("Name", lambda row: row[0].name),
        text_column("Role in this alliance", lambda row: row[1]),
        text_column("Title", lambda row: row[0].title),
        text_column("Organisation", lambda row: row[0].organisation),
        choice_column("Group", lambda row: row[0].group, choices.STAKEHOLDER_GROUPS),
        date_column("Worksheet validated", lambda row: row[0].last_validated_on),
    ],
)

ACTIONS = TableSpec(
    muted=finished_by_status,
    title="Action items",
    noun=("action", "actions"),
    loader=_of(ActionItem),
    kinds=frozenset({"actions"}),
    sort_column=3,
    summary=lambda rows: _joined(
        _count(rows, lambda r: is_open_action(r.status), "open"),
        _count(rows, overdue_by_status, "overdue"),
    ),
    columns=[
        text_column("Action", lambda row: row.title),
        text_column("Owner", lambda row: row.owner_name),
        choice_column("Side", lambda row: row.side, choices.ACTION_SIDES),
        date_column("Due", lambda row: row.due_date, overdue=overdue_by_status),
        choice_column("Status", lambda row: row.status, choices.ACTION_STATUSES),
        date_column("Completed", lambda row: row.completed_on),
        choice_column("Source", lambda row: row.source, choices.ACTION_SOURCES),
    ],
)

MILESTONES = TableSpec(
    muted=finished_by_status,
    title="Milestones, deliverables and commitments",
    noun=("milestone", "milestones"),
    loader=_of(Milestone),
    kinds=frozenset({"milestones"}),
    sort_column=3,
    summary=lambda rows: _count(rows, overdue_by_status, "overdue"),
    columns=[
        text_column("Milestone", lambda row: row.title),
        choice_column("Kind", lambda row: row.kind, choices.MILESTONE_KINDS),
        choice_column("Owner", lambda row: row.owner_side, choices.ACTION_SIDES),
        date_column("Due", lambda row: row.due_date, overdue=overdue_by_status),
        choice_column("Status", lambda row: row.status, choices.MILESTONE_STATUSES),
        date_column("Completed", lambda row: row.completed_on),
        text_column("Root cause of a miss", lambda row: row.root_cause),
    ],
)

RISKS = TableSpec(
    muted=finished_by_status,
    title="Risks and issues",
    noun=("risk or issue", "risks or issues"),
    loader=_of(Risk),
    kinds=frozenset({"risks"}),
    sort_column=5,
    sort_order=DESCENDING,
    summary=lambda rows: _count(rows, lambda r: is_open_risk(r.status), "open"),
    columns=[
        text_column("Risk or issue", lambda row: row.title),
        choice_column("Kind", lambda row: row.kind, choices.RISK_KINDS),
        choice_column("Category", lambda row: row.category, choices.RISK_CATEGORIES),
        number_column("Likelihood", lambda row: row.likelihood),
        number_column("Impact", lambda row: row.impact),
        number_column("Severity", lambda row: row.severity),
        choice_column("Status", lambda row: row.status, choices.RISK_STATUSES),
        text_column("Owner", lambda row: row.owner_name),
        date_column("Review", lambda row: row.review_date),
    ],
)

DECISIONS = TableSpec(
    muted=finished_by_status,
    title="Decisions",
    noun=("decision", "decisions"),
    loader=_of(Decision),
    kinds=frozenset({"decisions"}),
    sort_column=2,
    summary=lambda rows: _count(rows, lambda r: is_pending_decision(r.status), "pending"),
    columns=[
        text_column("Decision", lambda row: row.title),
        choice_column("Forum", lambda row: row.forum, choices.FORUMS),
        date_column("Due", lambda row: row.due_date, overdue=overdue_by_status),
        choice_column("Status", lambda row: row.status, choices.DECISION_STATUSES),
        date_column("Decided", lambda row: row.decided_on),
        text_column("Outcome", lambda row: row.outcome),
    ],
)

MEETINGS = TableSpec(
    title="Meetings",
    noun=("meeting", "meetings"),
    loader=_of(Meeting),
    kinds=frozenset({"meetings"}),
    wide_column=1,
    sort_column=0,
    sort_order=DESCENDING,
    columns=[
        date_column("Date", lambda row: row.held_on),
        text_column("Meeting", lambda row: row.title),
        choice_column("Forum", lambda row: row.forum, choices.FORUMS),
        text_column("Location", lambda row: row.location),
        choice_column("Status", lambda row: row.status, choices.MEETING_STATUSES),
    ],
)

PAYMENTS = TableSpec(
    muted=finished_by_status,
    title="Payments and financial items",
    noun=("payment", "payments"),
    loader=_of(Payment),
    kinds=frozenset({"payments"}),
    sort_column=4,
    summary=lambda rows: _count(rows, overdue_by_status, "overdue"),
    columns=[
        text_column("Item", lambda row: row.title),
        choice_column("Kind", lambda row: row.kind, choices.PAYMENT_KINDS),
        choice_column("Direction", lambda row: row.direction, choices.PAYMENT_DIRECTIONS),
        number_column("Amount", lambda row: row.amount, text=_money, align=RIGHT),
        date_column("Due", lambda row: row.due_date, overdue=overdue_by_status),
        date_column("Paid", lambda row: row.paid_on),
        choice_column("Status", lambda row: row.status, choices.PAYMENT_STATUSES),
    ],
)


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

RECORD_TABS: dict[str, list[TableSpec]] = {
    "Stakeholders": [STAKEHOLDERS],
    "Actions": [ACTIONS],
    "Milestones": [MILESTONES],
    "Risks": [RISKS],
    "Decisions": [DECISIONS],
    "Meetings": [MEETINGS],
    "Payments": [PAYMENTS],
    "Health": [HEALTH],
    "Lifecycle": [STAGE_HISTORY, CHECKLIST],
}


def make_tab(title: str, context: UiContext, parent: QWidget | None = None) -> QWidget:
    """The widget for one tab title (from WORKSPACE_TABS or PORTFOLIO_TABS)."""
    if title == "Overview":
        return OverviewTab(context, parent)
    if title == "Dashboard":
        return DashboardTab(context, parent)
    if title in RECORD_TABS:
        return RecordTab(RECORD_TABS[title], context, parent)
    raise KeyError(f"No workspace tab is called {title!r}.")


__all__ = ["WORKSPACE_TABS", "PORTFOLIO_TABS", "make_tab", "RECORD_TABS"]
