"""F2 document: python-docx writing the same number of headings, paragraphs, table rows and
images as the JSC pre-read, from constants (no data, no charts drawn: the PNGs are given)."""

import io
from pathlib import Path

TEXT = "The alliance delivered its quarterly milestones; two risks remain open for review."


def write_document(shape: dict, images: list[bytes], out: Path) -> None:
    """`shape`: {"headings": n, "paragraphs": n, "tables": [[rows, cols], ...]}."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    for number in range(shape["headings"]):
        document.add_heading(f"Heading {number}", level=1 + number % 2)
    for _ in range(shape["paragraphs"]):
        document.add_paragraph(TEXT)
    for rows, cols in shape["tables"]:
        table = document.add_table(rows=rows, cols=cols)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "On track"
    for png in images:
        document.add_picture(io.BytesIO(png), width=Cm(16))
    document.save(str(out))
