"""The .xlsx and CSV exports: real dates and numbers, frozen filtered headers, safe text."""

import csv
import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from alliance_desk.models import ActionItem, Payment
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.exporting import write_csv, write_xlsx

SHEETS = [
    "Alliances",
    "Stakeholders",
    "Actions",
    "Milestones",
    "Risks",
    "Decisions",
    "Meetings",
    "Payments",
    "Survey",
]


@pytest.fixture
def demo(demo_file):
    with Portfolio.open(demo_file, "demo") as portfolio:
        yield portfolio


def test_the_workbook_has_one_sheet_per_kind_with_frozen_filtered_headers(demo, tmp_path):
    counts = write_xlsx(demo, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == SHEETS
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{counts[name] + 1}"
        )
        assert sheet.max_row == counts[name] + 1
        assert all(sheet.cell(1, c).font.b for c in range(1, sheet.max_column + 1))
    actions = book["Actions"]
    headers = [c.value for c in actions[1]]
    assert headers[:3] == ["Alliance", "Title", "Description"] and headers[-1] == "Id"
    assert actions.column_dimensions["B"].width >= 40  # titles are long
    assert counts["Actions"] == len(demo.all(ActionItem))


def test_dates_and_amounts_are_real_excel_values_not_text(demo, tmp_path):
    write_xlsx(demo, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    payments = book["Payments"]
    header = [c.value for c in payments[1]]
    amount, due = header.index("Amount") + 1, header.index("Due date") + 1
    amounts = [payments.cell(r, amount) for r in range(2, payments.max_row + 1)]
    dues = [payments.cell(r, due) for r in range(2, payments.max_row + 1)]
    numbers = [c for c in amounts if c.value is not None]
    assert numbers and all(c.data_type == "n" and isinstance(c.value, int | float) for c in numbers)
    assert all(isinstance(c.value, datetime) and c.is_date for c in dues if c.value is not None)
    assert any(c.value is not None for c in dues)
    assert amounts[0].number_format == "#,##0.00"
    stored = sorted(p.amount for p in demo.all(Payment) if p.amount is not None)
    assert sorted(c.value for c in amounts if c.value is not None) == stored


def test_one_alliance_exports_only_its_records(demo, tmp_path):
    corvane = demo.alliances()[0]
    counts = write_xlsx(demo, tmp_path / "one.xlsx", corvane)
    book = openpyxl.load_workbook(tmp_path / "one.xlsx", read_only=True)
    assert counts["Alliances"] == 1
    alliances = {row[0] for row in book["Actions"].iter_rows(min_row=2, values_only=True)}
    assert alliances == {corvane.name}


def test_text_is_sanitised_and_never_becomes_a_formula(portfolio, alliance, tmp_path):
    portfolio.add(
        ActionItem,
        alliance_id=alliance.id,
        title='=HYPERLINK("http://x")',
        description="bell\x07 and tab\tok",
    )
    write_xlsx(portfolio, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Actions"]
    title, description = sheet.cell(2, 2), sheet.cell(2, 3)
    assert title.data_type == "s" and title.value == '=HYPERLINK("http://x")'
    assert description.value == "bell and tab\tok"


def test_csv_export_writes_one_utf8_bom_file_per_kind_into_a_folder_or_a_zip(demo, tmp_path):
    counts = write_csv(demo, tmp_path / "folder")
    files = sorted(p.name for p in (tmp_path / "folder").iterdir())
    assert files == sorted(counts) and "actions.csv" in files and len(files) == 9
    raw = (tmp_path / "folder" / "payments.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Alliance", "Title"] and rows[0][-1] == "Id"
    due = rows[0].index("Due date")
    assert all(r[due] == "" or date.fromisoformat(r[due]) for r in rows[1:])
    write_csv(demo, tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert sorted(archive.namelist()) == files
        assert archive.read("payments.csv") == raw
