"""Fixtures for the report tests: the test portfolio's one alliance."""

import pytest

from alliance_desk.models import Alliance


@pytest.fixture
def alliance(portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")
