"""The workspace tabs of DESIGN.md §6, built by one factory so the main window stays small.

Overview edits the alliance; Stakeholders holds the worksheet; the tracking tabs (Actions to
Payments, in ui/tracking) edit the daily records; Health shows benchmarks, surveys and
warnings (ui/health); Lifecycle the stage and its checklists (ui/lifecycle). The Dashboard
covers the whole portfolio.
"""

from importlib import import_module

from PySide6.QtWidgets import QWidget

from alliance_desk.ui.context import UiContext
from alliance_desk.ui.tracking import TRACKING_TABS, make_tracking_tab

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


_TABS = {  # title: module:class, imported when the tab is first made (tabs are built lazily)
    "Overview": "overview_tab:OverviewTab",
    "Dashboard": "dashboard_tab:DashboardTab",
    "Stakeholders": "worksheet.tab:StakeholdersTab",
    "Health": "health.tab:HealthTab",
    "Lifecycle": "lifecycle.tab:LifecycleTab",
}


def make_tab(title: str, context: UiContext, parent: QWidget | None = None) -> QWidget:
    """The widget for one tab title (from WORKSPACE_TABS or PORTFOLIO_TABS)."""
    if title in TRACKING_TABS:
        return make_tracking_tab(title, context, parent)
    if title not in _TABS:
        raise KeyError(f"No workspace tab is called {title!r}.")
    module, name = _TABS[title].split(":")
    return getattr(import_module(f"alliance_desk.ui.{module}"), name)(context, parent)


__all__ = ["WORKSPACE_TABS", "PORTFOLIO_TABS", "make_tab"]
