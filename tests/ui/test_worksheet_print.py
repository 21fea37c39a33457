"""The printed worksheet (Qt → PDF), read back with pdftotext and pdfinfo: landscape, names,
questions and answers, whole rows, more stakeholders on the next page, bad input."""

import re
import unicodedata

import pytest
from PySide6.QtGui import QPageSize

from alliance_desk.models import Stakeholder
from alliance_desk.reports.worksheet import build_worksheet
from alliance_desk.reports.worksheet_html import PageSize, worksheet_pages
from alliance_desk.ui.worksheet import printing
from tests.tools import has_font_for, page_size_points, pdf_info, pdf_text
from tests.worksheet_support import BOARD, LINDQVIST, OKAFOR, WEBER, add_people

CJK = "提高合作伙伴关系的透明度"
HEBREW = "דנה כהן"
ROW_LABELS = [
    "Their priorities, and who they report to",
    "Stakeholders and audiences they serve",
    "Questions they need to be able to answer",
    "Decisions they make that affect alliances",
    "What would make their life easier",
    "Routines",
    "Format and cadence",
    "Did we get it right?",
    "What do you use?",
    "What don't you use?",
    "What is missing?",
]


@pytest.fixture(autouse=True)
def gui(qapp):
    return qapp


def flat(text: str) -> str:
    """pdftotext's text with line breaks, ligatures and direction marks folded away."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(re.sub("[\u202a-\u202e\u200e\u200f]", "", text).split())


def save(portfolio, alliance, tmp_path, people=None, name="sheet.pdf", **kwargs):
    sheet = build_worksheet(portfolio, alliance, people, interviewer="Maren Lindqvist")
    path = tmp_path / name
    pages = printing.save_pdf(sheet, path, **kwargs)
    return path, pages


def test_pdf_is_landscape_and_holds_names_questions_and_answers(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER, OKAFOR)
    weber = portfolio.find_stakeholders("Anne Weber")[0]
    portfolio.add_need(weber, "Is the Phase 3 start on plan?")
    path, pages = save(portfolio, alliance, tmp_path, page_size=QPageSize(QPageSize.PageSizeId.A4))
    assert int(pdf_info(path)["Pages"]) == pages
    assert page_size_points(path) == (842.0, 595.0)  # A4 landscape
    text = flat(pdf_text(path))
    for expected in [
        "Stakeholder worksheet — Helios Oncology",
        "Anne Weber",
        "Paul Okafor",
        "Maren Lindqvist",  # the interviewer
        "EVP Oncology, Talvora",
        "Launch on time",
        "Reports to: CEO",
        "Is Phase 3 on track?",
        "When is the milestone paid?",
        "One-page brief",
        "☐ Is the Phase 3 start on plan?",
        *ROW_LABELS,
    ]:
        assert expected in text, expected


def test_pdf_of_one_stakeholder_is_two_pages_with_a_notes_column(portfolio, alliance, tmp_path):
    (weber,) = add_people(portfolio, alliance, WEBER)
    path, pages = save(portfolio, alliance, tmp_path, [weber])
    assert pages == 2 == int(pdf_info(path)["Pages"])
    assert "Corrections and notes" in flat(pdf_text(path, page=1))
    assert "At the end of the conversation" in flat(pdf_text(path, page=2))


def test_more_stakeholders_continue_on_the_next_pages_with_labels(portfolio, alliance, tmp_path):
    people = add_people(portfolio, alliance, WEBER, OKAFOR, LINDQVIST, BOARD)
    path, pages = save(portfolio, alliance, tmp_path, people)
    _, first_three = save(portfolio, alliance, tmp_path, people[:3], name="three.pdf")
    _, last_one = save(portfolio, alliance, tmp_path, people[3:], name="one.pdf")
    assert pages == first_three + last_one == int(pdf_info(path)["Pages"])
    texts = [flat(pdf_text(path, page=n)) for n in range(1, pages + 1)]
    for number, text in enumerate(texts, start=1):
        in_first_group = number <= first_three
        assert ("Anne Weber" in text) == in_first_group or number == 1  # page 1 names all
        assert ("The board" in text) == (not in_first_group) or number == 1
        assert "Question" in text  # the row labels' column, on every page
        assert f"Page {number} of {pages}" in text
    board_pages = " ".join(texts[first_three:])
    for label in ROW_LABELS:
        assert label in board_pages, label


def test_rows_are_never_split_across_pages(portfolio, alliance, qapp):
    """Every page is laid out on its own and fits it: no row can run over a page break. A row
    taller than a page is cut between words into rows labelled "(continued)"."""
    long = " ".join(f"word{i} lorem ipsum" for i in range(900))
    people = add_people(portfolio, alliance, WEBER, OKAFOR, LINDQVIST)
    portfolio.update(people[1], questions=long)
    sheet = build_worksheet(portfolio, alliance)
    laid_out = printing.lay_out(sheet, printing.landscape_layout())
    assert all(doc.pageCount() == 1 for doc in laid_out.documents)
    size = PageSize(laid_out.width, laid_out.height)
    measure = lambda h: printing._document(h, size.width).size().height()  # noqa: E731
    pages = worksheet_pages(sheet, size, measure)
    assert len(pages) == len(laid_out.documents) == laid_out.pages
    continued = [p for p in pages if "Questions they need to be able to answer (continued)" in p]
    assert len(continued) >= 2
    words = re.findall(r"word\d+", " ".join(pages))
    assert len(words) == len(set(words)) == 900  # every word printed once


def test_very_long_answers_wrap_and_continue_readably(portfolio, alliance, tmp_path):
    long = " ".join(f"word{i} lorem ipsum dolor" for i in range(700))  # ~17,000 characters
    unbroken = "ž" * 3000
    portfolio.link_stakeholder(
        alliance,
        portfolio.add(Stakeholder, name="Verbose", priorities=long, decisions=unbroken),
        "",
    )
    path, pages = save(portfolio, alliance, tmp_path)
    assert pages > 3
    text = flat(pdf_text(path))
    assert "word0 lorem ipsum dolor" in text and "word699 lorem ipsum dolor" in text
    assert len(re.findall(r"word\d+ ", text)) == 700  # none lost, none twice at a page break
    assert "Their priorities, and who they report to (continued)" in text
    assert sum(len(chunk) for chunk in re.findall("ž+", text)) == 3000  # wrapped, not cut
    width, height = page_size_points(path)
    assert width > height


def test_control_characters_cjk_and_right_to_left_text_print(portfolio, alliance, tmp_path):
    portfolio.link_stakeholder(
        alliance,
        portfolio.add(
            Stakeholder,
            name=f"{HEBREW}",
            title="Ctrl\x01 \x0bchars\x1f gone",
            priorities=CJK,
            audiences="Zoë Ångström-Nuñez",
        ),
        "Sponsor",
    )
    path, _pages = save(portfolio, alliance, tmp_path)
    text = flat(pdf_text(path))
    assert HEBREW in text
    if has_font_for("zh"):
        assert CJK in text
    assert "Zoë Ångström-Nuñez" in text
    assert "Ctrl chars gone" in text


def test_an_empty_worksheet_prints_a_usable_blank_form(portfolio, alliance, tmp_path):
    path, pages = save(portfolio, alliance, tmp_path)
    assert pages == 2
    text = flat(pdf_text(path))
    assert "Name: ____" in text and "Role: ____" in text
    for label in ROW_LABELS:
        assert label in text


def test_letter_paper_where_people_measure_in_inches(portfolio, alliance, tmp_path):
    add_people(portfolio, alliance, WEBER)
    letter = QPageSize(QPageSize.PageSizeId.Letter)
    path, _pages = save(portfolio, alliance, tmp_path, page_size=letter)
    assert page_size_points(path) == (792.0, 612.0)
