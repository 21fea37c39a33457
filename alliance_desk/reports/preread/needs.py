"""A pre-read tailored to one reader: their recorded information needs, each answered from its
data source in the format they asked for; retired needs are left out (DOMAIN.md §1)."""

from datetime import date

from alliance_desk.insights import attention
from alliance_desk.insights.status import is_open_action, is_overdue
from alliance_desk.insights.tracking import delivery_reliability
from alliance_desk.models import Alliance, InformationNeed, Stakeholder, choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.preread.alliance import (
    decision_words,
    health_line,
    milestone_words,
    payment_words,
    risk_rows,
    trend_chart,
)
from alliance_desk.reports.preread.gather import AllianceData, alliance_data, day, label, short
from alliance_desk.reports.preread.model import (
    Block,
    Bullets,
    Light,
    Paragraph,
    Section,
    Table,
)

MAX_ITEMS = 5


def active_needs(
    portfolio: Portfolio, stakeholder: Stakeholder, alliance: Alliance | None
) -> list[InformationNeed]:
    """The reader's active needs for this alliance (or the portfolio-wide ones), in order."""
    needs = portfolio.all(InformationNeed, stakeholder_id=stakeholder.id)
    wanted = {None, alliance.id if alliance else None}
    return sorted(
        (n for n in needs if n.status == "active" and n.alliance_id in wanted),
        key=lambda n: (n.position, n.question.casefold()),
    )


def need_sections(
    portfolio: Portfolio,
    stakeholder: Stakeholder,
    alliance: Alliance,
    needs: list[InformationNeed],
    today: date,
) -> list[Section]:
    data = alliance_data(portfolio, alliance, today)
    sections = []
    for need in needs:
        blocks: list[Block] = []
        if need.decision.strip():
            blocks.append(
                Paragraph(f"For the decision: {short(need.decision, 240)}", "Subtle Emphasis")
            )
        blocks.extend(_answer(portfolio, data, need))
        sections.append(Section(short(need.question, 160) or "A question", blocks, level=2))
    return sections


def _answer(portfolio: Portfolio, data: AllianceData, need: InformationNeed) -> list[Block]:
    source, form = need.data_source, need.answer_format
    today = data.today
    if source == "benchmark":
        return _benchmark_answer(portfolio, data, need)
    if source == "risks":
        risks = attention.top_risks(data.risks, MAX_ITEMS)
        if form == "number":
            return [
                Paragraph(f"{len(attention.top_risks(data.risks, 10_000))} open risks and issues.")
            ]
        if form == "traffic_light":
            worst = max((attention.severity(r) for r in risks), default=0)
            light = "red" if worst >= 15 else "yellow" if worst >= 8 else "green"
            return [Bullets([Light(light, f"Highest open severity {worst} of 25")])]
        rows = risk_rows(data, MAX_ITEMS)
        if not rows:
            return [Paragraph("No open risks or issues are recorded.")]
        return [
            Table(
                ["Risk or issue", "Kind, severity", "Status", "Owner", "Mitigation"],
                rows,
                [0.3, 0.13, 0.12, 0.13, 0.32],
            )
        ]
    if source == "actions":
        open_actions = [a for a in data.actions if is_open_action(a.status)]
        overdue = [a for a in open_actions if is_overdue(a.due_date, a.status, today)]
        if form in ("number", "traffic_light"):
            light = "red" if overdue else "green"
            text = f"{len(overdue)} overdue of {len(open_actions)} open actions"
            return (
                [Bullets([Light(light, text)])]
                if form == "traffic_light"
                else [Paragraph(text + ".")]
            )
        items = sorted(overdue, key=lambda a: a.due_date)[:MAX_ITEMS]
        lines = [f"{short(a.title, 100)} — overdue since {day(a.due_date)}" for a in items]
        return [Paragraph(f"{len(overdue)} overdue of {len(open_actions)} open actions.")] + (
            [Bullets(lines)] if lines else []
        )
    if source == "milestones":
        reliability = delivery_reliability(data.milestones, today)["all"]
        text = f"Delivery reliability {reliability.text()} met on time"
        if form == "number":
            return [Paragraph(text + ".")]
        next_one = attention.next_milestone(data.milestones, today)
        return [Paragraph(text + "."), Paragraph("Next: " + milestone_words(next_one, today))]
    if source == "payments":
        return [Bullets([payment_words(data)])]
    if source == "decisions":
        pending = attention.pending_decisions(data.decisions)[:MAX_ITEMS]
        if not pending:
            return [Paragraph("No decision is pending.")]
        return [Bullets([decision_words(d, today) for d in pending])]
    return [
        Paragraph(
            "Answered in conversation: no data source is recorded for this question.",
            "Subtle Emphasis",
        )
    ]


def _benchmark_answer(
    portfolio: Portfolio, data: AllianceData, need: InformationNeed
) -> list[Block]:
    view = data.health.benchmark(need.benchmark_id) if need.benchmark_id else None
    if view is None:
        return [Bullets([health_line(data)])]
    current = view.current
    line = Light(
        current.light,
        f"{view.benchmark.name}: {current.value_text()} "
        f"({view.thresholds.describe(view.benchmark.unit)})",
    )
    if need.answer_format == "chart" and view.series:
        return [Bullets([line]), trend_chart(view, portfolio.review_completions(data.alliance.id))]
    if need.answer_format == "narrative" and view.trend.change is not None:
        return [
            Bullets([line]),
            Paragraph(
                f"Change since the baseline round: {view.trend.text()} "
                f"({label(choices.CADENCES, view.benchmark.cadence).lower()} survey)."
            ),
        ]
    return [Bullets([line])]
