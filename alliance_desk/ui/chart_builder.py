"""The chart builder: "ask for a chart, then reshape it" (DOMAIN.md §1).

Combos pick the cut, what is counted, the measure (and its benchmark), the chart type and the
filters; clicking a bar (or the Focus combo) zooms into one segment. The chart can be saved as
PNG or pinned for the next pre-read (pinned_charts.py). The numbers come from insights/cuts.py.
"""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.charts.builder import draw, horizontal, segment_at
from alliance_desk.charts.render import ChartView, render_png
from alliance_desk.insights import cuts
from alliance_desk.insights.cuts import ChartSpec, CutResult, SpecError
from alliance_desk.models import choices
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.pinned_charts import pin_chart, pinned_chart_specs

EXPORT_SIZE = (900, 420)
EXPORT_SCALE = 2.0
ALL = ""  # the "no filter" / "no focus" entry of a combo
AUTOMATIC = ""
BUILDER_CUTS = [k for k in cuts.CUTS if k != "portfolio"] + ["portfolio"]


def _combo(items: dict[str, str], first: tuple[str, str] | None = None) -> QComboBox:
    combo = QComboBox()
    if first is not None:
        combo.addItem(first[1], first[0])
    for key, label in items.items():
        combo.addItem(label, key)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _select(combo: QComboBox, key) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(max(index, 0))


