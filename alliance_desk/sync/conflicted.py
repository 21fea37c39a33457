"""Conflicted copies that sync programs leave beside a shared file, found by their names.

- Dropbox (and Nextcloud): "Portfolio (Kim's conflicted copy 2026-03-02).alliance"
- OneDrive: the computer's name added: "Portfolio-LAPTOP-KIM.alliance"
- Syncthing: "Portfolio.sync-conflict-20260302-101500-ABCDEFG.alliance"
"""

import re
from pathlib import Path


def _patterns(shared: Path) -> list[re.Pattern]:
    stem, suffix = re.escape(shared.stem), re.escape(shared.suffix)
    return [
        re.compile(rf"^{stem} \(.*conflicted copy.*\){suffix}$", re.IGNORECASE),
        re.compile(rf"^{stem}\.sync-conflict-\d{{8}}-\d{{6}}(-[A-Za-z0-9]+)?{suffix}$"),
        re.compile(rf"^{stem}-[A-Za-z0-9][A-Za-z0-9_-]*{suffix}$"),
    ]


def is_conflicted_copy(shared: Path, candidate: Path) -> bool:
    """True when `candidate`'s name is one a sync program gives a conflicted copy of `shared`."""
    if candidate.name == shared.name or candidate.name.startswith("."):
        return False
    return any(p.match(candidate.name) for p in _patterns(shared))


def conflicted_copies(shared: Path | str) -> list[Path]:
    """Conflicted copies of `shared` in its folder, oldest first (empty when none or offline)."""
    shared = Path(shared)
    try:
        found = [
            path
            for path in shared.parent.iterdir()
            if is_conflicted_copy(shared, path) and path.is_file() and path.stat().st_size > 0
        ]
        return sorted(found, key=lambda path: path.stat().st_mtime)
    except OSError:
        return []
