"""The tracking tabs (DOMAIN.md §2-§5): actions, milestones, risks and issues, decisions,
meetings and payments — each editable per alliance or across the whole portfolio."""

from PySide6.QtWidgets import QWidget

from alliance_desk.ui.context import UiContext
from alliance_desk.ui.tracking.actions import ActionsTab
from alliance_desk.ui.tracking.decisions import DecisionsTab
from alliance_desk.ui.tracking.meetings import MeetingsTab
from alliance_desk.ui.tracking.milestones import MilestonesTab
from alliance_desk.ui.tracking.payments import PaymentsTab
from alliance_desk.ui.tracking.risks import RisksTab
from alliance_desk.ui.tracking.tab import TrackingTab

TRACKING_TABS: dict[str, type[TrackingTab]] = {
    tab.title: tab
    for tab in (ActionsTab, MilestonesTab, RisksTab, DecisionsTab, MeetingsTab, PaymentsTab)
}


def make_tracking_tab(title: str, context: UiContext, parent: QWidget | None = None) -> TrackingTab:
    """The tab for a title of TRACKING_TABS."""
    return TRACKING_TABS[title](context, parent)


__all__ = ["TRACKING_TABS", "TrackingTab", "make_tracking_tab"]
