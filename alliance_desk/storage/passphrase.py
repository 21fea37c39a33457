"""Where a passphrase comes from on the command line: a file, the environment, the keyring,
or a prompt — never a command-line argument (DESIGN.md §8)."""

import getpass
import os
import sys
import threading
from pathlib import Path

from alliance_desk.storage import keychain, keys

ENV = "ALLIANCE_DESK_PASSPHRASE"
SOURCE_ENV = "ALLIANCE_DESK_SOURCE_PASSPHRASE"
NEW_ENV = "ALLIANCE_DESK_NEW_PASSPHRASE"
MAX_LENGTH = keychain.MAX_LENGTH


class PassphraseUnavailable(Exception):
    """No passphrase could be had without a terminal to ask on."""


def read_file(path: Path | str) -> str:
    """The first line of a passphrase file (a trailing newline is not part of it)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PassphraseUnavailable(
            f"Cannot read the passphrase file {path}: {exc.strerror}."
        ) from None
    except UnicodeDecodeError:
        raise PassphraseUnavailable(f"The passphrase file {path} is not UTF-8 text.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise PassphraseUnavailable(f"The passphrase file {path} is empty.")
    return lines[0]


def resolve(
    portfolio: Path, file: str | None = None, env: str = ENV, use_keyring: bool = True
) -> str:
    """The passphrase to open `portfolio`: --passphrase-file, then $env, keyring, a prompt."""
    if file:
        return read_file(file)
    if os.environ.get(env):
        return os.environ[env]
    if use_keyring:
        remembered = keychain.recall(portfolio)
        if remembered:
            return remembered
    return prompt(f"Passphrase for {portfolio}: ")


def resolve_new(
    file: str | None = None, env: str = NEW_ENV, option: str = "--new-passphrase-file"
) -> str:
    """A new passphrase: from a file or $env, else asked twice on the terminal."""
    if file:
        return check_new(read_file(file))
    if os.environ.get(env):
        return check_new(os.environ[env])
    how = f"{option} FILE or set {env}"
    first = prompt("New passphrase: ", how)
    if prompt("Repeat the new passphrase: ", how) != first:
        raise PassphraseUnavailable("The two passphrases differ; nothing was changed.")
    return check_new(first)


def check_new(passphrase: str) -> str:
    """Reject a passphrase the file format or the keyring could not take."""
    if not passphrase:
        raise PassphraseUnavailable("The passphrase must not be empty.")
    if len(passphrase) > MAX_LENGTH:
        raise PassphraseUnavailable(
            f"The passphrase is too long (at most {MAX_LENGTH} characters)."
        )
    return passphrase


def prompt(label: str, how: str = f"--passphrase-file FILE or set {ENV}") -> str:
    """Ask on the terminal; without one, say which option or variable gives the passphrase."""
    if not sys.stdin or not sys.stdin.isatty():
        raise PassphraseUnavailable(f"No passphrase given: use {how}.")
    try:
        return getpass.getpass(label)
    except (EOFError, KeyboardInterrupt):
        raise PassphraseUnavailable("No passphrase was entered.") from None


class Lookup:
    """The passphrase to open a file with (the one given, else the one the keyring remembers)
    and the file's key derived from it (keys.py), worked out in a thread: the keyring's
    backends take 0.1-0.3 s to load and the derivation 0.1-0.2 s without holding Python, so a
    start does both while it loads the window's modules."""

    def __init__(self, path: Path, given: str | None):
        self.path = Path(path)
        self._found: tuple[str | None, bool] = (given, False)
        self._key: str | None = None
        self._known = threading.Event()
        self._derived = threading.Event()
        threading.Thread(target=self._run, name="derive-key", daemon=True).start()

    def _run(self) -> None:
        try:
            if self._found[0] is None:
                try:
                    remembered = keychain.recall(self.path)
                except Exception:  # noqa: BLE001 - a keyring that fails remembers nothing: ask
                    remembered = None
                self._found = (remembered, remembered is not None)
            self._known.set()
            if self._found[0] is not None:
                self._key = keys.derive(self.path, self._found[0])
        finally:
            self._known.set()
            self._derived.set()

    def passphrase(self) -> tuple[str | None, bool]:
        """Waits for the keyring: the passphrase (None: none given and none remembered) and
        whether the keyring gave it."""
        self._known.wait()
        return self._found

    def key(self) -> str | None:
        """Waits for the derivation: the file's key (None: no passphrase, or no salt to read)."""
        self._derived.wait()
        return self._key

    def forget(self) -> None:
        """Drop the passphrase and key once they are handed over (waits for the thread)."""
        self._derived.wait()
        self._found, self._key = (None, False), None
