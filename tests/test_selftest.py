"""`alliance-desk --selftest`: every check passes from a source checkout, nothing is left behind,
and a failing check is reported as a FAIL line with a non-zero exit."""

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from alliance_desk import selftest
from alliance_desk.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_selftest_passes_from_source_and_leaves_no_files(tmp_path):
    temp = tmp_path / "tmp"
    home = tmp_path / "home"
    temp.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "ALLIANCE_DESK_HOME": str(home),
    }
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desk", "--selftest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1].startswith("Self-test passed")
    expected_lines = [
        "ok: version ",
        "ok: demo portfolio reopened",
        "ok: main window rendered",
        "ok: stakeholder worksheet PDF",
        "ok: JSC pre-read of ",
    ]
    for expected in expected_lines:
        assert any(line.startswith(expected) for line in lines), expected
    assert not [line for line in lines if line.startswith("skip")]
    assert list(temp.iterdir()) == []
    assert not home.exists()  # the self-test keeps settings and device id in its temp folder


def test_selftest_reports_each_failure_and_exits_non_zero(monkeypatch, tmp_path):
    def check_fine(run):
        return "fine"

    def check_finding(run):
        raise selftest.CheckFailed("the thing is missing")

    def check_crash(run):
        raise ValueError("boom\n[SQL: a second line]")

    monkeypatch.setattr(selftest, "CHECKS", [check_fine, check_finding, check_crash])
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("ALLIANCE_DESK_HOME", "/the/user/home")
    out = io.StringIO()

    assert selftest.run_selftest(out) == 1

    lines = out.getvalue().splitlines()
    assert lines[:3] == [
        "ok: fine",
        "FAIL: finding: the thing is missing",
        "FAIL: crash: ValueError: boom",
    ]
    assert lines[-1] == "Self-test FAILED: 2 of 4 checks failed."
    assert list(tmp_path.iterdir()) == []
    assert os.environ["ALLIANCE_DESK_HOME"] == "/the/user/home"


def test_selftest_takes_no_other_option(capsys):
    assert main(["--selftest", "--demo"]) == 1
    assert "--selftest takes no portfolio" in capsys.readouterr().err
