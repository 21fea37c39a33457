"""Draw a figure off-screen into PNG bytes (for Word), or into a widget the UI embeds.

`build` is any callable taking a `pyqtgraph.PlotItem`, typically a lambda over a builder in
`charts.figures`: `render_png(lambda plot: trend(plot, "Trust", series, band))`.
"""

import os
import sys
from collections.abc import Callable

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QRect, QRectF, QThread
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from alliance_desk.charts import style
from alliance_desk.charts.png import png_bytes

Build = Callable[[pg.PlotItem], None]

_app: QApplication | None = None  # kept alive when this module had to create it


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (off-screen when there is no display)."""
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("Charts need a QApplication, but another kind of Qt application runs.")
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(sys.argv[:1])
    return _app


def render_png(build: Build, width: int = 900, height: int = 420, scale: float = 1.0) -> bytes:
    """The figure `build` draws, as PNG bytes of width×height pixels (times `scale`).

    `scale` 2 gives a sharper image with the same layout (fonts keep their size relative to
    the chart), for documents printed at higher resolution. Nothing is written to disk.
    Qt widgets live on the GUI thread, so call this there (a report worker gets the bytes).
    """
    app = ensure_app()
    if QThread.currentThread() is not app.thread():
        raise RuntimeError(
            "Charts are drawn on the GUI thread: render them before handing work off."
        )
    style.configure()
    widget = pg.PlotWidget(enableMenu=False)  # an image has no right-click menu to build
    adopt_menus(widget)
    try:
        plot = widget.getPlotItem()
        build(plot)
        # A hidden widget ignores resize(); the plot item itself takes the size.
        plot.resize(width, height)
        exporter = ImageExporter(plot)
        exporter.parameters()["width"] = round(width * scale)
        exporter.parameters()["height"] = round(height * scale)
        return png_bytes(_paint(exporter))
    finally:
        widget.deleteLater()


def _paint(exporter: ImageExporter) -> QImage:
    """What `exporter.export(toBytes=True)` draws, painted into a premultiplied image: Qt
    blends into that format directly (into the exporter's plain ARGB32 it converts every
    blended pixel there and back), so the same pixels take about half the time."""
    params = exporter.parameters()
    width, height = int(params["width"]), int(params["height"])
    target = QRect(0, 0, width, height)
    source = exporter.getSourceRect()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(params["background"])
    painter = QPainter(image)
    try:
        exporter.setExportMode(
            True,
            {
                "antialias": params["antialias"],
                "background": params["background"],
                "painter": painter,
                "resolutionScale": width / exporter.getTargetRect().width(),
            },
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, params["antialias"])
        exporter.getScene().render(painter, QRectF(target), QRectF(source))
    finally:
        exporter.setExportMode(False)
        painter.end()
    return image


def chart_widget(build: Build, parent: QWidget | None = None) -> pg.PlotWidget:
    """A PlotWidget with the figure `build` draws, for embedding once."""
    style.configure()
    widget = pg.PlotWidget(parent)
    adopt_menus(widget)
    build(widget.getPlotItem())
    return widget


class ChartView(QWidget):
    """A chart the UI embeds; `rebuild(build)` redraws it from fresh data."""

    def __init__(self, build: Build | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot_widget: pg.PlotWidget | None = None
        self.setMinimumHeight(260)
        if build is not None:
            self.rebuild(build)

    @property
    def plot(self) -> pg.PlotItem | None:
        return self.plot_widget.getPlotItem() if self.plot_widget else None

    def rebuild(self, build: Build) -> None:
        """Replace the chart with a fresh one (axes, legend and items start clean)."""
        fresh = chart_widget(build, self)
        if self.plot_widget is not None:
            self._layout.removeWidget(self.plot_widget)
            self.plot_widget.deleteLater()
        self._layout.addWidget(fresh)
        self.plot_widget = fresh


def adopt_menus(widget: pg.PlotWidget) -> None:
    """pyqtgraph makes its right-click menus without a parent; a parentless widget outlives
    the application and can crash its exit. Give them the chart as parent (and switch them
    off: these charts are to read, not to explore)."""
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    for menu in (getattr(plot, "ctrlMenu", None), getattr(plot.getViewBox(), "menu", None)):
        if menu is not None and menu.parent() is None:
            menu.setParent(widget, menu.windowFlags())
