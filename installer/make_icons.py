"""Derive the application icons from `resources/icons/alliance-desk.svg` at build time.

Writes into OUT_DIR: `alliance-desk-N.png` for each size in SIZES (Linux icon theme), and
`alliance-desk.ico` (Windows) and `alliance-desk.icns` (macOS), each carrying every size
rendered from the SVG by Qt rather than scaled down from one bitmap, so small sizes stay crisp.

Usage: python installer/make_icons.py OUT_DIR   (the spec runs it; needs PySide6 and Pillow)
"""

import os
import sys
from io import BytesIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / "alliance-desk.svg"
NAME = "alliance-desk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is macOS's 512@2x


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at `size` × `size` pixels on transparency, as a Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(BytesIO(bytes(data))).convert("RGBA")


def make_icons(out_dir: Path) -> list[Path]:
    """Write the PNGs, the .ico and the .icns into `out_dir`; returns the files written."""
    QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"Could not read the icon {SOURCE}.")
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in sorted({*SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written = []
    for size in SIZES:
        path = out_dir / f"{NAME}-{size}.png"
        images[size].save(path)
        written.append(path)
    ico = out_dir / f"{NAME}.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns = out_dir / f"{NAME}.icns"
    images[max(ICNS_SIZES)].save(
        icns, append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    return [*written, ico, icns]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    written = make_icons(Path(sys.argv[1]))
    print(f"Icons: {len(written)} files derived from {SOURCE.name} in {sys.argv[1]}")
