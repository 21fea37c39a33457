"""Reading spreadsheets: the awkward files people really have, each read or refused clearly."""

from datetime import date

import pytest

from alliance_desk.reports.importing import UnreadableFile, read_table
from tests.reports.import_support import save_formula_results, write_csv, write_xlsx

HEADER = ["Alliance", "Title", "Due"]


def test_row_numbers_are_the_ones_the_spreadsheet_shows_and_empty_rows_are_skipped(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            HEADER,
            ["Helios", "One", date(2026, 3, 1)],
            [None, None, None],
            [],
            ["Helios", "Two", None],
        ],
    )
    table = read_table(path)
    assert table.headers == HEADER
    assert [number for number, _ in table.rows] == [2, 5]
    assert table.rows[0][1][2] == date(2026, 3, 1) or table.rows[0][1][2].date() == date(2026, 3, 1)


def test_hidden_sheets_are_ignored_and_the_note_says_which_sheet_was_read(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [HEADER, ["Helios", "Visible", None]],
        sheet="Tracker",
        hidden=[("Secret", [HEADER, ["Helios", "Hidden", None]])],
    )
    table = read_table(path)
    assert table.sheet == "Tracker" and table.sheets == ["Tracker"]
    assert table.rows[0][1][1] == "Visible"
    assert "Read the sheet 'Tracker'" in table.notes[0]
    assert "hidden sheets ignored: Secret" in table.notes[0]


def test_the_caller_may_pick_a_sheet_even_a_hidden_one_and_a_wrong_name_is_refused(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [HEADER],
        sheet="Tracker",
        hidden=[("Secret", [HEADER, ["Helios", "Hidden", None]])],
    )
    assert read_table(path, sheet="secret").rows[0][1][1] == "Hidden"
    with pytest.raises(UnreadableFile, match="has no sheet 'Nope'; its sheets: Secret, Tracker"):
        read_table(path, sheet="Nope")


def test_the_sheet_named_like_the_kind_is_preferred(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [HEADER, ["Helios", "An action", None]],
        sheet="Actions",
        before=[("Alliances", [["Name"], ["Helios"]])],
    )
    assert read_table(path, prefer="actions").sheet == "Actions"
    assert read_table(path).sheet == "Alliances"


def test_merged_cells_repeat_their_value_in_every_cell_of_the_range(tmp_path):
    rows = [HEADER, ["Helios", "One", None], [None, "Two", None], [None, "Three", None]]
    table = read_table(write_xlsx(tmp_path / "m.xlsx", rows, merge=["A2:A4"]))
    assert [cells[0] for _, cells in table.rows] == ["Helios", "Helios", "Helios"]
    assert any("Merged cells (A2:A4)" in note for note in table.notes)


def test_formula_cells_use_the_results_the_spreadsheet_saved(tmp_path):
    rows = [["Alliance", "Title", "Amount"], ["Helios", "Upfront", "=1000*2"]]
    path = save_formula_results(write_xlsx(tmp_path / "f.xlsx", rows), {"C2": "2000"})
    table = read_table(path)
    assert table.rows[0][1][2] == 2000
    assert not table.missing_results
    assert any("hold formulas" in note and "last calculated" in note for note in table.notes)


def test_a_formula_without_a_saved_result_is_marked_for_its_row(tmp_path):
    rows = [["Alliance", "Title", "Amount"], ["Helios", "Upfront", "=1000*2"]]
    table = read_table(write_xlsx(tmp_path / "f.xlsx", rows))
    assert table.missing_results == {(2, 2)}
    assert any("no saved result" in note for note in table.notes)


@pytest.mark.parametrize(
    "encoding, expected_note",
    [("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16"), ("cp1252", "Windows-1252")],
)
def test_csv_in_the_encodings_excel_writes_reads_accents_right(tmp_path, encoding, expected_note):
    text = "Alliance;Title;Owner\r\nHelios;Réunion à Zürich – €;Zoë\r\n"
    table = read_table(write_csv(tmp_path / "x.csv", text, encoding))
    assert table.headers == ["Alliance", "Title", "Owner"]
    assert table.rows == [(2, ["Helios", "Réunion à Zürich – €", "Zoë"])]
    assert f"in {expected_note}" in table.notes[0] and "semicolons" in table.notes[0]


def test_a_one_column_csv_is_still_a_csv(tmp_path):
    table = read_table(write_csv(tmp_path / "names.csv", "Name\nHelios\nCorvane\n"))
    assert [cells for _, cells in table.rows] == [["Helios"], ["Corvane"]]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("x.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, "not a spreadsheet"),
        ("x.csv", bytes(range(256)) * 20, "not a spreadsheet"),
        ("notes.md", b"# Notes\nSome prose here.\n", "not a spreadsheet"),
        ("x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, r"old Excel \(\.xls\)"),
        ("x.xlsx", b"plain text, not a workbook", "named like an Excel workbook"),
        ("x.xlsx", b"PK\x03\x04broken zip", "not a spreadsheet"),
        ("empty.csv", b"", "is empty"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_in_one_sentence(
    tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message) as caught:
        read_table(path)
    assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(UnreadableFile, match="There is no file at"):
        read_table(tmp_path / "gone.xlsx")
