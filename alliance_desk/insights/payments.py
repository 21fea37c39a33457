"""Payments: "overdue" derived from the dates, and the payment flag of an alliance."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

PAYMENT_HORIZON_DAYS = 30


OUTSTANDING_PAYMENT_STATUSES = frozenset({"expected", "invoiced"})


def payment_state(status: str, due_date: date | None, today: date) -> str:
    """The status to show: 'overdue' for an upcoming or invoiced item past its due date,
    else the stored status. Overdue is derived, never stored, so it cannot go stale."""
    if status in OUTSTANDING_PAYMENT_STATUSES and due_date is not None and due_date < today:
        return "overdue"
    return status


@dataclass(frozen=True)
class PaymentFlag:
    """What needs attention in an alliance's payments: overdue, disputed, due within 30 days."""

    overdue: int = 0
    disputed: int = 0
    due_soon: int = 0

    @property
    def level(self) -> str | None:
        """'red' for anything overdue or disputed, 'amber' for something due soon, else None."""
        if self.overdue or self.disputed:
            return "red"
        if self.due_soon:
            return "amber"
        return None

    def text(self) -> str:
        parts = [
            f"{self.overdue} overdue" if self.overdue else "",
            f"{self.disputed} disputed" if self.disputed else "",
            f"{self.due_soon} due in {PAYMENT_HORIZON_DAYS} days" if self.due_soon else "",
        ]
        return " · ".join(part for part in parts if part)

    def short(self) -> str:
        """'1 overdue · 2 due soon' for a narrow column."""
        return self.text().replace(f" due in {PAYMENT_HORIZON_DAYS} days", " due soon")


def payment_flag(
    payments: Iterable[Any], today: date, days: int = PAYMENT_HORIZON_DAYS
) -> PaymentFlag:
    """The flag of one alliance's payments (either direction: we pay or we are paid)."""
    overdue = disputed = due_soon = 0
    horizon = today + timedelta(days=days)
    for payment in payments:
        state = payment_state(payment.status, payment.due_date, today)
        if state == "overdue":
            overdue += 1
        elif state == "disputed":
            disputed += 1
        elif (
            state in OUTSTANDING_PAYMENT_STATUSES
            and payment.due_date is not None
            and today <= payment.due_date <= horizon
        ):
            due_soon += 1
    return PaymentFlag(overdue, disputed, due_soon)


def payment_flags(payments: Iterable[Any], today: date) -> dict[str, PaymentFlag]:
    """The payment flag per alliance id (alliances without payments are left out)."""
    grouped: dict[str, list[Any]] = {}
    for payment in payments:
        grouped.setdefault(payment.alliance_id, []).append(payment)
    return {key: payment_flag(group, today) for key, group in grouped.items()}
