"""Writing sanitised text into a python-docx document with the named styles it has.

Shared by every document the app writes (the worksheet, the pre-reads): each text passes the
one sanitiser; styles are used by name and fall back to Normal when a user's template lacks
one; right-to-left paragraphs are marked so Word lays them out right to left.
"""

import unicodedata

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from alliance_desk.reports.sanitise import sanitise


class DocxWriter:
    """Adds sanitised text to a document with the styles it has."""

    def __init__(self, document):
        self.document = document
        # name -> style id, looked up once (python-docx's own lookup by name is slow)
        self.ids = {style.name: style.style_id for style in document.styles}
        self.character_styles = {
            style.name for style in document.styles if style.type == WD_STYLE_TYPE.CHARACTER
        }

    def style_id(self, name: str | None) -> str | None:
        """The id of a named style; None for Normal, or when the template lacks the style."""
        return None if name in (None, "Normal") else self.ids.get(name)

    def new_paragraph(self, container, style: str | None = None):
        paragraph = container.add_paragraph()
        style_id = self.style_id(style)
        if style_id:
            paragraph._p.style = style_id
        return paragraph

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- text ----------------------------------------------------------------------------

    def paragraph(self, text: str, style: str, container=None):
        """A paragraph of `text` in a paragraph style, or in Normal with a character style
        (Strong, Subtle Emphasis) on its text."""
        if style in self.character_styles:
            paragraph = self.new_paragraph(container or self.document)
            self.run(paragraph, text, style)
            return paragraph
        paragraph = self.new_paragraph(container or self.document, style)
        self.run(paragraph, text)
        return paragraph

    def run(self, paragraph, text: str, style: str | None = None):
        clean = sanitise(text)
        run = paragraph.add_run(clean)
        style_id = self.style_id(style)
        if style_id:
            run._r.style = style_id
        if is_rtl(clean):
            set_bidi(paragraph)
        return run

    def lines(self, cell, text: str, style: str | None = None, first_style: str | None = None):
        """Text into a cell, one paragraph per line (the cell's first paragraph reused)."""
        for index, line in enumerate(sanitise(text).splitlines() or [""]):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            self.run(paragraph, line, first_style if index == 0 and first_style else style)

    def page_number_footer(self, text: str) -> None:
        """`text · page N` in the footer of the last section (Word fills in N)."""
        paragraph = self.document.sections[-1].footer.paragraphs[0]
        if self.style_id("Footer"):
            paragraph._p.style = self.style_id("Footer")
        self.run(paragraph, text + " · page ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        paragraph._p.append(field)


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


# Children of w:pPr must come in the schema's order; these follow w:bidi.
AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def set_bidi(paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)
