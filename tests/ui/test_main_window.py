"""The main window on real encrypted files: open, create, edit with undo, read-only, keyring."""

import json
import os
import socket
import stat
import threading

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alliance_desk import clock
from alliance_desk.opening import Opening
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import errors, keychain, lock
from alliance_desk.storage.database import writable_problem
from alliance_desk.storage.passphrase import Lookup
from alliance_desk.ui import undo
from alliance_desk.ui.main_window import LOCK_REFRESH_MS, MainWindow
from alliance_desk.ui.overview_tab import OverviewTab
from tests.conftest import PASSPHRASE
from tests.ui.conftest import DISK_FAILURE
from tests.ui.shell_support import (
    Answering,
    activate,
    click_cancel,
    click_message_button,
    click_ok,
    make_window,
    shortcut,
    sidebar_names,
    type_keys,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def opened(window, portfolio_file) -> MainWindow:
    """The window with the template portfolio open (passphrase given, as from the CLI)."""
    assert window.open_path(portfolio_file, PASSPHRASE)
    return window


@pytest.fixture
def overview(qtbot, opened) -> tuple[MainWindow, OverviewTab]:
    """The open window showing Helios on the Overview tab, active for shortcuts."""
    opened.workspace.select_tab("Overview")
    activate(qtbot, opened)
    return opened, opened.workspace.tab("Overview")


def enter_passphrase(qtbot, secret: str = PASSPHRASE, remember: bool = False):
    def handle(dialog):
        type_keys(qtbot, dialog.passphrase_edit, secret)
        if remember:
            dialog.remember.setFocus()
            qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
        click_ok(qtbot, dialog)

    return handle


def new_alliance(qtbot, name: str, partner: str = ""):
    def handle(dialog):
        qtbot.keyClicks(dialog.name_edit, name)
        if partner:
            qtbot.keyClicks(dialog.partner_edit, partner)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    return handle


def test_main_window_round_trip_create_add_close_reopen(qtbot, window, tmp_path):
    path = tmp_path / "Partnerships.alliance"

    def fill_new(dialog):
        type_text(qtbot, dialog.path_edit, str(path))
        type_text(qtbot, dialog.name_edit, "Oncology partnerships")
        type_keys(qtbot, dialog.passphrase_edit, PASSPHRASE)
        type_keys(qtbot, dialog.repeat_edit, PASSPHRASE)
        click_ok(qtbot, dialog)

    with Answering(fill_new):
        qtbot.mouseClick(window.welcome.new_card, Qt.MouseButton.LeftButton)
    assert path.exists()
    assert window.windowTitle() == "Oncology partnerships — Alliance Desk"
    assert window.stack.currentWidget() is window.workspace

    with Answering(new_alliance(qtbot, "Helios Oncology", "Brightwave Bio")):
        shortcut(qtbot, window, Qt.Key.Key_N, CTRL)
    assert sidebar_names(window) == ["Helios Oncology"]
    assert window.workspace.alliance.partner == "Brightwave Bio"

    shortcut(qtbot, window, Qt.Key.Key_W, CTRL)
    assert window.portfolio is None
    assert window.stack.currentWidget() is window.welcome
    assert not lock.lock_path(path).exists()

    window.choose_open_path = lambda: path
    with Answering(enter_passphrase(qtbot)):
        shortcut(qtbot, window, Qt.Key.Key_O, CTRL)
    assert sidebar_names(window) == ["Helios Oncology"]
    assert window.sidebar.current_alliance().name == "Helios Oncology"
    assert window.workspace.alliance.name == "Helios Oncology"


def test_main_window_wrong_passphrase_is_said_inline_and_file_untouched(
    qtbot, window, portfolio_file
):
    before = portfolio_file.read_bytes()
    seen = {}

    def wrong_then_cancel(dialog):
        qtbot.keyClicks(dialog.passphrase_edit, "not the passphrase")
        click_ok(qtbot, dialog)
        seen["visible"] = dialog.isVisible()
        seen["message"] = dialog.message.text() if dialog.message.isVisible() else ""
        click_cancel(qtbot, dialog)

    with Answering(wrong_then_cancel):
        assert not window.open_path(portfolio_file)
    assert seen["visible"]
    assert seen["message"] == errors.WrongPassphrase(portfolio_file).message
    assert window.portfolio is None
    assert portfolio_file.read_bytes() == before
    assert not lock.lock_path(portfolio_file).exists()


def test_main_window_wrong_then_right_passphrase_opens(qtbot, window, portfolio_file):
    def wrong_then_right(dialog):
        qtbot.keyClicks(dialog.passphrase_edit, "nope")
        click_ok(qtbot, dialog)
        assert dialog.isVisible()
        type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
        click_ok(qtbot, dialog)

    with Answering(wrong_then_right):
        assert window.open_path(portfolio_file)
    assert sidebar_names(window) == ["Helios Oncology"]


def test_main_window_file_problem_is_one_sentence(window, shown_errors, tmp_path):
    empty = tmp_path / "empty.alliance"
    empty.write_bytes(b"")
    assert not window.open_path(empty)
    assert shown_errors == [errors.EmptyFile(empty).message]
    assert not window.open_path(tmp_path / "nowhere.alliance")
    assert "There is no file" in shown_errors[-1]


def test_main_window_read_only_file_shows_banner_and_disables_edits(qtbot, window, portfolio_file):
    portfolio_file.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444
    if not writable_problem(portfolio_file):
        pytest.skip("running as root: the core sees a 0o444 file as writable (see report)")
    assert window.open_path(portfolio_file, PASSPHRASE)
    assert_read_only(window)


def test_main_window_locked_file_opens_read_only_on_request(qtbot, window, portfolio_file):
    someone_else_holds(portfolio_file)
    asked = []
    window.ask_lock_choice = lambda exc: asked.append(exc.holder) or "read_only"
    assert window.open_path(portfolio_file, PASSPHRASE)
    assert len(asked) == 1 and asked[0].startswith("dana on far-away-host")
    assert_read_only(window)
    assert "you chose to open it read-only" in window.workspace.banner.text()
    window.close_portfolio()
    assert lock.lock_path(portfolio_file).exists()  # their lock stays


def test_main_window_locked_file_can_be_taken_over(qtbot, window, portfolio_file):
    someone_else_holds(portfolio_file)
    window.ask_lock_choice = lambda exc: "take_over"
    assert window.open_path(portfolio_file, PASSPHRASE)
    assert not window.portfolio.read_only
    assert lock.is_mine(lock.read(portfolio_file))


def test_main_window_locked_file_cancel_opens_nothing(qtbot, window, portfolio_file):
    someone_else_holds(portfolio_file)
    window.ask_lock_choice = lambda exc: None
    assert not window.open_path(portfolio_file, PASSPHRASE)
    assert window.portfolio is None


def test_main_window_lock_question_names_the_holder(qtbot, window, portfolio_file):
    exc = errors.PortfolioLocked(portfolio_file, "dana on far-away-host")
    seen = {}

    def answer(box):
        seen["text"] = box.text()
        click_message_button(qtbot, box, "Open anyway")

    with Answering(answer):
        choice = window.ask_lock_choice(exc)
    assert choice == "take_over"
    assert "dana on far-away-host" in seen["text"]
    with Answering(lambda box: click_message_button(qtbot, box, "Open read-only")):
        assert window.ask_lock_choice(exc) == "read_only"
    with Answering(lambda box: click_message_button(qtbot, box, "Cancel")):
        assert window.ask_lock_choice(exc) is None


def test_main_window_undo_redo_create_rename_delete(qtbot, opened, portfolio_file):
    window = opened
    with Answering(new_alliance(qtbot, "Northstar Diagnostics")):
        window.alliance_actions.new.trigger()
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Diagnostics"]
    assert window.sidebar.current_alliance().name == "Northstar Diagnostics"

    def rename(dialog):
        type_text(qtbot, dialog.name_edit, "Northstar Dx")
        click_ok(qtbot, dialog)

    activate(qtbot, window)
    window.sidebar.view.setFocus()
    with Answering(rename):
        qtbot.keyClick(window.sidebar.view, Qt.Key.Key_F2)
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Dx"]

    window.confirm = lambda *args: True
    activate(qtbot, window)
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Delete)
    assert sidebar_names(window) == ["Helios Oncology"]
    assert names_on_disk(portfolio_file) == ["Helios Oncology"]

    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo delete
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Dx"]
    assert window.sidebar.current_alliance().name == "Northstar Dx"
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo rename
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Diagnostics"]
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo create
    assert sidebar_names(window) == ["Helios Oncology"]
    assert names_on_disk(portfolio_file) == ["Helios Oncology"]

    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # redo create
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Diagnostics"]
    shortcut(qtbot, window, Qt.Key.Key_Y, CTRL)  # redo rename
    assert sidebar_names(window) == ["Helios Oncology", "Northstar Dx"]
    shortcut(qtbot, window, Qt.Key.Key_Y, CTRL)  # redo delete
    assert sidebar_names(window) == ["Helios Oncology"]
    assert window.portfolio.counts()["alliances"] == 1


