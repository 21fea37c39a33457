"""The welcome screen: new, open, demo, and the recent files with missing ones greyed."""

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from alliance_desk.storage import keychain, paths
from alliance_desk.ui.settings import MAX_RECENT, AppSettings
from alliance_desk.ui.welcome import MissingRole
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import (
    Answering,
    click_cancel,
    click_ok,
    make_window,
    type_keys,
    type_text,
)


def test_welcome_is_shown_with_nothing_open(window):
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == "Alliance Desk"
    assert not window.toolbar.isVisible()
    assert not window.alliance_actions.new.isEnabled()
    assert window.welcome.no_recent.isVisible()
    labels = window.welcome.demo_card.findChildren(QLabel)
    assert any("Passphrase: demo" in label.text() for label in labels)


def test_welcome_new_portfolio_creates_and_opens_it(qtbot, window, tmp_path):
    path = tmp_path / "Partnerships"  # the extension is added

    def fill(dialog):
        type_text(qtbot, dialog.path_edit, str(path))
        assert dialog.name_edit.text() == "Partnerships"  # suggested from the file name
        type_text(qtbot, dialog.name_edit, "Oncology partnerships")
        type_keys(qtbot, dialog.passphrase_edit, PASSPHRASE)
        type_keys(qtbot, dialog.repeat_edit, PASSPHRASE)
        click_ok(qtbot, dialog)

    with Answering(fill):
        qtbot.mouseClick(window.welcome.new_card, Qt.MouseButton.LeftButton)
    created = tmp_path / "Partnerships.alliance"
    assert created.exists()
    assert window.portfolio.name == "Oncology partnerships"
    assert window.portfolio.path == created
    assert window.sidebar.visible_alliances() == []
    assert AppSettings().recent_files() == [created.resolve()]
    assert keychain.recall(created) is None  # not asked to remember


def test_welcome_new_portfolio_checks_fields_inline(qtbot, window, tmp_path):
    existing = tmp_path / "taken.alliance"
    existing.write_bytes(b"something")
    seen = {}

    def fill(dialog):
        click_ok(qtbot, dialog)  # everything empty
        seen["empty"] = (
            dialog.path_error.text(),
            dialog.name_error.text(),
            dialog.passphrase_error.text(),
        )
        type_text(qtbot, dialog.path_edit, str(existing))
        type_keys(qtbot, dialog.passphrase_edit, "one")
        type_keys(qtbot, dialog.repeat_edit, "two")
        click_ok(qtbot, dialog)
        seen["second"] = (dialog.path_error.text(), dialog.repeat_error.text())
        seen["open"] = dialog.isVisible()
        click_cancel(qtbot, dialog)

    with Answering(fill):
        qtbot.mouseClick(window.welcome.new_card, Qt.MouseButton.LeftButton)
    assert seen["empty"] == (
        "Choose where to save the portfolio.",
        "Give the portfolio a name.",
        "Choose a passphrase.",
    )
    assert seen["second"] == (
        "taken.alliance already exists; choose another name.",
        "The two passphrases differ.",
    )
    assert seen["open"]
    assert window.portfolio is None
    assert existing.read_bytes() == b"something"


def test_welcome_new_portfolio_can_remember_the_passphrase(qtbot, window, tmp_path):
    path = tmp_path / "remembered.alliance"

    def fill(dialog):
        type_text(qtbot, dialog.path_edit, str(path))
        type_keys(qtbot, dialog.passphrase_edit, "s3cret")
        type_keys(qtbot, dialog.repeat_edit, "s3cret")
        dialog.remember.setFocus()
        qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
        click_ok(qtbot, dialog)

    with Answering(fill):
        window.new_portfolio_action.trigger()
    assert keychain.recall(path) == "s3cret"


def test_welcome_open_button_asks_for_a_file_then_the_passphrase(qtbot, window, portfolio_file):
    window.choose_open_path = lambda: portfolio_file

    def enter(dialog):
        type_keys(qtbot, dialog.passphrase_edit, PASSPHRASE)
        click_ok(qtbot, dialog)

    with Answering(enter):
        qtbot.mouseClick(window.welcome.open_card, Qt.MouseButton.LeftButton)
    assert [a.name for a in window.sidebar.visible_alliances()] == ["Helios Oncology"]


def test_welcome_open_cancelled_file_choice_does_nothing(qtbot, window):
    window.choose_open_path = lambda: None
    qtbot.mouseClick(window.welcome.open_card, Qt.MouseButton.LeftButton)
    assert window.portfolio is None


def test_welcome_recent_files_listed_missing_ones_greyed(qtbot, portfolio_file, tmp_path):
    settings = AppSettings()
    gone = tmp_path / "gone.alliance"
    settings.add_recent(gone)
    settings.add_recent(portfolio_file)
    window = make_window(qtbot, [])
    recent = window.welcome.recent_list
    assert recent.count() == 2
    assert recent.item(0).data(MissingRole) is False
    assert recent.item(1).data(MissingRole) is True
    assert "(missing)" in recent.item(1).toolTip()
    window.recent_menu.aboutToShow.emit()
    labels = {a.text(): a.isEnabled() for a in window.recent_menu.actions() if a.text()}
    assert labels["gone.alliance  (missing)"] is False
    assert labels["portfolio.alliance"] is True

    def enter(dialog):
        type_keys(qtbot, dialog.passphrase_edit, PASSPHRASE)
        click_ok(qtbot, dialog)

    centre = recent.visualItemRect(recent.item(0)).center()
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with Answering(enter):  # QTest's double click needs the click before it, as a user's has
        qtbot.mouseDClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.portfolio is not None


def test_welcome_missing_recent_file_says_so_and_can_be_removed(
    qtbot, window, shown_errors, tmp_path
):
    gone = tmp_path / "gone.alliance"
    window.settings.add_recent(gone)
    window._refresh_recent()
    recent = window.welcome.recent_list
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert shown_errors == [f"There is no file at {gone.resolve()}."]
    recent.setCurrentRow(0)  # a right-click selects the row the menu is for
    recent.actions()[0].trigger()  # "Remove from this list" (context menu)
    assert window.settings.recent_files() == []
    assert window.welcome.no_recent.isVisible()


def test_welcome_recent_list_keeps_ten_most_recent_first(tmp_path):
    settings = AppSettings()
    for number in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"p{number}.alliance")
    settings.add_recent(tmp_path / "p5.alliance")
    files = AppSettings().recent_files()
    assert len(files) == MAX_RECENT
    assert files[0].name == "p5.alliance"
    assert files[1].name == f"p{MAX_RECENT + 2}.alliance"
    assert len(set(files)) == MAX_RECENT


def test_welcome_settings_never_hold_the_passphrase(qtbot, window, portfolio_file):
    def enter(dialog):
        type_keys(qtbot, dialog.passphrase_edit, PASSPHRASE)
        dialog.remember.setFocus()
        qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
        click_ok(qtbot, dialog)

    with Answering(enter):
        window.open_path(portfolio_file)
    window.close()
    text = AppSettings().file.read_text(encoding="utf-8")
    assert str(portfolio_file.resolve()) in text
    assert "battery" not in text


def test_welcome_demo_opens_with_its_passphrase(qtbot, window, demo_template):
    paths.demo_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_template, paths.demo_path())  # as if written on an earlier run
    qtbot.mouseClick(window.welcome.demo_card, Qt.MouseButton.LeftButton)
    assert window.portfolio is not None
    assert window.portfolio.path.name == "Demo portfolio.alliance"
    assert len(window.sidebar.visible_alliances()) >= 3
