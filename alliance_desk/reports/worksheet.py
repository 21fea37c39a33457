"""The stakeholder worksheet as plain content (DOMAIN.md §1, step 1): what gets printed.

One column per stakeholder, the same rows for everyone, our draft answer in each cell, and a
closing block with the living-set questions. The HTML (for Qt's printing) and the Word builders
both start from a `Worksheet`; neither this module nor they import Qt.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from alliance_desk import clock
from alliance_desk.models import Alliance, Stakeholder, choices
from alliance_desk.portfolio import Portfolio

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Question:
    """One worksheet field of a stakeholder, as the grid and the forms show it."""

    field: str  # a Stakeholder attribute
    label: str
    hint: str
    long: bool = True  # several lines of prose (False: one line, or a choice)


QUESTIONS = [
    Question("priorities", "Their priorities", "What matters most to them now."),
    Question("reports_to", "Who they report to", "Name or role.", long=False),
    Question("audiences", "Audiences they serve", "The people and bodies they answer to."),
    Question("questions", "Questions they must answer", "What they are asked, and by whom."),
    Question("decisions", "Decisions that affect alliances", "What they decide or approve."),
    Question("life_easier", "What would make their life easier", "In their words."),
    Question("routines", "Routines", "When they prepare; which meetings they attend."),
    Question("preferred_format", "Preferred format", "One page, dashboard, a call…", long=False),
    Question("cadence", "Cadence", "How often they want to hear from us.", long=False),
]
QUESTION_OF = {q.field: q for q in QUESTIONS}


@dataclass(frozen=True)
class PrintedRow:
    """A row of the printout: its label, a hint of what belongs there, room left to write."""

    key: str
    label: str
    hint: str
    room: int  # lines of handwriting room under our draft


ROWS = [
    PrintedRow(
        "priorities",
        "Their priorities, and who they report to",
        "What matters most to them now?",
        2,
    ),
    PrintedRow("audiences", "Stakeholders and audiences they serve", "Who do they answer to?", 2),
    PrintedRow("questions", "Questions they need to be able to answer", "What are they asked?", 2),
    PrintedRow("decisions", "Decisions they make that affect alliances", "What do they decide?", 2),
    PrintedRow("life_easier", "What would make their life easier", "In their words.", 2),
    PrintedRow("routines", "Routines", "When do they prepare? Which meetings?", 1),
    PrintedRow("format", "Format and cadence", "What suits them, how often?", 1),
]
CLOSING_TITLE = "At the end of the conversation"
CLOSING = [
    PrintedRow("right", "Did we get it right?", "", 1),
    PrintedRow("use", "What do you use?", "Tick the items you use.", 2),
    PrintedRow("unused", "What don't you use?", "Candidates to stop reporting.", 2),
    PrintedRow("missing", "What is missing?", "Questions we should answer.", 3),
]
GAP = "\u00a0" * 6  # no-break spaces: HTML does not collapse them
RIGHT_CHOICES = f"☐ Yes{GAP}☐ Mostly{GAP}☐ No"
TICK = "☐"


@dataclass(frozen=True)
class Column:
    """One stakeholder (or a blank column for a handwritten one) on the worksheet."""

    name: str
    subtitle: str = ""  # title, organisation
    role: str = ""  # role in the alliance(s)
    validated: str = ""  # "validated 12 Mar 2026 by Maren Lindqvist" or "never validated"
    answers: dict[str, str] = field(default_factory=dict)  # PrintedRow.key -> our draft
    items: tuple[str, ...] = ()  # the report items we deliver today (active needs)

    @property
    def blank(self) -> bool:
        return not self.name


@dataclass(frozen=True)
class Worksheet:
    """Everything one printout shows."""

    alliance: str  # '' when the worksheet is not about one alliance
    portfolio: str
    printed_on: date
    interviewer: str
    columns: tuple[Column, ...]
    title: str = "Stakeholder worksheet"
    rows: tuple[PrintedRow, ...] = tuple(ROWS)
    closing: tuple[PrintedRow, ...] = tuple(CLOSING)

    @property
    def subject(self) -> str:
        """What the worksheet is about: the alliance, else the portfolio."""
        return self.alliance or self.portfolio

    @property
    def people(self) -> str:
        names = [c.name for c in self.columns if not c.blank]
        return ", ".join(names)


def format_day(value: date | None) -> str:
    """'12 Mar 2026' whatever the locale; '' for no date."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _format_and_cadence(person: Stakeholder) -> str:
    cadence = choices.CADENCES.get(person.cadence, person.cadence or "")
    parts = [person.preferred_format.strip(), cadence]
    return "\n".join(part for part in parts if part)