def test_main_window_delete_asks_first(qtbot, opened):
    window = opened
    asked = []
    window.confirm = lambda title, text, detail, label: asked.append(text) or False
    window.alliance_actions.delete.trigger()
    assert asked == ["Delete “Helios Oncology” and everything recorded for it?"]
    assert sidebar_names(window) == ["Helios Oncology"]
    assert window.undo_stack.count() == 0


def test_main_window_delete_confirmation_is_a_real_box(qtbot, opened):
    with Answering(lambda box: click_message_button(qtbot, box, "Delete")):
        opened.alliance_actions.delete.trigger()
    assert sidebar_names(opened) == []
    assert opened.workspace.alliance is None


def test_main_window_invalid_name_is_refused_in_the_dialog(qtbot, opened):
    seen = {}

    def empty_name(dialog):
        qtbot.keyClicks(dialog.partner_edit, "Someone")
        click_ok(qtbot, dialog)
        seen["visible"] = dialog.isVisible()
        seen["error"] = dialog._errors["name"].text()
        click_cancel(qtbot, dialog)

    with Answering(empty_name):
        opened.alliance_actions.new.trigger()
    assert seen == {"visible": True, "error": "The name must not be empty."}
    assert opened.undo_stack.count() == 0

    def long_rename(dialog):
        type_text(qtbot, dialog.name_edit, "x" * 501)
        click_ok(qtbot, dialog)
        seen["error"] = dialog._errors["name"].text()
        click_cancel(qtbot, dialog)

    with Answering(long_rename):
        opened.alliance_actions.rename.trigger()
    assert "too long" in seen["error"]
    assert opened.undo_stack.count() == 0


