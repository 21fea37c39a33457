"""The Health tab of one alliance: status, early warnings, every benchmark's light and trend,
the survey rounds, and three charts (trend with bands, ours vs partner, by team).

The tab computes one `HealthView` per refresh (Portfolio.health_view) and every part reads it,
so the table, the charts and the status never disagree.
"""

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.changes import HEALTH_KINDS
from alliance_desk.charts import figures
from alliance_desk.charts.render import ChartView
from alliance_desk.insights.health import HEALTH_HELP, SEVERITY, STATUS_RULE, breakdown
from alliance_desk.models import Alliance, Meeting, Milestone, Risk, SurveyRound
from alliance_desk.portfolio import Change
from alliance_desk.portfolio_health import BenchmarkView, HealthView
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, format_date
from alliance_desk.ui.health.lights import LABEL, TEXT_COLOUR, dot_html, light_text
from alliance_desk.ui.health.survey_dialog import DeleteSurveyRoundCommand, SurveyRoundDialog
from alliance_desk.ui.health.warnings import WarningList
from alliance_desk.ui.record_tab import (
    Column,
    RecordTable,
    TableSpec,
    date_column,
    number_column,
    text_column,
)
from alliance_desk.ui.tracking.reads import selection_reads
from alliance_desk.ui.undo import EditFailed, perform

NEW_ROUND_KEYS = "Ctrl+Shift+G"  # G for the grid; Ctrl+Shift+S syncs


def _latest(row: BenchmarkView):
    return row.series[-1] if row.series else None


def _side(row: BenchmarkView, side: str) -> str:
    latest = _latest(row)
    return "" if latest is None else getattr(latest, side).text()


def _gap(row: BenchmarkView) -> float | None:
    latest = _latest(row)
    return None if latest is None else latest.gap


BENCHMARK_COLUMNS = [
    Column(
        "Benchmark",
        lambda row: row.benchmark.name,
        sort_key=lambda row: row.benchmark.position,
        tooltip=lambda row: (
            f"{row.benchmark.question}\n{row.thresholds.describe(row.benchmark.unit)}".strip()
        ),
    ),
    Column(
        "Light",
        lambda row: light_text(row.current.light),
        sort_key=lambda row: -SEVERITY[row.current.light],
        colour=lambda row: TEXT_COLOUR[row.current.light],
        tooltip=lambda row: row.thresholds.describe(row.benchmark.unit),
    ),
    text_column("Latest", lambda row: row.current.value_text()),
    Column(
        "Change",
        lambda row: row.trend.text(),
        sort_key=lambda row: row.trend.change if row.trend.change is not None else float("-inf"),
        tooltip=lambda row: (
            f"Baseline {row.trend.baseline.overall.text()} on "
            f"{format_date(row.trend.baseline.round.held_on)}"
            if row.trend.baseline
            else ""
        ),
    ),
    text_column("Ours", lambda row: _side(row, "ours")),
    text_column("Partner", lambda row: _side(row, "partner")),
    number_column(
        "Gap",
        _gap,
        text=lambda row: "" if _gap(row) is None else f"{_gap(row):+.1f}",
    ),
    text_column("Source", lambda row: "Survey" if row.is_survey else "Records"),
]


