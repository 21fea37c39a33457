"""Why a merge or a sync did not happen, each with one plain sentence (nothing was changed)."""

from pathlib import Path


class SyncError(Exception):
    """A merge or sync was refused or failed; str(error) is the sentence to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DifferentPortfolios(SyncError):
    """The two files are copies of different portfolios: merging needs explicit consent."""

    def __init__(self, source: Path | str, target: Path | str):
        super().__init__(
            f"{Path(source).name} and {Path(target).name} are different portfolios (their "
            "portfolio ids differ); nothing was merged. Merge them anyway only if you mean to "
            "combine two portfolios into one (--force)."
        )


class SameFile(SyncError):
    def __init__(self, path: Path | str):
        super().__init__(f"{path} cannot be merged into itself; choose another copy.")


class TargetInUse(SyncError):
    def __init__(self, path: Path | str, holder: str):
        super().__init__(
            f"{path} is open by {holder}; close it there first, then merge. Nothing was changed."
        )


class SharedFileBusy(SyncError):
    def __init__(self, path: Path | str, holder: str):
        super().__init__(
            f"The shared file {Path(path).name} is busy ({holder}); the sync will be tried "
            "again later. Nothing was changed."
        )


class SharedFileChanged(SyncError):
    def __init__(self, path: Path | str):
        super().__init__(
            f"The shared file {Path(path).name} was replaced while it was being synced (by a "
            "sync program); it was left as it is, and the next sync will merge it."
        )
