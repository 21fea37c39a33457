"""The Lifecycle tab and the portfolio's checklist-template and benchmark editors."""

from alliance_desk.ui.lifecycle.tab import LifecycleTab

__all__ = ["LifecycleTab"]
