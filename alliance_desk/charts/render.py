"""Draw a figure off-screen into PNG bytes (for Word), or into a widget the UI embeds.

`build` is any callable taking a `pyqtgraph.PlotItem`, typically a lambda over a builder in
`charts.figures`: `render_png(lambda plot: trend(plot, "Trust", series, band))`.
"""

import os
import sys
from collections.abc import Callable

import pyqtgraph as pg
from pyqtgraph.exporters.Exporter import Exporter
from PySide6.QtCore import QRect, QRectF, Qt, QThread
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
    with ChartPainter() as painter:
        return painter.png(build, width, height, scale)


class ChartPainter:
    """Draws figures into PNG bytes one after another on one off-screen plot.

    Making a plot (its axes, title and option menus) costs about as much as drawing a chart,
    so the charts of one document share one: between two figures the plot is cleared and put
    back as a new one starts (items, axes, grid, title, view range, size), so each image has
    the pixels a plot of its own gives. Use it for one document (`with ChartPainter() as p`),
    on the GUI thread, with builders that change only what `charts.figures` changes.
    """

    def __init__(self) -> None:
        app = ensure_app()
        if QThread.currentThread() is not app.thread():
            raise RuntimeError(
                "Charts are drawn on the GUI thread: render them before handing work off."
            )
        self._widget: pg.PlotWidget | None = None
        self._fresh: _FreshState | None = None
        self._used = False  # a figure was drawn since the plot was made or put back

    def __enter__(self) -> "ChartPainter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._widget is not None:
            self._widget.deleteLater()
            self._widget = None

    def png(self, build: Build, width: int = 900, height: int = 420, scale: float = 1.0) -> bytes:
        """What `render_png(build, width, height, scale)` gives."""
        plot = self._plot()
        self._used = True
        build(plot)
        # A hidden widget ignores resize(); the plot item itself takes the size.
        plot.resize(width, height)
        return png_bytes(
            _paint(plot, *_export_size(plot, round(width * scale), round(height * scale)))
        )

    def _plot(self) -> pg.PlotItem:
        if self._widget is None:
            style.configure()
            self._widget = pg.PlotWidget(enableMenu=False)  # an image has no menu to build
            adopt_menus(self._widget)
            plot = self._widget.getPlotItem()
            self._fresh = _FreshState(plot)
            self._used = False
            return plot
        plot = self._widget.getPlotItem()
        if self._used and self._fresh is not None:
            self._fresh.restore(plot)
            self._used = False
        return plot


class _FreshState:
    """What a new plot looks like in what a figure changes, to put a used plot back to it."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.geometry = plot.geometry()
        self.view = plot.getViewBox().getState(copy=True)
        self.title_options = dict(plot.titleLabel.opts)
        self.grid_alpha = plot.ctrl.gridAlphaSlider.value()
        self.shown = {name: plot.getAxis(name).isVisible() for name in ("top", "right")}

    def restore(self, plot: pg.PlotItem) -> None:
        plot.clear()
        # The grid switches off first, on the old axes; new axes start without a grid.
        plot.ctrl.xGridCheck.setChecked(False)
        plot.ctrl.yGridCheck.setChecked(False)
        plot.ctrl.gridAlphaSlider.setValue(self.grid_alpha)
        # New left and bottom axes, in the order a new plot adds them (they draw in that order)
        plot.setAxisItems({"bottom": pg.AxisItem("bottom"), "left": pg.AxisItem("left")})
        for name, shown in self.shown.items():
            plot.showAxis(name, shown)
        plot.getViewBox().setState(self.view)
        label = plot.titleLabel
        label.opts = dict(self.title_options)
        label.setText("")
        plot.setTitle(None)
        plot.buttonsHidden = False
        plot.setGeometry(self.geometry)  # the size a new plot is built at


def _export_size(plot: pg.PlotItem, width: int, height: int) -> tuple[int, int]:
    """The image size ImageExporter gives when its width, then its height is set: each change
    of one recomputes the other from the plot's aspect ratio, rounding down."""
    source = plot.sceneBoundingRect()
    target = plot.mapRectToDevice(plot.boundingRect())
    w, h = int(target.width()), int(target.height())
    if width != w:
        w, h = width, int(width * (source.height() / source.width()))
    if height != h:
        w, h = int(height * (source.width() / source.height())), height
    return w, h


def _paint(plot: pg.PlotItem, width: int, height: int) -> QImage:
    """What `ImageExporter(plot).export(toBytes=True)` draws at width×height, painted into a
    premultiplied image: Qt blends into that format directly (into the exporter's plain
    ARGB32 it converts every blended pixel there and back), so the same pixels take about
    half the time. The exporter's own set-up (a parameter tree) is left out."""
    exporter = Exporter(plot)
    background = exporter.getScene().views()[0].backgroundBrush()
    colour = background.color()
    if background.style() == Qt.BrushStyle.NoBrush:
        colour.setAlpha(0)
    target = QRect(0, 0, width, height)
    source = exporter.getSourceRect()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colour)
    painter = QPainter(image)
    try:
        exporter.setExportMode(
            True,
            {
                "antialias": True,  # ImageExporter's default
                "background": colour,
                "painter": painter,
                "resolutionScale": width / exporter.getTargetRect().width(),
            },
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
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
