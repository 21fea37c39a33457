"""Helpers for the tracking tabs: a shown, active tab of the test portfolio, keys typed into it."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alliance_desk import clock
from alliance_desk.ui.app import create_application
from alliance_desk.ui.tracking import make_tracking_tab

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2026, 6, 15, 9, 0)


@pytest.fixture(autouse=True)
def frozen_clock():
    """Today is 15 Jun 2026 in every tracking test (due dates and overdue depend on it)."""
    clock.freeze(NOW)
    yield
    clock.freeze(None)


@pytest.fixture
def open_tab(context, alliance, qtbot):
    """`open_tab("Actions")`: the tab for the test alliance, shown and active."""
    create_application()

    def make(title: str, alliance_shown=alliance):
        tab = make_tracking_tab(title, context)
        qtbot.addWidget(tab)
        tab.set_alliance(alliance_shown)
        tab.resize(1200, 800)
        tab.show()
        qtbot.waitExposed(tab)
        tab.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
        return tab

    return make


def type_into(qtbot, field, text: str, finish=Qt.Key.Key_Return) -> None:
    """Replace a field's text as a user does: select all, type, finish the edit."""
    editor = field.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    if finish is not None:
        qtbot.keyClick(editor, finish)


def row_titles(tab) -> list[str]:
    """The titles the table shows, in its order."""
    return [row.title for row in tab.table.visible_rows()]


def select(tab, *titles: str) -> None:
    ids = [row.id for row in tab.table.model.rows if row.title in titles]
    tab.table.select_ids(ids)
    tab.table.view.setFocus()


def wait_for_dialog(qtbot, tab):
    """The dialog the tab opened, once it is the active window (keys reach it)."""
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.dialog)
    return tab.dialog
