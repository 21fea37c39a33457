"""pyqtgraph figures, shown on screen and rendered off-screen to PNG for reports.

The one place besides ui/ that imports Qt. Builders in `figures` draw plain data into a
`PlotItem`; `render.render_png` turns a builder into PNG bytes, `render.ChartView` shows one.
"""

from alliance_desk.charts import qt_import  # noqa: F401 (first: later imports are cheaper)
