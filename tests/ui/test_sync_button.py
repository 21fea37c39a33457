"""The Sync button and sharing menu items in a real window, against a real shared file."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.sync.shared import sync_with_shared
from tests.conftest import PASSPHRASE
from tests.sync.support import as_device, copy, edit
from tests.ui.shell_support import make_window, sidebar_names

WAIT_MS = 20_000


@pytest.fixture
def window(qtbot):
    return make_window(qtbot, [])


@pytest.fixture
def cloud(tmp_path) -> Path:
    folder = tmp_path / "Cloud"
    folder.mkdir()
    return folder / "Team.alliance"


def names(path: Path) -> list[str]:
    with Portfolio.open(path, PASSPHRASE, read_only=True) as portfolio:
        return sorted(a.name for a in portfolio.all(Alliance))


def click_sync(qtbot, window):
    button = window.sync_controller.button
    with qtbot.waitSignal(window.sync_controller.synced, timeout=WAIT_MS) as done:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_the_sync_button_sets_up_a_shared_file_then_syncs_both_ways(
    qtbot, window, portfolio_file, cloud
):
    theirs = copy(portfolio_file, "theirs.alliance")
    assert window.open_path(portfolio_file, PASSPHRASE)
    controller = window.sync_controller
    assert controller.button.text() == "Sync…"
    controller.choose_shared_file = lambda: cloud
    assert click_sync(qtbot, window).created
    assert controller.button.text().startswith("Synced ")

    with as_device("laptop-kim"):
        edit(theirs, "laptop-kim", 1, lambda p: p.add_alliance("Orion Devices"))
        sync_with_shared(theirs, PASSPHRASE, cloud)
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS):  # the file changed on disk
        pass
    qtbot.waitUntil(lambda: "Orion Devices" in sidebar_names(window), timeout=WAIT_MS)

    window.portfolio.add_alliance("Vega Health")
    result = click_sync(qtbot, window)
    assert result.pushed.added["alliances"] == 1
    assert names(cloud) == ["Helios Oncology", "Orion Devices", "Vega Health"]
    window.portfolio.add_alliance("Written just before closing")
    qtbot.wait(50)  # let views finish refreshing (a dashboard timer fails once closed)
    window.close_portfolio()  # closing syncs once more
    assert "Written just before closing" in names(cloud)


def test_the_shared_file_is_remembered_and_synced_on_open(qtbot, window, portfolio_file, cloud):
    assert window.open_path(portfolio_file, PASSPHRASE)
    window.sync_controller.choose_shared_file = lambda: cloud
    click_sync(qtbot, window)
    qtbot.wait(50)
    window.close_portfolio()
    theirs = copy(cloud, "from-cloud.alliance")
    edit(theirs, "laptop-kim", 1, lambda p: p.add_alliance("Orion Devices"))
    sync_with_shared(theirs, PASSPHRASE, cloud)
    with qtbot.waitSignal(window.sync_controller.synced, timeout=WAIT_MS):
        assert window.open_path(portfolio_file, PASSPHRASE)
    qtbot.waitUntil(lambda: "Orion Devices" in sidebar_names(window), timeout=WAIT_MS)


def test_a_conflicted_copy_beside_the_shared_file_is_merged_in_one_click(
    qtbot, window, portfolio_file, cloud
):
    assert window.open_path(portfolio_file, PASSPHRASE)
    controller = window.sync_controller
    controller.choose_shared_file = lambda: cloud
    click_sync(qtbot, window)
    conflicted = copy(cloud, "Team (Kim's conflicted copy 2026-03-02).alliance")
    edit(conflicted, "laptop-kim", 1, lambda p: p.add_alliance("Orion Devices"))
    click_sync(qtbot, window)
    assert controller.copies == [conflicted]
    assert "1 conflicted copy" in controller.button.text()
    reports = []
    controller.show_report = lambda title, lines: reports.append(lines)
    controller._fill_menu()
    (action,) = [a for a in controller.menu.actions() if "conflicted copy" in a.text()]
    with qtbot.waitSignal(controller.merged, timeout=WAIT_MS):
        action.trigger()
    assert reports[0][0] == "Added: 1 alliance, 1 stage change."
    assert "Orion Devices" in sidebar_names(window)
    assert controller.copies == []
    click_sync(qtbot, window)
    assert controller.copies == []  # merged once, not offered again


def test_merge_another_file_asks_for_its_passphrase_and_refreshes_the_window(
    qtbot, window, portfolio_file
):
    theirs = copy(portfolio_file, "mailed.alliance")
    with Portfolio.open(theirs, PASSPHRASE) as portfolio:
        portfolio.change_passphrase("kim's")
    edit(theirs, "laptop-kim", 1, lambda p: p.add_alliance("Orion Devices"), passphrase="kim's")
    assert window.open_path(portfolio_file, PASSPHRASE)
    controller = window.sync_controller
    asked, reports = [], []
    controller.choose_merge_source = lambda: theirs
    controller.ask_passphrase = lambda path, note: asked.append(note) or "kim's"
    controller.show_report = lambda title, lines: reports.append(lines)
    with qtbot.waitSignal(controller.merged, timeout=WAIT_MS):
        controller.merge_action.trigger()
    assert asked == ["mailed.alliance has its own passphrase."]
    assert reports[0][0] == "Added: 1 alliance, 1 stage change."
    assert sidebar_names(window) == ["Helios Oncology", "Orion Devices"]


def test_a_shared_file_with_another_passphrase_asks_for_it_when_you_click_sync(
    qtbot, window, portfolio_file, cloud
):
    sync_with_shared(copy(portfolio_file, "other.alliance"), PASSPHRASE, cloud, "team secret")
    assert window.open_path(portfolio_file, PASSPHRASE)
    controller = window.sync_controller
    controller.choose_shared_file = lambda: cloud
    asked = []
    controller.ask_passphrase = lambda path, note: asked.append(path) or "team secret"
    controller.show_error = lambda message, title="": None
    assert isinstance(click_sync(qtbot, window), Exception)  # the first try fails: it asks
    assert asked == [cloud]
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS) as second:
        pass
    assert not isinstance(second.args[0], Exception)
    assert controller.button.text().startswith("Synced ")
