"""`alliance-desk merge SOURCE TARGET`: what changed in words; refusals in one sentence."""

from pathlib import Path

import pytest

from alliance_desk.cli import main
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE
from tests.sync.support import copy, edit


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_merge_prints_what_changed_in_words(capsys, portfolio_file, secret_file):
    theirs = copy(portfolio_file, "from Kim.alliance")
    edit(theirs, "laptop-kim", 1, lambda p: p.add_alliance("Orion Devices"))
    code, out, err = run(capsys, "merge", theirs, portfolio_file, "--passphrase-file", secret_file)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Merged {theirs} into {portfolio_file}."
    assert lines[1] == "Added: 1 alliance, 1 stage change."
    assert lines[2].startswith("A copy of portfolio.alliance from before the merge is at ")
    code, out, err = run(capsys, "merge", theirs, portfolio_file, "--passphrase-file", secret_file)
    assert "Nothing to merge: portfolio.alliance already had everything in it." in out


def test_merge_takes_the_source_passphrase_from_its_own_file(
    capsys, portfolio_file, secret_file, tmp_path, monkeypatch
):
    theirs = copy(portfolio_file, "theirs.alliance")
    with Portfolio.open(theirs, PASSPHRASE) as portfolio:
        portfolio.change_passphrase("kim's own")
    args = ["merge", theirs, portfolio_file, "--passphrase-file", secret_file]
    code, out, err = run(capsys, *args)  # no terminal to ask on: say how to give it
    assert code == 1
    assert err.strip() == (
        "No passphrase given: use --source-passphrase-file FILE or set "
        "ALLIANCE_DESK_SOURCE_PASSPHRASE."
    )
    source_secret = tmp_path / "kim.txt"
    source_secret.write_text("kim's own\n", encoding="utf-8")
    code, out, err = run(capsys, *args, "--source-passphrase-file", source_secret)
    assert (code, err) == (0, "")
    monkeypatch.setenv("ALLIANCE_DESK_SOURCE_PASSPHRASE", "kim's own")
    assert run(capsys, *args)[0] == 0


def test_merge_of_different_portfolios_needs_force(capsys, portfolio_file, secret_file, tmp_path):
    other = tmp_path / "other.alliance"
    Portfolio.create(other, PASSPHRASE).close()
    before = portfolio_file.read_bytes()
    args = ["merge", other, portfolio_file, "--passphrase-file", secret_file]
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert "are different portfolios" in err and len(err.strip().splitlines()) == 1
    assert portfolio_file.read_bytes() == before
    code, out, err = run(capsys, *args, "--force")
    assert code == 0
    assert "The two files were different portfolios" in out


def test_merge_of_a_missing_source_says_so(capsys, portfolio_file, secret_file, tmp_path):
    code, out, err = run(
        capsys,
        "merge",
        tmp_path / "nope.alliance",
        portfolio_file,
        "--passphrase-file",
        secret_file,
    )
    assert code == 1
    assert err.strip() == f"There is no file at {tmp_path / 'nope.alliance'}."
