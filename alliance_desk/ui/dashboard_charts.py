"""The Dashboard's Charts page: the portfolio at a glance — alliances by status, stage and
health, the health heat map (alliance × benchmark), delivery reliability over time and overdue
actions per alliance. Each chart can be reshaped in the chart builder."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.charts.builder import draw, draw_heat_map, heat_map_height
from alliance_desk.charts.render import ChartView
from alliance_desk.insights import cuts
from alliance_desk.insights.cuts import ChartSpec
from alliance_desk.insights.heat_map import heat_map
from alliance_desk.ui.context import UiContext

STANDARD_CHARTS = [
    ChartSpec(cut="status"),
    ChartSpec(cut="stage"),
    ChartSpec(cut="health"),
    ChartSpec(cut="portfolio", measure="on_time", kind="line", period="quarter"),
    ChartSpec(cut="alliance", measure="overdue"),
]
CHART_HEIGHT = 300


class ChartCard(QWidget):
    """One chart with a "Reshape…" button that opens it in the chart builder."""

    reshape = Signal(object)  # ChartSpec

    def __init__(self, spec: ChartSpec | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.view = ChartView()
        self.view.setMinimumHeight(CHART_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        if spec is not None:
            button = QPushButton("Reshape in the chart builder…")
            button.setFlat(True)
            button.clicked.connect(lambda: self.reshape.emit(self.spec))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            layout.addLayout(row)
            self.button = button


class DashboardCharts(QScrollArea):
    """Recomputed when shown and after each change while shown."""

    reshape = Signal(object)  # ChartSpec

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        self.cards = [ChartCard(spec) for spec in STANDARD_CHARTS]
        self.heat = ChartCard(None)
        grid = QGridLayout()
        grid.setContentsMargins(0, 8, 8, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        status, stage, health, reliability, overdue = self.cards
        grid.addWidget(status, 0, 0)
        grid.addWidget(stage, 0, 1)
        grid.addWidget(health, 1, 0)
        grid.addWidget(reliability, 1, 1)
        grid.addWidget(self.heat, 2, 0, 1, 2)
        grid.addWidget(overdue, 3, 0, 1, 2)
        for card in self.cards:
            card.reshape.connect(self.reshape)
        body = QWidget()
        body.setLayout(grid)
        self.setWidget(body)
        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        context.bridge.changed.connect(self._on_changed)

    def _on_changed(self, _change) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def refresh(self) -> None:
        portfolio = self.context.portfolio
        if portfolio.closed:
            return
        for card in self.cards:
            result = cuts.evaluate(portfolio, card.spec)
            card.view.rebuild(lambda plot, result=result: draw(plot, result))
        heat = heat_map(portfolio)
        self.heat.view.setMinimumHeight(heat_map_height(len(heat.alliances)))
        self.heat.view.rebuild(lambda plot: draw_heat_map(plot, heat))
        self._stale = False