def _priorities(person: Stakeholder) -> str:
    text = person.priorities.strip()
    if person.reports_to.strip():
        text = (text + "\n" if text else "") + f"Reports to: {person.reports_to.strip()}"
    return text


def answers_of(person: Stakeholder) -> dict[str, str]:
    """Our current draft for each printed row."""
    return {
        "priorities": _priorities(person),
        "audiences": person.audiences.strip(),
        "questions": person.questions.strip(),
        "decisions": person.decisions.strip(),
        "life_easier": person.life_easier.strip(),
        "routines": person.routines.strip(),
        "format": _format_and_cadence(person),
    }


def validated_text(person: Stakeholder) -> str:
    if person.last_validated_on is None:
        return "Not validated yet"
    by = f" with {person.validated_by}" if person.validated_by.strip() else ""
    return f"Last checked {format_day(person.last_validated_on)}{by}"


def column_for(
    portfolio: Portfolio, person: Stakeholder, role: str, alliance: Alliance | None
) -> Column:
    subtitle = ", ".join(part for part in (person.title, person.organisation) if part.strip())
    needs = portfolio.information_needs(person, alliance, include_retired=False)
    return Column(
        name=person.name,
        subtitle=subtitle,
        role=role,
        validated=validated_text(person),
        answers=answers_of(person),
        items=tuple(n.question.strip() for n in needs if n.question.strip()),
    )


def build_worksheet(
    portfolio: Portfolio,
    alliance: Alliance | None = None,
    stakeholders: Sequence[Stakeholder] | None = None,
    interviewer: str = "",
    on: date | None = None,
) -> Worksheet:
    """The worksheet for `stakeholders` (in that order), else for the alliance's stakeholders,
    else for everyone in the portfolio. No stakeholder at all gives a blank form."""
    if alliance is not None:
        roles = {person.id: role for person, role in portfolio.stakeholders_of(alliance)}
        if stakeholders is None:
            stakeholders = [person for person, _role in portfolio.stakeholders_of(alliance)]
    else:
        everyone = portfolio.roles()
        roles = {
            person_id: "; ".join(f"{role or 'Stakeholder'} ({a.name})" for a, role in links)
            for person_id, links in everyone.items()
        }
        if stakeholders is None:
            stakeholders = portfolio.stakeholders()
    columns = tuple(
        column_for(portfolio, person, roles.get(person.id, ""), alliance) for person in stakeholders
    )
    return Worksheet(
        alliance=alliance.name if alliance is not None else "",
        portfolio=portfolio.name,
        printed_on=on or clock.today(),
        interviewer=interviewer.strip(),
        columns=columns or (Column(name=""),),
    )


def column_groups(columns: Sequence[Column], per_page: int) -> list[tuple[Column, ...]]:
    """The columns in page-sized groups, in order; one stakeholder's block is never split."""
    per_page = max(1, per_page)
    return [tuple(columns[i : i + per_page]) for i in range(0, len(columns), per_page)] or [()]


def cell_text(column: Column, row: PrintedRow) -> str:
    """Our draft for a main row; for a closing row, what is printed before the room to write."""
    if row.key == "right":
        return RIGHT_CHOICES
    if row.key == "use":
        return "\n".join(f"{TICK} {item}" for item in column.items)
    return column.answers.get(row.key, "")


class NotFound(ValueError):
    """A name on the command line that matches nothing (or more than one thing)."""


def choose(
    portfolio: Portfolio, alliance_name: str | None, names: Sequence[str] | None
) -> tuple[Alliance | None, list[Stakeholder] | None]:
    """The alliance and stakeholders a command line asks for (names match case-insensitively,
    or exactly on the id); raises NotFound with a sentence for the user."""
    alliance = None
    if alliance_name:
        alliance = portfolio.find_alliance(alliance_name)
        if alliance is None:
            raise NotFound(f"No alliance is called “{alliance_name}”.")
    if not names:
        return alliance, None
    members = {p.id for p, _role in portfolio.stakeholders_of(alliance)} if alliance else None
    people: list[Stakeholder] = []
    for name in names:
        found = portfolio.find_stakeholders(name)
        if not found:
            raise NotFound(f"No stakeholder is called “{name}”.")
        if len(found) > 1:
            raise NotFound(f"{len(found)} stakeholders are called “{name}”; give the id instead.")
        if members is not None and found[0].id not in members:
            raise NotFound(f"{found[0].name} is not a stakeholder of {alliance.name}.")
        if all(found[0].id != person.id for person in people):
            people.append(found[0])
    return alliance, people
