"""The tracking commands in the window's menus: New action… (Ctrl+Shift+A) and its siblings
in the Alliance menu, and the portfolio-wide lists in the View menu."""

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow

NEW_RECORDS = [  # (tab title, menu text, keys)
    ("Actions", "New &action…", "Ctrl+Shift+A"),
    ("Milestones", "New &milestone…", "Ctrl+Shift+M"),
    ("Risks", "New &risk or issue…", "Ctrl+Shift+R"),
    ("Decisions", "New d&ecision…", "Ctrl+Shift+D"),
    ("Meetings", "New mee&ting…", "Ctrl+Shift+E"),
    ("Payments", "New &payment…", "Ctrl+Shift+P"),
]
PORTFOLIO_LISTS = [  # (tab title, menu text, quick filter)
    ("Actions", "Open &actions", "open"),
    ("Milestones", "Planned &milestones", "open"),
    ("Risks", "Open &risks and issues", "open"),
    ("Meetings", "Upcoming m&eetings", "upcoming"),
    ("Payments", "Outstanding &payments", "outstanding"),
]


def install(window: "MainWindow", alliance_menu: QMenu, view_menu: QMenu) -> None:
    """Add the New record actions and the portfolio-wide lists; set them on the window."""
    alliance_menu.addSeparator()
    window.new_record_actions = {}
    for title, text, keys in NEW_RECORDS:
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(f"Add to the {title} of the selected alliance")
        action.triggered.connect(lambda _checked=False, t=title: new_record(window, t))
        alliance_menu.addAction(action)
        window.new_record_actions[title] = action
    view_menu.addSeparator()
    upcoming = QAction("&Upcoming decisions across the portfolio", window)
    upcoming.setShortcut(QKeySequence("Ctrl+Shift+U"))
    upcoming.triggered.connect(lambda: show_upcoming_decisions(window))
    view_menu.addAction(upcoming)
    window.upcoming_decisions_action = upcoming
    across = view_menu.addMenu("Across the &portfolio")
    for title, text, quick in PORTFOLIO_LISTS:
        action = across.addAction(text)
        action.triggered.connect(
            lambda _checked=False, t=title, q=quick: show_portfolio_wide(window, t, q)
        )


def new_record(window: "MainWindow", title: str) -> None:
    """New record of the kind; from a selected meeting, actions and decisions link to it."""
    from alliance_desk.ui.tracking.meetings import MeetingsTab

    if window.portfolio is None or window.portfolio.read_only:
        return
    workspace = window.workspace
    current = workspace.tab(workspace.current_tab_title())
    if isinstance(current, MeetingsTab) and current.current_meeting() is not None:
        if title == "Actions":
            current.new_action_from_meeting()
            return
        if title == "Decisions":
            current.new_decision_from_meeting()
            return
    tab = workspace.tab(title)
    if tab is None:
        return
    workspace.select_tab(title)
    tab.new_record()


def show_portfolio_wide(window: "MainWindow", title: str, quick: str = "all") -> None:
    """A tab's records across the whole portfolio, with one of its quick filters."""
    tab = window.workspace.tab(title)
    if window.portfolio is None or tab is None:
        return
    window.workspace.select_tab(title)
    tab.set_portfolio_wide(True)
    tab.set_quick_filter(quick)


def show_upcoming_decisions(window: "MainWindow") -> None:
    from alliance_desk.ui.tracking.decisions import DecisionsTab

    tab = window.workspace.tab("Decisions")
    if window.portfolio is None or not isinstance(tab, DecisionsTab):
        return
    window.workspace.select_tab("Decisions")
    tab.show_upcoming()
