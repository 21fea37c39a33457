"""A start paints the window from a glance (glance.py) while the portfolio opens: the user sees
the Dashboard's figures at once, can change nothing until the portfolio is in, and then sees
the same figures from the portfolio itself."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from alliance_desk.opening import Opening
from alliance_desk.storage import lock
from alliance_desk.storage.passphrase import Lookup
from alliance_desk.ui.dashboard_tab import DashboardTab
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import sidebar_names
from tests.ui.test_main_window import someone_else_holds


def start(window, path, secret):
    """What a start does: the opening in a thread, the glance painted, then the portfolio."""
    opening = Opening(Lookup(path, secret), {"check_beside": True}, glance=True)
    glance = opening.glance()
    assert glance is not None
    window.show_glance(glance, lambda: window.open_path(path, None, opening))
    return glance


def dashboard_cells(window) -> list[list[str]]:
    """What the Dashboard's table shows, row by row, without the Health column (the glance
    has no health yet: it says so in every row)."""
    tab = window.workspace.tab("Dashboard")
    assert isinstance(tab, DashboardTab)
    model = tab.table.proxy
    across = Qt.Orientation.Horizontal
    columns = [c for c in range(model.columnCount()) if model.headerData(c, across) != "Health"]
    return [[str(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())]


def test_a_start_shows_the_dashboard_from_its_glance_then_the_same_from_the_portfolio(
    qtbot, window, demo_file
):
    glance = start(window, demo_file, "demo")
    # painted from the glance, before the portfolio is open: figures, and nothing to edit
    assert window.portfolio is None
    assert window.workspace.current_tab_title() == "Dashboard"
    assert window.workspace.built_tabs() == ["Dashboard"]
    first_names, first_cells = sidebar_names(window), dashboard_cells(window)
    first_summary = window.workspace.tab("Dashboard").summary()
    assert len(first_names) >= 5 and len(first_cells) >= 5
    assert "overdue action" in first_summary
    assert not window.alliance_actions.new.isEnabled()
    assert "Opening demo.alliance" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.glance_painted, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.portfolio is not None, timeout=15000)
    # the portfolio replaced it: the same names and figures, now editable
    assert glance.closed
    assert sidebar_names(window) == first_names
    assert dashboard_cells(window) == first_cells
    assert window.workspace.tab("Dashboard").summary() == first_summary
    assert window.alliance_actions.new.isEnabled()
    assert lock.is_mine(lock.read(demo_file))


def test_a_start_on_another_tab_builds_it_once_the_portfolio_is_in(qtbot, window, demo_file):
    window.settings.last_tab = "Actions"
    start(window, demo_file, "demo")
    assert window.workspace.current_tab_title() == "Actions"
    assert window.workspace.built_tabs() == []  # the alliance's tabs need the portfolio
    note = window.workspace.tabs.currentWidget().findChild(QLabel, "OpeningNote")
    assert note is not None and note.text() == "Opening the portfolio…"
    qtbot.waitUntil(lambda: window.portfolio is not None, timeout=15000)
    assert window.workspace.current_tab_title() == "Actions"
    assert "Actions" in window.workspace.built_tabs()


def test_a_start_whose_file_someone_else_holds_can_be_cancelled(qtbot, window, portfolio_file):
    """The lock is the open's question, asked over the glance; cancelled, the window goes back
    to the welcome page and the colleague's lock stays."""
    someone_else_holds(portfolio_file)
    asked = []
    window.ask_lock_choice = lambda exc: asked.append(exc.holder)  # None: cancel
    glance = start(window, portfolio_file, PASSPHRASE)
    assert sidebar_names(window) == ["Helios Oncology"]
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome)
    assert window.portfolio is None and glance.closed
    assert sidebar_names(window) == []
    assert lock.read(portfolio_file) is not None and not lock.is_mine(lock.read(portfolio_file))


def test_a_start_whose_open_fails_unexpectedly_says_so_and_leaves_the_glance(
    qtbot, window, shown_errors, demo_file
):
    """Whatever goes wrong after the glance is painted, the window does not stay on a glance
    that nothing can be done with: it says so and goes back to the welcome page."""
    opening = Opening(Lookup(demo_file, "demo"), {"check_beside": True}, glance=True)
    glance = opening.glance()

    def failing() -> None:
        raise RuntimeError("the disk went away")

    window.show_glance(glance, failing)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=15000)
    assert shown_errors == ["demo.alliance could not be opened (the disk went away)."]
    assert glance.closed and window.portfolio is None
    assert "Opening" not in window.statusBar().currentMessage()
    opening.discard()
    assert lock.read(demo_file) is None  # nothing was opened behind the glance
