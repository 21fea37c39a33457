"""External tools some tests need (LibreOffice, poppler): skipped where missing, except on CI.

On CI (`CI=true`) a missing tool fails the test, so a broken CI image cannot pass quietly.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def require(tool: str) -> str:
    """The path of `tool`; skips the test when it is missing (fails instead on CI)."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (apt: poppler-utils, libreoffice-writer-nogui)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdf_text(path: Path, layout: bool = False, page: int | None = None) -> str:
    """The text of a PDF as pdftotext reads it (one page, or all)."""
    command = [require("pdftotext"), "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields: 'Pages', 'Page size', ..."""
    result = subprocess.run([require("pdfinfo"), str(path)], capture_output=True, check=True)
    fields = {}
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def page_size_points(path: Path) -> tuple[float, float]:
    """(width, height) of the first page in points, from pdfinfo."""
    words = pdf_info(path)["Page size"].split()
    return float(words[0]), float(words[2])


def docx_to_pdf(path: Path, out_dir: Path) -> Path:
    """Convert a .docx with LibreOffice (its own throw-away profile) and return the PDF."""
    soffice = require("soffice")
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = out_dir / (path.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {path.name}"
    return pdf


def has_font_for(language: str) -> bool:
    """True when fontconfig knows a font for `language` ('zh': CJK). Missing on CI fails the
    test (the image must carry fonts-wqy-microhei); missing locally only skips that check."""
    fc_list = shutil.which("fc-list")
    found = bool(fc_list) and bool(
        subprocess.run([fc_list, f":lang={language}"], capture_output=True, text=True).stdout
    )
    if not found and os.environ.get("CI") == "true":
        pytest.fail(f"no font for '{language}' is installed (apt: fonts-wqy-microhei)")
    return found
