"""Word pre-reads per reader (DOMAIN.md §1 step 3): the same data, a different format.

`build_preread` decides the content for an audience (board, sponsor, jsc) and, when a reader
with recorded information needs is named, answers those needs instead; `write_preread` writes
it as .docx (atomically) with charts from the renderer the caller passes.
"""

from datetime import date
from pathlib import Path

from alliance_desk import clock
from alliance_desk.models import Alliance, Stakeholder
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.output import write_atomically
from alliance_desk.reports.preread.alliance import build_jsc, build_sponsor
from alliance_desk.reports.preread.board import build_board
from alliance_desk.reports.preread.docx_out import TemplateProblem, open_template, write_docx
from alliance_desk.reports.preread.gather import day
from alliance_desk.reports.preread.model import (
    AUDIENCES,
    Chart,
    ChartRenderer,
    ChartRequest,
    Paragraph,
    Preread,
    Section,
)
from alliance_desk.reports.preread.needs import active_needs, need_sections

__all__ = [
    "AUDIENCES",
    "ChartRequest",
    "Preread",
    "TemplateProblem",
    "build_preread",
    "write_preread",
]


class PrereadProblem(Exception):
    """What was asked cannot be made (no alliance for a per-alliance audience…); one sentence."""


def build_preread(
    portfolio: Portfolio,
    audience: str,
    alliance: Alliance | None = None,
    stakeholder: Stakeholder | None = None,
    since: date | None = None,
    today: date | None = None,
    extra_charts: list[tuple[str, bytes]] = (),
) -> Preread:
    """The content of a pre-read. With a `stakeholder` who has active information needs, the
    document answers those; without needs it is the audience's standard one and says so."""
    today = today or clock.today()
    if audience not in AUDIENCES:
        raise PrereadProblem(f"Unknown audience '{audience}': choose board, sponsor or jsc.")
    reader = stakeholder.name if stakeholder else ""
    if audience == "board":
        preread = build_board(portfolio, reader, today)
    else:
        if alliance is None:
            raise PrereadProblem(
                f"The {AUDIENCES[audience].lower()} is about one alliance: name it."
            )
        build = build_sponsor if audience == "sponsor" else build_jsc
        preread = build(portfolio, alliance, reader, today, since)
    if stakeholder is not None:
        _tailor(portfolio, preread, stakeholder, alliance, today)
    if extra_charts:
        preread.sections.append(
            Section("Charts", [Chart(png=png, caption=title) for title, png in extra_charts])
        )
    return preread


def _tailor(portfolio, preread: Preread, stakeholder, alliance, today) -> None:
    needs = active_needs(portfolio, stakeholder, alliance)
    if not needs or alliance is None:
        preread.intro.insert(
            0,
            Paragraph(
                f"No information needs are recorded for {stakeholder.name}"
                + ("" if alliance is None or needs else f" on {alliance.name}")
                + f", so this is the standard {AUDIENCES[preread.audience].lower()}. Record their "
                "questions in the Stakeholders tab to tailor it.",
                "Subtle Emphasis",
            )
            if not needs
            else Paragraph(
                f"This one-page summary keeps its standard sections; the "
                f"{len(needs)} question{'' if len(needs) == 1 else 's'} {stakeholder.name} "
                "recorded are answered one by one in an alliance's sponsor brief or JSC "
                "pre-read.",
                "Subtle Emphasis",
            ),
        )
        return
    validated = (
        f", validated with them on {day(stakeholder.last_validated_on)}"
        if stakeholder.last_validated_on
        else ""
    )
    preread.intro.insert(
        0,
        Paragraph(
            f"Built around the {len(needs)} question{'' if len(needs) == 1 else 's'} "
            f"{stakeholder.name} asked for in their worksheet{validated}.",
            "Subtle Emphasis",
        ),
    )
    preread.sections = [
        Section(f"{stakeholder.name}'s questions", [], level=1),
        *need_sections(portfolio, stakeholder, alliance, needs, today),
    ]


def write_preread(
    preread: Preread,
    target: Path,
    template: Path | None = None,
    renderer: ChartRenderer | None = None,
) -> None:
    """Write the .docx atomically (a reader never sees half a file); checks the template first."""
    if template is not None:  # a bad template is reported before anything is written
        open_template(template)
    write_atomically(Path(target), lambda draft: write_docx(preread, draft, template, renderer))