class HealthTab(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.reads = selection_reads(context)  # before anything listens to the bridge
        self.alliance: Alliance | None = None
        self.view: HealthView | None = None
        self.read_only = False
        self.baselines: dict[str, str] = {}  # alliance id -> the round the user picked
        self.selected_benchmark: str | None = None

        self.status = QLabel()
        self.status.setObjectName("health_status")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setWordWrap(True)
        self.status.setToolTip(STATUS_RULE)
        self.baseline = QComboBox()
        self.baseline.setToolTip("The round the trend compares with (default: the first)")
        self.baseline.activated.connect(self._baseline_picked)
        self.new_round = QPushButton("New survey round…")
        self.new_round.setToolTip(f"Enter a pulse-survey round ({NEW_ROUND_KEYS})")
        self.new_round.clicked.connect(self.open_new_round)
        QShortcut(QKeySequence(NEW_ROUND_KEYS), self, activated=self.open_new_round)
        self.delete_round = QPushButton("Delete round")
        self.delete_round.clicked.connect(self.delete_selected_round)
        self.help_link = QLabel("<a href='help'>How is health judged?</a>")
        self.help_link.linkActivated.connect(self.toggle_help)
        self.help = QLabel(
            "".join(f"<p style='margin:0 0 4px 0'>{html.escape(p)}</p>" for p in HEALTH_HELP)
        )
        self.help.setObjectName("health_help")
        self.help.setWordWrap(True)
        self.help.setStyleSheet(
            "QLabel#health_help { background: #f6f8fa; border: 1px solid #e5e7eb;"
            " border-radius: 6px; padding: 8px; }"
        )
        self.help.hide()
        header = QHBoxLayout()
        header.addWidget(self.status, 1)
        header.addWidget(self.help_link)
        header.addWidget(QLabel("Baseline"))
        header.addWidget(self.baseline)
        header.addWidget(self.new_round)
        header.addWidget(self.delete_round)

        self.warnings = WarningList(context, visible_rows=3)
        self.benchmarks = RecordTable(
            TableSpec(
                title="Benchmarks",
                noun=("benchmark", "benchmarks"),
                columns=BENCHMARK_COLUMNS,
                loader=lambda _p, _a: list(self.view.benchmarks) if self.view else [],
                kinds=frozenset(),
                muted=lambda row: not row.current.applies,
                row_id=lambda row: row.benchmark.id,
            ),
            context,
        )
        self.rounds = RecordTable(
            TableSpec(
                title="Survey rounds",
                noun=("round", "rounds"),
                columns=[
                    date_column("Date", lambda row: row.held_on),
                    text_column("Round", lambda row: row.title),
                    Column(
                        "Response rate",
                        lambda row: self._rate(row).text(),
                        sort_key=lambda row: self._rate(row).rate or 0.0,
                        colour=lambda row: TEXT_COLOUR["red"] if self._rate(row).low else None,
                        tooltip=lambda row: (
                            "Below 80 %: fewer people engaged" if self._rate(row).low else ""
                        ),
                    ),
                    text_column("Ours", lambda row: self._rate(row, "ours").text()),
                    text_column("Partner", lambda row: self._rate(row, "partner").text()),
                ],
                loader=lambda _p, _a: list(self.view.rounds) if self.view else [],
                kinds=frozenset(),
                sort_order=Qt.SortOrder.DescendingOrder,
                wide_column=1,
            ),
            context,
        )
        self.benchmarks.view.selectionModel().currentRowChanged.connect(self._benchmark_changed)
        self.rounds.view.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.trend_chart = ChartView()
        self.gap_chart = ChartView()
        self.team_chart = ChartView()
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.benchmarks)
        top.addWidget(self.trend_chart)
        self.lower_charts = QTabWidget()  # side by side they would be too narrow to read
        self.lower_charts.setDocumentMode(True)
        self.lower_charts.addTab(self.gap_chart, "Ours vs partner")
        self.lower_charts.addTab(self.team_chart, "By team")
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.rounds)
        bottom.addWidget(self.lower_charts)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        top.setSizes([600, 500])
        bottom.setSizes([600, 500])
        body.setSizes([420, 300])
        for splitter in (top, bottom, body):
            splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.help)
        layout.addWidget(self.warnings)
        layout.addWidget(body, 1)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        context.bridge.changed.connect(self._on_changed)
        self.refresh()

    # --- WorkspaceTab ---------------------------------------------------------------------------

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.alliance = alliance
        self.selected_benchmark = None
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.warnings.set_read_only(read_only)
        self._update_buttons()

    def toggle_help(self, *_args) -> None:
        self.help.setVisible(not self.help.isVisible())

    # --- loading --------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change.kind in HEALTH_KINDS or change.op == "reloaded":
            self._timer.start()

    def refresh(self) -> None:
        portfolio = self.context.portfolio
        if portfolio.closed or self.alliance is None:
            self.view = None
        else:
            fresh = portfolio.get(Alliance, self.alliance.id)
            self.alliance = fresh or self.alliance
            baseline = self.baselines.get(self.alliance.id)
            records = {  # the rows the Milestones, Risks and Meetings tabs list
                name: self.reads.tracking_rows(model, self.alliance.id)
                for name, model in (
                    ("milestones", Milestone),
                    ("risks", Risk),
                    ("meetings", Meeting),
                )
            }
            self.view = portfolio.health_view(self.alliance, baseline, records)
        self._show_status()
        self._fill_baselines()
        self.warnings.set_warnings(self.view.warnings if self.view else [])
        self.benchmarks.set_alliance(self.alliance)
        self.rounds.set_alliance(self.alliance)
        drawn = self._draws
        if self.view is not None:
            wanted = self.selected_benchmark or self._first_interesting()
            if wanted:
                self.benchmarks.select(wanted)  # may draw the charts already
        if self._draws == drawn:
            self._draw_charts()
        self._update_buttons()

    def _first_interesting(self) -> str | None:
        """The worst survey benchmark that has data, else the first with data."""
        rows = [b for b in self.view.benchmarks if b.current.light != "grey"]
        if not rows:
            return None
        rows.sort(key=lambda b: (not b.is_survey, -SEVERITY[b.current.light], b.benchmark.position))
        return rows[0].benchmark.id

    def _show_status(self) -> None:
        if self.view is None:
            self.status.setText("")
            return
        status = self.view.status
        reasons = html.escape("; ".join(status.reasons))
        self.status.setText(
            f"{dot_html(status.light, 18)}&nbsp;<b style='font-size:15px; "
            f"color:{TEXT_COLOUR[status.light]}'>{LABEL[status.light]}</b>"
            f"&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{reasons}</span>"
        )

    def _fill_baselines(self) -> None:
        self.baseline.blockSignals(True)
        self.baseline.clear()
        rounds = self.view.rounds if self.view else []
        for index, survey in enumerate(rounds):
            label = f"{format_date(survey.held_on)} · {survey.title}"
            self.baseline.addItem(label + (" (first)" if index == 0 else ""), survey.id)
        picked = self.baselines.get(self.alliance.id) if self.alliance else None
        position = self.baseline.findData(picked) if picked else 0
        self.baseline.setCurrentIndex(max(position, 0))
        self.baseline.setEnabled(bool(rounds))
        self.baseline.blockSignals(False)

    def _baseline_picked(self, index: int) -> None:
        if self.alliance is not None:
            self.baselines[self.alliance.id] = self.baseline.itemData(index)
            self.refresh()

    def _rate(self, survey, side: str = "all"):
        return self.view.rates[survey.id][side]

    def _benchmark_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.benchmarks.model.row(self.benchmarks.proxy.mapToSource(current).row())
        if row.benchmark.id != self.selected_benchmark:
            self.selected_benchmark = row.benchmark.id
            self._draw_charts()

    # --- charts ---------------------------------------------------------------------------------

    def selected_view(self) -> BenchmarkView | None:
        if self.view is None:
            return None
        chosen = self.selected_benchmark or self._first_interesting()
        return self.view.benchmark(chosen) if chosen else None

    _draws = 0  # how often the charts were drawn: a refresh draws them once, not twice
    _charts_stale = False  # drawn when the tab is next shown (three charts cost ~0.3 s)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._charts_stale:
            self._draw_charts()

    def _draw_charts(self) -> None:
        self._draws += 1
        self._charts_stale = not self.isVisible()
        if self._charts_stale:  # another tab is in front: draw when this one is shown
            return
        chosen = self.selected_view()
        self.trend_chart.rebuild(lambda plot: self._trend(plot, chosen))
        self.gap_chart.rebuild(self._gap)
        self.team_chart.rebuild(lambda plot: self._teams(plot, chosen))

    def _trend(self, plot, chosen: BenchmarkView | None) -> None:
        if chosen is None:
            figures.trend(plot, "Trend", [])
            return
        b = chosen.benchmark
        series = [figures.Series("All", chosen.points(), "all")]
        if chosen.is_survey:
            dated = [s for s in chosen.series if s.round.held_on]
            series += [
                figures.Series("Ours", [(s.round.held_on, s.ours.mean) for s in dated], "ours"),
                figures.Series(
                    "Partner", [(s.round.held_on, s.partner.mean) for s in dated], "partner"
                ),
            ]
        baseline = chosen.trend.baseline.round.held_on if chosen.trend.baseline else None
        markers = [
            figures.Marker(day, title)
            for day, title, benchmark_id in self.context.portfolio.review_completions(
                self.alliance.id
            )
            if benchmark_id == b.id
        ]
        figures.trend(
            plot,
            f"{b.name} — trend",
            series,
            _band(chosen),
            baseline,
            markers,
            unit=b.unit,
        )

    def _gap(self, plot) -> None:
        rows = [v for v in (self.view.benchmarks if self.view else []) if v.series]
        bands = {(_band(v)) for v in rows}
        figures.side_by_side(
            plot,
            "Ours vs partner — latest round of each",
            [v.benchmark.name for v in rows],
            [v.series[-1].ours.mean for v in rows],
            [v.series[-1].partner.mean for v in rows],
            bands.pop() if len(bands) == 1 else None,
        )

    def _teams(self, plot, chosen: BenchmarkView | None) -> None:
        if chosen is None or not chosen.series:
            figures.breakdown(plot, "By team or function", [], [])
            return
        latest = chosen.series[-1]
        teams = breakdown(
            self.view.responses, chosen.benchmark.id, chosen.thresholds, latest.round.id
        )
        figures.breakdown(
            plot,
            f"{chosen.benchmark.name} by team — {format_date(latest.round.held_on)}",
            [t.team for t in teams],
            [t.stat.mean for t in teams],
            _band(chosen),
            [t.stat.count for t in teams],
            lights=[t.light for t in teams],
        )

    # --- commands -------------------------------------------------------------------------------

    def open_new_round(self) -> None:
        if self.alliance is None or self.read_only or not self.isVisible():
            return
        dialog = SurveyRoundDialog(
            self.context.portfolio, self.context.undo_stack, self.alliance, self
        )
        self.dialog = dialog
        dialog.open()

    def selected_round(self) -> SurveyRound | None:
        index = self.rounds.view.currentIndex()
        if not index.isValid() or self.view is None:
            return None
        row = self.rounds.model.row(self.rounds.proxy.mapToSource(index).row())
        return self.context.portfolio.get(SurveyRound, row.id)

    def delete_selected_round(self) -> None:
        survey = self.selected_round()
        if survey is None or self.read_only:
            return
        try:
            perform(
                self.context.undo_stack, DeleteSurveyRoundCommand(self.context.portfolio, survey)
            )
        except EditFailed as error:
            self.status.setText(html.escape(str(error)))

    def _update_buttons(self, *_args) -> None:
        has_alliance = self.alliance is not None and not self.read_only
        self.new_round.setEnabled(has_alliance)
        self.delete_round.setEnabled(has_alliance and self.selected_round() is not None)


def _band(view: BenchmarkView) -> figures.Band:
    b, t = view.benchmark, view.thresholds
    return figures.Band(t.green_at, t.red_below, t.higher_is_better, b.scale_min, b.scale_max)
