"""Finding a sibling tab of the workspace and opening a record there, and the quick filters."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from alliance_desk.ui.record_tab import Row


@dataclass(frozen=True)
class QuickFilter:
    """A one-click filter: `test(row, today)` keeps a row."""

    key: str
    label: str
    test: Callable[[Row, date], bool] | None
    tip: str = ""


def _tab_widget(widget: QWidget) -> QTabWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    return parent


def find_tab(widget: QWidget, tab_title: str) -> QWidget | None:
    """The workspace tab titled `tab_title` beside `widget`, or None outside a workspace."""
    tabs = _tab_widget(widget)
    if tabs is None:
        return None
    for index in range(tabs.count()):
        if tabs.tabText(index) == tab_title:
            return tabs.widget(index)
    return None


def open_record(widget: QWidget, tab_title: str, ident: str) -> bool:
    """Switch the workspace to the tab titled `tab_title` and select record `ident` there."""
    target = find_tab(widget, tab_title)
    if target is None:
        return False
    _tab_widget(widget).setCurrentWidget(target)
    return bool(getattr(target, "show_record", lambda _i: False)(ident))
