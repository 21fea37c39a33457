"""Check that a file is a PNG of the expected size (make dist-test, on the built app's render).

Usage: python installer/check_png.py FILE WIDTH HEIGHT   (standard library only)
"""

import struct
import sys
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's header chunk; ValueError when it is no PNG."""
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != SIGNATURE or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG image")
    return struct.unpack(">II", head[16:24])


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    path, expected = Path(sys.argv[1]), (int(sys.argv[2]), int(sys.argv[3]))
    try:
        size = png_size(path)
    except (OSError, ValueError) as exc:
        raise SystemExit(f"FAIL: {exc}") from None
    if size != expected:
        raise SystemExit(f"FAIL: {path} is {size[0]}×{size[1]}, not {expected[0]}×{expected[1]}")
    print(f"ok: {path} is a {size[0]}×{size[1]} PNG ({path.stat().st_size // 1024} KB)")
