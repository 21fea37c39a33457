"""Shared helpers of the benchmark scripts: the environment, timing, and JSON out."""

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the figure scripts run as `python benchmarks/figures/x.py`
    sys.path.insert(0, str(ROOT))


def timed(work: Callable[[], object]) -> float:
    """Seconds `work()` took (wall clock)."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): with 20 samples, the 19th smallest."""
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]


def emit(result: dict) -> None:
    """A figure script's answer: one JSON line on stdout, read by run.py."""
    print("RESULT " + json.dumps(result), flush=True)


def passphrase() -> str:
    return os.environ.get("ALLIANCE_DESK_PASSPHRASE", "")
