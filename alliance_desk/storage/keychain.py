"""'Remember on this computer': the passphrase in the OS keyring, when there is one.

No keyring backend (headless Linux, a locked-down PC) is normal: `available()` is False, the
option is hidden, and every function here quietly does nothing.

The keyring library is imported when first asked (about 50 ms, and its backends far more): a
start naming a file asks in a thread while the window loads (passphrase.Lookup); otherwise
the window paints first, then asks.
"""

from pathlib import Path

SERVICE = "Alliance Desk"
MAX_LENGTH = 1000  # Windows Credential Manager rejects secrets past ~1,280 characters


def _account(path: Path) -> str:
    return str(Path(path).resolve())


def available() -> bool:
    """True when a real keyring backend can store secrets."""
    import keyring
    from keyring.errors import KeyringError

    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return False
    name = type(backend).__module__
    return not name.startswith(("keyring.backends.fail", "keyring.backends.null"))


def recall(path: Path) -> str | None:
    """The remembered passphrase for `path`, or None."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _account(path))
    except (KeyringError, RuntimeError):
        return None


def remember(path: Path, passphrase: str) -> bool:
    """Store the passphrase for `path`; False when it could not be stored."""
    import keyring
    from keyring.errors import KeyringError

    if len(passphrase) > MAX_LENGTH:
        return False
    try:
        keyring.set_password(SERVICE, _account(path), passphrase)
    except (KeyringError, RuntimeError):
        return False
    return True


def forget(path: Path) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(SERVICE, _account(path))
    except (KeyringError, RuntimeError):
        pass
