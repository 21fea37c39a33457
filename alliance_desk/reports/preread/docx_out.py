"""A `Preread` as a Word document: named styles only, so the reader's own template restyles it.

Title, the reader and the date under it, "Confidential" in the header, page numbers in the
footer, and the document properties (title, subject, author line, keywords). Traffic lights are
a coloured dot followed by words, so they read in black and white too. Charts are PNG bytes
from the renderer the caller passes; without one a chart becomes a sentence saying so.
"""

from io import BytesIO
from pathlib import Path
from typing import IO

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, RGBColor
from docx.table import _Cell

from alliance_desk import __version__
from alliance_desk.reports.docx_writer import DocxWriter
from alliance_desk.reports.preread.gather import day
from alliance_desk.reports.preread.model import (
    AUDIENCES,
    Bullets,
    Cell,
    Chart,
    ChartRenderer,
    Facts,
    Light,
    Paragraph,
    Preread,
    Table,
)

DOT_COLOURS = {
    "green": RGBColor(0x2E, 0x7D, 0x32),
    "yellow": RGBColor(0xE6, 0xA4, 0x17),
    "red": RGBColor(0xC6, 0x28, 0x28),
    "grey": RGBColor(0x9A, 0xA0, 0xA6),
}
A4 = (Mm(210), Mm(297))
_TYPE, _W = qn("w:type"), qn("w:w")


class TemplateProblem(Exception):
    """The chosen .docx template cannot be used; str() says why, in one sentence."""


def open_template(template: Path | str | None):
    if template is None:
        return docx.Document()
    path = Path(template)
    if not path.is_file():
        raise TemplateProblem(f"The template {path} does not exist.")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise TemplateProblem(
            f"The template {path.name} is not a Word document that can be read ({exc})."
        ) from exc


def write_docx(
    preread: Preread,
    target: Path | str | IO[bytes],
    template: Path | str | None = None,
    renderer: ChartRenderer | None = None,
) -> None:
    document = open_template(template)
    _clear_body(document)
    writer = _PrereadWriter(document, renderer, own_template=template is not None)
    writer.write(preread)
    document.save(str(target) if isinstance(target, Path) else target)


