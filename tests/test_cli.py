"""The command line: sub-commands do their job; errors are one sentence and a non-zero exit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_desk.cli import COMMANDS, main
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import migrations
from tests.conftest import PASSPHRASE


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_creates_an_encrypted_portfolio(capsys, tmp_path, secret_file):
    path = tmp_path / "mine.alliance"
    code, out, err = run(capsys, "new", path, "--passphrase-file", secret_file, "--name", "Mine")
    assert (code, err) == (0, "")
    assert "Created" in out
    with Portfolio.open(path, PASSPHRASE) as portfolio:
        assert portfolio.name == "Mine"


def test_new_refuses_an_existing_file(capsys, portfolio_file, secret_file):
    before = portfolio_file.read_bytes()
    code, out, err = run(capsys, "new", portfolio_file, "--passphrase-file", secret_file)
    assert code == 1
    assert err.strip().endswith("already exists; choose another name.")
    assert err.count("\n") == 1
    assert portfolio_file.read_bytes() == before


def test_info_prints_id_schema_and_counts(capsys, portfolio_file, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "info", portfolio_file)
    assert code == 0
    assert "Portfolio id:" in out
    assert f"Schema version: {migrations.head()}" in out
    assert "Alliances:" in out and " 1\n" in out.split("Alliances:")[1][:40] + "\n"
    assert "Action items:" in out


def test_info_uses_the_remembered_passphrase(capsys, portfolio_file, memory_keyring):
    from alliance_desk.storage import keychain

    keychain.remember(portfolio_file, PASSPHRASE)
    code, out, _ = run(capsys, "info", portfolio_file)
    assert code == 0 and "Template portfolio" in out


def test_info_without_any_passphrase_explains_how(capsys, portfolio_file, monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    code, _, err = run(capsys, "info", portfolio_file)
    assert code == 1
    assert "--passphrase-file" in err and "ALLIANCE_DESK_PASSPHRASE" in err


def test_check_reports_a_sound_file(capsys, portfolio_file, secret_file):
    code, out, _ = run(capsys, "check", portfolio_file, "--passphrase-file", secret_file)
    assert code == 0
    assert out.startswith("ok:")


def test_wrong_passphrase_is_one_sentence_on_stderr(capsys, portfolio_file, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope")
    code, out, err = run(capsys, "info", portfolio_file, "--passphrase-file", wrong)
    assert code == 1 and out == ""
    assert err == f"The passphrase for {portfolio_file} is wrong.\n"


def test_missing_file_is_reported_before_asking_a_passphrase(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    code, _, err = run(capsys, "check", tmp_path / "gone.alliance")
    assert code == 1
    assert err.startswith("There is no file at")


def test_passwd_changes_the_passphrase(capsys, portfolio_file, secret_file, tmp_path):
    new_file = tmp_path / "new.txt"
    new_file.write_text("an entirely new phrase\n")
    code, out, err = run(
        capsys,
        "passwd",
        portfolio_file,
        "--passphrase-file",
        secret_file,
        "--new-passphrase-file",
        new_file,
    )
    assert (code, err) == (0, "")
    with Portfolio.open(portfolio_file, "an entirely new phrase") as portfolio:
        assert portfolio.alliances()[0].name == "Helios Oncology"


def test_passwd_updates_a_remembered_passphrase(capsys, portfolio_file, secret_file, tmp_path):
    from alliance_desk.storage import keychain

    keychain.remember(portfolio_file, PASSPHRASE)
    new_file = tmp_path / "new.txt"
    new_file.write_text("second phrase")
    args = ["--passphrase-file", secret_file, "--new-passphrase-file", new_file]
    assert run(capsys, "passwd", portfolio_file, *args)[0] == 0
    assert keychain.recall(portfolio_file) == "second phrase"


def test_empty_passphrase_file_is_refused(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "new", tmp_path / "x.alliance", "--passphrase-file", empty)
    assert code == 1 and "is empty" in err
    assert not (tmp_path / "x.alliance").exists()


def test_tab_without_screenshot_is_refused(capsys):
    code, _, err = run(capsys, "--tab", "Actions")
    assert code == 1 and "--screenshot" in err


def test_entry_point_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desk", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Alliance Desk ")


def test_a_mistyped_command_is_not_opened_as_a_file(capsys):
    code, _, err = run(capsys, "infoo")
    assert code == 1
    assert err == f"There is no file at infoo. Commands: {', '.join(COMMANDS)}.\n"
    assert "new, demo, info, check, passwd" in err


def test_passwd_without_a_new_passphrase_names_the_right_option(
    capsys, portfolio_file, secret_file, monkeypatch
):
    monkeypatch.setattr(sys, "stdin", None)
    before = portfolio_file.read_bytes()
    code, _, err = run(capsys, "passwd", portfolio_file, "--passphrase-file", secret_file)
    assert code == 1
    assert "--new-passphrase-file" in err and "ALLIANCE_DESK_NEW_PASSPHRASE" in err
    assert portfolio_file.read_bytes() == before


def test_passwd_refuses_the_same_passphrase(capsys, portfolio_file, secret_file):
    args = ["--passphrase-file", secret_file, "--new-passphrase-file", secret_file]
    code, _, err = run(capsys, "passwd", portfolio_file, *args)
    assert code == 1 and "same as the current one" in err


def test_demo_is_complete_or_absent(capsys, tmp_path, monkeypatch):
    """A demo build that fails half-way leaves no half-written portfolio behind."""
    from alliance_desk import demo

    def explode(self):
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo.DemoBuilder, "build", explode)
    with pytest.raises(RuntimeError):
        demo.write_demo(tmp_path / "demo.alliance", "demo")
    assert list(tmp_path.iterdir()) == []
