"""`alliance-desk import` and `export`: bad rows with row numbers, one-sentence errors."""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from alliance_desk.cli import main
from alliance_desk.models import ActionItem
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", PASSPHRASE)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def actions_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actions.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_import_prints_bad_rows_with_numbers_then_what_was_imported(
    capsys, portfolio_file, tmp_path, secret
):
    path = actions_csv(
        tmp_path,
        "Alliance,Task,Responsible,Deadline\n"
        "Helios Oncology,Call Ann,Ann,2026-03-01\n"
        "Helios Oncology,Bad date,Bob,someday\n"
        "Helios Oncology,Write memo,Cy,2026-03-09\n",
    )
    code, out, err = run(capsys, "import", portfolio_file, path, "--kind", "actions")
    assert (code, err) == (0, "")
    assert "Row 3 (Deadline): 'someday' is not a date." in out
    assert (
        "Columns: Alliance → Alliance, Task → Title, Responsible → Owner, Deadline → Due date"
        in out
    )
    assert out.strip().endswith("2 added, 0 updated, 0 unchanged, 1 skipped.")
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert sorted(a.title for a in portfolio.all(ActionItem)) == ["Call Ann", "Write memo"]
    code, out, _ = run(capsys, "import", portfolio_file, path, "--kind", "actions")
    assert out.strip().endswith("0 added, 0 updated, 2 unchanged, 1 skipped.")


def test_dry_run_stores_nothing(capsys, portfolio_file, tmp_path, secret):
    path = actions_csv(tmp_path, "Alliance,Title\nHelios Oncology,Call Ann\n")
    code, out, _ = run(capsys, "import", portfolio_file, path, "--kind", "actions", "--dry-run")
    assert code == 0 and "Dry run: would add 1" in out and "nothing was stored" in out
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.all(ActionItem) == []


def test_ambiguous_dates_need_day_first_or_month_first(capsys, portfolio_file, tmp_path, secret):
    path = actions_csv(tmp_path, "Alliance,Title,Due\nHelios Oncology,Call,03/04/2026\n")
    code, _, err = run(capsys, "import", portfolio_file, path, "--kind", "actions")
    assert code == 1
    assert err.strip().endswith("Run again with --day-first or --month-first.")
    assert err.count("\n") == 1
    code, _, _ = run(capsys, "import", portfolio_file, path, "--kind", "actions", "--month-first")
    assert code == 0
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert [str(a.due_date) for a in portfolio.all(ActionItem)] == ["2026-03-04"]


def test_a_saved_mapping_is_used_and_can_be_written(capsys, portfolio_file, tmp_path, secret):
    path = actions_csv(tmp_path, "Deal,Thing to do\nHelios Oncology,Call Ann\n")
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps({"kind": "actions", "columns": {"Deal": "alliance", "Thing to do": "title"}}),
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        "import",
        portfolio_file,
        path,
        "--kind",
        "actions",
        "--mapping",
        mapping,
        "--save-mapping",
        tmp_path / "copy.json",
    )
    assert (code, err) == (0, "")
    assert json.loads((tmp_path / "copy.json").read_text())["columns"]["Deal"] == "alliance"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.write_bytes(b"%PDF-1.4 \x00\x01\x02" * 50), "is not a spreadsheet"),
        (
            lambda p: p.write_text("Alliance,Owner\nHelios Oncology,Ann\n"),
            "No column is mapped to 'Title'",
        ),
        (lambda p: p.write_text("Alliance,Title\nNowhere,Call\n"), "Nothing to import from"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(
    capsys, portfolio_file, tmp_path, secret, make, message
):
    path = tmp_path / "in.csv"
    make(path)
    before = portfolio_file.read_bytes()
    code, _, err = run(capsys, "import", portfolio_file, path, "--kind", "actions")
    assert code == 1 and message in err and err.count("\n") == 1
    assert portfolio_file.read_bytes() == before


def test_export_writes_xlsx_csv_zip_and_ics(capsys, demo_file, tmp_path, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", "demo")
    code, out, err = run(capsys, "export", demo_file, "--format", "xlsx", "-o", tmp_path / "a.xlsx")
    assert (code, err) == (0, "") and "rows per sheet" in out
    assert "Payments" in openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True).sheetnames
    code, out, _ = run(capsys, "export", demo_file, "-o", tmp_path / "a.zip")
    assert code == 0 and "9 CSV files into" in out
    code, out, _ = run(capsys, "export", demo_file, "--format", "csv", "-o", tmp_path / "folder")
    assert code == 0 and (tmp_path / "folder" / "actions.csv").exists()
    code, out, _ = run(
        capsys,
        "export",
        demo_file,
        "--format",
        "ics",
        "-o",
        tmp_path / "a.ics",
        "--alliance",
        "corvane cv-214 co-development",
    )
    assert code == 0 and "calendar events" in out


def test_export_refuses_an_unknown_alliance_or_format_in_one_sentence(
    capsys, demo_file, tmp_path, monkeypatch
):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", "demo")
    code, _, err = run(capsys, "export", demo_file, "-o", tmp_path / "a.xlsx", "--alliance", "Nope")
    assert code == 1 and err == f"There is no alliance 'Nope' in {demo_file}.\n"
    code, _, err = run(capsys, "export", demo_file, "-o", tmp_path / "a.txt")
    assert code == 1 and "Say --format xlsx, csv or ics" in err
    assert not (tmp_path / "a.xlsx").exists()


def test_import_runs_without_qt(tmp_path, portfolio_file):
    path = actions_csv(tmp_path, "Alliance,Title\nHelios Oncology,Call Ann\n")
    probe = (
        "import sys\n"
        "from alliance_desk.cli import main\n"
        f"code = main(['import', {str(portfolio_file)!r}, {str(path)!r}, '--kind', 'actions'])\n"
        "assert code == 0, code\n"
        f"code = main(['export', {str(portfolio_file)!r}, '-o', {str(tmp_path / 'x.ics')!r}])\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    env = {"ALLIANCE_DESK_PASSPHRASE": PASSPHRASE, "ALLIANCE_DESK_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