def _clear_body(document) -> None:
    """A user's template may carry sample text: keep its styles, headers and page set-up only."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


class _PrereadWriter(DocxWriter):
    def __init__(self, document, renderer: ChartRenderer | None, own_template: bool):
        super().__init__(document)
        self.renderer = renderer
        self.own_template = own_template
        self.drawn: dict[int, bytes | None] = {}  # chart block id -> PNG

    def write(self, preread: Preread) -> None:
        self.compact = preread.compact
        self.drawn = self._draw_charts(preread)
        self._page(preread)
        self._properties(preread)
        self.paragraph(preread.title, "Title")
        parts = [AUDIENCES[preread.audience], day(preread.prepared_on)]
        if preread.reader:
            parts.insert(1, f"Prepared for {preread.reader}")
        self.paragraph(" · ".join(parts), "Subtitle")
        for block in preread.intro:
            self.block(block)
        for section in preread.sections:
            self.paragraph(section.heading, f"Heading {section.level}")
            for block in section.blocks:
                self.block(block)

    def _draw_charts(self, preread: Preread) -> dict[int, bytes | None]:
        """Every chart the renderer is asked for, by block, drawn before the text: together
        when the renderer can (`renderer.many`), so a document's charts share their set-up."""
        blocks = [*preread.intro, *(b for section in preread.sections for b in section.blocks)]
        charts = [
            b for b in blocks if isinstance(b, Chart) and b.png is None and b.request is not None
        ]
        if not charts or self.renderer is None:
            return {}
        requests = [chart.request for chart in charts]
        many = getattr(self.renderer, "many", None)
        pngs = many(requests) if many is not None else [self.renderer(r) for r in requests]
        return {id(chart): png for chart, png in zip(charts, pngs, strict=True)}

    # --- page -----------------------------------------------------------------------------------

    def _page(self, preread: Preread) -> None:
        section = self.document.sections[-1]
        if not self.own_template:
            if preread.compact:  # a board page: wide rows, so twelve alliances fit on one page
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = max(A4), min(A4)
            else:
                section.orientation = WD_ORIENT.PORTRAIT
                section.page_width, section.page_height = A4
            margin = Cm(1.3) if preread.compact else Cm(2.0)
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, margin)
            self._tune_default_styles(preread.compact)
        header = section.header.paragraphs[0]
        if not header.text.strip():
            self.run(header, f"Confidential · {preread.subject}", "Subtle Emphasis")
        self.page_number_footer(f"{AUDIENCES[preread.audience]} · {day(preread.prepared_on)}")

    def _tune_default_styles(self, compact: bool) -> None:
        """Our own default look (the style definitions, never single runs): a reader's template
        keeps its own."""
        names = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2")
        styles = {name: self.style(name) for name in names if name in self.ids}
        sizes = {
            "Normal": 9.5 if compact else 10.5,
            "Title": 18 if compact else 24,
            "Heading 1": 13 if compact else 14,
            "Heading 2": 10,
            "Subtitle": 11,
        }
        for name, size in sizes.items():
            if name in self.ids:
                styles[name].font.size = Pt(size)
        if "Normal" in self.ids:
            styles["Normal"].paragraph_format.space_after = Pt(1 if compact else 5)
        for name in ("Title", "Subtitle"):
            if name in self.ids:
                styles[name].paragraph_format.space_after = Pt(4)
        if compact and "Normal" in self.ids:
            styles["Normal"].paragraph_format.line_spacing = 1.0
        if compact and "Heading 1" in self.ids:
            styles["Heading 1"].paragraph_format.space_before = Pt(8)

    def _properties(self, preread: Preread) -> None:
        props = self.document.core_properties
        props.title = self._clean(preread.title)
        props.subject = self._clean(preread.subject)
        props.author = self._clean(preread.reader and f"Prepared for {preread.reader}") or ""
        props.keywords = f"Alliance Desk; {AUDIENCES[preread.audience]}; confidential"
        props.comments = f"Made by Alliance Desk {__version__}"
        props.category = "Confidential"

    @staticmethod
    def _clean(text: str) -> str:
        from alliance_desk.reports.sanitise import sanitise

        return sanitise(text)[:255]

    # --- blocks ---------------------------------------------------------------------------------

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block.text, block.style)
        elif isinstance(block, Bullets):
            for item in block.items:
                paragraph = self.new_paragraph(self.document, "List Bullet")
                self.cell_runs(paragraph, item)
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                paragraph = self.new_paragraph(self.document)
                self.run(paragraph, f"{label}: ", "Strong")
                self.cell_runs(paragraph, value)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)

    def cell_runs(self, paragraph, cell: Cell) -> None:
        if isinstance(cell, Light):
            dot = self.run(paragraph, "● ")
            dot.font.color.rgb = DOT_COLOURS.get(cell.light, DOT_COLOURS["grey"])
            self.run(paragraph, cell.text)
        else:
            self.run(paragraph, cell)

    def table(self, block: Table) -> None:
        table = self.document.add_table(rows=len(block.rows) + 1, cols=len(block.headers))
        self.table_style(table, "Table Grid")
        table.autofit = False
        section = self.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        shares = block.widths or [1 / len(block.headers)] * len(block.headers)
        # Every row's cells, built once, straight from the rows' w:tc elements: the table is a
        # plain grid (no merged cells), where that is what table.rows[i].cells gives
        grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        for column, header in enumerate(block.headers):
            self.lines(grid[0][column], header, first_style="Strong")
        for cells, row in zip(grid[1:], block.rows, strict=True):
            for column, cell in enumerate(row):
                target = cells[column]
                if isinstance(cell, Light):
                    self.cell_runs(target.paragraphs[0], cell)
                else:
                    self.lines(target, cell)
        for column, share in zip(table.columns, shares, strict=False):
            column.width = int(width * share)  # the grid: what LibreOffice lays out by
        # The cells: what Word lays out by. Each new cell has its w:tcW already; the width is
        # written into it as `cell.width = ...` does, without looking the element up again.
        twips = [str(Emu(int(width * share)).twips) for share in shares]
        for cells in grid:
            for cell, value in zip(cells, twips, strict=False):
                cell_width = cell._tc.tcPr.tcW
                cell_width.set(_TYPE, "dxa")
                cell_width.set(_W, value)
        if not self.compact:
            self.new_paragraph(self.document)  # air under the table

    def chart(self, block: Chart) -> None:
        png = block.png
        title = block.request.title if block.request else block.caption
        if png is None:
            png = self.drawn.get(id(block))
        if png is None:
            self.paragraph(f"[Chart: {title} — not drawn here]", "Subtle Emphasis")
            return
        section = self.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        self.document.add_picture(BytesIO(png), width=int(width * 0.92))
        if block.caption:
            self.paragraph(block.caption, "Caption")
