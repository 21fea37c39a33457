"""The worksheet as pages of HTML for Qt's rich-text printing (QTextDocument), without Qt.

Qt splits table rows across pages wherever a page ends, so the pages are made here: each
column group (the stakeholders that fit side by side) starts on a new page, and rows are added
to a page only while they fit whole, measured by the `measure` function the Qt side hands in.
Every page repeats the row labels and the stakeholder headings, and each page is laid out as
a document of its own, so no row can run over a page break. A row taller than a whole page
(thousands of characters) is cut between words into rows labelled "(continued)".
"""

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from alliance_desk.reports.sanitise import sanitise
from alliance_desk.reports.worksheet import (
    CLOSING_TITLE,
    Column,
    PrintedRow,
    Worksheet,
    cell_text,
    column_groups,
    format_day,
)

Measure = Callable[[str], float]  # the height (px) of an HTML page laid out at the page width

BODY_PX = 14
SMALL_PX = 11.5
TITLE_PX = 23
LINE_PX = 26  # one handwritten line
LABEL_PERCENT = 20
INK = "#1f2933"
GREY = "#52606d"
LIGHT = "#8a96a3"
RULE = "#9aa5b1"
HEAD_BG = "#e9eef4"
LABEL_BG = "#f6f8fa"
CLOSING_BG = "#fdf6e3"
BLANK_LINE = "_" * 28
INTRO = (
    "Here is what we think you need from us. Did we get it right? Correct anything — in the "
    "cells, beside them or in the margin."
)
AFTERWARDS = (
    "Afterwards: record the date, who ran the interview and what changed in Alliance Desk "
    "(Stakeholders ▸ Record interview)."
)
NOTES_HEADING = "Corrections and notes"
MAX_NAMES_IN_HEADER = 4


@dataclass(frozen=True)
class PageSize:
    """The printable area in 96-dpi pixels, and how many stakeholders go side by side."""

    width: float
    height: float
    columns_per_page: int = 3


def text(value: str) -> str:
    """Sanitised, escaped, line breaks kept."""
    return html.escape(sanitise(value)).replace("\r\n", "\n").replace("\n", "<br>")


def running_header(sheet: Worksheet) -> str:
    """The line printed at the top of every page after the first."""
    return f"{sheet.title} · {sanitise(sheet.subject)}"


def footer(sheet: Worksheet) -> str:
    """The line printed at the foot of every page (the page number goes beside it)."""
    return f"{sanitise(sheet.subject)} · printed {format_day(sheet.printed_on)} · Confidential"


# --- pieces ----------------------------------------------------------------------------------


def _header(sheet: Worksheet) -> str:
    named = [column for column in sheet.columns if not column.blank]
    if len(named) > MAX_NAMES_IN_HEADER:
        people = f"{len(named)}, one per column"
    else:
        people = text(sheet.people) or BLANK_LINE
    interviewer = text(sheet.interviewer) if sheet.interviewer else BLANK_LINE
    facts = [
        ("Alliance", text(sheet.alliance) if sheet.alliance else "All alliances"),
        ("Stakeholders" if len(sheet.columns) > 1 else "Stakeholder", people),
        ("Date", format_day(sheet.printed_on)),
        ("Interviewer", interviewer),
    ]
    cells = "".join(
        f"<td style='padding-right:18px'><span style='color:{GREY}'>{label}:</span> "
        f"<b>{value}</b></td>"
        for label, value in facts
    )
    return (
        f"<p style='font-size:{TITLE_PX}px; font-weight:600; margin:0'>"
        f"{text(sheet.title)} — {text(sheet.subject)}</p>"
        f"<table cellspacing='0' cellpadding='0' style='margin-top:6px'><tr>{cells}</tr></table>"
        f"<p style='color:{GREY}; margin-top:6px; margin-bottom:10px'>{INTRO}</p>"
    )


def _heading_cell(column: Column, width: float, continued: bool = False) -> str:
    if column.blank:
        body = f"Name: {BLANK_LINE}" if continued else f"Name: {BLANK_LINE}<br><br>Role: "
        body += "" if continued else BLANK_LINE
        return f"<th width='{width:.1f}%' align='left' style='padding-bottom:8px'>{body}</th>"
    parts = [f"<span style='font-size:{BODY_PX + 2}px'>{text(column.name)}</span>"]
    if continued:
        return f"<th width='{width:.1f}%' align='left'>{parts[0]}</th>"
    for detail in (column.subtitle, column.role):
        if detail:
            parts.append(
                f"<span style='font-weight:normal; color:{GREY}; font-size:{SMALL_PX}px'>"
                f"{text(detail)}</span>"
            )
    if column.validated:
        parts.append(
            f"<span style='font-weight:normal; color:{LIGHT}; font-size:{SMALL_PX}px'>"
            f"{text(column.validated)}</span>"
        )
    return f"<th width='{width:.1f}%' align='left'>{'<br>'.join(parts)}</th>"