class ChartBuilder(QWidget):
    """Reshape a chart; `set_spec` loads one (e.g. from the Ask box), `spec()` reads it back."""

    spec_changed = Signal(object)  # the ChartSpec now shown

    def __init__(self, context: UiContext, parent: QWidget | None = None, settings=None):
        super().__init__(parent)
        self.context = context
        self._settings = settings
        self._result: CutResult | None = None
        self._loading = False

        self.cut = _combo({k: cuts.CUTS[k] for k in BUILDER_CUTS})
        _select(self.cut, "status")  # "alliances by status": the first question people ask
        self.records = _combo(cuts.RECORDS)
        self.measure = _combo(cuts.MEASURES)
        self.benchmark = QComboBox()
        self.kind = _combo(cuts.KINDS)
        self.stack = _combo(cuts.STACKS, (AUTOMATIC, "Automatic"))
        self.period = _combo(cuts.PERIODS)
        self.open_only = QCheckBox("Open ones only")
        self.open_only.setChecked(True)
        self.stage_filter = _combo(choices.STAGES, (ALL, "All stages"))
        self.status_filter = _combo(choices.ALLIANCE_STATUSES, (ALL, "All statuses"))
        self.health_filter = _combo(cuts.LIGHT_LABELS, (ALL, "Any health"))
        self.focus = QComboBox()
        self.focus.setToolTip("Zoom into one segment (or click its bar)")
        for combo in (self.cut, self.records, self.measure, self.benchmark, self.kind,
                      self.stack, self.period, self.stage_filter, self.status_filter,
                      self.health_filter):  # fmt: skip
            combo.currentIndexChanged.connect(self._changed)
        self.open_only.toggled.connect(self._changed)
        self.focus.currentIndexChanged.connect(self._focus_changed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Cut by", self.cut)
        form.addRow("Count", self.records)
        form.addRow("", self.open_only)
        form.addRow("Measure", self.measure)
        form.addRow("Benchmark", self.benchmark)
        form.addRow("Chart type", self.kind)
        form.addRow("Split by", self.stack)
        form.addRow("Over time by", self.period)
        form.addRow("Stage", self.stage_filter)
        form.addRow("Status", self.status_filter)
        form.addRow("Health", self.health_filter)
        form.addRow("Focus", self.focus)

        self.export_button = QPushButton("Export PNG…")
        self.export_button.clicked.connect(self.export_png)
        self.pin_button = QPushButton("Add to next pre-read")
        self.pin_button.setToolTip("The next pre-read you export includes this chart")
        self.pin_button.clicked.connect(self.pin)
        self.pinned_label = QLabel()
        self.pinned_label.setObjectName("Hint")
        self.pinned_label.setWordWrap(True)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addSpacing(8)
        side.addWidget(self.export_button)
        side.addWidget(self.pin_button)
        side.addWidget(self.pinned_label)
        side.addStretch(1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMaximumWidth(330)

        self.view = ChartView()
        self.counted = QLabel()
        self.counted.setObjectName("Hint")
        self.counted.setWordWrap(True)
        self.hint = QLabel("Click a bar to focus on that segment.")
        self.hint.setObjectName("Hint")
        chart = QVBoxLayout()
        chart.addWidget(self.view, 1)
        chart.addWidget(self.counted)
        chart.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(panel)
        layout.addLayout(chart, 1)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self._stale = False
        context.bridge.changed.connect(self._on_changed)
        self._fill_benchmarks()
        self.refresh()

    def _on_changed(self, _change) -> None:
        """Redraw after a change while shown; otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    # --- the spec ----------------------------------------------------------------------------

    def spec(self) -> ChartSpec:
        """The ChartSpec the combos describe (benchmark only for the mean score)."""
        measure = self.measure.currentData()
        filters = {}
        for key, combo in (
            ("stage", self.stage_filter),
            ("status", self.status_filter),
            ("health", self.health_filter),
        ):
            if combo.currentData():
                filters[key] = [combo.currentData()]
        benchmark = self.benchmark.currentData() if measure == "mean_score" else None
        if measure == "mean_score" and not benchmark:
            measure = "count"
        return ChartSpec(
            cut=self.cut.currentData(),
            measure=measure,
            kind=self.kind.currentData(),
            records=self.records.currentData(),
            benchmark=benchmark,
            stack=self.stack.currentData() or None,
            period=self.period.currentData(),
            filters=filters,
            focus=self.focus.currentData() or None,
            open_only=self.open_only.isChecked(),
        )

    def set_spec(self, spec: ChartSpec) -> None:
        """Show `spec`: every combo takes its value (filters beyond one value keep the first)."""
        self._loading = True
        try:
            _select(self.cut, spec.cut)
            _select(self.records, spec.records)
            _select(self.measure, spec.measure)
            if spec.benchmark:
                index = self.benchmark.findText(spec.benchmark, Qt.MatchFlag.MatchFixedString)
                self.benchmark.setCurrentIndex(
                    max(index, self.benchmark.findData(spec.benchmark), 0)
                )
            _select(self.kind, spec.kind)
            _select(self.stack, spec.stack or AUTOMATIC)
            _select(self.period, spec.period)
            self.open_only.setChecked(spec.open_only)
            for key, combo in (
                ("stage", self.stage_filter),
                ("status", self.status_filter),
                ("health", self.health_filter),
            ):
                values = spec.filters.get(key) or (ALL,)
                _select(combo, values[0])
        finally:
            self._loading = False
        self.refresh(focus=spec.focus)

    # --- drawing -----------------------------------------------------------------------------

    def _fill_benchmarks(self) -> None:
        current = self.benchmark.currentData()
        self.benchmark.blockSignals(True)
        self.benchmark.clear()
        portfolio = self.context.portfolio
        for benchmark in [] if portfolio.closed else portfolio.live_benchmarks():
            self.benchmark.addItem(benchmark.name, benchmark.name)
        if current:
            _select(self.benchmark, current)
        self.benchmark.blockSignals(False)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.refresh(focus=None)

    def _focus_changed(self, *_args) -> None:
        if not self._loading:
            self.refresh(focus=self.focus.currentData() or None)

    def refresh(self, focus: str | None | bool = False) -> None:
        """Recompute and redraw; `focus` False keeps the current focus."""
        if self.context.portfolio.closed:
            return
        if focus is False:
            focus = self.focus.currentData() or None
        self._fill_benchmarks()
        self._update_enabled()
        spec = self.spec().with_changes(focus=None)
        try:
            unfocused = cuts.evaluate(self.context.portfolio, spec)
            segments = [] if spec.kind == "line" else unfocused.segments
            if focus is not None and focus not in [k for k, _ in segments]:
                focus = None
            spec = spec.with_changes(focus=focus)
            result = unfocused if focus is None else cuts.evaluate(self.context.portfolio, spec)
        except SpecError as exc:
            self.counted.setText(str(exc))
            return
        self._fill_focus(segments, focus)
        self._result = result
        self._stale = False
        self.view.rebuild(lambda plot: draw(plot, result))
        self.view.plot_widget.scene().sigMouseClicked.connect(self._clicked)
        self.counted.setText(result.counted)
        self.hint.setText(
            "Focused on one segment: pick “No focus” to see them all."
            if focus is not None
            else "Click a bar to focus on that segment."
            if spec.kind != "line"
            else ""
        )
        self._show_pinned()
        self.spec_changed.emit(spec)

    def _fill_focus(self, segments: list[tuple[str, str]], focus: str | None) -> None:
        self._loading = True
        try:
            self.focus.clear()
            self.focus.addItem("No focus", ALL)
            for key, label in segments:
                self.focus.addItem(label, key)
            _select(self.focus, focus or ALL)
            self.focus.setEnabled(bool(segments))
        finally:
            self._loading = False

    def _update_enabled(self) -> None:
        measure = self.measure.currentData()
        kind = self.kind.currentData()
        self.benchmark.setEnabled(measure == "mean_score" and self.benchmark.count() > 0)
        counts_records = measure in ("count", "overdue")
        self.records.setEnabled(counts_records)
        self.open_only.setEnabled(measure == "count" and self.records.currentData() != "alliances")
        self.stack.setEnabled(kind == "stacked")
        self.period.setEnabled(kind == "line")

    @property
    def result(self) -> CutResult | None:
        return self._result

    def focus_on(self, key: str | None) -> None:
        """Zoom into the segment `key` (None: show every segment)."""
        self.refresh(focus=key)

    def _clicked(self, event) -> None:
        if self._result is None or self.focus.currentData():
            return
        plot = self.view.plot
        if plot is None or not plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = plot.vb.mapSceneToView(event.scenePos())
        across = self._horizontal_bars()
        x = (len(self._result.keys) - 1 - point.y()) if across else point.x()
        key = segment_at(self._result, x)
        if key is not None:
            self.focus_on(key)

    def _horizontal_bars(self) -> bool:
        result = self._result
        return result is not None and result.spec.kind != "line" and horizontal(result)

    # --- export and pinning ------------------------------------------------------------------

    def settings(self):
        """Given settings, else the window's, else the app's settings file."""
        if self._settings is not None:
            return self._settings
        window_settings = getattr(self.window(), "settings", None)
        if hasattr(window_settings, "qsettings"):
            return window_settings
        from alliance_desk.ui.settings import AppSettings

        return AppSettings()

    def png_bytes(self) -> bytes:
        result = self._result
        return render_png(lambda plot: draw(plot, result), *EXPORT_SIZE, scale=EXPORT_SCALE)

    def export_png(self) -> Path | None:
        """Ask where, then write the chart as PNG atomically; returns the path written."""
        if self._result is None:
            return None
        from alliance_desk.reports.output import write_atomically

        window = self.window()
        name = "".join(c if c.isalnum() or c in " -" else " " for c in self._result.title)
        suggested = Path.home() / f"{' '.join(name.split())[:80] or 'chart'}.png"
        title, filters = "Export chart as PNG", "PNG images (*.png)"
        if hasattr(window, "choose_save_path"):
            path = window.choose_save_path(title, suggested, filters)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, title, str(suggested), filters)
            path = Path(chosen) if chosen else None
        if path is None:
            return None
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        data = self.png_bytes()
        try:
            write_atomically(path, lambda draft: draft.write_bytes(data))
        except OSError as exc:
            message = f"Could not write {path}: {exc.strerror or exc}."
            if hasattr(window, "show_error"):
                window.show_error(message, "Chart not exported")
            else:
                self.counted.setText(message)
            return None
        if hasattr(window, "status"):
            window.status(f"Saved the chart to {path}.")
        return path

    def pin(self) -> int:
        """Add the chart as shown to the next pre-read of this portfolio."""
        count = pin_chart(self.settings(), self.context.portfolio.portfolio_id, self.spec())
        self._show_pinned()
        window = self.window()
        if hasattr(window, "status"):
            window.status(f"Added to the next pre-read ({count} chart{'s' * (count != 1)}).")
        return count

    def _show_pinned(self) -> None:
        portfolio = self.context.portfolio
        if portfolio.closed:
            return
        count = len(pinned_chart_specs(self.settings(), portfolio.portfolio_id))
        self.pinned_label.setText(
            f"{count} chart{'s' * (count != 1)} waiting for the next pre-read." if count else ""
        )
