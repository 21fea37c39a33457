"""The Payments tab: amounts typed as people type them, bad amounts and currencies refused
beside the field, overdue derived from the dates, the payment flag above the table."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from alliance_desk.models import Payment
from alliance_desk.ui.fields import ERROR_COLOUR
from alliance_desk.ui.tracking.form import parse_amount
from tests.ui.tracking.conftest import row_titles, select, type_into, wait_for_dialog

TODAY = date(2026, 6, 15)
STATUS = 5  # the Status column


@pytest.fixture
def payments(portfolio, alliance):
    add = portfolio.add
    add(
        Payment,
        alliance_id=alliance.id,
        title="Settlement",
        amount=38_500_000.0,
        currency="SEK",
        due_date=TODAY - timedelta(18),
        status="expected",
    )
    add(
        Payment,
        alliance_id=alliance.id,
        title="Batch invoice",
        amount=1_900_000.0,
        currency="USD",
        due_date=TODAY - timedelta(120),
        status="disputed",
        direction="outgoing",
    )
    add(
        Payment,
        alliance_id=alliance.id,
        title="Agency costs",
        amount=400_000.0,
        due_date=TODAY + timedelta(15),
        status="invoiced",
    )
    add(
        Payment,
        alliance_id=alliance.id,
        title="Upfront",
        amount=40_000_000.0,
        due_date=TODAY - timedelta(300),
        status="paid",
        paid_on=TODAY - timedelta(290),
    )
    return alliance


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,900,000", 1_900_000.0),
        ("1.900.000,50", 1_900_000.5),
        ("1'900'000", 1_900_000.0),
        ("1 900 000", 1_900_000.0),
        ("1.9m", 1_900_000.0),
        ("250k", 250_000.0),
        ("2bn", 2e9),
        ("12,5", 12.5),
        ("0", 0.0),
        ("", None),
    ],
)
def test_amounts_as_people_type_them(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.2.3", "1e5x", "--5", "$"])
def test_text_that_is_no_amount(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_overdue_is_derived_and_shown_in_red_and_the_flag_says_so(open_tab, payments, qtbot):
    tab = open_tab("Payments")
    model = tab.table.model
    row = next(i for i, r in enumerate(model.rows) if r.title == "Settlement")
    index = model.index(row, STATUS)
    assert model.data(index) == "Overdue"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOUR
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Overdue by 18 days"
    assert "Payment flag: 1 overdue · 1 disputed · 1 due in 30 days" in tab.strip.headline.text()
    assert "We receive: 400,000 EUR, 38,500,000 SEK outstanding" in tab.strip.detail.text()
    tab.set_quick_filter("overdue")
    assert row_titles(tab) == ["Settlement"]
    tab.set_quick_filter("outstanding")
    assert sorted(row_titles(tab)) == ["Agency costs", "Settlement"]
    assert "1 overdue · 1 disputed" in tab.table.count_text


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("amount", "-5", "must not be negative"),
        ("amount", "lots", "Enter an amount"),
        ("amount", "5,000,000,000,000", "too large"),
        ("currency", "XYZ", "not a currency"),
        ("currency", "EURO", "not a currency"),
        ("due_date", "1900-01-01", "not plausible"),
        ("paid_on", "2030-01-01", "cannot be in the future"),
    ],
)
def test_new_payment_bad_input_is_refused_beside_the_field(
    open_tab, portfolio, qtbot, field, text, words
):
    tab = open_tab("Payments")
    tab.new_record()
    dialog = wait_for_dialog(qtbot, tab)
    type_into(qtbot, dialog.form.field("title"), "Milestone payment", finish=Qt.Key.Key_Tab)
    type_into(qtbot, dialog.form.field(field), text, finish=Qt.Key.Key_Tab)
    dialog.accept()
    assert words in dialog.errors().get(field, ""), dialog.errors()
    assert portfolio.all(Payment) == []


def test_new_payment_reads_amount_and_lower_case_currency(open_tab, portfolio, qtbot):
    tab = open_tab("Payments")
    tab.new_record()
    dialog = wait_for_dialog(qtbot, tab)
    type_into(qtbot, dialog.form.field("title"), "Royalty Q2", finish=Qt.Key.Key_Tab)
    type_into(qtbot, dialog.form.field("amount"), "3.1m", finish=Qt.Key.Key_Tab)
    type_into(qtbot, dialog.form.field("currency"), "chf", finish=Qt.Key.Key_Tab)
    dialog.accept()
    (payment,) = portfolio.all(Payment)
    assert (payment.amount, payment.currency, payment.status) == (3_100_000.0, "CHF", "expected")


def test_marking_paid_dates_it(open_tab, portfolio, payments, qtbot):
    tab = open_tab("Payments")
    select(tab, "Agency costs")
    tab.bulk_status("paid")
    payment = next(p for p in portfolio.all(Payment) if p.title == "Agency costs")
    assert (payment.status, payment.paid_on) == ("paid", TODAY)
    assert tab.panel.form.field("paid_on").text() == "15 Jun 2026"
