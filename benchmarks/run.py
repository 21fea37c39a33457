"""The benchmark harness (`make bench`, issue 10): builds (once, cached) the big synthetic
portfolio, measures every figure as the median of RUNS runs (p95 where the issue says p95),
each against a floor measured in the same run, and writes a Markdown table to stdout and
benchmarks/results.json.

Run: .venv/bin/python -m benchmarks.run [--alliances 300] [--runs 5] [--out FILE] [--only a,b]
Figures: start, select, filter, jsc, board, merge, plain (memory comes with start).
"""

import argparse
import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.big import CACHE, PASSPHRASE, ensure_big
from benchmarks.common import ROOT, median, p95

PAINTED_MARK = "ALLIANCE_DESK_MARK_PAINTED"  # as alliance_desk.ui.app (not imported: Qt)

FIGURES = ("start", "select", "filter", "jsc", "board", "merge", "plain")


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ALLIANCE_DESK_HOME=str(home),
        ALLIANCE_DESK_PASSPHRASE=PASSPHRASE,
        PYTHONPATH=str(ROOT),
    )
    return env


def run_child(args: list[str], env: dict[str, str]) -> str:
    """Run a process to its end and return its stdout; a failure raises with its stderr."""
    process = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({process.returncode}):\n{process.stderr[-3000:]}"
        )
    return process.stdout