def test_main_window_new_alliance_that_cannot_be_saved_says_so_in_the_dialog(
    qtbot, opened, portfolio_file, failing_commits
):
    seen = {}

    def add_on_a_failing_disk(dialog):
        qtbot.keyClicks(dialog.name_edit, "Northstar Diagnostics")
        click_ok(qtbot, dialog)
        seen["visible"] = dialog.isVisible()
        seen["failure"] = dialog.failure.text()
        seen["name"] = dialog.name_edit.text()  # what was typed is still there
        click_cancel(qtbot, dialog)

    with failing_commits(opened.portfolio), Answering(add_on_a_failing_disk):
        opened.alliance_actions.new.trigger()
    assert seen == {"visible": True, "failure": DISK_FAILURE, "name": "Northstar Diagnostics"}
    assert opened.undo_stack.count() == 0
    assert sidebar_names(opened) == ["Helios Oncology"]
    assert names_on_disk(portfolio_file) == ["Helios Oncology"]


def test_main_window_archive_that_cannot_be_saved_is_said_in_a_box(
    qtbot, opened, shown_errors, failing_commits
):
    with failing_commits(opened.portfolio):
        opened.alliance_actions.archive.trigger()
    assert shown_errors == [DISK_FAILURE]
    assert opened.undo_stack.count() == 0
    assert sidebar_names(opened) == ["Helios Oncology"]
    assert opened.portfolio.alliances()[0].archived_at is None


