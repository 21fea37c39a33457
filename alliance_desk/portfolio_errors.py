"""Why the Portfolio refused or dropped an edit. No SQLAlchemy here: the window's first
modules catch these before it has loaded (glance.py)."""

import sqlite3

import sqlcipher3


class PortfolioReadOnly(Exception):
    """An edit was attempted on a portfolio opened read-only."""

    def __init__(self, reason: str):
        super().__init__(f"This portfolio is open read-only ({reason}); nothing was changed.")
        self.reason = reason


class BatchFailed(Exception):
    """A write inside a batch failed earlier, so the batch stores nothing."""

    def __init__(self, cause: BaseException):
        reason = getattr(cause, "orig", None) or cause
        super().__init__(f"An earlier change in this batch failed ({reason}); nothing was stored.")
        self.cause = cause


def database_errors() -> tuple[type[BaseException], ...]:
    """What a failed read or write of the file raises: SQLAlchemy's errors (imported here, when
    the first one is caught: by then SQLAlchemy has loaded), the drivers' and the disk's."""
    from sqlalchemy.exc import SQLAlchemyError

    return (SQLAlchemyError, sqlcipher3.Error, sqlite3.Error, OSError)
