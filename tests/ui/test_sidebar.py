"""The alliance sidebar: filtering as you type, stage and archived filters, kept selection."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from alliance_desk import clock
from alliance_desk.ui.alliance_list import HealthRole, StageLabelRole
from alliance_desk.ui.health.lights import dot_colour
from alliance_desk.ui.sidebar import Sidebar


@pytest.fixture
def sidebar(qtbot, portfolio) -> Sidebar:
    """A sidebar over the template portfolio plus four more alliances, following changes."""
    portfolio.add_alliance("Northstar Diagnostics", stage="governance", partner="Kestrel Labs")
    portfolio.add_alliance("Atlas Co-promotion", stage="renewal_exit", partner="Meridian Pharma")
    portfolio.add_alliance("Cobalt Data Platform", partner="Lumen Analytics")
    portfolio.add_alliance("Verity Biomarkers", stage="evaluation", partner="Helix Partners")
    widget = Sidebar()
    qtbot.addWidget(widget)
    widget.set_portfolio(portfolio)
    unsubscribe = portfolio.subscribe(widget.apply)
    widget.resize(300, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    unsubscribe()


def names(sidebar: Sidebar) -> list[str]:
    return [alliance.name for alliance in sidebar.visible_alliances()]


def test_sidebar_lists_alliances_by_name(sidebar):
    assert names(sidebar) == [
        "Atlas Co-promotion",
        "Cobalt Data Platform",
        "Helios Oncology",
        "Northstar Diagnostics",
        "Verity Biomarkers",
    ]
    assert sidebar.count_label.text() == "5 alliances"


def test_sidebar_filter_narrows_as_you_type(qtbot, sidebar):
    sidebar.filter_edit.setFocus()
    qtbot.keyClicks(sidebar.filter_edit, "o")
    assert len(names(sidebar)) == 5
    qtbot.keyClicks(sidebar.filter_edit, "n")  # "on": Oncology, Co-promotion
    assert names(sidebar) == ["Atlas Co-promotion", "Helios Oncology"]
    qtbot.keyClicks(sidebar.filter_edit, "c")
    assert names(sidebar) == ["Helios Oncology"]
    assert sidebar.count_label.text() == "1 of 5 alliances"
    qtbot.keyClicks(sidebar.filter_edit, "z")
    assert names(sidebar) == []
    sidebar.filter_edit.clear()
    qtbot.keyClicks(sidebar.filter_edit, "helix")  # the partner's name
    assert names(sidebar) == ["Verity Biomarkers"]


def test_sidebar_filter_ignores_case_and_matches_partner(qtbot, sidebar):
    qtbot.keyClicks(sidebar.filter_edit, "MERIDIAN")
    assert names(sidebar) == ["Atlas Co-promotion"]


def test_sidebar_enter_in_filter_selects_first_match(qtbot, sidebar):
    picked = []
    sidebar.alliance_selected.connect(picked.append)
    sidebar.filter_edit.setFocus()
    qtbot.keyClicks(sidebar.filter_edit, "north")
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Return)
    assert sidebar.current_alliance().name == "Northstar Diagnostics"
    assert picked[-1].name == "Northstar Diagnostics"
    assert sidebar.view.hasFocus()


def test_sidebar_stage_filter(qtbot, sidebar):
    combo = sidebar.stage_combo
    assert combo.itemText(0) == "All stages"
    assert combo.count() == 6
    combo.setCurrentIndex(combo.findData("formation"))
    assert names(sidebar) == ["Cobalt Data Platform", "Helios Oncology"]
    combo.setCurrentIndex(0)
    assert len(names(sidebar)) == 5


def test_sidebar_rows_show_partner_stage_and_a_health_dot(sidebar):
    index = sidebar.proxy.index(0, 0)
    assert index.data() == "Atlas Co-promotion"
    assert index.data(StageLabelRole) == "Renewal or exit"
    grey = dot_colour("grey")
    assert index.data(HealthRole) == grey  # no survey or records yet: no data
    image = sidebar.view.viewport().grab().toImage()
    rect = sidebar.view.visualRect(index)
    dot = image.pixelColor(rect.left() + 4 + 10 + 5, rect.top() + 2 + 10 + 7)
    assert abs(dot.red() - grey.red()) < 40 and abs(dot.blue() - grey.blue()) < 40
    assert not is_uniform(image)


def test_sidebar_archived_hidden_until_shown(qtbot, sidebar, portfolio):
    atlas = portfolio.find_alliance("Atlas Co-promotion")
    portfolio.archive(atlas)
    assert "Atlas Co-promotion" not in names(sidebar)
    qtbot.mouseClick(sidebar.show_archived_box, Qt.MouseButton.LeftButton)
    assert "Atlas Co-promotion" in names(sidebar)
    portfolio.archive(atlas, archived=False)
    qtbot.mouseClick(sidebar.show_archived_box, Qt.MouseButton.LeftButton)
    assert "Atlas Co-promotion" in names(sidebar)


def test_sidebar_keeps_the_selection_through_changes(sidebar, portfolio):
    helios = portfolio.find_alliance("Helios Oncology")
    sidebar.select_alliance(helios.id)
    portfolio.update(helios, name="Zeta Oncology")  # moves to the end of the list
    assert names(sidebar)[-1] == "Zeta Oncology"
    assert sidebar.current_alliance() is helios
    portfolio.add_alliance("Aardvark Alliance")
    assert names(sidebar)[0] == "Aardvark Alliance"
    assert sidebar.current_alliance() is helios
    portfolio.delete(portfolio.find_alliance("Atlas Co-promotion"))
    assert "Atlas Co-promotion" not in names(sidebar)
    assert sidebar.current_alliance() is helios
    portfolio.update(helios, stage="execution", partner="Someone new")
    assert sidebar.current_alliance() is helios
    assert sidebar.count_label.text() == "5 alliances"


def test_sidebar_select_alliance_clears_filters_that_hide_it(qtbot, sidebar, portfolio):
    atlas = portfolio.find_alliance("Atlas Co-promotion")
    portfolio.archive(atlas, archived=True)
    qtbot.keyClicks(sidebar.filter_edit, "helios")
    assert sidebar.select_alliance(atlas.id)
    assert sidebar.filter_edit.text() == ""
    assert sidebar.show_archived_box.isChecked()
    assert sidebar.current_alliance() is atlas
    assert not sidebar.select_alliance("no-such-id")


def test_sidebar_archived_rows_are_marked(qtbot, sidebar, portfolio):
    portfolio.archive(portfolio.find_alliance("Cobalt Data Platform"))
    sidebar.set_show_archived(True)
    row = names(sidebar).index("Cobalt Data Platform")
    index = sidebar.proxy.index(row, 0)
    assert f"archived {clock.today():%d %b %Y}" in index.data(Qt.ItemDataRole.ToolTipRole)


def is_uniform(image: QImage) -> bool:
    first = image.pixel(0, 0)
    step = max(1, image.width() // 50)
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )
