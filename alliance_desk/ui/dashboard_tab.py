"""The portfolio Dashboard: every working alliance in one sortable table, with a summary line;
beside it the portfolio's charts and the chart builder (pages built when first shown).

"7 alliances · 12 overdue actions · 3 decisions due in 30 days" — the counts come from
insights.status, so the Dashboard, the Overview and the reports agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from alliance_desk import clock, models
from alliance_desk.changes import HEALTH_KINDS
from alliance_desk.insights.chart_spec import ChartSpec
from alliance_desk.insights.health import GREY, SEVERITY, HealthStatus
from alliance_desk.insights.status import (
    COUNTED_FIELDS,
    AllianceCounts,
    alliance_counts,
    decisions_due_within,
)
from alliance_desk.insights.tracking import OnTime, PaymentFlag, delivery_reliability, percent
from alliance_desk.models import choices
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR
from alliance_desk.ui.health.lights import TEXT_COLOUR, light_text
from alliance_desk.ui.health.warnings import WarningList
from alliance_desk.ui.record_tab import (
    Column,
    RecordTable,
    TableSpec,
    choice_column,
    date_column,
    number_column,
    on_shown_page,
    text_column,
)
from alliance_desk.ui.tracking.columns import SOON_COLOUR, due_column

if TYPE_CHECKING:
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.ui.chart_builder import ChartBuilder
    from alliance_desk.ui.dashboard_charts import DashboardCharts

DECISION_HORIZON_DAYS = 30
HEALTH_COMING = "Working out the health of every alliance…"
ALLIANCES_PAGE, CHARTS_PAGE, BUILDER_PAGE = "Alliances", "Charts", "Chart builder"


@dataclass(frozen=True)
class DashboardRow:
    """One alliance with what needs attention in it."""

    alliance: Alliance
    counts: AllianceCounts
    decisions_due_soon: int
    payments: PaymentFlag = field(default_factory=PaymentFlag)
    on_time: OnTime = field(default_factory=OnTime)
    # None while a big file's health is worked out beside the window
    health: HealthStatus | None = field(default_factory=lambda: HealthStatus(GREY))

    @property
    def id(self) -> str:
        return self.alliance.id


def dashboard_rows(portfolio: Portfolio, today: date | None = None) -> list[DashboardRow]:
    """Working (not archived) alliances with their counts: three queries, whatever the size."""
    today = today or clock.today()
    grouped: dict[str, dict[str, list]] = {}
    for kind in COUNTED_FIELDS:
        by_alliance = defaultdict(list)
        for record in portfolio.counted_rows(kind):  # the columns counted
            by_alliance[record.alliance_id].append(record)
        grouped[kind] = by_alliance
    actions = grouped["actions"] = defaultdict(list)
    for group in portfolio.action_groups(today):  # 30,000 actions counted as 2,300 groups
        actions[group.alliance_id].append(group)
    flags = portfolio.payment_flags(today)
    health = None if portfolio.health_computing else portfolio.health_statuses()
    milestones = grouped["milestones"]
    rows = []
    for alliance in portfolio.alliances(include_archived=False):
        decisions = grouped["decisions"][alliance.id]
        counts = alliance_counts(
            grouped["actions"][alliance.id], grouped["risks"][alliance.id], decisions, today
        )
        due_soon = decisions_due_within(decisions, today, DECISION_HORIZON_DAYS)
        on_time = delivery_reliability(milestones[alliance.id], today)["all"]
        payments = flags.get(alliance.id, PaymentFlag())
        status = None if health is None else health.get(alliance.id, HealthStatus(GREY))
        rows.append(DashboardRow(alliance, counts, due_soon, payments, on_time, status))
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
    kinds=frozenset({"alliances", "actions", "risks", "decisions", "milestones", "payments"})
    | HEALTH_KINDS,
    needs_alliance=False,
    summary=summary_line,
    columns=[
        Column(  # the partner is in the tooltip (and the sidebar): room for the flags
            "Alliance",
            lambda row: row.alliance.name,
            sort_key=lambda row: row.alliance.name.casefold(),
            tooltip=lambda row: " — with ".join(
                part for part in (row.alliance.name, row.alliance.partner) if part
            ),
        ),
        Column(
            "Health",
            lambda row: light_text(row.health.light) if row.health else "…",
            sort_key=lambda row: -SEVERITY[row.health.light] if row.health else 0,
            colour=lambda row: TEXT_COLOUR[row.health.light] if row.health else None,
            tooltip=lambda row: row.health.text() if row.health else HEALTH_COMING,
        ),
        choice_column("Stage", lambda row: row.alliance.stage, choices.STAGES),
        choice_column("Status", lambda row: row.alliance.status, choices.ALLIANCE_STATUSES),
        choice_column("Importance", lambda row: row.alliance.importance, choices.IMPORTANCE),
        date_column("Renewal", lambda row: row.alliance.renewal_date),
        _count_column("Open\nactions", "open_actions"),
        _count_column("Overdue\nactions", "overdue_actions", alarming=True),
        _count_column("Open\nrisks", "open_risks"),
        date_column("Next decision\ndue", lambda row: row.counts.next_decision_due),
        Column(
            "On time",
            lambda row: percent(row.on_time.share) if row.on_time.counted else "",
            sort_key=lambda row: -1.0 if row.on_time.share is None else row.on_time.share,
            align=Qt.AlignmentFlag.AlignCenter,
            colour=lambda row: ERROR_COLOUR if (row.on_time.share or 1) < 0.7 else None,
            tooltip=lambda row: f"Delivery reliability: {row.on_time.text()} met on time",
        ),
        Column(
            "Payments",
            lambda row: row.payments.short(),
            sort_key=lambda row: {"red": 0, "amber": 1}.get(row.payments.level or "", 2),
            colour=lambda row: {"red": ERROR_COLOUR, "amber": SOON_COLOUR}.get(
                row.payments.level or ""
            ),
            tooltip=lambda row: (
                (row.payments.text() or "Nothing due")
                + ". Red: overdue or disputed; amber: due within 30 days."
            ),
        ),
    ],
)

UPCOMING_DECISIONS = TableSpec(
    title="Upcoming decisions across the portfolio",
    noun=("pending decision", "pending decisions"),
    loader=lambda portfolio, _alliance: portfolio.upcoming_decisions(),
    kinds=frozenset({"alliances", "decisions"}),
    needs_alliance=False,
    wide_column=1,
    columns=[
        due_column(),
        text_column("Decision", lambda row: row.title),
        text_column("Alliance", lambda row: row.alliance_name),
        choice_column("Forum", lambda row: row.forum, choices.FORUMS),
        text_column("Recommendation", lambda row: row.recommendation),
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
        self.decisions = RecordTable(UPCOMING_DECISIONS, context)
        self.decisions.view.doubleClicked.connect(self._decision_activated)
        self.warnings = WarningList(context, show_alliance=True, visible_rows=4)
        self.warnings.alliance_activated.connect(self.alliance_activated)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.decisions)
        splitter.setSizes([500, 260])
        overview = QWidget()
        table_page = QVBoxLayout(overview)
        table_page.setContentsMargins(0, 8, 0, 0)
        table_page.addWidget(self.warnings)
        table_page.addWidget(splitter, 1)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(overview, ALLIANCES_PAGE)
        # built (and their modules, with pyqtgraph, loaded) when first shown: they cost time
        self.charts: DashboardCharts | None = None
        self.builder: ChartBuilder | None = None
        for title in (CHARTS_PAGE, BUILDER_PAGE):
            self.pages.addTab(QWidget(), title)
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.addWidget(self.pages, 1)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh_warnings)
        self._warnings_stale = False
        context.bridge.changed.connect(self._on_changed)
        context.bridge.health_known.connect(self._health_known)
        self.refresh_warnings()

    # --- pages: the table, the charts, the chart builder -------------------------------------

    def show_page(self, title: str) -> QWidget:
        """Switch to the page titled `title` (building it the first time); returns it."""
        for index in range(self.pages.count()):
            if self.pages.tabText(index) == title:
                self.pages.setCurrentIndex(index)
                return self._page(index)
        raise KeyError(title)

    def show_chart(self, spec: ChartSpec) -> ChartBuilder:
        """Open `spec` in the chart builder (from a chart's Reshape button or the Ask box)."""
        builder = self.show_page(BUILDER_PAGE)
        builder.set_spec(spec)
        return builder

    def _page_changed(self, index: int) -> None:
        self._page(index)

    def _page(self, index: int) -> QWidget:
        title = self.pages.tabText(index)
        if title == CHARTS_PAGE and self.charts is None:
            from alliance_desk.ui.dashboard_charts import DashboardCharts

            self.charts = DashboardCharts(self.context)
            self.charts.reshape.connect(self.show_chart)
            self._swap(index, self.charts)
        elif title == BUILDER_PAGE and self.builder is None:
            from alliance_desk.ui.chart_builder import ChartBuilder

            self.builder = ChartBuilder(self.context)
            self._swap(index, self.builder)
        return self.pages.widget(index)

    def _swap(self, index: int, page: QWidget) -> None:
        title = self.pages.tabText(index)
        placeholder = self.pages.widget(index)
        self.pages.blockSignals(True)
        self.pages.removeTab(index)
        self.pages.insertTab(index, page, title)
        self.pages.setCurrentIndex(index)
        self.pages.blockSignals(False)
        placeholder.deleteLater()

    def _on_changed(self, change) -> None:
        if change.kind in HEALTH_KINDS or change.op == "reloaded":
            self._warnings_soon()

    def _health_known(self) -> None:
        """The health worked out beside the window has arrived: the column and the warnings."""
        self.table.refresh_soon()
        self._warnings_soon()

    def _warnings_soon(self) -> None:
        if on_shown_page(self):
            self._timer.start()
        else:
            self._warnings_stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._warnings_stale:
            self.refresh_warnings()
        super().showEvent(event)

    def refresh_warnings(self) -> None:
        """Warnings across the portfolio, worst first (the Portfolio caches them)."""
        self._warnings_stale = False
        portfolio = self.context.portfolio
        if portfolio.health_computing:
            self.warnings.set_pending(HEALTH_COMING)
        else:
            self.warnings.set_warnings([] if portfolio.closed else portfolio.early_warnings())

    def set_alliance(self, alliance: Alliance | None) -> None:
        """The Dashboard covers the whole portfolio; it only highlights the selected alliance."""
        if alliance is None:
            self.table.view.clearSelection()
        else:
            self.table.select(alliance.id)

    def set_read_only(self, read_only: bool) -> None:
        """Only the warnings' review buttons edit."""
        self.warnings.set_read_only(read_only)

    def summary(self) -> str:
        """The summary line as plain text."""
        return self.table.count_text

    def _decision_activated(self, index) -> None:
        """A pending decision: show its alliance, then the decision in the Decisions tab."""
        from alliance_desk.ui.tracking.tab import open_record

        source = self.decisions.proxy.mapToSource(index)
        if not source.isValid():
            return
        row = self.decisions.model.row(source.row())
        alliance = self.context.portfolio.get(models.Alliance, row.alliance_id)
        if alliance is not None:
            self.alliance_activated.emit(alliance)
        open_record(self, "Decisions", row.id)

    def _activated(self, index) -> None:
        source = self.table.proxy.mapToSource(index)
        if source.isValid():
            self.alliance_activated.emit(self.table.model.row(source.row()).alliance)