def test_main_window_undo_that_cannot_be_saved_is_said_not_raised(
    qtbot, opened, shown_errors, failing_commits
):
    window = opened
    window.alliance_actions.archive.trigger()
    assert sidebar_names(window) == []
    QApplication.processEvents()  # views reload after the archive while the disk still works
    with failing_commits(window.portfolio):
        shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: shown_errors == [DISK_FAILURE])
    assert window.portfolio.alliances()[0].archived_at == clock.today()  # still archived


def test_main_window_closed_gives_the_undo_error_hook_back(qtbot, portfolio_file):
    before = undo.report_error
    window = make_window(qtbot)
    assert undo.report_error == window.report_edit_error
    window.close()
    assert undo.report_error is before


def test_main_window_ctrl_z_after_enter_in_a_field_undoes_the_stored_edit(
    qtbot, overview, portfolio_file
):
    window, tab = overview
    partner = tab.fields["partner"]
    type_in_field(qtbot, partner, "Nimbus Cloud")
    qtbot.keyClick(partner.editor, Qt.Key.Key_Return)
    assert on_disk(portfolio_file, "partner") == "Nimbus Cloud"
    assert partner.editor.hasFocus()

    qtbot.keyClick(partner.editor, Qt.Key.Key_Z, CTRL)  # focus still in the field
    assert on_disk(portfolio_file, "partner") == "Brightwave Bio"
    assert partner.text() == "Brightwave Bio"
    assert window.undo_stack.index() == 0

    qtbot.keyClick(partner.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert on_disk(portfolio_file, "partner") == "Nimbus Cloud"
    assert partner.text() == "Nimbus Cloud"
    qtbot.keyClick(partner.editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(partner.editor, Qt.Key.Key_Y, CTRL)
    assert on_disk(portfolio_file, "partner") == "Nimbus Cloud"
    assert partner.text() == "Nimbus Cloud"


def test_main_window_ctrl_z_while_typing_undoes_the_typing(qtbot, overview, portfolio_file):
    window, tab = overview
    partner = tab.fields["partner"]
    type_in_field(qtbot, partner, "Nimbus Cloud")
    qtbot.keyClick(partner.editor, Qt.Key.Key_Return)
    qtbot.keyClick(partner.editor, Qt.Key.Key_End)
    qtbot.keyClicks(partner.editor, " Ltd")  # not finished
    qtbot.keyClick(partner.editor, Qt.Key.Key_Z, CTRL)
    assert partner.text() == "Nimbus Cloud"  # the typing is undone, the stored edit is not
    assert window.undo_stack.index() == 1
    assert on_disk(portfolio_file, "partner") == "Nimbus Cloud"


def test_main_window_ctrl_z_after_enter_in_a_text_field_undoes_the_stored_edit(
    qtbot, overview, portfolio_file
):
    window, tab = overview
    purpose = tab.fields["purpose"]  # several lines; Enter finishes it
    purpose.editor.setFocus()
    qtbot.keyClicks(purpose.editor, "Bring Helios to Europe")
    qtbot.keyClick(purpose.editor, Qt.Key.Key_Return)
    assert on_disk(portfolio_file, "purpose") == "Bring Helios to Europe"
    qtbot.keyClick(purpose.editor, Qt.Key.Key_Z, CTRL)
    assert on_disk(portfolio_file, "purpose") == ""
    assert purpose.text() == ""
    assert window.undo_stack.index() == 0


def test_main_window_archive_hides_and_show_archived_reveals(qtbot, opened):
    window = opened
    window.alliance_actions.archive.trigger()
    assert sidebar_names(window) == []
    assert window.portfolio.alliances()[0].archived_at == clock.today()
    window.show_archived_action.trigger()
    assert sidebar_names(window) == ["Helios Oncology"]
    window.sidebar.select_first()
    assert window.alliance_actions.archive.text().replace("&", "") == "Unarchive"
    window.alliance_actions.archive.trigger()
    assert window.portfolio.alliances()[0].archived_at is None
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.portfolio.alliances()[0].archived_at == clock.today()


def test_main_window_sidebar_follows_edits_made_elsewhere(qtbot, opened):
    window = opened
    helios = window.portfolio.find_alliance("Helios Oncology")
    window.portfolio.add_alliance("Atlas Co-promotion", partner="Meridian")
    assert sidebar_names(window) == ["Atlas Co-promotion", "Helios Oncology"]
    window.sidebar.select_alliance(helios.id)
    window.portfolio.update(helios, name="Zephyr Oncology", stage="execution")
    assert sidebar_names(window) == ["Atlas Co-promotion", "Zephyr Oncology"]
    assert window.sidebar.current_alliance() is helios
    assert window.workspace.alliance is helios


def test_main_window_read_only_actions_and_title(qtbot, window, portfolio_file):
    window.ask_lock_choice = lambda exc: "read_only"
    someone_else_holds(portfolio_file)
    window.open_path(portfolio_file, PASSPHRASE)
    assert window.windowTitle().endswith(" [read-only]")
    shortcut(qtbot, window, Qt.Key.Key_N, CTRL)  # nothing happens: no dialog, no error
    assert window.undo_stack.count() == 0


def test_main_window_remember_passphrase_then_forget(qtbot, window, portfolio_file):
    with Answering(enter_passphrase(qtbot, remember=True)):
        assert window.open_path(portfolio_file)
    assert keychain.recall(portfolio_file) == PASSPHRASE
    qtbot.waitUntil(window.forget_action.isEnabled)

    window.close_portfolio()
    assert window.open_path(portfolio_file)  # no dialog: the keyring answers
    qtbot.waitUntil(window.forget_action.isEnabled)  # the keyring is asked after the first paint
    window.forget_action.trigger()
    assert keychain.recall(portfolio_file) is None
    assert not window.forget_action.isEnabled()


def test_the_keyring_is_asked_beside_the_window_which_stays_live(
    qtbot, window, portfolio_file, memory_keyring, monkeypatch
):
    """A keyring can be slow (its first question loads its backends; a locked one waits for
    the user): the window asks it in a thread after the first paint, and goes on meanwhile."""
    keychain.remember(portfolio_file, PASSPHRASE)
    asked_in, answer = [], threading.Event()

    def slow_answer(service, username):
        asked_in.append(threading.current_thread().name)
        answer.wait(10)
        return memory_keyring.secrets.get((service, username))

    monkeypatch.setattr(memory_keyring, "get_password", slow_answer)
    assert window.open_path(portfolio_file, PASSPHRASE)  # given: no keyring question to open
    qtbot.waitUntil(lambda: asked_in == ["keyring-question"])
    assert not window.forget_action.isEnabled()  # not known yet; the window works on
    qtbot.keyClicks(window.sidebar.filter_edit, "zz")  # typing while the keyring thinks
    assert window.sidebar.count_label.text() == "0 of 1 alliance"
    window.file_menu.aboutToShow.emit()  # the File menu, twice: the same question waits
    window.file_menu.aboutToShow.emit()
    qtbot.wait(100)
    assert asked_in == ["keyring-question"]  # one question (a locked keyring: one prompt)
    answer.set()
    qtbot.waitUntil(window.forget_action.isEnabled)


def test_forget_follows_the_keyring_each_time_the_file_menu_opens_and_late_answers_are_dropped(
    qtbot, window, portfolio_file, memory_keyring, monkeypatch
):
    keychain.remember(portfolio_file, PASSPHRASE)
    assert window.open_path(portfolio_file)
    qtbot.waitUntil(window.forget_action.isEnabled)
    keychain.forget(portfolio_file)  # another program (or this one's other window) forgot it
    window.file_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: not window.forget_action.isEnabled())

    keychain.remember(portfolio_file, PASSPHRASE)
    answer = threading.Event()
    real = memory_keyring.get_password
    monkeypatch.setattr(memory_keyring, "get_password", lambda *key: answer.wait(10) and real(*key))
    window.file_menu.aboutToShow.emit()  # asked; the answer (remembered) is slow to come
    window._update_forget_action(remembered=False)  # as Forget does meanwhile
    answer.set()
    qtbot.wait(200)
    assert not window.forget_action.isEnabled()  # the answer from before did not count


def test_main_window_stale_remembered_passphrase_asks_again(qtbot, window, portfolio_file):
    keychain.remember(portfolio_file, "an old passphrase")
    seen = {}

    def note_then_enter(dialog):
        seen["note"] = dialog.message.text()
        enter_passphrase(qtbot)(dialog)

    with Answering(note_then_enter):
        assert window.open_path(portfolio_file)
    assert "remembered passphrase" in seen["note"]


def opening_of(path) -> Opening:
    """The open the command line starts in a thread while the window loads (no passphrase
    given: the keyring's is looked up there too)."""
    return Opening(Lookup(path, None), {"check_beside": True})


def test_main_window_opening_started_early_opens_with_the_remembered_passphrase(
    qtbot, window, portfolio_file
):
    keychain.remember(portfolio_file, PASSPHRASE)
    opening = opening_of(portfolio_file)
    in_thread = opening.portfolio()
    with Answering():  # no dialog: the keyring answered in the thread
        assert window.open_path(portfolio_file, opening=opening)
    assert window.portfolio is in_thread  # what the thread opened, not a second open
    assert opening.passphrase() == (None, False)  # handed over: the opening keeps no secret
    assert sidebar_names(window) == ["Helios Oncology"]
    assert lock.is_mine(lock.read(portfolio_file))


def test_main_window_opening_started_early_asks_when_nothing_is_remembered(
    qtbot, window, portfolio_file
):
    opening = opening_of(portfolio_file)
    assert opening.passphrase() == (None, False)  # none given, none remembered
    with Answering(enter_passphrase(qtbot)):
        assert window.open_path(portfolio_file, opening=opening)
    assert sidebar_names(window) == ["Helios Oncology"]


def test_main_window_opening_started_early_with_a_stale_passphrase_asks_again(
    qtbot, window, portfolio_file
):
    keychain.remember(portfolio_file, "an old passphrase")
    seen = {}

    def note_then_enter(dialog):
        seen["note"] = dialog.message.text()
        enter_passphrase(qtbot)(dialog)

    opening = opening_of(portfolio_file)
    assert opening.passphrase() == ("an old passphrase", True)  # the thread tried it
    with Answering(note_then_enter):
        assert window.open_path(portfolio_file, opening=opening)
    assert "remembered passphrase" in seen["note"]
    assert sidebar_names(window) == ["Helios Oncology"]


def test_main_window_opening_started_early_of_a_locked_file_asks_what_to_do(
    qtbot, window, portfolio_file
):
    someone_else_holds(portfolio_file)
    keychain.remember(portfolio_file, PASSPHRASE)
    asked = []
    window.ask_lock_choice = lambda exc: asked.append(exc.holder) or "read_only"
    opening = opening_of(portfolio_file)
    with Answering():  # the lock question only
        assert window.open_path(portfolio_file, opening=opening)
    assert len(asked) == 1 and asked[0].startswith("dana on far-away-host")
    assert_read_only(window)  # opened again, read-only, after the thread met the lock


def test_main_window_opening_started_early_is_closed_when_the_file_was_replaced(
    qtbot, window, shown_errors, portfolio_file, tmp_path
):
    keychain.remember(portfolio_file, PASSPHRASE)
    opening = opening_of(portfolio_file)
    # the thread opens the file and takes its lock
    qtbot.waitUntil(lambda: lock.is_mine(lock.read(portfolio_file)), timeout=15000)
    moved = tmp_path / "moved-in.alliance"  # then something else is moved over the file
    moved.write_bytes(b"not a portfolio at all, and far too short")
    moved.replace(portfolio_file)
    assert not window.open_path(portfolio_file, opening=opening)
    assert shown_errors and window.portfolio is None
    assert not lock.lock_path(portfolio_file).exists()  # what the thread opened is closed


def test_main_window_change_passphrase(qtbot, opened, portfolio_file):
    window = opened
    keychain.remember(portfolio_file, PASSPHRASE)
    seen = {}

    def change(dialog):
        qtbot.keyClicks(dialog.current_edit, "wrong")
        qtbot.keyClicks(dialog.new_edit, "new secret")
        qtbot.keyClicks(dialog.repeat_edit, "new secreT")
        click_ok(qtbot, dialog)
        seen["current"] = dialog.current_error.text()
        seen["repeat"] = dialog.repeat_error.text()
        type_text(qtbot, dialog.current_edit, PASSPHRASE)
        type_text(qtbot, dialog.repeat_edit, "new secret")
        click_ok(qtbot, dialog)

    with Answering(change):
        window.change_passphrase_action.trigger()
    assert seen == {
        "current": "The current passphrase is wrong.",
        "repeat": "The two passphrases differ.",
    }
    assert keychain.recall(portfolio_file) == "new secret"
    window.close_portfolio()
    with Portfolio.open(portfolio_file, "new secret", read_only=True) as again:
        assert again.counts()["alliances"] == 1


def test_main_window_recent_files_remembered_across_windows(qtbot, portfolio_file, tmp_path):
    first = make_window(qtbot)
    assert first.open_path(portfolio_file, PASSPHRASE)
    first.close()
    assert not lock.lock_path(portfolio_file).exists()

    second = make_window(qtbot)
    assert second.welcome.recent_paths() == [portfolio_file.resolve()]
    second.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in second.recent_menu.actions() if not a.isSeparator()]
    assert labels[0] == portfolio_file.name

    keychain.remember(portfolio_file, PASSPHRASE)
    second.welcome.recent_list.setFocus()
    second.welcome.recent_list.setCurrentRow(0)
    qtbot.keyClick(second.welcome.recent_list, Qt.Key.Key_Return)
    assert second.portfolio is not None
    assert second.portfolio.path.resolve() == portfolio_file.resolve()


