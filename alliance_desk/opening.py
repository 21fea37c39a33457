"""A file opened for the window in a thread while the window's modules load.

The thread takes the passphrase and key a Lookup (storage/passphrase.py) works out, then opens
the Portfolio (Portfolio.open) and reads ahead what the first window counts: SQLite reads
without holding Python, so this costs the window's loading little.

With `glance=True` (a start), it first reads a Glance (glance.py: the first window's reads in
plain SQL), and when it has one, opens the Portfolio only once it is asked for, after the
window has painted from the glance: the Portfolio brings SQLAlchemy, whose import would
otherwise hold Python while the window loads and delay the first paint by a third of a
second. (No read-ahead then: the window waits for the open, and nothing would overlap it.)
A file that gets no glance opens at once, as without one.
"""

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alliance_desk.glance import Glance
from alliance_desk.storage.passphrase import Lookup

if TYPE_CHECKING:
    from alliance_desk.portfolio import Portfolio

# how an off-screen render opens a file: read-only (no lock, never an upgrade or any other
# write), a big file's whole-file check and health left for after the first paint
RENDER_OPEN = {"read_only": True, "check_beside": True}
log = logging.getLogger(__name__)


class Opening:
    """Portfolio.open (with `options`) started in a thread, with the passphrase and key
    `lookup` works out (none: nothing is opened)."""

    def __init__(self, lookup: Lookup, options: dict[str, Any], glance: bool = False):
        self.path = lookup.path
        self._lookup = lookup
        self._tried: tuple[str | None, bool] = (None, False)
        self._answer: dict[str, Any] = {}
        self._glance: Glance | None = None
        self._glance_taken = False
        self._known = threading.Event()  # the passphrase is known (or there is none)
        self._glanced = threading.Event()  # the glance is read (or will not be)
        self._asked = threading.Event()  # the Portfolio is wanted, or not at all
        self._wanted = True
        if not glance:
            self._glanced.set()
        self._thread = threading.Thread(
            target=self._run, args=(options, glance), name="open-beside", daemon=True
        )
        self._thread.start()

    def _run(self, options: dict[str, Any], glance: bool) -> None:
        try:
            self._tried = self._lookup.passphrase()
            self._known.set()
            if self._tried[0] is None:
                return
            key = self._lookup.key()
            if glance:
                self._glance = _glance_of(self.path, self._tried[0], key)
                self._glanced.set()
            if self._glance is not None:
                self._asked.wait()  # until the window has painted the glance and asks
            if self._wanted:
                self._open(self._tried[0], key, options)
        except BaseException as exc:  # handed to the caller, who reports it
            self._answer["error"] = exc
        finally:
            self._known.set()
            self._glanced.set()
            self._lookup.forget()

    def _open(self, passphrase: str, key: str | None, options: dict[str, Any]) -> None:
        from sqlalchemy.exc import SQLAlchemyError  # with the Portfolio: SQLAlchemy loads here

        from alliance_desk.portfolio import Portfolio

        opened = Portfolio.open(self.path, passphrase, key=key, **options)
        try:
            if self._glance is None:  # (after a glance the window waits: nothing to overlap)
                opened.read_ahead()  # what the first window counts, while it loads
        except SQLAlchemyError:
            pass  # the window's own reads meet it, and say so
        except BaseException:
            opened.close()
            raise
        self._answer["portfolio"] = opened

    def glance(self) -> Glance | None:
        """The glance, once read (None at once when none was asked for; None when the file
        needs more than a plain read to open). The caller closes it once the Portfolio has
        replaced it."""
        self._glanced.wait()
        self._glance_taken = True
        return self._glance

    def passphrase(self) -> tuple[str | None, bool]:
        """Waits: the passphrase tried (None: none to try) and whether the keyring gave it."""
        self._known.wait()
        return self._tried

    def forget(self) -> None:
        """Drop the passphrase and the portfolio once the caller has them (or has given up)."""
        self._give_up()
        self._thread.join()
        self._tried = (None, False)
        self._answer.clear()

    def portfolio(self) -> "Portfolio":
        """Waits: the opened portfolio (the same one each time), or raises what the opening
        raised (once)."""
        self._asked.set()
        self._thread.join()
        if "error" in self._answer:
            raise self._answer.pop("error")
        if "portfolio" not in self._answer:
            raise ValueError(f"No passphrase to open {self.path} with.")
        return self._answer["portfolio"]

    def discard(self) -> None:
        """Waits, and closes what was opened: the caller does not want it after all."""
        self._give_up()
        self._thread.join()
        self._answer.pop("error", None)
        opened = self._answer.pop("portfolio", None)
        if opened is not None:
            opened.close()

    def _give_up(self) -> None:
        """A Portfolio not asked for yet is not opened at all; a glance nobody took is closed."""
        if not self._asked.is_set():
            self._wanted = False
            self._asked.set()
        self._glanced.wait()
        if self._glance is not None and not self._glance_taken:
            self._glance.close()


def _glance_of(path: Path, passphrase: str, key: str | None) -> Glance | None:
    """The glance of `path`, or None: a glance that fails in a way glance.py does not expect
    only makes the start slower (the open then meets the file as before), so it is logged."""
    try:
        return Glance.read(path, passphrase, key)
    except Exception:  # noqa: BLE001 - the open reports what is wrong with the file
        log.warning("No glance of %s", path.name, exc_info=True)
        return None
