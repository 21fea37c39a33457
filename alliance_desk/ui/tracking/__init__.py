"""The tracking tabs (DOMAIN.md §2-§5): actions, milestones, risks and issues, decisions,
meetings and payments — each editable per alliance or across the whole portfolio.

A tab's module is imported when the tab is first made, so opening a portfolio (which shows
one tab) does not load the other five.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from alliance_desk.ui.context import UiContext

if TYPE_CHECKING:
    from alliance_desk.ui.tracking.tab import TrackingTab

TRACKING_TABS: dict[str, str] = {  # title: module:class
    "Actions": "actions:ActionsTab",
    "Milestones": "milestones:MilestonesTab",
    "Risks": "risks:RisksTab",
    "Decisions": "decisions:DecisionsTab",
    "Meetings": "meetings:MeetingsTab",
    "Payments": "payments:PaymentsTab",
}


def tracking_tab_class(title: str) -> "type[TrackingTab]":
    module, name = TRACKING_TABS[title].split(":")
    return getattr(import_module(f"{__name__}.{module}"), name)


def make_tracking_tab(
    title: str, context: UiContext, parent: QWidget | None = None
) -> "TrackingTab":
    """The tab for a title of TRACKING_TABS."""
    return tracking_tab_class(title)(context, parent)


__all__ = ["TRACKING_TABS", "make_tracking_tab", "tracking_tab_class"]
