"""Fixtures for widget tests: a UiContext over the test portfolio, and its one alliance."""

import pytest
from PySide6.QtGui import QUndoStack

from alliance_desk.models import Alliance
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext


@pytest.fixture
def context(portfolio):
    bridge = PortfolioBridge(portfolio)
    yield UiContext(portfolio, bridge, QUndoStack())
    bridge.detach()


@pytest.fixture
def alliance(portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")