def run_measured(
    args: list[str], env: dict[str, str], expect: str | None = None
) -> tuple[float, float, float, float | None]:
    """Seconds until the process printed "painted" (its first painted window; PAINTED_MARK
    asks for the line), seconds until it ended, its peak resident memory (MB, ru_maxrss of
    this very child), and seconds until it printed "opened" (the app: its portfolio open and
    painted, after the first window painted from a glance), if it did. With `expect`, a line
    the process must print before "painted"."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args,
        env={**env, PAINTED_MARK: "1"},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    painted = opened = None
    for line in process.stdout:
        if painted is None and line.startswith("painted"):
            painted = time.perf_counter() - start
        elif painted is None and expect is not None and line.startswith(expect):
            expect = None
        elif opened is None and line.startswith("opened"):
            opened = time.perf_counter() - start
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    err = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    if process.returncode != 0 or painted is None or expect is not None:
        raise RuntimeError(f"{' '.join(args)} failed ({process.returncode}):\n{err[-3000:]}")
    return painted, wall, usage.ru_maxrss / 1024, opened


def result_of(out: str) -> dict:
    for line in out.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"No RESULT line in:\n{out[-2000:]}")


def figure(name, value, unit, target, met, floor=None, ratio=None, samples=None) -> dict:
    row = {
        "figure": name,
        "value": round(value, 4),
        "unit": unit,
        "floor": None if floor is None else round(floor, 4),
        "ratio": None if ratio is None else round(ratio, 2),
        "target": target,
        "met": bool(met),
    }
    if samples is not None:
        row["samples"] = [round(s, 4) for s in samples]
    return row


class Bench:
    def __init__(self, path: Path, runs: int, work: Path):
        self.path = path
        self.runs = runs
        self.work = work
        self.env = child_env(work / "home")
        self.python = sys.executable

    def module(self, name: str, *args) -> dict:
        return result_of(run_child([self.python, "-m", name, *map(str, args)], self.env))

    # --- the figures ------------------------------------------------------------------------

    def start(self) -> list[dict]:
        """Cold start to the first painted main window (the --screenshot path, until it says
        "painted") vs F1 (the same); the same processes give the GUI's peak memory and, for
        information, the time until the screenshot's process ends: by then the health worked
        out beside the window and the whole-file check are in, and until the portfolio replaced
        the glance the first window was painted from (it says "opened"). For information too,
        F1 with SQLAlchemy and our models imported first: the least a first window built on
        them would cost (a start paints before they load: glance.py)."""
        # The app as installed or frozen starts from compiled modules, as F1's libraries do.
        # Where PYTHONDONTWRITEBYTECODE is set (this project's machines), imports never write
        # them, so every start would compile ours again (about 0.09 s): compile them first.
        compileall.compile_dir(ROOT / "alliance_desk", quiet=1)
        app = [self.python, "-m", "alliance_desk", str(self.path), "--screenshot"]
        floor = [self.python, str(ROOT / "benchmarks/floors/f1_start.py"), str(self.path)]
        ours, whole, rss, base, least, usable = [], [], [], [], [], []
        for run in range(self.runs):  # alternate, so background load hits both alike
            measured = run_measured([*app, str(self.work / f"app{run}.png")], self.env)
            painted, wall, peak, opened = measured
            ours.append(painted)
            usable.append(opened if opened is not None else painted)
            whole.append(wall)
            rss.append(peak)
            base.append(run_measured([*floor, str(self.work / f"f1-{run}.png")], self.env)[0])
            with_models = [*floor, str(self.work / f"f1m-{run}.png"), "--with-models"]
            least.append(run_measured(with_models, self.env, expect="models imported")[0])
        value, f1, models = median(ours), median(base), median(least)
        return [
            figure(
                "cold start to first painted main window / F1",
                value,
                "s",
                "≤ 1.5×",
                value / f1 <= 1.5,
                f1,
                value / f1,
                ours,
            ),
            figure(
                "start until the portfolio is open and on screen (informative: the first window"
                " is painted from a glance, and takes input from here)",
                median(usable),
                "s",
                "—",
                True,
                f1,
                median(usable) / f1,
                usable,
            ),
            figure(
                "F1 with SQLAlchemy and our models imported first / F1 (informative: the least"
                " a first window built on the ORM would cost)",
                models,
                "s",
                "—",
                True,
                f1,
                models / f1,
                least,
            ),
            figure(
                "start until health and the whole-file check are in (informative)",
                median(whole),
                "s",
                "—",
                True,
                samples=whole,
            ),
            figure(
                "peak memory of the GUI with the large portfolio open",
                max(rss),
                "MB",
                "≤ 300 MB",
                max(rss) <= 300,
                samples=rss,
            ),
        ]

    def gui(self, selects: int, keystrokes: int) -> dict:
        return self.module("benchmarks.figures.gui", self.path, selects, keystrokes)

    def select_and_filter(self, want: set[str]) -> list[dict]:
        selects = 40 if "select" in want else 1
        keystrokes = 120 if "filter" in want else 0
        data = self.gui(selects, keystrokes)
        rows = []
        if "select" in want:
            value = p95(data["select_ms"])
            rows.append(
                figure(
                    "select an alliance until every tab is populated (p95)",
                    value,
                    "ms",
                    "p95 ≤ 50 ms",
                    value <= 50,
                    samples=data["select_ms"],
                )
            )
            shown = p95(data["select_shown_ms"])
            rows.append(  # what a user waits for: the other tabs catch up when shown
                figure(
                    "select an alliance until the tab on screen (Overview) is populated (p95)",
                    shown,
                    "ms",
                    "p95 ≤ 50 ms",
                    shown <= 50,
                    samples=data["select_shown_ms"],
                )
            )
        if "filter" in want:
            value = p95(data["keystroke_ms"])
            rows.append(
                figure(
                    f"one keystroke in the action filter at {data['filter_rows']:,} rows (p95)",
                    value,
                    "ms",
                    "p95 ≤ 30 ms",
                    value <= 30,
                    samples=data["keystroke_ms"],
                )
            )
        return rows

    def reports(self, want: set[str]) -> list[dict]:
        out = self.work / "reports"
        out.mkdir(exist_ok=True)
        data = self.module("benchmarks.figures.reports", self.path, self.runs, out)
        rows = []
        if "jsc" in want:
            value, f2 = median(data["jsc_s"]), median(data["f2_s"])
            rows.append(
                figure(
                    "JSC pre-read with 3 charts for one alliance / F2",
                    value,
                    "s",
                    "≤ 3×, and ≤ 1.0 s",
                    value / f2 <= 3 and value <= 1.0,
                    f2,
                    value / f2,
                    data["jsc_s"],
                )
            )
        if "board" in want:
            value = median(data["board_s"])
            rows.append(
                figure(
                    "board one-pager over every alliance",
                    value,
                    "s",
                    "≤ 3 s",
                    value <= 3,
                    samples=data["board_s"],
                )
            )
        return rows

    def merge(self) -> list[dict]:
        work = self.work / "merge"
        work.mkdir(exist_ok=True)
        data = self.module("benchmarks.figures.merge", self.path, self.runs, work)
        value, f3 = median(data["merge_s"]), median(data["f3_s"])
        return [
            figure(
                f"merge of two copies with {data['changed_each']:,} changed rows each / F3",
                value,
                "s",
                "≤ 2×",
                value / f3 <= 2,
                f3,
                value / f3,
                data["merge_s"],
            )
        ]

    def plain(self) -> list[dict]:
        data = self.module("benchmarks.figures.plain", self.path, self.runs)
        value, plain = median(data["encrypted_s"]), median(data["plain_s"])
        return [
            figure(
                "the same read workload, encrypted vs an unencrypted copy",
                value,
                "s",
                "encrypted ≤ 1.3× plain",
                value / plain <= 1.3,
                plain,
                value / plain,
                data["encrypted_s"],
            )
        ]


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        memory = f"{int(first.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, IndexError, ValueError):
        pass
    versions = {}
    for name in ("PySide6", "sqlalchemy", "sqlcipher3", "docx", "pyqtgraph"):
        try:
            from importlib.metadata import version

            dist = {"docx": "python-docx", "sqlcipher3": "sqlcipher3"}.get(name, name)
            versions[name] = version(dist)
        except Exception:  # a missing package only leaves its version out
            pass
    return {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "versions": versions,
    }


def markdown(results: list[dict]) -> str:
    lines = [
        "| figure | value | floor | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        unit = r["unit"]
        value = f"{r['value']:.3g} {unit}" if unit != "ms" else f"{r['value']:.1f} ms"
        floor = "" if r["floor"] is None else f"{r['floor']:.3g} {unit}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}×"
        met = "—" if r["target"] == "—" else "yes" if r["met"] else "**no**"
        lines.append(f"| {r['figure']} | {value} | {floor} | {ratio} | {r['target']} | {met} |")
    return "\n".join(lines)


def run(alliances: int, runs: int, out: Path, only: set[str], cache: Path = CACHE) -> dict:
    started = time.perf_counter()
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        previous = os.environ.get("ALLIANCE_DESK_HOME")
        os.environ["ALLIANCE_DESK_HOME"] = str(home)  # never the user's own settings
        try:
            path = ensure_big(alliances, cache)
        finally:
            if previous is None:
                os.environ.pop("ALLIANCE_DESK_HOME")
            else:
                os.environ["ALLIANCE_DESK_HOME"] = previous
        built = time.perf_counter() - started
        info = machine()
        size = path.stat().st_size / 1e6
        info["portfolio"] = f"{path.name} ({size:.0f} MB; ready in {built:.0f} s)"
        bench = Bench(path, runs, Path(folder))
        if "start" in only:
            results += bench.start()
        if only & {"select", "filter"}:
            results += bench.select_and_filter(only)
        if only & {"jsc", "board"}:
            results += bench.reports(only)
        if "merge" in only:
            results += bench.merge()
        if "plain" in only:
            results += bench.plain()
    info["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    info["runs"] = runs
    info["seconds"] = round(time.perf_counter() - started)
    document = {"machine": info, "results": results}
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alliances", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--only", default=",".join(FIGURES))
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = only - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")
    document = run(args.alliances, args.runs, args.out, only)
    m = document["machine"]
    print(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, ")
    print(f"load {m['load_average']} → {m['load_average_after']}; {m['portfolio']}\n")
    print(markdown(document["results"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
