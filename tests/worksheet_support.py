"""Stakeholders with known worksheets, for the worksheet tests (reports, printing, the tab)."""

from datetime import timedelta

from alliance_desk import clock
from alliance_desk.models import Alliance, Stakeholder
from alliance_desk.portfolio import Portfolio

WEBER = {
    "name": "Anne Weber",
    "title": "EVP Oncology",
    "organisation": "Talvora",
    "group": "executive_sponsor",
    "reports_to": "CEO",
    "priorities": "Launch on time",
    "audiences": "Executive committee",
    "questions": "Is Phase 3 on track?",
    "decisions": "Opt-in at Phase 3",
    "life_easier": "One page per month",
    "routines": "Mondays 8:00",
    "preferred_format": "One-page brief",
    "cadence": "monthly",
    "influence": 5,
    "interest": 4,
}
OKAFOR = {
    "name": "Paul Okafor",
    "title": "CFO",
    "organisation": "Brightwave",
    "side": "partner",
    "group": "finance",
    "priorities": "Cash runway",
    "questions": "When is the milestone paid?",
    "influence": 4,
    "interest": 2,
}
LINDQVIST = {"name": "Maren Lindqvist", "group": "alliance_team", "priorities": "Fewer surprises"}
BOARD = {"name": "The board", "group": "board", "priorities": "Portfolio risk"}


def add_people(portfolio: Portfolio, alliance: Alliance, *specs: dict) -> list[Stakeholder]:
    """Add stakeholders with these fields and link them to the alliance with a role."""
    people = []
    for index, spec in enumerate(specs):
        person = portfolio.add(Stakeholder, **spec)
        portfolio.link_stakeholder(alliance, person, f"Role {index + 1}")
        people.append(person)
    return people


def validated(portfolio: Portfolio, person: Stakeholder, days_ago: int) -> None:
    portfolio.update(person, last_validated_on=clock.today() - timedelta(days=days_ago))
