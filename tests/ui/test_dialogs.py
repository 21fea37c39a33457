"""The shell's dialogs on their own: inline messages, retries, and nothing stored by mistake."""

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import errors
from alliance_desk.ui.alliance_actions import check_new_alliance
from alliance_desk.ui.dialogs import (
    AllianceDialog,
    NewPortfolioDialog,
    about_html,
    remember_box,
    version_lines,
)
from alliance_desk.ui.passphrase_dialog import ChangePassphraseDialog, PassphraseDialog
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import click_ok, type_keys, type_text


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def opener_for(path):
    calls = []

    def opener(secret):
        calls.append(secret)
        return Portfolio.open(path, secret)

    return opener, calls


def test_passphrase_dialog_retries_after_a_wrong_passphrase(qtbot, portfolio_file):
    opener, calls = opener_for(portfolio_file)
    dialog = shown(qtbot, PassphraseDialog(portfolio_file, opener))
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password
    assert not dialog.message.isVisible()
    type_keys(qtbot, dialog.passphrase_edit, "wrong")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == errors.WrongPassphrase(portfolio_file).message
    assert dialog.message.styleSheet() == "color: #b3261e;"
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.passphrase == PASSPHRASE
    assert calls == ["wrong", PASSPHRASE]
    dialog.portfolio.close()


def test_passphrase_dialog_empty_is_not_tried(qtbot, portfolio_file):
    opener, calls = opener_for(portfolio_file)
    dialog = shown(qtbot, PassphraseDialog(portfolio_file, opener))
    click_ok(qtbot, dialog)
    assert dialog.message.text() == "Enter the passphrase."
    assert calls == []


def test_passphrase_dialog_other_problems_end_it_with_the_error(qtbot, portfolio_file):
    def opener(secret):
        raise errors.Corrupt(portfolio_file, "page 3")

    dialog = shown(qtbot, PassphraseDialog(portfolio_file, opener))
    type_keys(qtbot, dialog.passphrase_edit, "anything")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert isinstance(dialog.error, errors.Corrupt)
    assert dialog.portfolio is None


def test_passphrase_dialog_remember_only_with_a_keyring(qtbot, portfolio_file, no_keyring):
    dialog = shown(qtbot, PassphraseDialog(portfolio_file, lambda s: None))
    assert dialog.remember is None
    assert not dialog.remember_chosen()
    assert remember_box() is None


def test_passphrase_dialog_remember_offered_with_a_keyring(qtbot, portfolio_file):
    dialog = shown(qtbot, PassphraseDialog(portfolio_file, lambda s: None))
    assert dialog.remember is not None
    assert dialog.remember.text() == "Remember on this computer"
    assert not dialog.remember.isChecked()


def test_change_passphrase_dialog_checks_inline(qtbot):
    changed = []
    dialog = shown(qtbot, ChangePassphraseDialog(lambda t: t == "old", changed.append))
    click_ok(qtbot, dialog)
    assert dialog.current_error.text() == "The current passphrase is wrong."
    assert dialog.new_error.text() == "Choose a passphrase."
    type_keys(qtbot, dialog.current_edit, "old")
    type_keys(qtbot, dialog.new_edit, "old")
    type_keys(qtbot, dialog.repeat_edit, "old")
    click_ok(qtbot, dialog)
    assert dialog.new_error.text() == "The new passphrase is the same as the current one."
    assert changed == []
    type_text(qtbot, dialog.new_edit, "brand new")
    type_text(qtbot, dialog.repeat_edit, "brand new")
    click_ok(qtbot, dialog)
    assert changed == ["brand new"]
    assert dialog.new_passphrase == "brand new"
    assert not dialog.isVisible()


def test_new_portfolio_dialog_refuses_a_missing_folder(qtbot, tmp_path):
    dialog = shown(qtbot, NewPortfolioDialog(folder=tmp_path))
    type_text(qtbot, dialog.path_edit, str(tmp_path / "no" / "such" / "x.alliance"))
    type_text(qtbot, dialog.name_edit, "X")
    type_keys(qtbot, dialog.passphrase_edit, "p")
    type_keys(qtbot, dialog.repeat_edit, "p")
    click_ok(qtbot, dialog)
    assert dialog.path_error.text() == f"The folder {tmp_path / 'no' / 'such'} does not exist."
    assert dialog.isVisible()


def test_new_portfolio_dialog_creates_and_seeds(qtbot, tmp_path):
    dialog = shown(qtbot, NewPortfolioDialog(folder=tmp_path))
    type_text(qtbot, dialog.path_edit, str(tmp_path / "fresh"))
    type_text(qtbot, dialog.name_edit, "Fresh")
    type_keys(qtbot, dialog.passphrase_edit, "pass")
    type_keys(qtbot, dialog.repeat_edit, "pass")
    click_ok(qtbot, dialog)
    portfolio = dialog.portfolio
    assert portfolio is not None and portfolio.name == "Fresh"
    assert portfolio.path == tmp_path / "fresh.alliance"
    try:
        from alliance_desk.defaults import seed_defaults  # noqa: F401
    except ImportError:
        pass
    else:
        assert portfolio.counts()["benchmarks"] > 0
    portfolio.close()


def test_alliance_dialog_shows_the_core_message_under_the_field(qtbot, portfolio):
    dialog = shown(qtbot, AllianceDialog(lambda f: check_new_alliance(portfolio, f)))
    assert dialog.windowTitle() == "New alliance"
    assert dialog.stage_combo.count() == 5
    click_ok(qtbot, dialog)
    assert dialog._errors["name"].text() == "The name must not be empty."
    qtbot.keyClicks(dialog.name_edit, "Orion")
    qtbot.keyClicks(dialog.partner_edit, "x" * 600)
    click_ok(qtbot, dialog)
    assert "too long" in dialog._errors["partner"].text()
    assert dialog.isVisible()
    type_text(qtbot, dialog.partner_edit, "Orion Partner")
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("execution"))
    click_ok(qtbot, dialog)
    assert dialog.fields() == {"name": "Orion", "partner": "Orion Partner", "stage": "execution"}
    assert not dialog.isVisible()
    assert portfolio.find_alliance("Orion") is None  # the dialog stores nothing itself


def test_alliance_dialog_rename_has_only_the_name(qtbot, portfolio):
    helios = portfolio.find_alliance("Helios Oncology")
    dialog = shown(
        qtbot,
        AllianceDialog(lambda f: portfolio.check(helios, **f), rename_from=helios.name),
    )
    assert dialog.windowTitle() == "Rename alliance"
    assert dialog.name_edit.text() == "Helios Oncology"
    assert not dialog.partner_edit.isVisible()
    assert dialog.fields() == {"name": "Helios Oncology"}


def test_check_new_alliance_uses_the_core_rules(portfolio):
    check_new_alliance(portfolio, {"name": "Fine", "partner": "", "stage": "formation"})
    with pytest.raises(Exception, match="not a valid stage"):
        check_new_alliance(portfolio, {"name": "Fine", "stage": "nonsense"})
    assert Alliance.__table__.c.stage.default.arg == "formation"


def test_about_lists_every_version():
    names = [name for name, _ in version_lines()]
    assert names[:2] == ["Alliance Desk", "Python"]
    for wanted in ("Qt", "PySide6", "SQLAlchemy", "SQLite", "SQLCipher", "python-docx"):
        assert wanted in names
    values = dict(version_lines())
    assert values["SQLCipher"].startswith("4.")
    assert "<table" in about_html()