def _widths(group: Sequence[Column]) -> tuple[float, float]:
    """(width of each stakeholder column, width of the notes column) in percent."""
    rest = 100 - LABEL_PERCENT
    if len(group) == 1 and not group[0].blank:  # one stakeholder: room for corrections beside
        return rest * 0.55, rest * 0.45
    return rest / max(1, len(group)), 0.0


def _thead(group: Sequence[Column], continued: bool = False) -> str:
    width, notes = _widths(group)
    cells = [
        f"<th width='{LABEL_PERCENT}%' align='left' style='color:{GREY}; font-weight:normal'>"
        f"{'Question (continued)' if continued else 'Question'}</th>"
    ]
    cells += [_heading_cell(column, width, continued) for column in group]
    if notes:
        cells.append(
            f"<th width='{notes:.1f}%' align='left' style='color:{GREY}; font-weight:normal'>"
            f"{NOTES_HEADING}</th>"
        )
    return f"<thead><tr style='background:{HEAD_BG}'>{''.join(cells)}</tr></thead>"


def _label_cell(row: PrintedRow, closing: bool) -> str:
    hint = (
        f"<br><span style='color:{LIGHT}; font-size:{SMALL_PX}px'>{text(row.hint)}</span>"
        if row.hint
        else ""
    )
    background = CLOSING_BG if closing else LABEL_BG
    return f"<td style='background:{background}'><b>{text(row.label)}</b>{hint}</td>"


def _row_html(
    group: Sequence[Column],
    row: PrintedRow,
    closing: bool,
    texts: Sequence[str] | None = None,
    continued: bool = False,
    room: bool = True,
) -> str:
    """One row: the label, our draft per stakeholder (or `texts`, a part of a long row), and
    room to write under it (`room`: only under the last part of a long row)."""
    _width, notes = _widths(group)
    label = replace(row, label=f"{row.label} (continued)", hint="") if continued else row
    cells = [_label_cell(label, closing)]
    for index, column in enumerate(group):
        # beside a notes column one line is enough for corrections, but not for answers
        lines = 1 if notes and not closing and not column.blank else row.room
        draft = cell_text(column, row) if texts is None else texts[index]
        extra = 1 if not draft and not column.blank else 0  # nothing of ours: more room
        padding = (lines + extra) * LINE_PX if room else 0
        colour = GREY if closing and row.key != "right" else INK
        cells.append(f"<td style='padding-bottom:{padding}px; color:{colour}'>{text(draft)}</td>")
    if notes:
        cells.append("<td></td>")
    return f"<tr>{''.join(cells)}</tr>"


def split_row(
    group: Sequence[Column], row: PrintedRow, closing: bool, fits: Callable[[str], bool]
) -> list[str]:
    """A row taller than a page as several rows that each fit one: the text of every cell is
    cut between words (inside a word only when one word alone is wider than the page), and
    the later parts are labelled "(continued)"."""
    remaining = [re.findall(r"\S+\s*|\s+", cell_text(c, row)) for c in group]
    parts: list[str] = []

    def part_html(column: int, piece: str) -> str:
        texts = ["" if i != column else piece for i in range(len(group))]
        return _row_html(group, row, closing, texts, continued=bool(parts))

    while True:
        texts = []
        for column, tokens in enumerate(remaining):
            count = _largest(
                lambda k, c=column, t=tokens: fits(part_html(c, "".join(t[:k]))), len(tokens)
            )
            if count == 0 and tokens:  # one word wider and taller than a page: cut it
                word = tokens[0]
                cut = _largest(lambda m, c=column, w=word: fits(part_html(c, w[:m])), len(word))
                tokens[:1] = [word[: max(cut, 1)], word[max(cut, 1) :]]
                count = 1
            texts.append("".join(tokens[:count]))
            remaining[column] = tokens[count:]
        done = not any(remaining)
        parts.append(_row_html(group, row, closing, texts, continued=bool(parts), room=done))
        if done:
            return parts


