"""Report figures: the JSC pre-read (3 charts) for one alliance against F2, and the board
one-pager over every alliance. Each is built and written RUNS times in this process.

The JSC pre-read draws its three charts: trust over rounds, ours vs the partner, and milestones
met on time by quarter (the figure checks the document holds three images).

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.figures.reports FILE RUNS OUTDIR
"""

import gc
import sys
from pathlib import Path

from benchmarks.common import emit, passphrase, timed
from benchmarks.floors.f2_document import write_document


def document_shape(path: Path) -> tuple[dict, list[bytes]]:
    """Headings, paragraphs, table sizes and image bytes of a written .docx."""
    from docx import Document

    document = Document(str(path))
    headings = paragraphs = 0
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading") or style == "Title":
            headings += 1
        else:
            paragraphs += 1
    tables = [[len(t.rows), len(t.columns)] for t in document.tables]
    images = [part.blob for part in document.part.package.parts if part.content_type == "image/png"]
    return {"headings": headings, "paragraphs": paragraphs, "tables": tables}, images


def main(path: str, runs: int, outdir: str) -> None:
    from alliance_desk.charts.for_reports import render_request
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.reports.preread import build_preread, write_preread
    from alliance_desk.ui.app import create_application

    create_application()
    out = Path(outdir)
    portfolio = Portfolio.open(path, passphrase(), read_only=True)
    alliance = portfolio.alliances()[0]
    gc.freeze()  # as the main window does once a portfolio is shown

    def jsc():
        portfolio.forget_health()  # cold: no figures cached from an earlier run
        preread = build_preread(portfolio, "jsc", alliance)
        write_preread(preread, out / "jsc.docx", renderer=render_request)

    def board():
        portfolio.forget_health()
        preread = build_preread(portfolio, "board")
        write_preread(preread, out / "board.docx", renderer=render_request)

    jsc_s = [timed(jsc) for _ in range(runs)]
    board_s = [timed(board) for _ in range(runs)]
    shape, images = document_shape(out / "jsc.docx")
    if len(images) != 3:
        raise SystemExit(f"The JSC pre-read holds {len(images)} charts, not the figure's 3.")
    f2_s = [timed(lambda: write_document(shape, images, out / "f2.docx")) for _ in range(runs)]
    portfolio.close()
    emit({"jsc_s": jsc_s, "board_s": board_s, "f2_s": f2_s, "shape": shape, "images": len(images)})


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
