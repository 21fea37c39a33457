"""Schema migrations (Alembic), shipped in the package and run on open (DESIGN.md §3).

Opening a file only asks which revision it has and whether we know it; that is read from the
revision files themselves, so Alembic (a quarter of a second to import) is loaded only when a
file is created or upgraded.
"""

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

HERE = Path(__file__).parent
_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*(?::[^=]*)?=\s*(None|["\']([^"\']+)["\'])', re.MULTILINE)


def config(engine: "Engine | None" = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def chain() -> tuple[str, ...]:
    """Every revision this app knows, oldest first (the versions folder, in Alembic's order)."""
    parent: dict[str, str | None] = {}
    for script in sorted((HERE / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            raise RuntimeError(f"{script.name} names no revision or down_revision")
        parent[revision.group(1)] = down.group(2)
    order = [name for name, down in parent.items() if down is None]
    while len(order) < len(parent):
        following = [name for name, down in parent.items() if down == order[-1]]
        if len(following) != 1:
            raise RuntimeError(f"the migrations do not form one line after {order[-1]}")
        order.append(following[0])
    return tuple(order)


def head() -> str:
    """The newest schema revision this version of the app knows."""
    return chain()[-1]


def is_known(revision: str) -> bool:
    """False for a revision from a newer app (not in our chain)."""
    return revision in chain()


def upgrade(engine: "Engine") -> None:
    """Bring the file's schema to head, each step in the transaction Alembic gives it."""
    from alembic import command

    command.upgrade(config(engine), "head")
