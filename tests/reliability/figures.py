"""The figures the reliability tests gather (printed and written by conftest's summary)."""

from collections import defaultdict

FIGURES: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def count(part: str, figure: str, amount: int = 1) -> None:
    """Add `amount` to one figure of one part (e.g. count("crash safety", "kills"))."""
    FIGURES[part][figure] += amount


def note(part: str, figure: str) -> None:
    """Make a figure show even when it stays 0 (records lost, bytes changed)."""
    FIGURES[part][figure] += 0
