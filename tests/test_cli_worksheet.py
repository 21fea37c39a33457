"""`alliance-desk worksheet PATH [--alliance NAME] [--stakeholder NAME ...] -o OUT.pdf|.docx`."""

import os
import subprocess
import sys

import docx
import pytest

from alliance_desk.cli import main
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE
from tests.tools import page_size_points, pdf_info, pdf_text
from tests.worksheet_support import BOARD, OKAFOR, WEBER, add_people


@pytest.fixture
def filled(portfolio_file):
    """The test portfolio with three stakeholders in Helios and one elsewhere."""
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        helios = portfolio.find_alliance("Helios Oncology")
        add_people(portfolio, helios, WEBER, OKAFOR, BOARD)
        atlas = portfolio.add_alliance("Atlas Data")
        add_people(portfolio, atlas, {"name": "Only Atlas"})
    return portfolio_file


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_worksheet_to_word_for_chosen_stakeholders_in_order(capsys, filled, tmp_path):
    out = tmp_path / "two.docx"
    code, stdout, err = run(
        capsys,
        "worksheet",
        filled,
        "--alliance",
        "helios oncology",
        "--stakeholder",
        "the board",
        "--stakeholder",
        "ANNE WEBER",
        "-o",
        out,
        "--interviewer",
        "Maren",
    )
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the worksheet of 2 stakeholder(s) to {out} (Word).\n"
    heading = docx.Document(str(out)).tables[0].rows[0].cells
    assert [cell.text.split("\n")[0] for cell in heading[1:]] == ["The board", "Anne Weber"]


def test_worksheet_of_the_whole_portfolio(capsys, filled, tmp_path):
    out = tmp_path / "all.docx"
    code, stdout, _err = run(capsys, "worksheet", filled, "-o", out)
    assert code == 0 and "of 4 stakeholder(s)" in stdout
    document = docx.Document(str(out))
    names = [c.text.split("\n")[0] for t in document.tables for c in t.rows[0].cells[1:]]
    assert "Only Atlas" in names and "Anne Weber" in names


def test_worksheet_to_pdf_off_screen_in_a_fresh_process(filled, tmp_path):
    """The PDF needs Qt, loaded only for this command, without a display."""
    out = tmp_path / "helios.pdf"
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")
    }
    env["ALLIANCE_DESK_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desk", "worksheet", str(filled)]
        + ["--alliance", "Helios Oncology", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    pages = int(pdf_info(out)["Pages"])
    assert result.stdout.strip().endswith(f"({pages} pages).")
    width, height = page_size_points(out)
    assert width > height
    text = " ".join(pdf_text(out).split())
    for expected in ("Anne Weber", "Paul Okafor", "The board", "Launch on time", "Cash runway"):
        assert expected in text
    assert "Only Atlas" not in text


def test_worksheet_to_word_never_loads_qt(filled, tmp_path):
    probe = (
        "import sys\n"
        "from alliance_desk.cli import main\n"
        f"code = main(['worksheet', {str(filled)!r}, '-o', {str(tmp_path / 'w.docx')!r}])\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    env = dict(os.environ, ALLIANCE_DESK_PASSPHRASE=PASSPHRASE)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--alliance", "Nope"], "No alliance is called “Nope”."),
        (["--stakeholder", "Nobody"], "No stakeholder is called “Nobody”."),
        (
            ["--alliance", "Atlas Data", "--stakeholder", "Anne Weber"],
            "Anne Weber is not a stakeholder of Atlas Data.",
        ),
    ],
)
def test_worksheet_names_what_it_cannot_find(capsys, filled, tmp_path, args, message):
    out = tmp_path / "x.docx"
    code, _out, err = run(capsys, "worksheet", filled, *args, "-o", out)
    assert (code, err) == (1, message + "\n")
    assert not out.exists()


def test_worksheet_refuses_other_formats_and_missing_folders(capsys, filled, tmp_path):
    code, _out, err = run(capsys, "worksheet", filled, "-o", tmp_path / "x.txt")
    assert (code, err) == (1, "The output must be a .pdf or a .docx file, not x.txt.\n")
    missing = tmp_path / "nowhere" / "x.pdf"
    code, _out, err = run(capsys, "worksheet", filled, "-o", missing)
    assert (code, err) == (1, f"There is no folder {missing.parent} to write x.pdf into.\n")


def test_worksheet_keeps_an_old_file_when_writing_fails(capsys, filled, tmp_path, monkeypatch):
    out = tmp_path / "kept.docx"
    out.write_bytes(b"old")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("alliance_desk.reports.worksheet_docx.build_docx", broken)
    code, _out, err = run(capsys, "worksheet", filled, "-o", out)
    assert code == 1
    assert err == f"Could not write {out}: No space left on device.\n"
    assert out.read_bytes() == b"old"
