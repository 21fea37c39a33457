"""How a traffic light looks in the UI: the dot's fill (the charts' colours) and a text colour
dark enough to read on white."""

from PySide6.QtGui import QColor

from alliance_desk.charts.style import LIGHT_FILL
from alliance_desk.insights.health import LIGHT_WORDS

TEXT_COLOUR = {"green": "#2e7d32", "yellow": "#9a6200", "red": "#c62828", "grey": "#6b7280"}
LABEL = {"green": "Green", "yellow": "Yellow", "red": "Red", "grey": "No data"}


def dot_colour(light: str) -> QColor:
    return QColor(LIGHT_FILL.get(light, LIGHT_FILL["grey"]))


def dot_html(light: str, size: int = 12) -> str:
    """A coloured dot for rich-text labels."""
    fill = LIGHT_FILL.get(light, LIGHT_FILL["grey"])
    return f"<span style='color:{fill}; font-size:{size}px'>●</span>"


def light_text(light: str) -> str:
    return f"● {LABEL.get(light, LIGHT_WORDS.get(light, light))}"
