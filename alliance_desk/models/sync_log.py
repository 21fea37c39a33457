"""What merging keeps: the losing versions of rows both copies changed."""

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from alliance_desk.models.base import Base, Tracked, prose


class ConflictEntry(Tracked, Base):
    """A row version that lost a merge, kept whole so the user can review and restore it."""

    __tablename__ = "conflict_log"

    table_name: Mapped[str] = mapped_column(String(40), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    losing_row: Mapped[str] = prose()  # JSON of the whole losing row
    losing_updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    losing_device: Mapped[str] = mapped_column(String(36), default="")
    winning_updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    winning_device: Mapped[str] = mapped_column(String(36), default="")
    source_file: Mapped[str] = prose()
    restored_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class SyncPeer(Tracked, Base):
    """When this file last met another copy (by that copy's device), for conflict detection."""

    __tablename__ = "sync_peer"

    peer_device: Mapped[str] = mapped_column(String(36), default="", index=True)
    last_merged_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    shared_path: Mapped[str] = prose()
