"""Word pre-reads per reader: read back with python-docx, laid out by LibreOffice, counted as
pages with pdfinfo (board ≤ 1 page with twelve alliances, sponsor ≤ 2)."""

from datetime import date, timedelta
from pathlib import Path

import docx
import pytest

from alliance_desk import clock
from alliance_desk.charts.for_reports import render_request
from alliance_desk.models import Decision, InformationNeed, Meeting, Risk
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.preread import (
    PrereadProblem,
    TemplateProblem,
    build_preread,
    write_preread,
)
from tests.tools import docx_to_pdf, pdf_info, pdf_text


@pytest.fixture
def demo(demo_file):
    with Portfolio.open(demo_file, "demo") as portfolio:
        yield portfolio


def corvane(portfolio):
    return portfolio.find_alliance("Corvane CV-214 co-development")


def write(preread, tmp_path, name="pre.docx", **kwargs) -> Path:
    target = tmp_path / name
    write_preread(preread, target, **kwargs)
    return target


def texts(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def headings(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]


def test_the_board_page_has_one_line_per_alliance_and_the_decisions_to_come(demo, tmp_path):
    path = write(build_preread(demo, "board"), tmp_path)
    document = docx.Document(str(path))
    alliances = document.tables[0]
    assert [c.text for c in alliances.rows[0].cells] == [
        "Alliance",
        "Health",
        "The risk to watch",
        "Next decision",
    ]
    names = [row.cells[0].text for row in alliances.rows[1:]]
    assert len(names) == 7 and names[0].startswith("Corvane")  # red ones first
    first = [c.text for c in alliances.rows[1].cells]
    assert first[1].startswith("● Red — ")
    assert "Disagreement on the dose-expansion cohort" in first[2]  # the severity-25 issue
    assert "Add a dose-expansion cohort" in first[3]
    assert any(h.startswith("Upcoming decisions") for h in headings(path))
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("Confidential")
    assert document.core_properties.title == "Alliance portfolio — board summary"


def test_twelve_alliances_fit_the_board_page_on_one_page(demo, tmp_path):
    for number in range(5):
        alliance = demo.add_alliance(
            f"Added alliance {number} with a longer name", stage="execution"
        )
        demo.add(
            Risk,
            alliance_id=alliance.id,
            likelihood=4,
            impact=4,
            title="Manufacturing capacity shortfalls at the partner's second site in Ireland "
            "may delay the launch supply by a quarter or more",
        )
        demo.add(
            Decision,
            alliance_id=alliance.id,
            due_date=clock.today() + timedelta(days=9),
            title="Approve the revised development budget for the second indication and "
            "the additional cohort the partner asked for",
        )
    path = write(build_preread(demo, "board"), tmp_path)
    pdf = docx_to_pdf(path, tmp_path)
    assert pdf_info(pdf)["Pages"] == "1"
    text = pdf_text(pdf)
    assert "Added alliance 4" in text and "Corvane CV-214" in text


def test_the_sponsor_brief_has_its_sections_and_stays_within_two_pages(demo, tmp_path):
    preread = build_preread(demo, "sponsor", corvane(demo), since=date(2026, 9, 1))
    path = write(preread, tmp_path, renderer=render_request)
    assert headings(path) == [
        "Health",
        "What is next",
        "Top risks",
        "What changed since 1 Sep 2026",
    ]
    body = texts(path)
    assert "Next milestone:" in body and "Next decision:" in body and "Payments:" in body
    assert "Trust 3.6 in the latest round" in body
    assert len(docx.Document(str(path)).inline_shapes) == 1  # the trust trend chart
    pdf = docx_to_pdf(path, tmp_path)
    assert int(pdf_info(pdf)["Pages"]) <= 2


def test_the_jsc_pre_read_covers_what_a_committee_member_needs(demo, tmp_path):
    alliance = corvane(demo)
    path = write(build_preread(demo, "jsc", alliance), tmp_path, renderer=render_request)
    found = headings(path)
    for heading in (
        "Business status",
        "Relationship health",
        "Risks and issues",
        "Decisions needed",
        "Milestones and delivery reliability",
        "Actions",
        "Checklist of the execution stage",
    ):
        assert heading in found
    assert any(h.startswith("Agenda of the") for h in found)
    body = texts(path)
    assert "Trust | ● 3.6" in body  # a traffic light per benchmark
    assert "Delivery reliability: 44 % (4 of 9) met on time" in body
    assert len(docx.Document(str(path)).inline_shapes) == 3  # trend, ours vs partner, on time
    assert "Trust moved from yellow to red" in body  # the early warnings


class CountingRenderer:
    """A renderer that draws a document's charts together, and says how it was asked."""

    def __init__(self):
        self.asked: list[list[str]] = []

    def __call__(self, request):
        self.asked.append([request.title])
        return render_request(request)

    def many(self, requests):
        self.asked.append([r.title for r in requests])
        return render_request.many(requests)


def test_the_jsc_charts_are_asked_for_together_and_land_where_they_belong(demo, tmp_path):
    renderer = CountingRenderer()
    path = write(build_preread(demo, "jsc", corvane(demo)), tmp_path, renderer=renderer)
    assert renderer.asked == [
        [
            "Trust — trend",
            "Our side and the partner's — latest round",
            "Milestones met on time, by quarter",
        ]
    ]
    document = docx.Document(str(path))
    order = ["drawing" if p._p.xpath(".//w:drawing") else p.text for p in document.paragraphs]
    # each chart right after the text that introduces it
    assert order[order.index("Relationship health") :].count("drawing") == 3
    delivery = next(i for i, t in enumerate(order) if t.startswith("Delivery reliability:"))
    assert order[delivery + 1] == "drawing"
    plain = write(
        build_preread(demo, "jsc", corvane(demo)),
        tmp_path,
        "plain.docx",
        renderer=lambda request: render_request(request),  # no `many`: one chart at a time
    )
    images = [
        p.blob for p in docx.Document(str(plain)).part.package.parts if p.partname.endswith(".png")
    ]
    assert images == [p.blob for p in document.part.package.parts if p.partname.endswith(".png")]


def test_a_jsc_agenda_is_listed_without_the_numbers_typed_into_it(demo, tmp_path):
    alliance = corvane(demo)
    demo.add(
        Meeting,
        alliance_id=alliance.id,
        title="Extra JSC",
        forum="jsc",
        status="planned",
        held_on=clock.today() + timedelta(days=1),
        agenda="1. Budget\n- Dose cohort\n• AOB",
    )
    body = texts(write(build_preread(demo, "jsc", alliance), tmp_path))
    assert "Budget\nDose cohort\nAOB" in body


def test_an_alliance_without_data_gets_a_short_document_that_says_what_is_missing(
    portfolio, tmp_path
):
    alliance = portfolio.alliances()[0]
    path = write(build_preread(portfolio, "jsc", alliance), tmp_path)
    body = texts(path)
    for sentence in (
        "No open risks or issues are recorded.",
        "No decision is pending.",
        "No milestone is planned.",
        "This alliance has no checklist for its current stage.",
        "No agenda is recorded yet.",
    ):
        assert sentence in body
    sponsor = texts(write(build_preread(portfolio, "sponsor", alliance), tmp_path, "s.docx"))
    assert "No pulse-survey scores are recorded for this alliance yet." in sponsor
    board = texts(write(build_preread(portfolio, "board"), tmp_path, "b.docx"))
    assert "No open risk recorded." in board and "None pending." in board


def test_a_reader_with_recorded_needs_gets_answers_to_them_and_not_the_retired_ones(demo, tmp_path):
    okafor = demo.find_stakeholders("Dr. Paul Okafor")[0]
    alliance = corvane(demo)
    demo.add(
        InformationNeed,
        stakeholder_id=okafor.id,
        alliance_id=alliance.id,
        question="Which payments are at risk this quarter?",
        data_source="payments",
        answer_format="narrative",
    )
    demo.add(
        InformationNeed,
        stakeholder_id=okafor.id,
        alliance_id=alliance.id,
        question="How many slides on competitor news?",
        data_source="free_text",
        status="retired",
        retired_reason="Nobody reads them",
        retired_on=date(2026, 5, 1),
    )
    path = write(build_preread(demo, "sponsor", alliance, okafor), tmp_path)
    body = texts(path)
    assert "Prepared for Dr. Paul Okafor" in body
    assert "Which payments are at risk this quarter?" in body
    assert "1 disputed" in body
    assert "competitor news" not in body
    assert headings(path)[0] == "Dr. Paul Okafor's questions"
    assert "Top risks" not in headings(path)


def test_a_reader_without_needs_gets_the_standard_document_and_is_told_so(demo, tmp_path):
    counsel = demo.find_stakeholders("Aisha Bello")[0]
    path = write(build_preread(demo, "jsc", corvane(demo), counsel), tmp_path)
    body = texts(path)
    assert "No information needs are recorded for Aisha Bello" in body
    assert "standard jsc pre-read" in body
    assert "Risks and issues" in headings(path)


def test_control_characters_and_any_unicode_end_up_readable(portfolio, tmp_path):
    alliance = portfolio.alliances()[0]
    portfolio.add(
        Risk,
        alliance_id=alliance.id,
        title="Bad\x01 input\x0b \u200fright-to-left שלום 合作 🚀",
        likelihood=5,
        impact=5,
    )
    path = write(build_preread(portfolio, "jsc", alliance), tmp_path)
    body = texts(path)
    assert "Bad input \u200fright-to-left שלום 合作 🚀" in body
    assert "合作" in pdf_text(docx_to_pdf(path, tmp_path))


def test_a_template_restyles_the_document_and_a_missing_style_falls_back(demo, tmp_path):
    template = docx.Document()
    template.styles["Heading 1"].font.name = "Courier New"
    template.add_paragraph("Sample text of the template, not for the pre-read")
    template_path = tmp_path / "corporate.docx"
    template.save(str(template_path))
    path = write(build_preread(demo, "sponsor", corvane(demo)), tmp_path, template=template_path)
    document = docx.Document(str(path))
    assert document.styles["Heading 1"].font.name == "Courier New"
    assert "Sample text" not in texts(path)

    bare = docx.Document()
    styles = bare.styles
    for name in ("Heading 3", "List Bullet", "Subtle Emphasis", "Table Grid"):
        styles[name].delete()
    bare_path = tmp_path / "bare.docx"
    bare.save(str(bare_path))
    path = write(
        build_preread(demo, "jsc", corvane(demo)), tmp_path, "bare-out.docx", template=bare_path
    )
    assert "Early warnings" in texts(path)


def test_a_missing_or_broken_template_is_a_clear_message_and_writes_nothing(demo, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    preread = build_preread(demo, "board")
    with pytest.raises(TemplateProblem, match="does not exist"):
        write(preread, tmp_path, template=tmp_path / "nowhere.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a real zip")
    with pytest.raises(TemplateProblem, match="not a Word document"):
        write(preread, tmp_path, template=broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx"]


def test_no_temporary_file_survives_and_properties_are_set(demo, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    okafor = demo.find_stakeholders("Dr. Paul Okafor")[0]
    path = write(
        build_preread(demo, "jsc", corvane(demo), okafor), tmp_path, renderer=render_request
    )
    assert [p.name for p in tmp_path.iterdir()] == ["pre.docx"]
    document = docx.Document(str(path))
    props = document.core_properties
    assert props.subject == "Corvane CV-214 co-development"
    assert "confidential" in props.keywords
    footer = document.sections[0].footer.paragraphs[0]
    assert "JSC pre-read" in footer.text
    assert 'w:instr="PAGE"' in footer._p.xml


def test_a_per_alliance_audience_without_an_alliance_is_refused(demo):
    with pytest.raises(PrereadProblem, match="about one alliance"):
        build_preread(demo, "jsc")
    with pytest.raises(PrereadProblem, match="Unknown audience"):
        build_preread(demo, "investors")


def test_the_board_page_says_where_a_board_readers_questions_are_answered(demo, tmp_path):
    board = demo.find_stakeholders("Talvora Board of Directors")[0]
    body = texts(write(build_preread(demo, "board", None, board), tmp_path))
    assert "Prepared for Talvora Board of Directors" in body
    assert "the 3 questions Talvora Board of Directors recorded are answered one by one" in body
