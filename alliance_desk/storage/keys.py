"""A file's key, derived from the passphrase once and handed to SQLCipher raw.

SQLCipher 4 turns a passphrase into the file's key with PBKDF2-HMAC-SHA512 (256,000 rounds)
over the salt in the file's first 16 bytes: 0.1-0.2 s on every connection. One open of a big
portfolio makes three connections (the window's, the health worked out beside it, the
whole-file check), so the key is derived here once, the same way, and given to each as
SQLCipher's raw key `x'<key><salt>'`: the file is byte-for-byte what SQLCipher 4 writes, and
any SQLCipher 4 client still opens it with the passphrase.

hashlib derives without holding Python, so a start derives the key in a thread while the
window's modules load (cli.py); a connection that asks meanwhile waits for it. Keys are kept in
memory for the few files opened last, as the passphrase itself is; nothing is written anywhere.
"""

import hashlib
import threading
from pathlib import Path

ROUNDS = 256_000  # SQLCipher 4's defaults (kdf_iter, PBKDF2_HMAC_SHA512, 32-byte key)
ALGORITHM = "sha512"
KEY_BYTES = 32
SALT_BYTES = 16
KEPT = 4  # files whose keys are kept

_lock = threading.Lock()
_kept: dict[tuple[str, bytes, str], "_Derivation"] = {}


class _Derivation:
    """One key being derived, or derived: `key()` waits for it."""

    def __init__(self, passphrase: str, salt: bytes):
        self._done = threading.Event()
        self._passphrase = passphrase
        self._salt = salt
        self._key = ""

    def run(self) -> None:
        try:
            key = hashlib.pbkdf2_hmac(
                ALGORITHM, self._passphrase.encode("utf-8"), self._salt, ROUNDS, KEY_BYTES
            )
            self._key = f"x'{key.hex()}{self._salt.hex()}'"
        finally:
            self._passphrase = ""
            self._done.set()

    def key(self) -> str:
        self._done.wait()
        return self._key


def _salt(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def _derivation(path: Path, passphrase: str) -> tuple["_Derivation | None", bool]:
    """The derivation for the file's current salt (None: no salt to read) and whether it is new
    (the caller runs it)."""
    salt = _salt(path)
    if salt is None:
        return None, False
    name = (str(Path(path).resolve()), salt, passphrase)
    with _lock:
        found = _kept.pop(name, None)
        fresh = found is None
        if fresh:
            found = _Derivation(passphrase, salt)
        _kept[name] = found  # the newest last
        while len(_kept) > KEPT:
            del _kept[next(iter(_kept))]
    return found, fresh


def raw_key(path: Path, passphrase: str) -> str | None:
    """SQLCipher's raw key for the file at `path` with `passphrase` (derived now, or earlier, or
    waited for while another thread derives it); None when the file has no salt to read (it
    does not exist yet, or is too short to be an encrypted file)."""
    derivation, fresh = _derivation(path, passphrase)
    if derivation is None:
        return None
    if fresh:
        derivation.run()
    return derivation.key() or None
