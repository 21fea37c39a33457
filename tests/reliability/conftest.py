"""Reliability suite: the figures each part gathers, and the killable writer process.

Every part adds its counts to FIGURES (runs, faults, inputs, records lost); the terminal summary
prints them and writes tests/reliability/figures.md, the numbers the README quotes.
"""

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.reliability.figures import FIGURES

HERE = Path(__file__).parent
PARTS = 6  # crash safety, two at once, hostile files, hostile text, nothing leaks, backups


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    lines = ["# Reliability figures (last run of tests/reliability)", ""]
    for part, figures in FIGURES.items():
        text = ", ".join(f"{name}: {value}" for name, value in figures.items())
        lines.append(f"- **{part}**: {text}")
    terminalreporter.section("reliability figures")
    for line in lines[2:]:
        terminalreporter.write_line(line)
    if len(FIGURES) >= PARTS:  # only a run of the whole folder rewrites the README's source
        (HERE / "figures.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


class Writer:
    """The writer.py process: `run(job)` forks a child for the job; the test kills it."""

    def __init__(self, home: Path):
        env = os.environ | {"ALLIANCE_DESK_HOME": str(home), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "writer.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.transcript: list[str] = []  # everything printed, to search for secrets
        self.early: list[str] = []  # the child's lines that came before its pid
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in self.process.stdout:
            self.lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self.lines.put("eof")

    def next(self, timeout: float = 60) -> str:
        if self.early:
            return self.early.pop(0)
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the writer said nothing for a minute") from None
        self.transcript.append(line)
        assert line != "eof", "the writer process ended"
        return line

    def start(self, **job) -> int:
        """Send a job; returns the child's pid once it is known."""
        self.process.stdin.write((json.dumps(job) + "\n").encode())
        self.process.stdin.flush()
        early = []
        while True:
            line = self.next()
            if line.startswith("child "):
                self.early = early
                return int(line.split()[1])
            early.append(line)

    def wait_for(self, word: str) -> list[str]:
        """Lines up to and including the first starting with `word` (fails on 'exit')."""
        seen = []
        while True:
            line = self.next()
            seen.append(line)
            if line.startswith(word):
                return seen
            assert not line.startswith("exit"), f"the child ended early: {seen[-3:]}"

    def until_exit(self) -> list[str]:
        seen = []
        while True:
            line = self.next()
            seen.append(line)
            if line.startswith("exit"):
                return seen

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def writer(tmp_path_factory):
    process = Writer(tmp_path_factory.mktemp("writer-home"))
    yield process
    process.close()