def _largest(fits: Callable[[int], bool], most: int) -> int:
    """The largest n in 0..most for which `fits(n)` holds (it holds for 0, and stops holding
    past some n)."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _closing_heading(group: Sequence[Column]) -> str:
    span = len(group) + 1 + (1 if _widths(group)[1] else 0)
    return (
        f"<tr><td colspan='{span}' style='background:{CLOSING_BG}'>"
        f"<b>{CLOSING_TITLE}</b> <span style='color:{GREY}'>— ask these three questions about "
        f"what we report today.</span></td></tr>"
    )


@dataclass(frozen=True)
class Unit:
    """Rows that must stay together on a page; `row` is set when it is one printed row."""

    html: str
    row: PrintedRow | None = None
    closing: bool = False


def units_of(sheet: Worksheet, group: Sequence[Column], whole_closing: bool = True) -> list[Unit]:
    """The rows of one column group as units that must stay whole on a page; the closing
    block is one unit unless `whole_closing` is False."""
    units = [Unit(_row_html(group, row, False), row) for row in sheet.rows]
    if not sheet.closing:
        return units
    if whole_closing:
        closing = "".join(_row_html(group, row, True) for row in sheet.closing)
        return [*units, Unit(_closing_heading(group) + closing)]
    for index, row in enumerate(sheet.closing):
        heading = _closing_heading(group) if index == 0 else ""
        units.append(Unit(heading + _row_html(group, row, True), row if index else None, True))
    return units


def page_html(
    sheet: Worksheet,
    group: Sequence[Column],
    units: Sequence[str],
    first: bool,
    last: bool,
    continued: bool = False,
) -> str:
    """One page: the document header on the first, then the table with its headings (names
    only on a page that continues the same stakeholders)."""
    table = (
        f"<table width='100%' border='1' cellspacing='0' cellpadding='7' "
        f"style='border-collapse:collapse; border-color:{RULE}; border-style:solid'>"
        f"{_thead(group, continued)}{''.join(units)}</table>"
    )
    after = (
        f"<p style='color:{LIGHT}; font-size:{SMALL_PX}px; margin-top:8px'>{AFTERWARDS}</p>"
        if last
        else ""
    )
    header = _header(sheet) if first else ""
    return (
        f"<html><body style='font-size:{BODY_PX}px; color:{INK}'>{header}{table}{after}"
        "</body></html>"
    )


# --- pages -----------------------------------------------------------------------------------


def worksheet_pages(sheet: Worksheet, size: PageSize, measure: Measure) -> list[str]:
    """The worksheet as a list of page HTML documents, each fitting one page."""
    groups = column_groups(sheet.columns, size.columns_per_page)
    pages: list[str] = []
    for group_index, group in enumerate(groups):
        last_group = group_index == len(groups) - 1
        chunks = _Packer(sheet, group, size.height, measure, first=not pages).pack()
        for chunk_index, chunk in enumerate(chunks):
            last = last_group and chunk_index == len(chunks) - 1
            pages.append(page_html(sheet, group, chunk, not pages, last, continued=chunk_index > 0))
    return pages


class _Packer:
    """Fills pages with the rows of one column group, greedily, by measured height."""

    def __init__(self, sheet, group, height: float, measure: Measure, first: bool):
        self.sheet, self.group, self.height = sheet, group, height
        self.measure, self.first = measure, first
        self.base = [measure(self.page([], 0)), measure(self.page([], 1))]

    def page(self, chunk: Sequence[str], index: int) -> str:
        first = self.first and index == 0
        return page_html(self.sheet, self.group, chunk, first, True, continued=index > 0)

    def size(self, html: str) -> float:
        return self.measure(self.page([html], 1)) - self.base[1]

    def too_tall(self, chunk: Sequence[str], index: int) -> bool:
        return self.measure(self.page(chunk, index)) > self.height

    def fits_alone(self, html: str) -> bool:
        return self.measure(self.page([html], 1)) <= self.height

    def fits_anywhere(self, html: str) -> bool:
        """Fits on the group's fullest page (its first: full headings, maybe the title)."""
        return self.measure(self.page([html], 0)) <= self.height

    def sized_units(self) -> list[tuple[str, float]]:
        units = units_of(self.sheet, self.group)
        if not self.fits_alone(units[-1].html):  # the closing block overfills a page
            units = units_of(self.sheet, self.group, whole_closing=False)
        sized = []
        for unit in units:
            size = self.size(unit.html)
            if unit.row is not None and self.base[1] + size > self.height:
                for part in split_row(self.group, unit.row, unit.closing, self.fits_anywhere):
                    sized.append((part, self.size(part)))
            else:
                sized.append((unit.html, size))
        return sized

    def pack(self) -> list[list[str]]:
        pending = self.sized_units()
        chunks: list[list[str]] = []
        while pending:
            index = len(chunks)
            used = self.base[min(index, 1)]
            chunk: list[tuple[str, float]] = []
            while pending and (not chunk or used + pending[0][1] <= self.height):
                chunk.append(pending.pop(0))
                used += chunk[-1][1]
            # the sum is an estimate (shared borders): check the real page, give back spills
            while len(chunk) > 1 and self.too_tall([html for html, _ in chunk], index):
                pending.insert(0, chunk.pop())
            chunks.append([html for html, _size in chunk])
        return chunks