def test_main_window_layout_and_last_tab_are_remembered(qtbot, portfolio_file):
    first = make_window(qtbot)
    first.open_path(portfolio_file, PASSPHRASE)
    first.workspace.select_tab("Risks")
    first.resize(760, 540)  # the off-screen "screen" is 800 × 600
    first.close()
    second = make_window(qtbot)
    second.open_path(portfolio_file, PASSPHRASE)
    assert second.workspace.current_tab_title() == "Risks"
    assert second.size().width() == 760


def test_main_window_ask_box_answers_in_a_panel(qtbot, opened):
    opened.ask_edit.setFocus()
    qtbot.keyClicks(opened.ask_edit, "which risks should I raise next week?")
    qtbot.keyClick(opened.ask_edit, Qt.Key.Key_Return)
    assert opened.ask_panel.isVisible()
    assert opened.ask_panel.heading.text().startswith("Nothing found: no risks and issues")


def test_main_window_lock_is_refreshed_and_released(qtbot, opened, portfolio_file):
    assert opened.lock_timer.isActive()
    assert opened.lock_timer.interval() == LOCK_REFRESH_MS == 10 * 60 * 1000
    opened.refresh_lock()
    assert lock.is_mine(lock.read(portfolio_file))
    opened.close()
    assert not lock.lock_path(portfolio_file).exists()
    assert opened.portfolio is None


