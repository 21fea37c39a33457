"""A pre-read as plain content: sections of paragraphs, bullets, facts, tables and charts.

The builders (board.py, alliance.py, needs.py) decide what a reader gets; docx_out.py decides
how it looks in Word. Charts travel as `ChartRequest`s (plain data) and become PNG through a
renderer the caller passes, so reports/ imports no Qt.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

AUDIENCES = {
    "board": "Board one-pager",
    "sponsor": "Executive sponsor brief",
    "jsc": "JSC pre-read",
}


@dataclass(frozen=True)
class Light:
    """A traffic light in a table cell or a line: the coloured dot, then the words."""

    light: str  # green, yellow, red, grey
    text: str


Cell = str | Light


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "Normal"


@dataclass(frozen=True)
class Bullets:
    items: list[str | Light]


@dataclass(frozen=True)
class Facts:
    """'Label: value' lines, e.g. the next milestone and the next decision."""

    pairs: list[tuple[str, Cell]]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    widths: list[float] | None = None  # shares of the text width, summing to 1


@dataclass(frozen=True)
class ChartRequest:
    """A chart by name ('trend', 'side_by_side', 'breakdown') and its plain-data arguments."""

    figure: str
    title: str
    args: dict[str, Any] = field(default_factory=dict)
    width: int = 900
    height: int = 360


@dataclass(frozen=True)
class Chart:
    request: ChartRequest | None = None
    png: bytes | None = None  # a chart made elsewhere (the chart builder's pinned charts)
    caption: str = ""


Block = Paragraph | Bullets | Facts | Table | Chart


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 1


@dataclass
class Preread:
    title: str
    audience: str  # a key of AUDIENCES
    subject: str  # the alliance, or the portfolio's name
    reader: str  # who it is prepared for ("" when not named)
    prepared_on: date
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    compact: bool = False  # the board one-pager: landscape, small margins, one page

    def text(self) -> str:
        """Every text in reading order (for tests and the command line's summary)."""
        parts = [self.title, self.subject, self.reader]
        for block in self.intro:
            parts.extend(_texts(block))
        for section in self.sections:
            parts.append(section.heading)
            for block in section.blocks:
                parts.extend(_texts(block))
        return "\n".join(p for p in parts if p)


# A renderer may also offer `many(requests) -> list[bytes | None]`: the document's charts are
# then asked for together, so they can share their set-up (charts.for_reports does).
ChartRenderer = Callable[[ChartRequest], bytes | None]


def cell_text(cell: Cell) -> str:
    return cell.text if isinstance(cell, Light) else cell


def _texts(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Bullets):
        return [cell_text(i) for i in block.items]
    if isinstance(block, Facts):
        return [f"{label}: {cell_text(value)}" for label, value in block.pairs]
    if isinstance(block, Table):
        return [" | ".join(block.headers)] + [" | ".join(map(cell_text, r)) for r in block.rows]
    if isinstance(block, Chart):
        return [block.request.title if block.request else block.caption]
    return []
