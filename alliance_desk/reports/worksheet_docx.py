"""The worksheet as a Word document (python-docx): landscape, one column per stakeholder.

Named styles only (Title, Heading 2, Table Grid, Strong, Subtle Emphasis, Footer), so a
corporate template restyles it all; a style missing from a template falls back to Normal. Rows
are marked "don't split across pages" and the heading row repeats on every page, which is how
Word and LibreOffice keep a stakeholder's rows whole.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import IO

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Length, Mm

from alliance_desk.reports.docx_writer import DocxWriter
from alliance_desk.reports.worksheet import (
    CLOSING_TITLE,
    Column,
    PrintedRow,
    Worksheet,
    cell_text,
    column_groups,
    format_day,
)
from alliance_desk.reports.worksheet_html import (
    AFTERWARDS,
    BLANK_LINE,
    INTRO,
    LABEL_PERCENT,
    MAX_NAMES_IN_HEADER,
    NOTES_HEADING,
    footer,
)

MARGIN = Cm(1.3)
A4 = (Mm(210), Mm(297))
LETTER = (Inches(8.5), Inches(11))
EXTRA_ROOM = 1  # paragraphs of room beyond the printout's lines (a Word line is shorter)
KEEP_WHOLE_UP_TO = 1500  # characters in a row; longer rows may break across pages


def build_docx(
    sheet: Worksheet,
    target: Path | str | IO[bytes],
    template: Path | str | None = None,
    columns_per_page: int = 3,
    letter: bool = False,
) -> None:
    """Write the worksheet as a .docx to `target` (a path or a binary stream); A4 landscape,
    or US Letter with `letter`."""
    document = docx.Document(str(template) if template else None)
    writer = _Writer(document)
    writer.landscape(LETTER if letter else A4)
    writer.header(sheet)
    groups = column_groups(sheet.columns, columns_per_page)
    for index, group in enumerate(groups):
        if index:
            writer.page_break()
        writer.table(sheet, group)
    writer.paragraph(AFTERWARDS, "Normal")
    writer.footer(sheet)
    document.save(target if not isinstance(target, Path) else str(target))


class _Writer(DocxWriter):
    """The worksheet's page, header, footer and table, on the shared writer."""

    # --- page and header -----------------------------------------------------------------

    def landscape(self, paper: tuple[Length, Length]) -> None:
        section = self.document.sections[-1]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(paper), min(paper)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)

    @property
    def text_width(self):
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def header(self, sheet: Worksheet) -> None:
        self.paragraph(f"{sheet.title} — {sheet.subject}", "Title")
        named = [c for c in sheet.columns if not c.blank]
        if len(named) > MAX_NAMES_IN_HEADER:
            people = f"{len(named)}, one per column"
        else:
            people = sheet.people or BLANK_LINE
        facts = [
            ("Alliance", sheet.alliance or "All alliances"),
            ("Stakeholders" if len(sheet.columns) > 1 else "Stakeholder", people),
            ("Date", format_day(sheet.printed_on)),
            ("Interviewer", sheet.interviewer or BLANK_LINE),
        ]
        paragraph = self.new_paragraph(self.document)
        for index, (label, value) in enumerate(facts):
            self.run(paragraph, ("     " if index else "") + f"{label}: ")
            self.run(paragraph, value, "Strong")
        self.paragraph(INTRO, "Normal")

    def footer(self, sheet: Worksheet) -> None:
        self.page_number_footer(footer(sheet))

    # --- the table -----------------------------------------------------------------------

    def table(self, sheet: Worksheet, group: Sequence[Column]) -> None:
        notes = len(group) == 1 and not group[0].blank
        width_count = len(group) + 1 + (1 if notes else 0)
        rows = len(sheet.rows) + 1 + (1 + len(sheet.closing) if sheet.closing else 0)
        table = self.document.add_table(rows=rows, cols=width_count)
        if "Table Grid" in self.ids:
            table.style = self.document.styles["Table Grid"]
        table.autofit = False
        widths = self._widths(len(group), notes)
        self._heading_row(table.rows[0], group, notes)
        _repeat_as_header(table.rows[0])
        index = 1
        for row in sheet.rows:
            self._row(table.rows[index], group, row, notes, closing=False)
            index += 1
        if sheet.closing:
            merged = table.rows[index].cells[0].merge(table.rows[index].cells[-1])
            self.lines(merged, CLOSING_TITLE, first_style="Strong")
            _keep_with_next(table.rows[index])
            index += 1
            for row in sheet.closing:
                self._row(table.rows[index], group, row, notes, closing=True)
                index += 1
        for table_row in table.rows:
            for cell, width in zip(table_row.cells, widths, strict=False):
                cell.width = width

    def _widths(self, count: int, notes: bool) -> list[int]:
        total = self.text_width
        label = int(total * LABEL_PERCENT / 100)
        rest = total - label
        if notes:
            return [label, int(rest * 0.55), int(rest * 0.45)]
        return [label] + [int(rest / count)] * count

    def _heading_row(self, row, group: Sequence[Column], notes: bool) -> None:
        cells = row.cells
        self.lines(cells[0], "Question", style="Subtle Emphasis")
        for cell, column in zip(cells[1:], group, strict=False):
            if column.blank:
                self.lines(cell, f"Name: {BLANK_LINE}\nRole: {BLANK_LINE}")
                continue
            self.lines(cell, column.name, first_style="Strong")
            for detail in (column.subtitle, column.role, column.validated):
                if detail:
                    paragraph = cell.add_paragraph()
                    self.run(paragraph, detail, "Subtle Emphasis")
        if notes:
            self.lines(cells[-1], NOTES_HEADING, style="Subtle Emphasis")

    def _row(self, row, group: Sequence[Column], printed: PrintedRow, notes, closing) -> None:
        cells = row.cells
        self.lines(cells[0], printed.label, first_style="Strong")
        if printed.hint:
            paragraph = cells[0].add_paragraph()
            self.run(paragraph, printed.hint, "Subtle Emphasis")
        length = 0
        for cell, column in zip(cells[1:], group, strict=False):
            lines = 1 if notes and not closing and not column.blank else printed.room
            room = lines + EXTRA_ROOM
            draft = cell_text(column, printed)
            length = max(length, len(draft))
            self.lines(cell, draft)
            for _ in range(room if draft else room + 1):
                cell.add_paragraph()
        if length <= KEEP_WHOLE_UP_TO:
            _cant_split(row)


# Children of w:trPr must come in the schema's order; these name what follows each.
AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def _flag(row, tag: str, successors: tuple[str, ...]) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        properties.insert_element_before(OxmlElement(tag), *successors)


def _repeat_as_header(row) -> None:
    _cant_split(row)
    _flag(row, "w:tblHeader", AFTER_TBL_HEADER)


def _cant_split(row) -> None:
    _flag(row, "w:cantSplit", AFTER_CANT_SPLIT)


def _keep_with_next(row) -> None:
    """Keep the closing block's title row on the page of the first closing row."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
