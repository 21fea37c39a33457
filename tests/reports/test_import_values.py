"""Cell values become dates and numbers the way people write them."""

from datetime import date, datetime

import pytest

from alliance_desk.reports.importing.values import (
    DAY_FIRST,
    MONTH_FIRST,
    NotADate,
    is_ambiguous,
    parse_date,
    parse_money,
    parse_number,
    text_date_order,
)


@pytest.mark.parametrize(
    "text, order, expected",
    [
        ("2026-03-12", None, date(2026, 3, 12)),
        ("2026/03/12", None, date(2026, 3, 12)),
        ("2026-03-12T09:30:00", None, date(2026, 3, 12)),
        ("13/03/2026", None, date(2026, 3, 13)),
        ("13.03.2026", None, date(2026, 3, 13)),
        ("03-13-2026", None, date(2026, 3, 13)),
        ("03/04/2026", DAY_FIRST, date(2026, 4, 3)),
        ("03/04/2026", MONTH_FIRST, date(2026, 3, 4)),
        ("03.04.26", DAY_FIRST, date(2026, 4, 3)),
        ("05/05/2026", None, date(2026, 5, 5)),
        ("12 Mar 2026", None, date(2026, 3, 12)),
        ("12-Mar-2026", None, date(2026, 3, 12)),
        ("12 March 2026", None, date(2026, 3, 12)),
        ("March 12, 2026", None, date(2026, 3, 12)),
        ("Sept 3 2026", None, date(2026, 9, 3)),
        ("Thursday, 12 March 2026", None, date(2026, 3, 12)),
        ("20260312", None, date(2026, 3, 12)),
        ("46093", None, date(2026, 3, 12)),
    ],
)
def test_parse_date_reads_common_forms(text, order, expected):
    assert parse_date(text, order) == expected


def test_parse_date_takes_real_dates_and_excel_serials():
    assert parse_date(datetime(2026, 3, 12, 15, 0)) == date(2026, 3, 12)
    assert parse_date(date(2026, 3, 12)) == date(2026, 3, 12)
    assert parse_date(46093) == date(2026, 3, 12)
    assert parse_date(46093.75) == date(2026, 3, 12)
    assert parse_date(None) is None and parse_date("  ") is None


@pytest.mark.parametrize("text", ["31/02/2026", "soon", "12/13/14/15", "Q3 2026", "13/13/2026"])
def test_parse_date_refuses_what_is_no_date(text):
    with pytest.raises(NotADate):
        parse_date(text, DAY_FIRST)


def test_an_ambiguous_date_without_an_order_is_refused():
    assert is_ambiguous("03/04/2026") and not is_ambiguous("13/04/2026")
    assert not is_ambiguous("2026-03-04")
    with pytest.raises(NotADate):
        parse_date("03/04/2026")


def test_text_date_order_tells_day_first_from_month_first():
    assert text_date_order("25/12/2026") == DAY_FIRST
    assert text_date_order("12/25/2026") == MONTH_FIRST
    assert text_date_order("03/04/2026") is None
    assert text_date_order("2026-12-25") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,234.50", 1234.5),
        ("1.234,50", 1234.5),
        ("1 234,50", 1234.5),
        ("1'900'000", 1_900_000),
        ("1.9m", 1_900_000),
        ("250k", 250_000),
        ("2bn", 2e9),
        ("12,5", 12.5),
        ("1,900,000", 1_900_000),
    ],
)
def test_parse_money_reads_thousand_separators_and_suffixes(text, expected):
    amount, _ = parse_money(text)
    assert amount == pytest.approx(expected)


def test_parse_money_notices_the_currency():
    assert parse_money("€1.9m") == (pytest.approx(1.9e6), "EUR")
    assert parse_money("250,000 USD") == (250_000.0, "USD")
    assert parse_money(1500) == (1500.0, None)


def test_parse_number_makes_whole_scores_integers_and_refuses_words():
    assert parse_number(4.0, integer=True) == 4
    assert parse_number("4", integer=True) == 4
    assert parse_number("4.5", integer=True) == 4.5  # validation names it
    assert parse_number("35 %") == 35.0
    with pytest.raises(ValueError):
        parse_number("high")
