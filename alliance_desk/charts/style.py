"""The charts' look: one calm palette for a business audience, fonts, pyqtgraph's global config.

Ours and partner use the Okabe-Ito blue and orange (safe for the common colour-vision
deficiencies) and also differ in marker shape and line dash, so they survive grey-scale printing.
"""

import textwrap

from PySide6.QtGui import QColor, QFont

BACKGROUND = "#ffffff"
TEXT = "#37474f"  # dark blue-grey: titles, axis labels, tick labels
AXIS = "#90a4ae"  # axis lines
GRID_ALPHA = 0.12

# Traffic-light band fills (behind the data) and bar fills (the data itself).
BAND_GREEN = "#2e7d32"
BAND_AMBER = "#f9a825"
BAND_RED = "#c62828"
BAND_ALPHA = 34  # of 255: soft enough to read lines and bars on top

LIGHT_FILL = {
    "green": "#4e9a52",
    "yellow": "#e6a417",
    "red": "#c94a44",
    "grey": "#b0b7bb",
}

# Series: the whole alliance, our side, the partner's side; previous assessment.
SERIES_COLOR = {
    "all": "#263238",
    "ours": "#0072b2",
    "partner": "#d17f00",
    "previous": "#9aa5ab",
}
SERIES_SYMBOL = {"all": "o", "ours": "o", "partner": "s", "previous": "o"}
SERIES_DASHED = {"partner"}

BASELINE = "#546e7a"
MARKER = "#5e35b1"  # review actions completed: a calm violet apart from the bands

FONT_FAMILY = "DejaVu Sans"  # bundled with Qt on Linux; Qt falls back elsewhere
TITLE_SIZE = "12pt"
LEGEND_SIZE = "9pt"
TICK_POINT_SIZE = 9
LABEL_POINT_SIZE = 8


def font(point_size: int = TICK_POINT_SIZE, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies([FONT_FAMILY, "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"])
    f.setPointSize(point_size)
    f.setBold(bold)
    return f


def color(name: str, alpha: int = 255) -> QColor:
    c = QColor(name)
    c.setAlpha(alpha)
    return c


def wrap(label: str, width: int = 16, lines: int = 2) -> str:
    """Break a long category label over at most `lines` lines, ending with an ellipsis if cut."""
    label = " ".join(label.split())
    # Whole words only: a word longer than the width keeps its first letters and an ellipsis.
    words = [w if len(w) <= width + 1 else w[: max(1, width - 1)] + "…" for w in label.split()]
    parts = textwrap.wrap(" ".join(words), width, break_long_words=False) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(parts)


_configured = False


def configure() -> None:
    """Set pyqtgraph's global options once: white background, dark text, antialiasing.

    Called where a chart widget is made (render.py), not on import: the window's traffic-light
    dots use this palette at start-up, and pyqtgraph (with numpy) costs half a second to load.
    """
    global _configured
    if _configured:
        return
    import pyqtgraph as pg

    pg.setConfigOptions(background=BACKGROUND, foreground=TEXT, antialias=True)
    _configured = True
