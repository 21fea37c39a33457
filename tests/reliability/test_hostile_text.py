"""Hostile text in every text field of every kind: stored and read back unchanged, or refused
with a clear ValidationError; and every export still makes a file its reader accepts."""

import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from sqlalchemy import String, Text

from alliance_desk.models import KINDS, Alliance
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import IDENTITY_FIELDS, Portfolio
from tests.reliability.figures import count, note
from tests.tools import docx_to_pdf, pdf_text

PART = "hostile text"
DEMO_PASSPHRASE = "demo"
FRAGMENTS = [
    "'; DROP TABLE alliance; --",
    '" OR 1=1 --',
    "<script>alert('x')</script>",
    "<b>bold</b> &amp; &lt;tag&gt; ]]> <!--",
    "\u202eRTL override\u202c \u200fעברית\u200f العربية",
    "emoji 🧬🔬👩🏽‍🔬🏳️‍🌈",
    "\x01\x07\x0b\x0c\x1b\x7f control",
    "\ud800 lone high",
    "lone low \udfff",
    "\x00 nul",
    "line\nbreak\r\nand\ttab",
    "\ufeff\ufffe\uffff",
    "%s %d {0} {name} $(echo) `ls`",
    "",
    " ",
    "A" * 100_000,
]


def hostile_text():
    pieces = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
        st.integers(0, 0x1F).map(chr),
        st.integers(0xD800, 0xDFFF).map(chr),
        st.sampled_from("\u200e\u200f\u202a\u202b\u202d\u202e\u2066\u2067\u2069"),
    )
    return st.lists(pieces, min_size=1, max_size=6).map("".join)


def text_fields(model) -> list[str]:
    return [
        column.key
        for column in model.__table__.columns
        if isinstance(column.type, String | Text)
        and column.key not in IDENTITY_FIELDS
        and not column.key.endswith("_id")
        and not column.foreign_keys
    ]


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("hostile-text") / "demo.alliance"
    shutil.copyfile(demo_template, target)
    return target


def targets(portfolio: Portfolio) -> list[tuple]:
    """(record, field) for every text field of the first record of every kind."""
    found = []
    for kind in KINDS.values():
        records = portfolio.all(kind.model)
        if records:
            found += [(records[0], field) for field in text_fields(kind.model)]
    return found


def store_everywhere(portfolio: Portfolio, text: str) -> dict[tuple, str]:
    """Put `text` into every field; what should now be stored, by (model, id, field)."""
    expected = {}
    with portfolio.batch():  # one commit per input (a refused field leaves the batch usable)
        _store(portfolio, text, expected)
    return expected


def _store(portfolio: Portfolio, text: str, expected: dict) -> None:
    for record, field in targets(portfolio):
        try:
            portfolio.update(record, **{field: text})
        except ValidationError as exc:
            assert exc.message.endswith(".") and "\n" not in exc.message, exc.message
            count(PART, "clear rejections")
        else:
            count(PART, "values stored")
        expected[(type(record), record.id, field)] = getattr(record, field)


def assert_read_back(path: Path, expected: dict[tuple, str]) -> None:
    note(PART, "values changed on the way back")
    with Portfolio.open(path, DEMO_PASSPHRASE, read_only=True) as reader:
        for (model, ident, field), value in expected.items():
            stored = getattr(reader.get(model, ident, include_deleted=True), field)
            count(PART, "values changed on the way back", int(stored != value))
            assert stored == value, f"{model.__name__}.{field} changed"


def test_every_text_field_of_every_kind_stores_hostile_text_or_refuses_it_clearly(demo):
    portfolio = Portfolio.open(demo, DEMO_PASSPHRASE)
    try:
        fields = targets(portfolio)
        assert len({type(record) for record, _ in fields}) >= 10
        count(PART, "text fields covered", len(fields))

        @settings(
            max_examples=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(text=hostile_text())
        def check(text):
            count(PART, "inputs")
            assert_read_back(demo, store_everywhere(portfolio, text))

        check()
        for fragment in FRAGMENTS:  # each named fragment alone, whatever hypothesis chose
            count(PART, "inputs")
            assert_read_back(demo, store_everywhere(portfolio, fragment))
        assert portfolio.integrity_findings() == []
    finally:
        portfolio.close()
    note(PART, "inputs that crashed anything")


def test_every_export_of_hostile_text_is_a_file_its_reader_accepts(demo, tmp_path, qapp):
    from alliance_desk.reports.exporting.calendar import write_ics
    from alliance_desk.reports.exporting.spreadsheet import write_xlsx
    from alliance_desk.reports.preread import build_preread, write_preread
    from alliance_desk.reports.worksheet import build_worksheet
    from alliance_desk.reports.worksheet_docx import build_docx
    from alliance_desk.ui.worksheet.printing import save_pdf

    nasty = "".join(f for f in FRAGMENTS[:-1] if "\ud800" not in f and "\udfff" not in f)
    nasty = nasty.replace("\x00", "") + " Ω"
    with Portfolio.open(demo, DEMO_PASSPHRASE) as portfolio:
        store_everywhere(portfolio, nasty)
        alliance = portfolio.all(Alliance)[0]
        sheet = build_worksheet(portfolio, alliance)
        save_pdf(sheet, tmp_path / "worksheet.pdf")
        # long text (in words) for the documents; the PDF worksheet is left out of this step:
        # with ~2,000 characters in every field its page layout takes minutes (reported)
        store_everywhere(portfolio, "🧬 \u202eRTL\u202c <b>x</b> \x07 & 'q' " + "Zebra🧬 " * 250)
        sheet = build_worksheet(portfolio, alliance)
        build_docx(sheet, tmp_path / "worksheet.docx")
        write_preread(build_preread(portfolio, "board"), tmp_path / "board.docx")
        write_xlsx(portfolio, tmp_path / "export.xlsx")
        write_ics(portfolio, tmp_path / "export.ics")
    for name in ("worksheet.docx", "board.docx"):
        assert docx.Document(str(tmp_path / name)).paragraphs
        zipfile.ZipFile(tmp_path / name).testzip()
        count(PART, "exports read back")
    assert pdf_text(tmp_path / "worksheet.pdf").strip()
    count(PART, "exports read back")
    book = openpyxl.load_workbook(tmp_path / "export.xlsx")
    assert book.sheetnames
    count(PART, "exports read back")
    calendar = Calendar.from_ical((tmp_path / "export.ics").read_bytes())
    assert calendar.walk("VEVENT")
    count(PART, "exports read back")
    converted = docx_to_pdf(tmp_path / "worksheet.docx", tmp_path / "lo")
    assert pdf_text(converted).strip()
    count(PART, "exports read back")
