"""`alliance-desk ask`: the answer as text, a chart as PNG, bad input in one sentence."""

import subprocess
import sys
from datetime import timedelta

from alliance_desk import clock
from alliance_desk.cli import main
from alliance_desk.models import Risk
from alliance_desk.portfolio import Portfolio
from tests.charts.conftest import decode
from tests.conftest import PASSPHRASE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def plant(path):
    with Portfolio.open(path, PASSPHRASE) as p:
        helios = p.find_alliance("Helios Oncology")
        review = clock.today() + timedelta(days=7 - clock.today().weekday() + 2)  # next Wednesday
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Key scientist may leave",
            likelihood=4,
            impact=5,
            review_date=review,
        )
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Closed one",
            likelihood=5,
            impact=5,
            review_date=review,
            status="closed",
        )


def test_ask_prints_the_ranked_answer(capsys, portfolio_file, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    plant(portfolio_file)
    code, out, err = run(capsys, "ask", portfolio_file, "what risks should I raise next week?")
    assert (code, err) == (0, "")
    assert "1. Key scientist may leave" in out
    assert "Closed one" not in out
    assert "Ranked by: open issues first" in out


def test_ask_for_a_chart_without_chart_prints_its_table(capsys, portfolio_file, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "ask", portfolio_file, "alliances by stage")
    assert code == 0
    assert out.splitlines()[0] == "Alliances by lifecycle stage"
    assert any(line.split() == ["Formation", "1"] for line in out.splitlines())


def test_ask_with_chart_writes_a_png(capsys, portfolio_file, monkeypatch, tmp_path):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    (tmp_path / "charts").mkdir()
    out_file = tmp_path / "charts" / "status.png"
    code, out, err = run(capsys, "ask", portfolio_file, "alliances by status", "--chart", out_file)
    assert (code, err) == (0, "")
    assert out.rstrip().endswith(f"Wrote the chart to {out_file}.")
    data = out_file.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert decode(data).width() == 1800
    assert [p.name for p in out_file.parent.iterdir()] == ["status.png"]  # no temporary file left


def test_chart_of_a_list_answer_is_refused_in_one_sentence(
    capsys, portfolio_file, monkeypatch, tmp_path
):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(
        capsys, "ask", portfolio_file, "overdue actions", "--chart", tmp_path / "x.png"
    )
    assert code == 1
    assert err.count("\n") == 1 and "is a list, not a chart" in err
    assert not (tmp_path / "x.png").exists()


def test_chart_must_be_a_png_in_an_existing_folder(capsys, portfolio_file, tmp_path):
    code, _, err = run(
        capsys, "ask", portfolio_file, "alliances by status", "--chart", tmp_path / "x.jpg"
    )
    assert code == 1 and "name a .png file" in err
    code, _, err = run(
        capsys,
        "ask",
        portfolio_file,
        "alliances by status",
        "--chart",
        tmp_path / "missing" / "x.png",
    )
    assert code == 1 and "There is no folder" in err


def test_an_unknown_question_prints_examples(capsys, portfolio_file, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "ask", portfolio_file, "zzz")
    assert code == 0
    assert "What risks should I raise next week?" in out


def test_ask_without_chart_imports_no_qt(portfolio_file, tmp_path):
    probe = (
        "import sys\n"
        "from alliance_desk.cli import main\n"
        f"code = main(['ask', {str(portfolio_file)!r}, 'alliances by status'])\n"
        "assert code == 0, code\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
        "assert not bad, bad\n"
    )
    env = {"ALLIANCE_DESK_PASSPHRASE": PASSPHRASE, "ALLIANCE_DESK_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Alliances by status" in result.stdout
