"""The records a pre-read draws on, read once per document, and the small wordings they share.

For one alliance (`AllianceData`) or for the whole portfolio (`PortfolioData`, grouped by
alliance in a few queries, so a board one-pager over hundreds of alliances stays quick).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from alliance_desk.insights.health import HealthStatus
from alliance_desk.insights.payments import PaymentFlag, payment_flag
from alliance_desk.models import KINDS, Alliance, choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_health import HealthView
from alliance_desk.reports.importing.values import MONTHS

TRACKED = ("actions", "milestones", "risks", "decisions", "meetings", "payments")  # KINDS keys


@dataclass
class AllianceData:
    alliance: Alliance
    today: date
    records: dict[str, list[Any]] = field(default_factory=dict)
    health: HealthView | None = None

    def __getattr__(self, name: str) -> list[Any]:
        if name in TRACKED:
            return self.records.get(name, [])
        raise AttributeError(name)

    @property
    def payment_flag(self) -> PaymentFlag:
        return payment_flag(self.records.get("payments", []), self.today)


def alliance_data(portfolio: Portfolio, alliance: Alliance, today: date) -> AllianceData:
    records = {name: portfolio.tracking_rows(KINDS[name].model, alliance.id) for name in TRACKED}
    health = portfolio.health_view(alliance, records=records)  # its figures use these rows too
    return AllianceData(alliance, today, records, health)


@dataclass
class PortfolioData:
    alliances: list[Alliance]
    today: date
    by_alliance: dict[str, dict[str, list[Any]]]
    health: dict[str, HealthStatus]

    def records(self, alliance: Alliance, name: str) -> list[Any]:
        return self.by_alliance.get(alliance.id, {}).get(name, [])


def portfolio_data(portfolio: Portfolio, today: date) -> PortfolioData:
    grouped: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for name in ("risks", "decisions", "payments"):
        for row in portfolio.tracking_rows(KINDS[name].model):
            grouped[row.alliance_id][name].append(row)
    return PortfolioData(
        portfolio.alliances(include_archived=False), today, grouped, portfolio.health_statuses()
    )


# --- wordings --------------------------------------------------------------------------------


def day(value: date | None) -> str:
    """'2 Dec 2026' (the same on every system, unlike strftime's locale month names)."""
    if value is None:
        return "no date"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def due_words(due: date | None, today: date) -> str:
    """'due 2 Dec 2026', 'overdue since 2 Dec 2026 (9 days)' or 'no due date'."""
    if due is None:
        return "no due date"
    if due < today:
        late = (today - due).days
        return f"overdue since {day(due)} ({late} day{'' if late == 1 else 's'})"
    return f"due {day(due)}"


def label(vocabulary: dict[str, str], key: str | None) -> str:
    return vocabulary.get(key or "", key or "")


def short(text: str, limit: int = 110) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def stage_label(alliance: Alliance) -> str:
    return label(choices.STAGES, alliance.stage)


def money(amount: float | None, currency: str) -> str:
    if amount is None:
        return currency
    if abs(amount) >= 1_000_000:
        return f"{currency} {amount / 1_000_000:.1f}m"
    if abs(amount) >= 10_000:
        return f"{currency} {amount / 1_000:.0f}k"
    return f"{currency} {amount:,.0f}"
