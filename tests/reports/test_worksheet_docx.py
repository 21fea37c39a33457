"""The worksheet as Word: landscape, named styles only, whole rows, headings repeated; read back
with python-docx and converted by LibreOffice."""

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from alliance_desk.models import Stakeholder
from alliance_desk.reports.worksheet import build_worksheet
from alliance_desk.reports.worksheet_docx import KEEP_WHOLE_UP_TO, build_docx
from tests.tools import docx_to_pdf, has_font_for, page_size_points, pdf_text
from tests.worksheet_support import BOARD, LINDQVIST, OKAFOR, WEBER, add_people

CJK = "提高合作伙伴关系的透明度"
HEBREW = "שקיפות בדיווח לדירקטוריון"


def write(portfolio, alliance, tmp_path, name="sheet.docx", **kwargs):
    sheet = build_worksheet(portfolio, alliance, interviewer="Maren Lindqvist")
    path = tmp_path / name
    build_docx(sheet, path, **kwargs)
    return docx.Document(str(path)), path


def row_flags(row) -> set[str]:
    properties = row._tr.trPr
    if properties is None:
        return set()
    return {child.tag.split("}")[1] for child in properties}


def cell_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_is_landscape_a4_with_a_table_per_three_stakeholders(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER, OKAFOR, LINDQVIST, BOARD)
    document, _path = write(portfolio, alliance, tmp_path)
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1)  # Word keeps twips: a little rounding
    assert abs(section.page_height - Mm(210)) < Mm(1)
    assert len(document.tables) == 2
    first, second = (cell_texts(t) for t in document.tables)
    assert [cell.split("\n")[0] for cell in first[0][1:]] == [
        "Anne Weber",
        "Maren Lindqvist",
        "Paul Okafor",
    ]
    assert second[0][1].startswith("The board") and second[0][2] == "Corrections and notes"
    labels = [row[0].split("\n")[0] for row in first[1:]]
    assert labels[0] == "Their priorities, and who they report to"
    assert "At the end of the conversation" in labels
    assert labels[-4:] == [
        "Did we get it right?",
        "What do you use?",
        "What don't you use?",
        "What is missing?",
    ]
    assert first[1][1].startswith("Launch on time\nReports to: CEO")


def test_docx_repeats_the_headings_and_keeps_rows_whole(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER, OKAFOR)
    document, _path = write(portfolio, alliance, tmp_path)
    table = document.tables[0]
    assert {"tblHeader", "cantSplit"} <= row_flags(table.rows[0])
    for row in table.rows[1:]:
        texts = "".join(cell.text for cell in row.cells)
        if "At the end of the conversation" not in texts:
            assert "cantSplit" in row_flags(row)


def test_docx_uses_named_styles_only(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER)
    document, _path = write(portfolio, alliance, tmp_path)
    assert document.paragraphs[0].style.name == "Title"
    assert document.tables[0].style.name == "Table Grid"
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    assert runs
    for run in runs:
        assert run.font.name is None and run.font.size is None and run.font.bold is None
    character_styles = {run.style.name for run in runs}
    assert {"Strong", "Subtle Emphasis"} <= character_styles


def test_docx_on_a_template_without_a_style_falls_back(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER)
    template = docx.Document()
    for name in ("Subtle Emphasis", "Title", "Table Grid"):
        style = template.styles[name]
        style.element.getparent().remove(style.element)
    template.save(tmp_path / "corporate.docx")
    document, _path = write(portfolio, alliance, tmp_path, template=tmp_path / "corporate.docx")
    assert document.paragraphs[0].text.startswith("Stakeholder worksheet — Helios Oncology")
    assert "Anne Weber" in document.tables[0].rows[0].cells[1].text


def test_docx_takes_long_answers_control_characters_cjk_and_rtl(portfolio, alliance, tmp_path):
    long = " ".join(f"word{i} lorem ipsum" for i in range(600))  # ~10,000 characters
    portfolio.link_stakeholder(
        alliance,
        portfolio.add(
            Stakeholder,
            name="Zoë\x01 Ångström",
            priorities=long,
            decisions="bell\x07 and \x1b escape",
            audiences=CJK,
            life_easier=HEBREW,
        ),
        "Sponsor",
    )
    document, path = write(portfolio, alliance, tmp_path)
    rows = document.tables[0].rows
    assert rows[0].cells[1].text.startswith("Zoë Ångström")
    priorities = rows[1]
    assert priorities.cells[1].text.startswith(long[:200])
    assert len(priorities.cells[1].text) >= len(long)
    assert "cantSplit" not in row_flags(priorities)  # too long to keep on one page
    assert len(long) > KEEP_WHOLE_UP_TO
    assert rows[4].cells[1].text.startswith("bell and  escape")
    hebrew = next(p for p in rows[5].cells[1].paragraphs if p.text == HEBREW)
    assert hebrew._p.pPr.find(qn("w:bidi")) is not None
    assert rows[2].cells[1].text.startswith(CJK)


def test_docx_of_an_empty_worksheet_is_a_blank_form(portfolio, alliance, tmp_path):
    document, _path = write(portfolio, alliance, tmp_path)
    heading = document.tables[0].rows[0].cells[1].text
    assert heading.startswith("Name: ____")
    rows = [r for r in document.tables[0].rows[1:] if "At the end" not in r.cells[0].text]
    assert all(len(row.cells[1].paragraphs) >= 3 for row in rows)  # room to write


def test_docx_converts_with_libreoffice(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER, OKAFOR)
    portfolio.link_stakeholder(
        alliance, portfolio.add(Stakeholder, name="Dana", priorities=HEBREW, audiences=CJK), ""
    )
    _document, path = write(portfolio, alliance, tmp_path)
    pdf = docx_to_pdf(path, tmp_path)
    width, height = page_size_points(pdf)
    assert width > height  # landscape
    text = " ".join(pdf_text(pdf).split())  # labels wrap inside their cells
    for expected in (
        "Stakeholder worksheet",
        "Anne Weber",
        "Paul Okafor",
        "Is Phase 3 on track?",
        "Launch on time",
        "Questions they need to be able to answer",
        "Did we get it right?",
        "What is missing?",
    ):
        assert expected in text, expected
    if has_font_for("zh"):
        assert CJK in text
    assert "שקיפות" in text or "תוויקש" in text  # pdftotext may give RTL text in visual order
