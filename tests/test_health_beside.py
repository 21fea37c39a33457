"""A big file's health is worked out in a thread, on a connection of its own, after the first
window has painted. What arrives must be exactly what the window's own connection would compute,
edits made meanwhile included; in the window, the Dashboard and the sidebar fill in."""

import time

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import Benchmark, BenchmarkOverride
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database
from alliance_desk.ui.alliance_list import HealthRole


@pytest.fixture
def big_demo(demo_file, monkeypatch):
    """The demo, treated as a big file: checked and its health worked out beside the window."""
    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)
    with Portfolio.open(demo_file, "demo", check_beside=True) as portfolio:
        yield portfolio


def whole(portfolio: Portfolio):
    """Statuses and warnings computed from scratch on the portfolio's own connection."""
    portfolio.forget_health()
    return portfolio.health_statuses(), portfolio.early_warnings()


def test_health_worked_out_beside_equals_the_health_computed_at_once(big_demo, demo_file):
    assert big_demo.defer_health()
    assert big_demo.health_computing  # until the thread has started and ended
    big_demo.start_beside()
    statuses, warnings = big_demo.health_statuses(), big_demo.early_warnings()
    assert not big_demo.health_computing
    with Portfolio.open(demo_file, "demo", read_only=True) as plain:
        assert not plain.defer_health()  # a small file computes at once
        assert (statuses, warnings) == (plain.health_statuses(), plain.early_warnings())
    assert {s.light for s in statuses.values()} >= {"yellow", "red"}  # the demo has both


def raise_the_bar_for_trust(portfolio: Portfolio, alliance_id: str) -> None:
    """Thresholds for one alliance above anything scored: its trust, and so its health, turn
    red (an override is one alliance's record, so only that alliance is computed again)."""
    trust = next(b for b in portfolio.all(Benchmark) if b.key == "trust")
    portfolio.add(
        BenchmarkOverride,
        alliance_id=alliance_id,
        benchmark_id=trust.id,
        green_at=trust.scale_max,
        red_below=trust.scale_max - 0.01,
    )


def test_an_edit_made_while_health_is_worked_out_is_not_lost(big_demo, demo_file):
    with Portfolio.open(demo_file, "demo", read_only=True) as plain:
        before = plain.health_statuses()
    alliance_id = next(key for key, status in before.items() if status.light == "yellow")
    assert big_demo.defer_health()
    big_demo.start_beside()
    big_demo._health_beside.wait()  # the thread has read the file as it was before the edit
    raise_the_bar_for_trust(big_demo, alliance_id)
    statuses, warnings = big_demo.health_statuses(), big_demo.early_warnings()
    assert statuses[alliance_id].light == "red"
    assert (statuses, warnings) == whole(big_demo)


def test_a_change_that_drops_every_figure_meanwhile_throws_the_work_away(big_demo):
    assert big_demo.defer_health()
    big_demo.start_beside()
    big_demo._health_beside.wait()
    trust = next(b for b in big_demo.all(Benchmark) if b.key == "trust")
    big_demo.update(trust, green_at=trust.scale_max, red_below=trust.scale_max - 0.01)
    statuses, warnings = big_demo.health_statuses(), big_demo.early_warnings()
    assert {s.light for s in statuses.values()} == {"red"}  # every alliance's trust is red now
    assert (statuses, warnings) == whole(big_demo)


def test_closing_while_health_is_worked_out_stops_it(demo_file, monkeypatch):
    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)
    portfolio = Portfolio.open(demo_file, "demo", check_beside=True)
    assert portfolio.defer_health()
    portfolio.start_beside()
    beside = portfolio._health_beside
    portfolio.close()
    assert not beside.running and beside.figures is None


def test_the_window_fills_in_health_once_it_is_worked_out(demo_file, monkeypatch, qtbot):
    from tests.ui.shell_support import make_window

    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)
    window = make_window(qtbot, [])
    assert window.open_path(demo_file, "demo")
    dashboard = window.workspace.tab("Dashboard")
    health = [dashboard.table.model.index(r, 1).data() for r in range(3)]
    assert health == ["…"] * 3  # painted before the health is known
    assert "Working out" in dashboard.warnings.heading.text()
    sidebar = window.sidebar.view.model()
    first = sidebar.index(0, 0)
    assert "Health: being worked out" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(HealthRole).alpha() == 0  # a hollow dot, not the grey of "no data"

    qtbot.waitUntil(lambda: not window.beside_timer.isActive(), timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.table.model.index(0, 1).data() != "…", timeout=5_000)
    lights = {dashboard.table.model.index(r, 1).data() for r in range(3)}
    assert lights and not lights & {"…", ""}
    assert "Working out" not in dashboard.warnings.heading.text()
    tooltip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert "Health: " in tooltip and "being worked out" not in tooltip
    assert first.data(HealthRole).alpha() == 255


def test_the_work_beside_waits_until_the_opened_window_has_painted(demo_file, monkeypatch, qtbot):
    """A big file's health and whole-file check would slow the window's first paint: they
    start once it is on screen, however long the opening took."""
    from PySide6.QtCore import QEvent, QObject

    from tests.ui.shell_support import make_window

    class PaintWatcher(QObject):
        def __init__(self):
            super().__init__()
            self.started_at_paint: list[bool] = []

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.started_at_paint.append(window.portfolio.beside_started)
            return False

    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)
    window = make_window(qtbot, [])
    watcher = PaintWatcher()
    window.workspace.installEventFilter(watcher)
    with qtbot.waitSignal(window.first_painted):
        assert window.open_path(demo_file, "demo")
        time.sleep(0.3)  # an opening that took long: a timer would be due by now
        assert not window.portfolio.beside_started
    assert watcher.started_at_paint[:1] == [False]
    assert window.portfolio.beside_started
    window.workspace.removeEventFilter(watcher)
    qtbot.waitUntil(lambda: not window.beside_timer.isActive(), timeout=10_000)


def test_a_window_never_painted_starts_the_work_beside_all_the_same(demo_file, monkeypatch, qtbot):
    from alliance_desk.ui.main_window import MainWindow

    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)
    window = MainWindow(remember=False)  # never shown
    qtbot.addWidget(window)
    assert window.open_path(demo_file, "demo")
    assert not window.portfolio.beside_started
    with qtbot.assertNotEmitted(window.first_painted):  # nothing was painted
        qtbot.waitUntil(lambda: window.portfolio.beside_started, timeout=5_000)
    portfolio = window.portfolio
    qtbot.waitUntil(lambda: not (portfolio.health_computing or portfolio.checking), timeout=10_000)
