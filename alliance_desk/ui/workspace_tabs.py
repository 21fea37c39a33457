"""The workspace tabs of DESIGN.md §6, built by one factory so the main window stays small.

Overview edits the alliance; Stakeholders holds the worksheet; the tracking tabs (Actions to
Payments, in ui/tracking) edit the daily records; Health shows benchmarks, surveys and
warnings (ui/health); Lifecycle the stage and its checklists (ui/lifecycle). The Dashboard
covers the whole portfolio.
"""

from PySide6.QtWidgets import QWidget

from alliance_desk.ui.context import UiContext
from alliance_desk.ui.dashboard_tab import DashboardTab
from alliance_desk.ui.health.tab import HealthTab
from alliance_desk.ui.lifecycle import LifecycleTab
from alliance_desk.ui.overview_tab import OverviewTab
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
    if title == "Health":
        return HealthTab(context, parent)
    if title == "Lifecycle":
        return LifecycleTab(context, parent)
    raise KeyError(f"No workspace tab is called {title!r}.")


__all__ = ["WORKSPACE_TABS", "PORTFOLIO_TABS", "make_tab"]
