"""Printing the worksheet: the HTML pages of reports/ laid out by QTextDocument and painted on a
printer or a PDF file, landscape, with a running header and page numbers.

Only QtCore/QtGui here (no widgets), so the command line can save a PDF with a
QGuiApplication. Layout happens in 96-dpi units and the painter is scaled to the device, so the
type has the same size on every printer (TECH_NOTES.md, "Printing the worksheet").
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from alliance_desk.reports.sanitise import sanitise
from alliance_desk.reports.worksheet import Worksheet
from alliance_desk.reports.worksheet_html import (
    BODY_PX,
    PageSize,
    footer,
    running_header,
    worksheet_pages,
)

DPI = 96
MARGINS_MM = QMarginsF(12, 11, 12, 10)
HEADER_PX = 26  # band above the text on every page (the running header after page one)
FOOTER_PX = 22
BAND_FONT_PX = 10.5
BAND_COLOUR = "#6b7785"
COLUMNS_PER_PAGE = 3


def ensure_gui_application() -> None:
    """QTextDocument and QPdfWriter need a QGuiApplication; the command line makes one that
    shows nothing (off-screen), so it works without a display."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication([sys.argv[0] if sys.argv else "alliance-desk"]))


_keep: list[QGuiApplication] = []


def default_page_size() -> QPageSize:
    """Letter where people measure in inches (the US), A4 everywhere else."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def landscape_layout(page_size: QPageSize | None = None) -> QPageLayout:
    return QPageLayout(
        page_size or default_page_size(),
        QPageLayout.Orientation.Landscape,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _document(html: str, width: float, height: float | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont()
    font.setPixelSize(BODY_PX)
    doc.setDefaultFont(font)
    if height is None:
        doc.setTextWidth(width)
    else:
        doc.setPageSize(QSizeF(width, height))
    doc.setHtml(html)
    return doc


@dataclass
class LaidOut:
    """The worksheet's page documents for one page layout; `pages` counts physical pages."""

    documents: list[QTextDocument]
    width: float
    height: float

    @property
    def pages(self) -> int:
        return sum(doc.pageCount() for doc in self.documents)


def lay_out(
    sheet: Worksheet, layout: QPageLayout, columns_per_page: int = COLUMNS_PER_PAGE
) -> LaidOut:
    """Paginate the worksheet for a page layout (in 96-dpi units)."""
    area = layout.paintRectPixels(DPI)
    width = float(area.width())
    height = float(area.height() - HEADER_PX - FOOTER_PX)
    size = PageSize(width, height, columns_per_page)
    pages = worksheet_pages(sheet, size, lambda html: _document(html, width).size().height())
    return LaidOut([_document(html, width, height) for html in pages], width, height)


def paint(sheet: Worksheet, device: QPagedPaintDevice, laid_out: LaidOut | None = None) -> int:
    """Paint every page on `device` (a QPrinter or QPdfWriter set up landscape); page count."""
    laid_out = laid_out or lay_out(sheet, device.pageLayout())
    total = laid_out.pages
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The printer or file could not be opened for writing.")
    try:
        scale = device.logicalDpiX() / DPI
        number = 0
        for doc in laid_out.documents:
            for index in range(doc.pageCount()):
                if number:
                    device.newPage()
                number += 1
                painter.save()
                painter.scale(scale, scale)
                _bands(painter, sheet, laid_out.width, laid_out.height, number, total)
                painter.translate(0, HEADER_PX - index * laid_out.height)
                # a hair short of the page: a line that starts on the next page must not be
                # drawn (clipped away, but still in the PDF's text) at the foot of this one
                top = index * laid_out.height
                doc.drawContents(painter, QRectF(0, top, laid_out.width, laid_out.height - 0.5))
                painter.restore()
    finally:
        painter.end()
    return total


def _bands(
    painter: QPainter, sheet: Worksheet, width: float, height: float, number: int, total: int
) -> None:
    """The running header (from page two on) and the footer with the page number."""
    font = QFont()
    font.setPixelSize(int(BAND_FONT_PX))
    painter.setFont(font)
    painter.setPen(QColor(BAND_COLOUR))
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    if number > 1:
        painter.drawText(QRectF(0, 0, width, HEADER_PX - 8), left, running_header(sheet))
    bottom = HEADER_PX + height
    band = QRectF(0, bottom + 4, width, FOOTER_PX - 4)
    painter.drawText(band, left, footer(sheet))
    painter.drawText(band, right, f"Page {number} of {total}")


def save_pdf(
    sheet: Worksheet,
    path: Path,
    page_size: QPageSize | None = None,
    columns_per_page: int = COLUMNS_PER_PAGE,
) -> int:
    """Write the worksheet as a landscape PDF; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setPageLayout(landscape_layout(page_size))
    writer.setTitle(sanitise(f"{sheet.title} — {sheet.subject}"))
    writer.setCreator("Alliance Desk")
    return paint(sheet, writer, lay_out(sheet, writer.pageLayout(), columns_per_page))
