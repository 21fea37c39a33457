"""A file's key, derived from the passphrase once per open and handed to SQLCipher raw.

SQLCipher 4 turns a passphrase into the file's key with PBKDF2-HMAC-SHA512 (256,000 rounds)
over the salt in the file's first 16 bytes: 0.1-0.2 s on every connection. One open of a big
portfolio makes three connections (the window's, the health worked out beside it, the
whole-file check), so `database.open_file` derives the key here once, the same way, and keys
each connection with SQLCipher's raw key `x'<key><salt>'`. The file stays byte-for-byte what
SQLCipher 4 writes: any SQLCipher 4 client opens it with the passphrase.

hashlib derives without holding Python, so a start derives the key in a thread while the
window's modules load (passphrase.Lookup). A key is held where the passphrase is (the open
file, its reader and check); nothing is written anywhere.
"""

import hashlib
from pathlib import Path

ROUNDS = 256_000  # SQLCipher 4's defaults: kdf_iter, PBKDF2_HMAC_SHA512, a 32-byte key
ALGORITHM = "sha512"
KEY_BYTES = 32
SALT_BYTES = 16


def read_salt(path: Path) -> bytes | None:
    """The salt SQLCipher 4 keeps in the file's first bytes; None when there is none to read
    (the file does not exist yet, or is too short to be an encrypted file)."""
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def derive(path: Path, passphrase: str) -> str | None:
    """SQLCipher's raw key for the file at `path` with `passphrase` (0.1-0.2 s); None when the
    file has no salt to read."""
    salt = read_salt(path)
    if salt is None:
        return None
    key = hashlib.pbkdf2_hmac(ALGORITHM, passphrase.encode("utf-8"), salt, ROUNDS, KEY_BYTES)
    return f"x'{key.hex()}{salt.hex()}'"


def salt_of(key: str) -> bytes:
    """The salt a raw key from `derive` was made with."""
    return bytes.fromhex(key[2 + 2 * KEY_BYTES : -1])
