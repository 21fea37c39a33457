"""The shared Word writer: runs and paragraphs as python-docx itself would write them."""

import docx
import pytest
from lxml import etree

from alliance_desk.reports.docx_writer import DocxWriter, set_bidi
from alliance_desk.reports.sanitise import sanitise

TEXTS = ["plain", " leading and trailing ", "tab\there", "two\nlines", "שלום", "", "<&>\"'"]


def python_docx_paragraph(document, text: str, paragraph_style, run_style):
    """What python-docx's own calls write for a paragraph with one styled run."""
    paragraph = document.add_paragraph()
    if paragraph_style:
        paragraph.style = document.styles[paragraph_style]
    run = paragraph.add_run()
    clean = sanitise(text)
    if clean:
        run.text = clean
    if run_style:
        run.style = document.styles[run_style]
    if clean.startswith("ש"):
        set_bidi(paragraph)
    return paragraph


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("paragraph_style", "run_style"),
    [(None, None), ("Heading 1", None), (None, "Strong"), ("List Bullet", "Subtle Emphasis")],
)
def test_writer_paragraph_and_run_match_python_docx(text, paragraph_style, run_style):
    ours, theirs = docx.Document(), docx.Document()
    writer = DocxWriter(ours)
    paragraph = writer.new_paragraph(ours, paragraph_style)
    writer.run(paragraph, text, run_style)
    expected = python_docx_paragraph(theirs, text, paragraph_style, run_style)
    assert etree.tostring(paragraph._p) == etree.tostring(expected._p)
    assert paragraph.text == expected.text


def test_writer_run_can_still_be_styled_afterwards():
    document = docx.Document()
    writer = DocxWriter(document)
    run = writer.run(writer.new_paragraph(document), "● ", "Strong")
    run.font.color.rgb = docx.shared.RGBColor(0xC6, 0x28, 0x28)
    xml = etree.tostring(run._r).decode()
    assert xml.index("w:rStyle") < xml.index("w:color") < xml.index("w:t")
