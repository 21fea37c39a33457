"""File ▸ Export pre-read…: the dialog's choices reach the document; problems show in it."""

import docx
import pytest

from alliance_desk.ui.preread import PrereadDialog, export_preread
from tests.ui.shell_support import make_window


@pytest.fixture
def window(qtbot, demo_file):
    window = make_window(qtbot, [])
    assert window.open_path(demo_file, "demo")
    yield window
    window.close_portfolio()


def answer_with(window, handle):
    """Answer the pre-read dialog with `handle(dialog)` instead of showing it."""

    def run_dialog(dialog):
        assert isinstance(dialog, PrereadDialog)
        return handle(dialog)

    window.run_dialog = run_dialog


def pick(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def test_a_jsc_pre_read_for_a_reader_is_written_where_the_user_chose(window, tmp_path, qtbot):
    window.sidebar.select_alliance(
        window.portfolio.find_alliance("Corvane CV-214 co-development").id
    )

    def handle(dialog):
        pick(dialog.audience, "JSC pre-read")
        assert dialog.alliance.currentText() == "Corvane CV-214 co-development"
        pick(dialog.reader, "Dr. Paul Okafor")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    answer_with(window, handle)
    window.choose_save_path = lambda title, suggested, filters: tmp_path / "jsc"
    written = export_preread(window)
    assert written == tmp_path / "jsc.docx"
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "Prepared for Dr. Paul Okafor" in text
    assert "Dr. Paul Okafor's questions" in text
    assert "Saved the jsc pre-read" in window.statusBar().currentMessage()


def test_the_board_needs_no_alliance_and_offers_board_readers(window):
    dialog = PrereadDialog(window.portfolio, None, window.settings, window)
    pick(dialog.audience, "Board one-pager")
    assert not dialog.alliance.isEnabled()
    readers = [dialog.reader.itemText(i) for i in range(dialog.reader.count())]
    assert "Talvora Board of Directors" in readers
    assert dialog.choice()["alliance"] is None


def test_a_bad_template_or_date_is_shown_in_the_dialog(window, tmp_path):
    dialog = PrereadDialog(window.portfolio, None, window.settings, window)
    dialog.template.setText(str(tmp_path / "missing.docx"))
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog)
    assert "does not exist" in dialog.error.text()
    dialog.template.setText("")
    dialog.since.set_text("31.02.2026")
    dialog.accept()
    assert "is not a date" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_the_template_is_remembered_for_next_time(window, tmp_path):
    template = tmp_path / "corporate.docx"
    docx.Document().save(str(template))
    dialog = PrereadDialog(window.portfolio, None, window.settings, window)
    dialog.template.setText(str(template))
    dialog.accept()
    again = PrereadDialog(window.portfolio, None, window.settings, window)
    assert again.template.text() == str(template)


def test_charts_pinned_in_the_chart_builder_go_into_the_next_pre_read_once(window, tmp_path):
    from alliance_desk.insights.cuts import ChartSpec
    from alliance_desk.ui.pinned_charts import pin_chart, pinned_chart_specs

    portfolio_id = window.portfolio.portfolio_id
    spec = ChartSpec(cut="stage", measure="count", kind="bar")
    pin_chart(window.settings, portfolio_id, spec)

    def handle(dialog):
        pick(dialog.audience, "Board one-pager")
        assert dialog.pinned.isChecked()
        dialog.accept()
        return True

    answer_with(window, handle)
    written = export_preread(window, tmp_path / "board.docx")
    document = docx.Document(str(written))
    assert "Charts" in [p.text for p in document.paragraphs]
    assert spec.title in [p.text for p in document.paragraphs]  # the caption
    assert len(document.inline_shapes) == 1
    assert pinned_chart_specs(window.settings, portfolio_id) == []
