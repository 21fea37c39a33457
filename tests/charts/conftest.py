"""Helpers for chart tests: decode a PNG and count pixels near a colour."""

import pytest
from PySide6.QtGui import QColor, QImage

from alliance_desk.charts import style


def decode(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def blended(name: str, alpha: int) -> tuple[int, int, int]:
    """The colour a fill of `name` at `alpha` shows over the white background."""
    c, a = QColor(name), alpha / 255
    return tuple(round(255 * (1 - a) + part * a) for part in (c.red(), c.green(), c.blue()))


def solid(name: str) -> tuple[int, int, int]:
    c = QColor(name)
    return c.red(), c.green(), c.blue()


HEADER = 60  # pixels of title and legend keys, left out so they cannot stand in for data


def share_near(
    image: QImage, rgb: tuple[int, int, int], tolerance: int = 4, step: int = 3
) -> float:
    """The share of pixels under the header (on a `step`-px grid) within `tolerance` of `rgb`."""
    hits = total = 0
    for y in range(HEADER, image.height(), step):
        for x in range(0, image.width(), step):
            p = image.pixelColor(x, y)
            total += 1
            if (
                abs(p.red() - rgb[0]) <= tolerance
                and abs(p.green() - rgb[1]) <= tolerance
                and abs(p.blue() - rgb[2]) <= tolerance
            ):
                hits += 1
    return hits / total


@pytest.fixture
def band_colours() -> dict[str, tuple[int, int, int]]:
    return {
        "green": blended(style.BAND_GREEN, style.BAND_ALPHA),
        "yellow": blended(style.BAND_AMBER, style.BAND_ALPHA),
        "red": blended(style.BAND_RED, style.BAND_ALPHA),
    }
