"""Typed text to values and back: dates in the ways people write them, numbers with commas."""

from datetime import date

import pytest

from alliance_desk.ui.fields import format_date, format_number, parse_date, parse_number


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-12",
        "2026/03/12",
        "12.03.2026",
        "12/03/2026",
        "12-03-2026",
        "20260312",
        "12 Mar 2026",
        "12 March 2026",
        "12 mar. 2026",
        "Mar 12, 2026",
        "  12 Mar 2026  ",
    ],
)
def test_parse_date_reads_common_formats_day_first(text):
    assert parse_date(text) == date(2026, 3, 12)


def test_parse_date_empty_is_no_date():
    assert parse_date("") is None
    assert parse_date("   ") is None


@pytest.mark.parametrize(
    "text", ["next week", "31/02/2026", "12/03/26", "2026-13-01", "Foo 3 2026"]
)
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_format_date_uses_english_month_names():
    assert format_date(date(2026, 3, 2)) == "2 Mar 2026"
    assert format_date(None) == ""
    assert parse_date(format_date(date(1999, 12, 31))) == date(1999, 12, 31)


def test_parse_number_accepts_commas_and_percent_signs():
    assert parse_number("12,5") == 12.5
    assert parse_number("35 %") == 35.0
    assert parse_number("") is None
    assert parse_number("3", integer=True) == 3
    with pytest.raises(ValueError):
        parse_number("2.5", integer=True)
    with pytest.raises(ValueError):
        parse_number("lots")


def test_format_number_drops_a_useless_decimal():
    assert format_number(35.0) == "35"
    assert format_number(12.5) == "12.5"
    assert format_number(None) == ""
