"""Every way opening a portfolio can fail, each with one plain sentence for the user."""

from pathlib import Path


class StorageError(Exception):
    """A portfolio file could not be used; str(error) is the sentence to show."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class FileMissing(StorageError):
    def __init__(self, path):
        super().__init__(path, f"There is no file at {path}.")


class NoReadPermission(StorageError):
    def __init__(self, path):
        super().__init__(path, f"You do not have permission to read {path}.")


class EmptyFile(StorageError):
    def __init__(self, path):
        super().__init__(
            path, f"{path} is empty (0 bytes): it is not a portfolio, and it was left as it is."
        )


class NotEncrypted(StorageError):
    def __init__(self, path):
        super().__init__(
            path,
            f"{path} is an unencrypted SQLite database, not an Alliance Desk portfolio "
            "(portfolios are always encrypted).",
        )


def _backup_hint(backup: Path | None, otherwise: str) -> str:
    """Point at the file's newest backup when there is one."""
    if backup is None:
        return otherwise
    return f"Its latest backup is {backup}: open that, or another copy of the portfolio."


class NotADatabase(StorageError):
    def __init__(self, path, backup: Path | None = None):
        message = (
            f"{path} is not an Alliance Desk portfolio: it cannot be read as a database "
            "(it may be another kind of file, or a portfolio cut short)."
        )
        if backup is not None:
            message += " " + _backup_hint(backup, "")
        super().__init__(path, message)
        self.backup = backup


class OldCipherFormat(StorageError):
    def __init__(self, path):
        super().__init__(
            path,
            f"{path} is encrypted in the older SQLCipher 3 format, which Alliance Desk does not "
            "open (portfolios use SQLCipher 4); the file was not changed.",
        )


class IsAFolder(StorageError):
    def __init__(self, path):
        super().__init__(path, f"{path} is a folder, not a portfolio file.")


class FolderMissing(StorageError):
    def __init__(self, path):
        super().__init__(path, f"The folder {path} does not exist.")


class NeedsRecovery(StorageError):
    """A change was interrupted (a hot journal) and the file cannot be written to repair it."""

    def __init__(self, path):
        super().__init__(
            path,
            f"{path} was not closed cleanly: a change was interrupted, and the file cannot be "
            "repaired from here because it is read-only. Open it once where it can be written.",
        )


class OlderSchemaReadOnly(StorageError):
    def __init__(self, path, revision: str):
        super().__init__(
            path,
            f"{path} uses an older file format (schema {revision}) and cannot be upgraded while "
            "it is open read-only. Open it once with editing allowed (a backup copy is made "
            "first).",
        )
        self.revision = revision


class WrongPassphrase(StorageError):
    def __init__(self, path):
        super().__init__(path, f"The passphrase for {path} is wrong.")


class Corrupt(StorageError):
    def __init__(self, path, detail: str = "", backup: Path | None = None):
        detail = " ".join(detail.replace("*** in database main ***", " ").split())[:160]
        extra = f" ({detail})" if detail else ""
        hint = _backup_hint(backup, "Open a backup copy or another copy of the portfolio.")
        super().__init__(path, f"{path} is damaged or truncated{extra}; it was not changed. {hint}")
        self.backup = backup


class ForeignDatabase(StorageError):
    def __init__(self, path):
        super().__init__(
            path, f"{path} is an encrypted database, but not an Alliance Desk portfolio."
        )


class NewerSchema(StorageError):
    def __init__(self, path, revision: str):
        super().__init__(
            path,
            f"{path} was written by a newer version of Alliance Desk (schema {revision}); "
            "update the app to open it. The file was not changed.",
        )
        self.revision = revision


class AlreadyExists(StorageError):
    def __init__(self, path):
        super().__init__(path, f"{path} already exists; choose another name.")


class NotWritable(StorageError):
    def __init__(self, path, why: str):
        super().__init__(path, f"{path} cannot be changed: {why}.")


class PortfolioLocked(StorageError):
    """Another instance (here or on a colleague's machine) has the file open."""

    def __init__(self, path, holder: str):
        super().__init__(
            path, f"{path} is open by {holder}. Open it read-only, or wait until they close it."
        )
        self.holder = holder
