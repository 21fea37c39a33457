"""The worksheet's content: columns, rows, draft answers, closing block, choosing people."""

from datetime import date

import pytest

from alliance_desk.models import Stakeholder
from alliance_desk.reports.worksheet import (
    CLOSING,
    ROWS,
    NotFound,
    build_worksheet,
    cell_text,
    choose,
    column_groups,
    format_day,
)
from tests.worksheet_support import BOARD, LINDQVIST, OKAFOR, WEBER, add_people


def test_worksheet_has_one_column_per_stakeholder_with_our_drafts(portfolio, alliance):
    weber, okafor = add_people(portfolio, alliance, WEBER, OKAFOR)
    portfolio.add_need(weber, "Is the Phase 3 start on plan?")
    retired = portfolio.add_need(weber, "How many meetings were held?")
    portfolio.retire_need(retired, "Nobody used it")
    sheet = build_worksheet(portfolio, alliance, interviewer="Maren", on=date(2026, 3, 12))
    assert sheet.alliance == "Helios Oncology"
    assert sheet.interviewer == "Maren"
    assert [c.name for c in sheet.columns] == ["Anne Weber", "Paul Okafor"]
    anne = sheet.columns[0]
    assert anne.role == "Role 1"
    assert anne.subtitle == "EVP Oncology, Talvora"
    assert anne.answers["priorities"] == "Launch on time\nReports to: CEO"
    assert anne.answers["format"] == "One-page brief\nMonthly"
    assert anne.items == ("Is the Phase 3 start on plan?",)  # retired items are not reported
    assert anne.validated == "Not validated yet"
    assert [row.key for row in sheet.rows] == [row.key for row in ROWS]
    assert [row.label for row in sheet.closing] == [
        "Did we get it right?",
        "What do you use?",
        "What don't you use?",
        "What is missing?",
    ]
    assert cell_text(anne, CLOSING[1]) == "☐ Is the Phase 3 start on plan?"
    assert format_day(sheet.printed_on) == "12 Mar 2026"


def test_worksheet_for_chosen_stakeholders_keeps_their_order(portfolio, alliance):
    weber, okafor, maren = add_people(portfolio, alliance, WEBER, OKAFOR, LINDQVIST)
    sheet = build_worksheet(portfolio, alliance, [maren, weber])
    assert [c.name for c in sheet.columns] == ["Maren Lindqvist", "Anne Weber"]


def test_worksheet_of_the_portfolio_names_every_role(portfolio, alliance):
    (weber,) = add_people(portfolio, alliance, WEBER)
    other = portfolio.add_alliance("Atlas Data")
    portfolio.link_stakeholder(other, weber, "JSC member")
    sheet = build_worksheet(portfolio)
    assert sheet.alliance == ""
    assert sheet.subject == portfolio.name
    assert sheet.columns[0].role == "JSC member (Atlas Data); Role 1 (Helios Oncology)"


def test_empty_worksheet_is_a_blank_form(portfolio, alliance):
    sheet = build_worksheet(portfolio, alliance)
    assert len(sheet.columns) == 1 and sheet.columns[0].blank
    assert sheet.people == ""


def test_column_groups_never_split_a_stakeholder():
    assert column_groups(list("abcdefg"), 3) == [("a", "b", "c"), ("d", "e", "f"), ("g",)]
    assert column_groups(list("ab"), 0) == [("a",), ("b",)]


def test_choose_matches_names_case_insensitively_or_ids(portfolio, alliance):
    weber, okafor = add_people(portfolio, alliance, WEBER, OKAFOR)
    found_alliance, people = choose(portfolio, "helios oncology", ["PAUL OKAFOR", weber.id])
    assert found_alliance.id == alliance.id
    assert [p.id for p in people] == [okafor.id, weber.id]
    assert choose(portfolio, None, None) == (None, None)


def test_choose_says_what_was_not_found(portfolio, alliance):
    add_people(portfolio, alliance, WEBER)
    portfolio.add(Stakeholder, **BOARD)
    portfolio.add(Stakeholder, **BOARD)
    with pytest.raises(NotFound, match="No alliance is called “Atlas”"):
        choose(portfolio, "Atlas", None)
    with pytest.raises(NotFound, match="No stakeholder is called “Nobody”"):
        choose(portfolio, None, ["Nobody"])
    with pytest.raises(NotFound, match="2 stakeholders are called “the board”; give the id"):
        choose(portfolio, None, ["the board"])
    outsider = portfolio.add(Stakeholder, name="Outsider")
    with pytest.raises(NotFound, match="Outsider is not a stakeholder of Helios Oncology"):
        choose(portfolio, "Helios Oncology", [outsider.id])
