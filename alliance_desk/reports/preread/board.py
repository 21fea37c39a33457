"""The board one-pager: one line per alliance — health, the one risk worth a board member's
attention, the next decision — then the decisions coming up across the portfolio."""

from datetime import date, timedelta

from alliance_desk.insights import attention
from alliance_desk.insights.health import GREEN, GREY, RED, YELLOW
from alliance_desk.models import choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.preread.gather import (
    day,
    label,
    portfolio_data,
    short,
)
from alliance_desk.reports.preread.model import Light, Paragraph, Preread, Section, Table

DECISION_HORIZON_DAYS = 90
MAX_DECISIONS = 4
LIGHT_NAMES = {GREEN: "Green", YELLOW: "Yellow", RED: "Red", GREY: "No data"}


def build_board(portfolio: Portfolio, reader: str, today: date) -> Preread:
    data = portfolio_data(portfolio, today)
    preread = Preread(
        title="Alliance portfolio — board summary",
        audience="board",
        subject=portfolio.name or "Alliance portfolio",
        reader=reader,
        prepared_on=today,
        compact=True,
    )
    if not data.alliances:
        preread.intro.append(Paragraph("No working alliances are recorded in this portfolio yet."))
        return preread

    counts = {light: 0 for light in (RED, YELLOW, GREEN, GREY)}
    rows = []
    order = {RED: 0, YELLOW: 1, GREEN: 2, GREY: 3}
    alliances = sorted(
        data.alliances,
        key=lambda a: (order[data.health[a.id].light] if a.id in data.health else 3, a.name),
    )
    for alliance in alliances:
        status = data.health.get(alliance.id)
        light = status.light if status else GREY
        counts[light] += 1
        risk = attention.top_risks(data.records(alliance, "risks"), 1)
        decision = attention.next_decision(data.records(alliance, "decisions"))
        rows.append(
            [
                alliance.name,
                Light(light, _health_words(status)),
                _risk_words(risk[0]) if risk else "No open risk recorded.",
                f"{short(decision.title, 56)} ({day(decision.due_date)})"
                if decision
                else "None pending.",
            ]
        )
    summary = ", ".join(
        f"{counts[light]} {LIGHT_NAMES[light].lower()}"
        for light in (RED, YELLOW, GREEN, GREY)
        if counts[light]
    )
    horizon = today + timedelta(days=DECISION_HORIZON_DAYS)
    coming = [
        (alliance, d)
        for alliance in data.alliances
        for d in attention.pending_decisions(data.records(alliance, "decisions"))
        if d.due_date is not None and d.due_date <= horizon
    ]
    coming.sort(key=lambda pair: (pair[1].due_date, pair[0].name))
    preread.intro.append(
        Paragraph(
            f"{len(data.alliances)} alliances in the portfolio: {summary}. "
            f"{len(coming)} decision{'' if len(coming) == 1 else 's'} due in the next "
            f"{DECISION_HORIZON_DAYS} days."
        )
    )
    # no heading over the alliances: the table's own header says it, and the page stays one
    preread.intro.append(
        Table(
            ["Alliance", "Health", "The risk to watch", "Next decision"],
            rows,
            [0.19, 0.18, 0.35, 0.28],
        )
    )
    decision_rows = [
        [day(d.due_date), alliance.name, short(d.title, 62), label(choices.FORUMS, d.forum)]
        for alliance, d in coming[:MAX_DECISIONS]
    ]
    blocks = (
        [Table(["Due", "Alliance", "Decision", "Forum"], decision_rows, [0.1, 0.27, 0.45, 0.18])]
        if decision_rows
        else [Paragraph(f"No decision is due in the next {DECISION_HORIZON_DAYS} days.")]
    )
    heading = "Upcoming decisions"
    if len(coming) > MAX_DECISIONS:
        heading += f" — the next {MAX_DECISIONS} of {len(coming)}"
    preread.sections.append(Section(heading, blocks))
    preread.sections[-1].blocks.append(
        Paragraph(
            "How chosen — health: the worst light among the benchmarks of the alliance's stage "
            "(+n: more reasons); the risk to watch: the most severe open risk or issue.",
            "Caption",
        )
    )
    return preread


def _health_words(status) -> str:
    """'Red — Trust (3.6)': the light and its first reason, without repeating the colour."""
    if status is None or status.light == GREY:
        return "No data"
    reason = status.reasons[0] if status.reasons else ""  # 'Trust is red (3.6)'
    reason = reason.replace(f" is {status.light} (", " ").replace(")", "")  # 'Trust 3.6'
    more = f" +{len(status.reasons) - 1}" if len(status.reasons) > 1 else ""
    return f"{LIGHT_NAMES[status.light]} — {short(reason, 24)}{more}"


def _risk_words(risk) -> str:
    severity = attention.severity(risk)
    noun = "Issue" if risk.kind == "issue" else "Risk"
    score = f", severity {severity}" if severity else ""
    escalated = ", escalated" if risk.status == "escalated" else ""
    return f"{short(risk.title, 75)} ({noun}{score}{escalated})"
