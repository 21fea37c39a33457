"""The Conflicts dialog: both versions side by side; restoring one is an undoable edit."""

import pytest
from PySide6.QtCore import Qt

from alliance_desk.sync import merge_files
from tests.conftest import PASSPHRASE
from tests.sync.support import copy, edit
from tests.ui.shell_support import make_window


def helios(p):
    return p.find_alliance("Helios Oncology")


@pytest.fixture
def window(qtbot, portfolio_file):
    theirs = copy(portfolio_file, "theirs.alliance")
    edit(theirs, "laptop-kim", 1, lambda p: p.update(helios(p), notes="Kim's notes"))
    edit(portfolio_file, "laptop-me", 2, lambda p: p.update(helios(p), notes="My notes"))
    merge_files(theirs, portfolio_file, PASSPHRASE, PASSPHRASE)
    window = make_window(qtbot, [])
    assert window.open_path(portfolio_file, PASSPHRASE)
    window.run_dialog = lambda dialog: dialog.show() or False  # look at it, do not block
    return window


def cells(dialog, row: int) -> list[str]:
    return [dialog.compare.item(row, column).text() for column in range(3)]


def test_the_conflicts_dialog_restores_the_other_version_and_undo_takes_it_back(qtbot, window):
    window.sync_controller.conflicts_action.trigger()
    dialog = window.sync_controller.conflicts_dialog
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Helios Oncology"
    rows = [cells(dialog, row) for row in range(dialog.compare.rowCount())]
    assert ["Notes", "My notes", "Kim's notes"] in rows
    assert "kept the version from" in dialog.heading.text()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert helios(window.portfolio).notes == "Kim's notes"
    assert dialog.model.index(0, 4).data() == "Restored"
    assert not dialog.restore_button.isEnabled()

    window.undo_action.trigger()
    assert helios(window.portfolio).notes == "My notes"
    qtbot.waitUntil(lambda: dialog.model.index(0, 4).data() == "Kept in the log")
    assert dialog.restore_button.isEnabled()
