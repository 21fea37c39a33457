"""The Ask box: Enter shows the answer under it; an item opens its record; a chart answer opens
in the chart builder."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from alliance_desk import clock
from alliance_desk.models import Risk
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.dashboard_tab import BUILDER_PAGE
from tests.conftest import PASSPHRASE
from tests.ui.shell_support import make_window


@pytest.fixture
def window(qtbot, portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as p:
        helios = p.find_alliance("Helios Oncology")
        p.add_alliance("Orion Vaccines", partner="Northstar")
        today = clock.today()
        next_week = today + timedelta(days=7 - today.weekday() + 1)  # next Tuesday
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Key scientist may leave",
            likelihood=4,
            impact=5,
            review_date=next_week,
        )
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Closed supply risk",
            likelihood=5,
            impact=5,
            review_date=next_week,
            status="closed",
        )
    opened = make_window(qtbot)
    assert opened.open_path(portfolio_file, PASSPHRASE)
    return opened


def ask(qtbot, window, question: str):
    window.ask_edit.clear()
    window.ask_edit.setFocus()
    qtbot.keyClicks(window.ask_edit, question)
    qtbot.keyClick(window.ask_edit, Qt.Key.Key_Return)
    return window.ask_panel


def test_enter_shows_the_ranked_answer_without_blocking(qtbot, window):
    panel = ask(qtbot, window, "what risks should I raise next week?")
    assert panel.isVisible() and not panel.isModal()
    assert panel.heading.text().startswith("Risks and issues to raise next week")
    texts = panel.item_texts()
    assert len(texts) == 1 and texts[0].startswith("1. Key scientist may leave.")
    assert "Closed supply risk" not in " ".join(texts)
    assert panel.details.text().startswith("Ranked by: open issues first")
    assert not panel.builder_button.isVisible()
    assert window.ask_edit.isEnabled()  # the user can ask again at once


def test_clicking_an_item_opens_the_record_in_its_tab(qtbot, window):
    window.sidebar.select_alliance(window.portfolio.find_alliance("Orion Vaccines").id)
    panel = ask(qtbot, window, "risks next week")
    row = panel.items.item(0)
    qtbot.mouseClick(
        panel.items.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.items.visualItemRect(row).center(),
    )
    assert window.sidebar.current_alliance().name == "Helios Oncology"
    assert window.workspace.current_tab_title() == "Risks"
    risks = window.workspace.tab("Risks")
    planted = window.portfolio.all(Risk, title="Key scientist may leave")[0]
    assert risks.table._selected_id() == planted.id


def test_a_chart_answer_opens_in_the_chart_builder(qtbot, window):
    panel = ask(qtbot, window, "alliances by status")
    assert panel.heading.text() == "Alliances by status"
    assert panel.chart.isVisible() and panel.builder_button.isVisible()
    qtbot.mouseClick(panel.builder_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert window.workspace.current_tab_title() == "Dashboard"
    dashboard = window.workspace.tab("Dashboard")
    assert dashboard.pages.tabText(dashboard.pages.currentIndex()) == BUILDER_PAGE
    assert dashboard.builder.spec().cut == "status"
    assert dashboard.builder.result.categories == ["Active"]


def test_an_unknown_question_shows_examples_and_escape_closes(qtbot, window):
    panel = ask(qtbot, window, "make me a sandwich")
    assert panel.heading.text().startswith("I did not understand that question")
    assert "What risks should I raise next week?" in panel.details.text()
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()
