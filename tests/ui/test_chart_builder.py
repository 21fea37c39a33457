"""The chart builder: reshape a chart with its combos, focus a bar, export PNG, pin it."""

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from alliance_desk import clock
from alliance_desk.insights.cuts import ChartSpec
from alliance_desk.models import ActionItem
from alliance_desk.ui.chart_builder import ChartBuilder
from alliance_desk.ui.dashboard_tab import BUILDER_PAGE, CHARTS_PAGE, DashboardTab
from alliance_desk.ui.pinned_charts import clear_pinned, pinned_chart_specs
from alliance_desk.ui.settings import AppSettings
from tests.charts.conftest import decode

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Host(QWidget):
    """Stands in for the main window: its save prompt, status line and settings."""

    def __init__(self, settings: AppSettings, save_to: Path | None):
        super().__init__()
        self.settings = settings
        self.save_to = save_to
        self.messages: list[str] = []

    def choose_save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        assert filters == "PNG images (*.png)"
        return self.save_to

    def status(self, message: str) -> None:
        self.messages.append(message)


@pytest.fixture
def host(tmp_path) -> Host:
    return Host(AppSettings(tmp_path / "settings.ini"), tmp_path / "chart")


@pytest.fixture
def builder(portfolio, context, qtbot, host) -> ChartBuilder:
    helios = portfolio.find_alliance("Helios Oncology")
    orion = portfolio.add_alliance("Orion Vaccines", stage="execution", status="on_hold")
    late = clock.today() - timedelta(days=3)
    for alliance, owner in [(helios, "Ann"), (helios, "Ann"), (orion, "Ben")]:
        portfolio.add(
            ActionItem, alliance_id=alliance.id, title="Do", owner_name=owner, due_date=late
        )
    widget = ChartBuilder(context)
    QVBoxLayout(host).addWidget(widget)
    qtbot.addWidget(host)
    host.resize(1100, 600)
    host.show()
    qtbot.waitExposed(host)
    return widget


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry the way a user does: open the combo, then click the entry."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setFocus()
    combo.setCurrentIndex(index)  # QComboBox popups do not open off-screen; this is the change


def test_builder_starts_with_alliances_by_status(builder):
    assert builder.result.title == "Alliances by status"
    assert builder.result.categories == ["Active", "On hold"]


def test_changing_cut_measure_and_type_reshapes_the_chart(builder, qtbot):
    choose(qtbot, builder.cut, "Owner")
    choose(qtbot, builder.records, "Actions")
    assert builder.result.title == "Open actions by owner"
    assert dict(zip(builder.result.categories, builder.result.values[0], strict=True)) == {
        "Ann": 2.0,
        "Ben": 1.0,
    }
    choose(qtbot, builder.measure, "Overdue count")
    assert builder.result.title == "Overdue actions by owner"
    choose(qtbot, builder.kind, "Stacked bar")
    assert builder.stack.isEnabled()
    choose(qtbot, builder.stack, "Lifecycle stage")
    assert builder.result.series == ["Formation", "Execution"]
    assert builder.spec().kind == "stacked"


def test_a_filter_keeps_one_stage(builder, qtbot):
    choose(qtbot, builder.stage_filter, "Execution")
    assert builder.result.categories == ["On hold"]
    assert "filtered" in builder.counted.text()


def test_clicking_a_bar_focuses_on_that_segment(builder, qtbot):
    choose(qtbot, builder.cut, "Lifecycle stage")
    plot = builder.view.plot
    scene_point = plot.vb.mapViewToScene(QPointF(1, 0.5))  # inside the "Execution" bar
    view = builder.view.plot_widget
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))
    assert builder.focus.currentText() == "Execution"
    assert builder.result.title == "Execution: alliances per alliance"
    assert builder.result.categories == ["Orion Vaccines"]
    choose(qtbot, builder.focus, "No focus")
    assert builder.result.categories == ["Formation", "Execution"]


def test_export_png_writes_the_chart_atomically(builder, host, qtbot, tmp_path):
    qtbot.mouseClick(builder.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "chart.png"
    data = written.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert decode(data).width() == 1800
    assert not list(tmp_path.glob(".*.part"))
    assert host.messages[-1] == f"Saved the chart to {written}."


def test_export_cancelled_writes_nothing(builder, host, qtbot, tmp_path):
    host.save_to = None
    qtbot.mouseClick(builder.export_button, Qt.MouseButton.LeftButton)
    assert not list(tmp_path.glob("*.png"))


def test_add_to_next_preread_stores_the_spec_for_this_portfolio(builder, host, qtbot, portfolio):
    choose(qtbot, builder.cut, "Lifecycle stage")
    qtbot.mouseClick(builder.pin_button, Qt.MouseButton.LeftButton)
    choose(qtbot, builder.kind, "Stacked bar")
    qtbot.mouseClick(builder.pin_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(builder.pin_button, Qt.MouseButton.LeftButton)  # the same one: kept once
    pinned = pinned_chart_specs(AppSettings(host.settings.file), portfolio.portfolio_id)
    assert [(s.cut, s.kind) for s in pinned] == [("stage", "bar"), ("stage", "stacked")]
    assert builder.pinned_label.text() == "2 charts waiting for the next pre-read."
    assert pinned_chart_specs(host.settings, "another-portfolio") == []
    clear_pinned(host.settings, portfolio.portfolio_id)
    assert pinned_chart_specs(host.settings, portfolio.portfolio_id) == []


def test_set_spec_loads_every_combo(builder):
    spec = ChartSpec(
        cut="owner",
        records="actions",
        kind="stacked",
        open_only=False,
        filters={"stage": ["formation"]},
    )
    builder.set_spec(spec)
    assert builder.spec() == spec
    assert builder.result.title == "Actions by owner, split by record status"


def test_dashboard_builds_its_chart_pages_when_first_shown(context, qtbot):
    dashboard = DashboardTab(context)
    qtbot.addWidget(dashboard)
    assert dashboard.charts is None and dashboard.builder is None
    charts = dashboard.show_page(CHARTS_PAGE)
    charts.refresh()
    titles = [card.view.plot.titleLabel.text for card in charts.cards]
    assert any("Alliances by status" in t for t in titles)
    assert "Health by alliance and benchmark" in charts.heat.view.plot.titleLabel.text
    charts.cards[1].button.click()  # "Reshape…" on alliances by stage
    assert dashboard.pages.tabText(dashboard.pages.currentIndex()) == BUILDER_PAGE
    assert dashboard.builder.result.title == "Alliances by lifecycle stage"
