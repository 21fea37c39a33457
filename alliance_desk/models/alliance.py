"""Portfolio metadata, alliances and their lifecycle history."""

from datetime import date, datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from alliance_desk.models.base import Base, Tracked, line, number, on_date, prose, ref


class PortfolioInfo(Tracked, Base):
    """One row: the file's identity (portfolio id) and its name."""

    __tablename__ = "portfolio_info"

    name: Mapped[str] = line()
    description: Mapped[str] = prose()
    owner_name: Mapped[str] = line()
    created_by: Mapped[str] = mapped_column(String(36), default="")


class Device(Tracked, Base):
    """An installation that has written to this file (its id stamps `updated_by`)."""

    __tablename__ = "device"

    label: Mapped[str] = line()
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Alliance(Tracked, Base):
    __tablename__ = "alliance"

    name: Mapped[str] = line()
    partner: Mapped[str] = line()
    alliance_type: Mapped[str] = mapped_column(String(40), default="other")
    business_area: Mapped[str] = line()
    stage: Mapped[str] = mapped_column(String(20), default="formation")
    status: Mapped[str] = mapped_column(String(20), default="active")
    importance: Mapped[str] = mapped_column(String(20), default="medium")
    purpose: Mapped[str] = prose()
    value_proposition: Mapped[str] = prose()
    start_date: Mapped[date | None] = on_date()
    renewal_date: Mapped[date | None] = on_date()
    revenue_share: Mapped[float | None] = number()
    alternative_partners: Mapped[int | None] = mapped_column(default=None)
    our_lead: Mapped[str] = line()
    partner_lead: Mapped[str] = line()
    notes: Mapped[str] = prose()
    archived_at: Mapped[date | None] = on_date()


class StageChange(Tracked, Base):
    """One move of an alliance into a lifecycle stage, dated."""

    __tablename__ = "stage_change"

    alliance_id: Mapped[str] = ref("alliance")
    stage: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date | None] = on_date()
    note: Mapped[str] = prose()
