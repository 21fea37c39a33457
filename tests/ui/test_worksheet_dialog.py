"""File ▸ Print worksheet: choose people, interviewer and date; preview, print, PDF or Word.
The print dialog, the preview and the file chooser are answered by the test host."""

import re
import unicodedata

import docx
import pytest
from PySide6.QtCore import Qt

from alliance_desk import clock
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.worksheet import format_day
from alliance_desk.ui.worksheet import actions
from alliance_desk.ui.worksheet.print_dialog import WorksheetPrintDialog
from tests.conftest import PASSPHRASE
from tests.tools import page_size_points, pdf_info, pdf_text
from tests.ui.shell_support import make_window
from tests.ui.worksheet_host import Host, type_into
from tests.worksheet_support import BOARD, OKAFOR, WEBER, add_people


@pytest.fixture
def host(context, alliance, portfolio, qtbot) -> Host:
    add_people(portfolio, alliance, WEBER, OKAFOR, BOARD)
    window = Host(context)
    qtbot.addWidget(window)
    window.tab.set_alliance(alliance)
    window.show()
    qtbot.waitUntil(lambda: len(window.tab.grid.shown()) == 3)
    return window


def flat(text: str) -> str:
    return " ".join(re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", text)).split())


def answer_with(qtbot, button: str, untick: str | None = None, interviewer: str = ""):
    """A handler for the print dialog: untick someone, name the interviewer, press a button."""

    def handler(dialog: WorksheetPrintDialog) -> None:
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.text() == untick:
                item.setCheckState(Qt.CheckState.Unchecked)
        if interviewer:
            dialog.interviewer.editor.clear()
            type_into(qtbot, dialog.interviewer.editor, interviewer)
        qtbot.mouseClick(getattr(dialog, f"{button}_button"), Qt.MouseButton.LeftButton)

    return handler


def test_save_as_pdf_prints_the_grid_columns(host, qtbot, tmp_path):
    host.save_to = tmp_path / "interview.pdf"
    host.answers.append(answer_with(qtbot, "pdf", untick="The board", interviewer="Maren"))
    result = host.tab.print_worksheet()
    assert result.startswith("Saved the worksheet (2 pages) to")
    assert result in host.messages
    assert int(pdf_info(host.save_to)["Pages"]) == 2
    width, height = page_size_points(host.save_to)
    assert width > height
    text = flat(pdf_text(host.save_to))
    assert "Anne Weber" in text and "Paul Okafor" in text and "The board" not in text
    assert "Interviewer: Maren" in text
    assert f"Date: {format_day(clock.today())}" in text
    assert not list(tmp_path.glob(".*.part"))  # written atomically


def test_the_interviewer_is_remembered(host, qtbot, tmp_path):
    host.save_to = tmp_path / "first.pdf"
    host.answers.append(answer_with(qtbot, "pdf", interviewer="Tomás Reyes"))
    host.tab.print_worksheet()
    seen: list[str] = []

    def check(dialog):
        seen.append(dialog.interviewer.text())
        dialog.reject()

    host.answers.append(check)
    host.tab.print_worksheet()
    assert seen == ["Tomás Reyes"]


def test_print_goes_through_the_print_dialog(host, qtbot, tmp_path):
    host.print_to = tmp_path / "printer.pdf"
    host.answers.append(answer_with(qtbot, "print"))
    assert host.tab.print_worksheet().startswith("Sent ")
    width, height = page_size_points(host.print_to)
    assert width > height  # the printer was set to landscape
    assert "Paul Okafor" in flat(pdf_text(host.print_to))


def test_cancelled_print_dialog_prints_nothing(host, qtbot, tmp_path):
    host.print_to = None  # the user cancels the print dialog

    def handler(dialog):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # still open: nothing happened
        dialog.reject()

    host.answers.append(handler)
    assert host.tab.print_worksheet() == ""


def test_preview_shows_the_pages(host, qtbot):
    def handler(dialog):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    host.answers.append(handler)
    host.tab.print_worksheet()
    assert host.previews and host.previews[0] >= 2


def test_save_as_word(host, qtbot, tmp_path):
    host.save_to = tmp_path / "interview"  # the suffix is added
    host.answers.append(answer_with(qtbot, "word"))
    host.tab.print_worksheet()
    document = docx.Document(str(tmp_path / "interview.docx"))
    names = document.tables[0].rows[0].cells[1].text
    assert names.startswith("Anne Weber")


def test_a_wrong_date_is_said_in_the_dialog(host, qtbot, tmp_path):
    host.save_to = tmp_path / "never.pdf"

    def handler(dialog):
        dialog.date.editor.clear()
        type_into(qtbot, dialog.date.editor, "31.02.2026")
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        assert "is not a date" in dialog.date.error_text()
        dialog.reject()

    host.answers.append(handler)
    host.tab.print_worksheet()
    assert not host.save_to.exists()


def test_file_menu_print_worksheet_and_view_menu_lists(qtbot, portfolio_file, tmp_path):
    with Portfolio.open(portfolio_file, PASSPHRASE) as setup:
        add_people(setup, setup.find_alliance("Helios Oncology"), WEBER)
    window = make_window(qtbot)
    window.open_path(portfolio_file, PASSPHRASE)
    assert window.print_worksheet_action.shortcut().toString() == "Ctrl+P"
    assert window.print_worksheet_action.isEnabled()
    opened = []

    def run_dialog(dialog):
        opened.append(dialog)
        return False

    window.run_dialog = run_dialog
    window.print_worksheet_action.trigger()
    assert isinstance(opened[0], WorksheetPrintDialog)
    assert opened[0].chosen_ids() == [
        p.id for p in window.portfolio.find_stakeholders("Anne Weber")
    ]
    window.all_stakeholders_action.trigger()
    tab = actions.stakeholders_tab(window)
    assert window.workspace.current_tab_title() == "Stakeholders"
    assert tab.whole_portfolio and tab.sections.currentWidget() is not None
    window.unused_items_action.trigger()
    assert tab.sections.tabText(tab.sections.currentIndex()) == "Not used"
    window.close_portfolio()
    assert not window.print_worksheet_action.isEnabled()