def test_main_window_dashboard_then_alliance_click_shows_overview(qtbot, opened):
    window = opened
    window.workspace.select_tab("Dashboard")
    rect = window.sidebar.view.visualRect(window.sidebar.proxy.index(0, 0))
    qtbot.mouseClick(window.sidebar.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.current_tab_title() == "Overview"


def test_main_window_about_lists_versions(qtbot, window):
    seen = {}

    def read_and_close(box):
        seen["text"] = box.text()
        box.accept()

    with Answering(read_and_close):
        window.about_action.trigger()
    for name in ("Alliance Desk", "Python", "PySide6", "SQLAlchemy", "SQLCipher", "python-docx"):
        assert name in seen["text"]


def test_main_window_real_error_box_can_be_dismissed(qtbot, portfolio_file, tmp_path):
    window = make_window(qtbot)  # no collector: the real message box appears
    seen = {}

    def read_and_close(box):
        seen["text"] = box.text()
        click_message_button(qtbot, box, "OK")

    with Answering(read_and_close):
        assert not window.open_path(tmp_path / "gone.alliance")
    assert seen["text"].startswith("There is no file at")


# --- helpers ------------------------------------------------------------------------------


def assert_read_only(window: MainWindow) -> None:
    QApplication.processEvents()
    banner = window.workspace.banner
    assert banner.isVisible()
    assert banner.text().startswith("<b>Read-only:</b>")
    assert banner.text().endswith("Changes are disabled.")
    window.sidebar.select_first()
    actions = window.alliance_actions
    for action in (actions.new, actions.rename, actions.archive, actions.delete):
        assert not action.isEnabled(), action.text()
    assert not window.change_passphrase_action.isEnabled()
    assert window.windowTitle().endswith(" [read-only]")


def someone_else_holds(path) -> None:
    """Write a live lock of a colleague on another machine."""
    info = {
        "host": "far-away-host",
        "user": "dana",
        "pid": os.getpid() + 1,
        "time": clock.now().isoformat(),
    }
    assert info["host"] != socket.gethostname()
    lock.lock_path(path).write_text(json.dumps(info), encoding="utf-8")


def on_disk(path, field: str):
    """A field of Helios as a second, read-only connection finds it in the file."""
    with Portfolio.open(path, PASSPHRASE, read_only=True) as copy:
        return getattr(copy.find_alliance("Helios Oncology"), field)


def type_in_field(qtbot, field, text: str) -> None:
    """Replace a form field's text by typing, without finishing the edit."""
    field.editor.setFocus()
    qtbot.keyClick(field.editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field.editor, text)


def names_on_disk(path) -> list[str]:
    with Portfolio.open(path, PASSPHRASE, read_only=True) as copy:
        return [a.name for a in copy.alliances()]


def test_main_window_ctrl_f_goes_to_the_filter(qtbot, opened):
    shortcut(qtbot, opened, Qt.Key.Key_F, CTRL)
    assert opened.sidebar.filter_edit.hasFocus()
    qtbot.keyClicks(opened.sidebar.filter_edit, "zzz")
    assert sidebar_names(opened) == []
    assert opened.workspace.alliance.name == "Helios Oncology"  # the workspace stays put


def test_main_window_dashboard_pick_shows_the_alliance(qtbot, opened):
    window = opened
    atlas = window.portfolio.add_alliance("Atlas Co-promotion")
    window.workspace.select_tab("Dashboard")
    window.workspace.tab("Dashboard").alliance_activated.emit(atlas)
    assert window.sidebar.current_alliance() is atlas
    assert window.workspace.alliance is atlas
    assert window.workspace.current_tab_title() == "Overview"


def test_main_window_keyring_refusal_is_said_not_hidden(
    qtbot, window, shown_errors, portfolio_file
):
    class RefusingKeyring(KeyringBackend):
        priority = -1

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise PasswordSetError("locked")

        def delete_password(self, service, username):
            pass

    keyring.set_keyring(RefusingKeyring())  # the autouse fixture puts the memory one back
    with Answering(enter_passphrase(qtbot, remember=True)):
        assert window.open_path(portfolio_file)
    assert window.portfolio is not None
    assert shown_errors == [
        "This computer's keyring did not take the passphrase; you will be asked for it next time."
    ]
