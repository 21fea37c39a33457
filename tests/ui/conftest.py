"""Fixtures for widget tests: a UiContext over the test portfolio, its one alliance, a bad disk."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy.exc import OperationalError

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext
from tests.ui.shell_support import make_window

DISK_FAILURE = "The change could not be saved (disk I/O error). Nothing was changed."


@pytest.fixture
def shown_errors() -> list[str]:
    """The messages the main window would have shown in error boxes."""
    return []


@pytest.fixture
def window(qtbot, shown_errors):
    """The main window, shown and active, on its welcome page."""
    return make_window(qtbot, shown_errors)


@pytest.fixture
def context(portfolio):
    bridge = PortfolioBridge(portfolio)
    yield UiContext(portfolio, bridge, QUndoStack())
    bridge.detach()


@pytest.fixture
def alliance(portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")


@pytest.fixture
def failing_commits() -> Callable[[Portfolio], AbstractContextManager[None]]:
    """`with failing_commits(portfolio):` every commit fails, as on a full or vanished disk."""

    def fail() -> None:
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    @contextmanager
    def failing(portfolio: Portfolio) -> Iterator[None]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(portfolio._session, "commit", fail)
            yield

    return failing
