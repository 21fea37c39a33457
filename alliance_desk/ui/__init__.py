"""Widgets, dialogs, item models and actions; talks only to Portfolio and friends."""

from alliance_desk.charts import qt_import  # noqa: F401 (first: later imports are cheaper)
