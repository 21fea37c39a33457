"""Opening a portfolio in the window loads only what the first window shows: charts (pyqtgraph,
numpy), Word (python-docx), spreadsheets, calendars and Alembic load when first used. Together
they cost over a second of start-up (benchmarks, issue 10)."""

import json
import os
import subprocess
import sys

LATER = ["pyqtgraph", "numpy", "docx", "openpyxl", "icalendar", "alembic"]

SCRIPT = """
import json, sys
from alliance_desk import cli
code = cli.main([sys.argv[1], "--passphrase-file", sys.argv[2], "--screenshot", sys.argv[3]])
later = sys.argv[4].split(",")
print(json.dumps({"code": code, "loaded": [m for m in later if m in sys.modules]}))
"""


def run_start(script: str, demo_file, tmp_path, *extra: str) -> dict:
    """Run `script` (a start of the window on the demo, off-screen, its passphrase from a file,
    with `extra` arguments) in a fresh interpreter; its last printed line, read as JSON."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text("demo")
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_file), str(secret), str(out), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 0 and out.stat().st_size > 10_000, result.stderr[-2000:]
    return answer


def test_the_first_window_loads_no_chart_word_spreadsheet_or_migration_library(demo_file, tmp_path):
    answer = run_start(SCRIPT, demo_file, tmp_path, ",".join(LATER))
    assert answer["loaded"] == []


DERIVING = """
import json, sys, threading
from alliance_desk.storage import keys
derived = []
derive = keys.derive
def noted(path, passphrase):
    derived.append(threading.current_thread().name)
    return derive(path, passphrase)
keys.derive = noted
from alliance_desk import cli
code = cli.main([sys.argv[1], "--passphrase-file", sys.argv[2], "--screenshot", sys.argv[3]])
print(json.dumps({"code": code, "derived": derived}))
"""


def test_a_start_derives_the_key_once_in_the_thread_cli_starts_first(demo_file, tmp_path):
    answer = run_start(DERIVING, demo_file, tmp_path)
    # one derivation serves the window's connection and those beside it; cli.py begins it
    # before it loads cli_run and the window's modules, not the opening after them
    assert answer["derived"] == ["derive-key"]


def test_a_passphrase_given_through_a_pipe_is_read_once(demo_file, tmp_path):
    """`--passphrase-file <(pass show portfolio)`: a pipe gives its passphrase once."""
    pipe = tmp_path / "passphrase.pipe"
    os.mkfifo(pipe)
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = [sys.executable, "-m", "alliance_desk", str(demo_file), "--passphrase-file", str(pipe)]
    process = subprocess.Popen(
        [*start, "--screenshot", str(out)], env=env, stderr=subprocess.PIPE, text=True
    )
    with open(pipe, "w", encoding="utf-8") as writer:  # waits for the reader, writes once
        writer.write("demo\n")
    try:
        _out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 0, err[-2000:]
    assert out.stat().st_size > 10_000


GLANCING = """
import json, sys
from alliance_desk.ui import main_window
seen = {}
show_glance = main_window.MainWindow.show_glance
def noted(window, glance, then):
    def painted():
        seen["sqlalchemy_when_painted"] = "sqlalchemy" in sys.modules
        then()
    seen["alliances"] = len(glance.alliances())
    show_glance(window, glance, painted)
main_window.MainWindow.show_glance = noted
from alliance_desk import cli
code = cli.main([sys.argv[1], "--passphrase-file", sys.argv[2], "--screenshot", sys.argv[3]])
print(json.dumps({"code": code, **seen, "sqlalchemy_at_end": "sqlalchemy" in sys.modules}))
"""


def test_a_start_paints_the_first_window_before_sqlalchemy_loads(demo_file, tmp_path):
    """SQLAlchemy and our models take about 0.35 s to import: the window paints from a glance
    first (glance.py), then the portfolio opens and replaces it."""
    answer = run_start(GLANCING, demo_file, tmp_path)
    assert answer["alliances"] >= 5
    assert answer["sqlalchemy_when_painted"] is False
    assert answer["sqlalchemy_at_end"] is True  # the portfolio did open, after the paint


FAILING = """
import sys
from alliance_desk import opening
def broken(self, *args):
    raise RuntimeError("a bug after the glance")
opening.Opening._open = broken
from alliance_desk import cli
sys.exit(cli.main([sys.argv[1], "--passphrase-file", sys.argv[2], "--screenshot", sys.argv[3]]))
"""


def test_a_render_whose_open_fails_after_the_glance_ends_with_a_sentence(demo_file, tmp_path):
    """It must end (CI and the benchmark run it), saying why, not wait for the portfolio."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text("demo")
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FAILING, str(demo_file), str(secret), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "demo.alliance could not be opened (a bug after the glance)." in result.stderr
    assert not out.exists()
