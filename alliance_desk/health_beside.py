"""A big file's whole-portfolio health, worked out in a thread on a read-only connection of its
own while the first window shows (the Portfolio's `defer_health` and `start_beside`)."""

import logging
from collections.abc import Callable
from typing import Any

from alliance_desk.insights.health import EarlyWarning, HealthStatus
from alliance_desk.storage.database import WorkBeside

log = logging.getLogger(__name__)


class HealthBeside(WorkBeside):
    """The whole portfolio's health worked out in a thread, on a read-only connection of its
    own (a big file's first window shows before its 300 statuses are known; 1-2 s of work).

    `figures` fill `cache` (the Portfolio's health cache when the work began) on collection,
    if that cache is still the Portfolio's: a change that drops the whole cache meanwhile makes
    the result worthless, while an edit of one alliance's records is noted in the cache's
    "pending" list, so only that alliance is computed again afterwards.
    """

    name = "health-beside"

    def __init__(self, open_reader: Callable[[], Any], cache: dict[str, Any]):
        super().__init__()
        self.cache = cache
        self.figures: dict[str, tuple[HealthStatus, list[EarlyWarning]]] | None = None
        self._open_reader = open_reader

    @property
    def running(self) -> bool:
        """True until the work has ended (not started yet counts as running)."""
        return not self.finished

    def _open(self) -> Any:  # a read-only Portfolio
        try:
            return self._open_reader()
        except Exception:  # the window's own connection will compute, and say what is wrong
            log.warning("Could not open a second connection for health", exc_info=True)
            return None

    def _connection(self, reader: Any) -> Any:
        return reader._opened.connection

    def _work(self, reader: Any) -> None:
        try:
            reader._portfolio_health()
            self.figures = reader._health_cache["figures"]
        except Exception:
            if not self._cancelled:
                log.warning("Could not work out health beside the window", exc_info=True)

    def _close(self, reader: Any) -> None:
        reader.close()

    def cancel(self) -> None:
        """Stop (the file is closing): SQLite is interrupted, the figures are dropped."""
        super().cancel()
        self.figures = None
