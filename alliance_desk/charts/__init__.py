"""pyqtgraph figures, shown on screen and rendered off-screen to PNG for reports."""
