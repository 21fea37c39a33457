"""A chart's PNG keeps every pixel, at any width, and keeps transparency where there is some."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from alliance_desk.charts.png import SIGNATURE, png_bytes


def picture(width: int, height: int, background: QColor) -> QImage:
    """An image with lines and text in several colours over `background` (text needs `qapp`)."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, name in enumerate(("#0072b2", "#d17f00", "#c62828", "#2e7d32")):
        painter.setPen(QColor(name))
        painter.drawLine(0, i * 7, width - 1, height - 1 - i * 5)
        painter.fillRect(i * 13, height // 2, 11, height // 3, QColor(name))
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(5, 20, "Trust 6.8")
    painter.end()
    image.setDotsPerMeterX(3780)
    image.setDotsPerMeterY(3780)
    return image


def decoded(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def test_png_bytes_keeps_every_pixel_of_an_opaque_chart_at_odd_widths(qapp):
    for width in (381, 382, 383, 900):  # RGB rows are padded to 4 bytes in memory
        image = picture(width, 57, QColor("white"))
        png = png_bytes(image)
        assert png.startswith(SIGNATURE)
        assert decoded(png) == image, width


def test_png_bytes_takes_the_formats_charts_are_painted_in(qapp):
    image = picture(301, 40, QColor("white"))
    for kind in (
        QImage.Format.Format_ARGB32_Premultiplied,
        QImage.Format.Format_RGB32,
        QImage.Format.Format_RGB888,
    ):
        assert decoded(png_bytes(image.convertToFormat(kind))) == image, kind


def test_png_bytes_keeps_the_resolution_word_sizes_images_by(qapp):
    back = QImage.fromData(png_bytes(picture(120, 40, QColor("white"))), "PNG")
    assert (back.dotsPerMeterX(), back.dotsPerMeterY()) == (3780, 3780)


def test_png_bytes_keeps_transparency(qapp):
    image = picture(200, 80, QColor(255, 255, 255, 0))
    back = decoded(png_bytes(image))
    assert back.hasAlphaChannel()
    assert back.pixelColor(199, 0).alpha() == 0
    assert back == image
