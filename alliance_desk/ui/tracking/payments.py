"""The Payments tab: milestone payments, royalties, invoices, cost shares.

Statuses are upcoming, invoiced, paid, disputed, cancelled; "overdue" is derived (an upcoming
or invoiced item past its due date), shown in the Status column and never stored. The strip
above the table is the alliance's payment flag and what is outstanding per currency.
"""

from collections import defaultdict
from typing import Any

from alliance_desk import clock
from alliance_desk.insights.tracking import (
    OUTSTANDING_PAYMENT_STATUSES,
    payment_flag,
    payment_state,
)
from alliance_desk.models import Payment, choices
from alliance_desk.ui.fields import ERROR_COLOUR, ChoiceField, DateField, LineField, TextField
from alliance_desk.ui.record_tab import RIGHT, Column, Row, choice_column, date_column, text_column
from alliance_desk.ui.tracking.columns import SOON_COLOUR, coloured, due_column, due_words, when
from alliance_desk.ui.tracking.figures import big
from alliance_desk.ui.tracking.form import AmountField, CurrencyField, Entry, format_amount
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab, alliance_entry

STATES = {**choices.PAYMENT_STATUSES, "overdue": "Overdue"}
STATE_ORDER = {
    key: number for number, key in enumerate(["overdue", "disputed", *choices.PAYMENT_STATUSES])
}
STATUS_HINT = (
    "Overdue is not chosen here: an upcoming or invoiced item past its due date shows as overdue."
)


def money(row: Any) -> str:
    if row.amount is None:
        return ""
    return f"{format_amount(row.amount)} {row.currency}".strip()


def _state(row: Row, today=None) -> str:
    return payment_state(row.status, row.due_date, today or clock.today())


def _outstanding(row: Row, _today) -> bool:
    return row.status in OUTSTANDING_PAYMENT_STATUSES


def _soon(row: Row, today) -> bool:
    return (
        row.status in OUTSTANDING_PAYMENT_STATUSES
        and row.due_date is not None
        and 0 <= (row.due_date - today).days <= 30
    )


class PaymentsTab(TrackingTab):
    model = Payment
    form_from_row = True
    figure_periods = False
    kind = "payments"
    title = "Payments"
    heading = "Payments and financial items"
    noun = ("payment", "payments")
    statuses = choices.PAYMENT_STATUSES
    new_label = "New payment"
    new_keys = "Ctrl+Shift+P"
    extra_kinds = frozenset({"alliances"})
    sort_column = 4
    column_caps = {"Alliance": 170, "Note": 200}
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter("outstanding", "Outstanding", _outstanding, "Upcoming or invoiced"),
        QuickFilter("overdue", "Overdue", lambda row, today: _state(row, today) == "overdue"),
        QuickFilter("disputed", "Disputed", lambda row, _t: row.status == "disputed"),
        QuickFilter("soon", "Due in 30 days", _soon, "Outstanding and due within 30 days"),
        QuickFilter("paid", "Paid", lambda row, _t: row.status == "paid"),
    ]

    def columns(self) -> list[Column]:
        return [
            text_column("Item", lambda row: row.title),
            choice_column("Kind", lambda row: row.kind, choices.PAYMENT_KINDS),
            choice_column("Direction", lambda row: row.direction, choices.PAYMENT_DIRECTIONS),
            Column(
                "Amount",
                money,
                sort_key=lambda row: float("-inf") if row.amount is None else float(row.amount),
                align=RIGHT,
            ),
            due_column(status=lambda row: row.status if _state(row) != "overdue" else "open"),
            Column(
                "Status",
                lambda row: STATES.get(_state(row), _state(row)),
                sort_key=lambda row: STATE_ORDER.get(_state(row), 99),
                colour=lambda row: ERROR_COLOUR if _state(row) in ("overdue", "disputed") else None,
                tooltip=lambda row: (
                    due_words(row.due_date, "open") if _state(row) == "overdue" else ""
                ),
            ),
            date_column("Paid", lambda row: row.paid_on),
            text_column("Note", lambda row: row.note),
        ]

    def search(self, row: Row) -> str:
        return f"{row.title} {row.alliance_name} {row.note} {row.currency}"

    def summary(self, rows: list[Row]) -> str:
        return payment_flag(rows, clock.today()).text()

    def sections(self):
        return [
            (
                "The item",
                [
                    alliance_entry(),
                    Entry(
                        "Title",
                        LineField("title", placeholder="e.g. Milestone: first patient dosed"),
                    ),
                    Entry("Kind", ChoiceField("kind", choices.PAYMENT_KINDS)),
                    Entry("Direction", ChoiceField("direction", choices.PAYMENT_DIRECTIONS)),
                    Entry("Note", TextField("note", lines=3)),
                ],
            ),
            (
                "Amount",
                [
                    Entry("Amount", AmountField("amount", hint="e.g. 1,900,000 or 1.9m")),
                    Entry("Currency", CurrencyField("currency")),
                ],
            ),
            (
                "Dates",
                [
                    Entry("Due", DateField("due_date")),
                    Entry(
                        "Status", ChoiceField("status", choices.PAYMENT_STATUSES, hint=STATUS_HINT)
                    ),
                    Entry("Paid on", DateField("paid_on")),
                ],
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "status": "expected",
            "kind": "milestone",
            "direction": "incoming",
            "currency": "EUR",
        }

    def header_html(self, record) -> str:
        state = _state(record)
        parts = [money(record)] if record.amount is not None else []
        if state == "overdue":
            parts.append(coloured(due_words(record.due_date, "open"), ERROR_COLOUR, True))
        elif state == "disputed":
            parts.append(coloured("Disputed", ERROR_COLOUR, True))
        elif state == "paid":
            parts.append(f"Paid {when(record.paid_on)}".strip())
        elif _soon(record, clock.today()):
            parts.append(
                coloured(due_words(record.due_date, "open") or "Due soon", SOON_COLOUR, True)
            )
        return " · ".join(p for p in parts if p)

    # --- the payment flag ------------------------------------------------------------------

    def refresh_figures(self) -> None:
        shown, scope = self.figure_scope()
        if not shown:
            return
        rows = self.scope_rows(scope)
        flag = payment_flag(rows, clock.today())
        colour = {"red": ERROR_COLOUR, "amber": SOON_COLOUR}.get(flag.level or "")
        headline = (
            big(f"Payment flag: {flag.text()}", colour)
            if flag.level
            else big("No payment needs attention")
        )
        if scope is None:
            headline += " across the portfolio"
        owed: dict[tuple[str, str], float] = defaultdict(float)
        for row in rows:
            if row.status in OUTSTANDING_PAYMENT_STATUSES | {"disputed"} and row.amount:
                owed[(row.direction, row.currency)] += row.amount
        words = {"incoming": "We receive", "outgoing": "We pay"}
        lines = []
        for direction in ("incoming", "outgoing"):
            sums = [
                f"{format_amount(v)} {c}" for (d, c), v in sorted(owed.items()) if d == direction
            ]
            if sums:
                lines.append(f"{words[direction]}: {', '.join(sums)} outstanding")
        detail = (
            " · ".join(lines)
            + (" · " if lines else "")
            + "Flag: anything overdue or disputed (red), or due within 30 days (amber)."
        )
        self.strip.show_figures(headline, detail)
