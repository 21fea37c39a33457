"""Writing sanitised text into a python-docx document with the named styles it has.

Shared by every document the app writes (the worksheet, the pre-reads): each text passes the
one sanitiser; styles are used by name and fall back to Normal when a user's template lacks
one; right-to-left paragraphs are marked so Word lays them out right to left.
"""

import unicodedata

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.text.run import Run
from lxml.etree import SubElement

from alliance_desk.reports.sanitise import sanitise

_STYLE, _NAME, _VAL, _STYLE_ID, _TYPE, _DEFAULT = (
    qn(tag) for tag in ("w:style", "w:name", "w:val", "w:styleId", "w:type", "w:default")
)
_R, _RPR, _RSTYLE, _T, _PPR, _PSTYLE, _SPACE = (
    qn(tag) for tag in ("w:r", "w:rPr", "w:rStyle", "w:t", "w:pPr", "w:pStyle", "xml:space")
)


class DocxWriter:
    """Adds sanitised text to a document with the styles it has."""

    def __init__(self, document):
        self.document = document
        # Every style read once, straight from styles.xml: python-docx searches the whole part
        # on each lookup by name, and makes a style object per style to list them (~4 ms).
        self._elements: dict[str | None, object] = {}
        self.ids: dict[str | None, str | None] = {}
        self.character_styles: set[str | None] = set()
        self.default_ids: dict[str, str | None] = {}  # type -> the template's default style
        for element in document.styles.element.iterchildren(_STYLE):
            name_element = element.find(_NAME)
            raw_name = name_element.get(_VAL) if name_element is not None else None
            name = None if raw_name is None else BabelFish.internal2ui(raw_name)  # "Heading 1"
            kind = element.get(_TYPE) or "paragraph"
            self._elements.setdefault(name, element)  # the first, as python-docx finds it
            self.ids[name] = element.get(_STYLE_ID)
            if kind == "character":
                self.character_styles.add(name)
            if element.get(_DEFAULT) in ("1", "true", "on"):
                self.default_ids[kind] = element.get(_STYLE_ID)

    def style(self, name: str):
        """The python-docx style object of a style the template has (KeyError if it lacks it)."""
        return StyleFactory(self._elements[name])

    def style_id(self, name: str | None) -> str | None:
        """The id of a named style; None for Normal, or when the template lacks the style."""
        return None if name in (None, "Normal") else self.ids.get(name)

    def new_paragraph(self, container, style: str | None = None):
        paragraph = container.add_paragraph()
        style_id = self.style_id(style)
        if style_id:  # what `paragraph._p.style = style_id` writes into the empty paragraph
            p = paragraph._p
            properties = p.makeelement(_PPR)
            p.insert(0, properties)
            SubElement(properties, _PSTYLE).set(_VAL, style_id)
        return paragraph

    def table_style(self, table, name: str) -> None:
        """Give `table` a named table style, as `table.style = name` does, when the template
        has it (python-docx looks the name up in the whole styles part on every call)."""
        element = self._elements.get(name)
        if element is None:
            return
        style_id = element.get(_STYLE_ID)
        if (element.get(_TYPE) or "paragraph") != "table":
            raise ValueError(f"The style {name} is not a table style.")
        # python-docx writes no style reference for the template's default table style
        table._tbl.tblStyle_val = None if style_id == self.default_ids.get("table") else style_id

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
        """A run of sanitised `text` at the end of `paragraph`, with a character style.

        The elements are made directly (python-docx's `add_run()` and `run.style` place each
        one by searching the schema's order, a tenth of a millisecond a run): the same
        `w:r`, `w:rPr/w:rStyle` first, then the text."""
        clean = sanitise(text)
        r = SubElement(paragraph._p, _R)  # a paragraph's runs simply follow one another
        style_id = self.style_id(style)
        if style_id:
            SubElement(SubElement(r, _RPR), _RSTYLE).set(_VAL, style_id)
        run = Run(r, paragraph)
        if clean:
            add_text(run, clean)
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


def add_text(run, text: str) -> None:
    """`text` into an empty run, as `run.text = text` writes it: a text without tabs or line
    breaks becomes one w:t element directly (python-docx's setter walks it char by char)."""
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
    else:  # what `run._r.add_t(text)` appends
        t = SubElement(run._r, _T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_SPACE, "preserve")


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
