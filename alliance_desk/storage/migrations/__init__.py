"""Schema migrations (Alembic), shipped in the package and run on open (DESIGN.md §3)."""

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

HERE = Path(__file__).parent


def config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    """The newest schema revision this version of the app knows."""
    return _script().get_current_head()


def is_known(revision: str) -> bool:
    """False for a revision from a newer app (not in our chain)."""
    try:
        return _script().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine) -> None:
    """Bring the file's schema to head, each step in the transaction Alembic gives it."""
    command.upgrade(config(engine), "head")
