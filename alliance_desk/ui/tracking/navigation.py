"""Finding a sibling tab of the workspace and opening a record there, and the quick filters."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from alliance_desk.ui.record_tab import Row


@dataclass(frozen=True)
class QuickFilter:
    """A one-click filter: `test(row, today)` keeps a row."""

    key: str
    label: str
    test: Callable[[Row, date], bool] | None
    tip: str = ""


def _workspace(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None and not hasattr(parent, "select_tab"):
        parent = parent.parentWidget()
    return parent


def find_tab(widget: QWidget, tab_title: str) -> QWidget | None:
    """The workspace tab titled `tab_title` beside `widget`, or None outside a workspace."""
    workspace = _workspace(widget)
    return workspace.tab(tab_title) if workspace is not None else None


def open_record(widget: QWidget, tab_title: str, ident: str) -> bool:
    """Switch the workspace to the tab titled `tab_title` and select record `ident` there."""
    workspace = _workspace(widget)
    if workspace is None or not workspace.select_tab(tab_title):
        return False
    target = workspace.tab(tab_title)
    return bool(getattr(target, "show_record", lambda _i: False)(ident))
