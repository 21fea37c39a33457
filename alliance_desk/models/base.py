"""The declarative base and the identity columns every user-edited row carries (DESIGN.md §4)."""

import uuid
from datetime import datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from alliance_desk import clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh row id: a random UUID as text, so copies made apart never collide."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Identity and history columns: UUID id, created/updated times, updating device, tombstone."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now, index=True)
    updated_by: Mapped[str] = mapped_column(String(36), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def ref(table: str, nullable: bool = False) -> Mapped:
    """A foreign key to `table`.id, indexed (rows are linked by their UUIDs)."""
    return mapped_column(
        String(36), ForeignKey(f"{table}.id"), nullable=nullable, index=True, default=None
    )


def prose(nullable: bool = False) -> Mapped:
    """A free-text column; empty string rather than NULL so forms and merges stay simple."""
    return mapped_column(Text, nullable=nullable, default="")


def line(length: int = 200) -> Mapped:
    return mapped_column(String(length), default="")


def on_date() -> Mapped:
    return mapped_column(Date, nullable=True, default=None)


def rating() -> Mapped:
    return mapped_column(Integer, nullable=True, default=None)


def number() -> Mapped:
    return mapped_column(Float, nullable=True, default=None)


__all__ = ["Base", "Tracked", "new_id", "ref", "prose", "line", "on_date", "rating", "number"]
