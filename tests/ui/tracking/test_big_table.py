"""A portfolio with 30,000 actions: the portfolio-wide table stays a model over plain rows (no
widget items, no ORM object per row) that sorts and filters all of them itself, behind a proxy
that only passes them through."""

import shutil
import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QIdentityProxyModel, Qt
from PySide6.QtGui import QStandardItemModel, QUndoStack
from PySide6.QtWidgets import QTableView, QTableWidget

from alliance_desk.models import ActionItem
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.bridge import PortfolioBridge
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.tracking.actions import ActionsTab
from alliance_desk.ui.tracking.table import TrackingTableModel
from tests.conftest import PASSPHRASE

COUNT = 30_000
START = date(2026, 1, 1)


@pytest.fixture(scope="session")
def big_template(template_file, tmp_path_factory):
    """The template portfolio plus 30,000 actions over three alliances, built once."""
    path = tmp_path_factory.mktemp("big") / "big.alliance"
    shutil.copyfile(template_file, path)
    with Portfolio.open(path, PASSPHRASE) as portfolio:
        alliances = [portfolio.find_alliance("Helios Oncology")]
        alliances += [portfolio.add_alliance(name) for name in ("Atlas Data", "Borealis Bio")]
        rows = (
            {
                "alliance_id": alliances[n % 3].id,
                "title": f"Action {n:05d}",
                "owner_name": f"Owner {n % 40}",
                "due_date": START + timedelta(days=n % 365),
                "status": ("open", "in_progress", "done")[n % 3],
                "impact": 1 + n % 5,
                "feasibility": 1 + (n // 5) % 5,
            }
            for n in range(COUNT)
        )
        portfolio.add_many(ActionItem, rows)
    return path


@pytest.fixture
def big(big_template, tmp_path):
    path = tmp_path / "big.alliance"
    shutil.copyfile(big_template, path)
    portfolio = Portfolio.open(path, PASSPHRASE)
    yield portfolio
    portfolio.close()


def test_30000_actions_stay_a_proxy_model_table(big, qtbot):
    context = UiContext(big, PortfolioBridge(big), QUndoStack())
    tab = ActionsTab(context)
    qtbot.addWidget(tab)
    tab.set_alliance(big.find_alliance("Helios Oncology"))
    started = time.perf_counter()
    tab.set_portfolio_wide(True)
    loaded = time.perf_counter() - started
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)

    view = tab.table.view
    assert isinstance(view, QTableView) and not isinstance(view, QTableWidget)
    proxy = view.model()
    assert isinstance(proxy, QIdentityProxyModel)  # no Python call per row from a proxy
    model = proxy.sourceModel()
    assert isinstance(model, TrackingTableModel) and not isinstance(model, QStandardItemModel)
    assert model.rowCount() == COUNT and proxy.rowCount() == COUNT
    assert "30000 actions" in tab.table.count_text
    first = model.rows[0]
    assert not isinstance(first, ActionItem)  # plain rows from one query, not ORM objects
    assert type(first).__name__ == "Row"
    assert tab.findChildren(QTableWidget) == []

    started = time.perf_counter()
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # Action, after the Alliance column
    sorted_in = time.perf_counter() - started
    assert model.rows[0].title == f"Action {COUNT - 1:05d}"
    assert proxy.index(0, 1).data() == f"Action {COUNT - 1:05d}"

    started = time.perf_counter()
    tab.set_quick_filter("overdue")  # today is 15 Jun 2026 (tests/ui/tracking/conftest.py)
    filtered_in = time.perf_counter() - started
    overdue = sum(
        1
        for n in range(COUNT)
        if n % 3 != 2 and START + timedelta(days=n % 365) < date(2026, 6, 15)
    )
    assert proxy.rowCount() == overdue
    print(
        f"\n30,000 actions: load {loaded:.2f} s, sort {sorted_in:.2f} s, filter {filtered_in:.2f} s"
    )
    # generous bounds: this is a smoke test, `make bench` measures speed
    assert loaded < 10 and sorted_in < 5 and filtered_in < 5


def test_editing_one_of_30000_patches_its_row_in_place(big, qtbot):
    context = UiContext(big, PortfolioBridge(big), QUndoStack())
    tab = ActionsTab(context)
    qtbot.addWidget(tab)
    tab.set_portfolio_wide(True)
    model = tab.table.model
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    row = model.rows[100]
    record = big.get(ActionItem, row.id)
    big.update(record, title="Renamed")
    qtbot.waitUntil(lambda: model.rows[100].title == "Renamed")
    assert resets == []  # patched, not reloaded


def test_a_long_list_makes_its_search_texts_while_idle_and_finds_edits_made_meanwhile(big, qtbot):
    """The first letter typed into the filter of 30,000 actions does not wait for 30,000 search
    texts: they are made a few thousand per idle pass. A row edited and a sort made meanwhile
    are searched as they are now."""
    from PySide6.QtWidgets import QApplication

    context = UiContext(big, PortfolioBridge(big), QUndoStack())
    tab = ActionsTab(context)
    qtbot.addWidget(tab)
    tab.set_portfolio_wide(True)
    model = tab.table.model
    assert model._haystacks is None and model._ahead.isActive()
    QApplication.processEvents()  # one idle pass: some of the texts are made
    assert 0 < len(model._made_ahead) < COUNT
    row = model.rows[3]  # among those made already
    big.update(big.get(ActionItem, row.id), title="Zebra crossing")
    qtbot.waitUntil(lambda: model.rows[3].title == "Zebra crossing")
    model.set_search("zebra")  # the rest of the texts are made now
    assert [r.title for r in model.visible_rows()] == ["Zebra crossing"]

    model.set_search("")
    model.set_rows(list(model.rows))  # loaded again: made again, while idle
    QApplication.processEvents()
    assert 0 < len(model._made_ahead) < COUNT
    tab.table.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # a new order meanwhile
    qtbot.waitUntil(lambda: model._haystacks is not None, timeout=10_000)  # no search asked
    model.set_search("action 0001")  # every word, anywhere: 00001, 00010-00019, 10001, 20001
    expected = sorted(f"Action {n:05d}" for n in range(COUNT) if "0001" in f"{n:05d}")
    assert sorted(r.title for r in model.visible_rows()) == expected
    model.set_search("zebra")
    assert [r.title for r in model.visible_rows()] == ["Zebra crossing"]
