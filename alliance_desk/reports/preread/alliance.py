"""The two documents about one alliance: the executive sponsor brief (at most two pages) and
the full JSC pre-read. Every section says plainly when there is nothing to show."""

import re
from datetime import date, timedelta

from alliance_desk.insights import attention
from alliance_desk.insights.health import GREY
from alliance_desk.insights.status import is_overdue
from alliance_desk.insights.tracking import delivery_reliability
from alliance_desk.models import Alliance, choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_health import BenchmarkView
from alliance_desk.reports.preread.gather import (
    AllianceData,
    alliance_data,
    day,
    due_words,
    label,
    money,
    short,
    stage_label,
)
from alliance_desk.reports.preread.model import (
    Bullets,
    Chart,
    ChartRequest,
    Facts,
    Light,
    Paragraph,
    Preread,
    Section,
    Table,
)

DEFAULT_SINCE_DAYS = 30
MAX_CHANGES = 8
MAX_ROWS = 8
LIGHT_WORD = {"green": "Green", "yellow": "Yellow", "red": "Red", "grey": "No data"}


# --- shared pieces --------------------------------------------------------------------------


def last_meeting(data: AllianceData, forums: tuple[str, ...]) -> date | None:
    held = [
        m.held_on
        for m in data.meetings
        if m.status == "held" and m.forum in forums and m.held_on and m.held_on <= data.today
    ]
    return max(held) if held else None


def health_line(data: AllianceData) -> Light:
    status = data.health.status
    reasons = "; ".join(status.reasons)
    return Light(status.light, f"{LIGHT_WORD[status.light]} — {reasons}" if reasons else "")


def focus_benchmark(data: AllianceData) -> BenchmarkView | None:
    """The benchmark a trend chart shows: trust when it has data, else the worst survey one."""
    views = [v for v in data.health.benchmarks if v.is_survey and v.series]
    trust = next((v for v in views if v.benchmark.key == "trust"), None)
    if trust is not None:
        return trust
    order = {"red": 0, "yellow": 1, "green": 2, GREY: 3}
    return min(views, key=lambda v: order[v.current.light], default=None)


def trend_sentence(view: BenchmarkView) -> str:
    latest = view.series[-1]
    when = day(latest.round.held_on)
    words = f"{view.benchmark.name} {latest.overall.text()} in the latest round ({when})"
    change = view.trend.change
    if change is not None and view.trend.baseline is not view.trend.latest:
        base = view.trend.baseline
        direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
        amount = f" {abs(change):.1f}" if change else ""
        words += f", {direction}{amount} since {day(base.round.held_on)} ({base.overall.text()})"
    if latest.gap is not None:
        words += f"; our side {latest.ours.text()}, the partner's {latest.partner.text()}"
    return words + "."


def trend_chart(view: BenchmarkView, completions, height: int = 330) -> Chart:
    dated = [s for s in view.series if s.round.held_on]
    t, b = view.thresholds, view.benchmark
    args = {
        "series": [
            ("All", "all", [(s.round.held_on, s.overall.mean) for s in dated]),
            ("Ours", "ours", [(s.round.held_on, s.ours.mean) for s in dated]),
            ("Partner", "partner", [(s.round.held_on, s.partner.mean) for s in dated]),
        ],
        "band": (t.green_at, t.red_below, t.higher_is_better, b.scale_min, b.scale_max),
        "baseline": view.trend.baseline.round.held_on if view.trend.baseline else None,
        "markers": [(d, title) for d, title, bid in completions if bid == b.id],
        "unit": b.unit,
    }
    return Chart(ChartRequest("trend", f"{b.name} — trend", args, height=height))


def gap_chart(data: AllianceData) -> Chart | None:
    views = [v for v in data.health.benchmarks if v.series and v.series[-1].gap is not None]
    if not views:
        return None
    first = views[0]
    t, b = first.thresholds, first.benchmark
    args = {
        "categories": [v.benchmark.name for v in views],
        "ours": [v.series[-1].ours.mean for v in views],
        "partner": [v.series[-1].partner.mean for v in views],
        "band": (t.green_at, t.red_below, t.higher_is_better, b.scale_min, b.scale_max),
    }
    return Chart(ChartRequest("side_by_side", "Our side and the partner's — latest round", args))


def delivery_chart(data: AllianceData) -> Chart | None:
    """Milestones met on time, quarter by quarter, against the benchmark's thresholds: whether
    delivery is getting better is what a JSC asks next (None with fewer than two quarters)."""
    view = next(
        (v for v in data.health.benchmarks if v.benchmark.source == "delivery_reliability"), None
    )
    points = [(start, value) for start, value in view.points() if value is not None] if view else []
    if len(points) < 2:
        return None
    t = view.thresholds
    args = {
        "series": [("On time", "all", points)],
        "band": (t.green_at, t.red_below, t.higher_is_better, 0.0, 100.0),
        "unit": "%",
    }
    return Chart(ChartRequest("trend", "Milestones met on time, by quarter", args, height=280))


def risk_rows(data: AllianceData, count: int) -> list[list]:
    rows = []
    for risk in attention.top_risks(data.risks, count):
        sev = attention.severity(risk)
        rows.append(
            [
                short(risk.title, 100),
                f"{label(choices.RISK_KINDS, risk.kind)}{f', {sev}' if sev else ''}",
                label(choices.RISK_STATUSES, risk.status),
                risk.owner_name or "—",
                short(risk.mitigation, 140) or "—",
            ]
        )
    return rows


def payment_words(data: AllianceData) -> Light:
    flag = data.payment_flag
    if flag.level is None:
        return Light("green", "Nothing overdue or disputed; nothing due in the next 30 days.")
    light = "red" if flag.level == "red" else "yellow"
    details = []
    for p in data.payments:
        if p.status == "disputed" or is_overdue(p.due_date, p.status, data.today):
            state = "disputed" if p.status == "disputed" else due_words(p.due_date, data.today)
            details.append(f"{short(p.title, 60)}: {money(p.amount, p.currency)}, {state}")
    return Light(
        light, flag.text().capitalize() + (". " + "; ".join(details[:3]) if details else "")
    )


def milestone_words(milestone, today: date) -> str:
    if milestone is None:
        return "None planned."
    return f"{short(milestone.title, 100)} — {due_words(milestone.due_date, today)}"


def decision_words(decision, today: date) -> str:
    if decision is None:
        return "None pending."
    text = f"{short(decision.title, 100)} — {label(choices.FORUMS, decision.forum)}, "
    text += due_words(decision.due_date, today)
    if decision.recommendation:
        text += f". Recommendation: {short(decision.recommendation, 160)}"
    return text


def changes(data: AllianceData, since: date) -> list[str]:
    found = attention.changes_since(
        since, data.actions, data.milestones, data.risks, data.decisions, data.payments
    )
    lines = [f"{day(c.day)} · {c.kind}: {short(c.text, 110)}" for c in found[:MAX_CHANGES]]
    if len(found) > MAX_CHANGES:
        lines.append(f"… and {len(found) - MAX_CHANGES} more.")
    return lines


def _document(alliance: Alliance, audience: str, kind: str, reader: str, today: date) -> Preread:
    return Preread(
        title=f"{alliance.name} — {kind}",
        audience=audience,
        subject=alliance.name,
        reader=reader,
        prepared_on=today,
    )


# --- the sponsor brief ----------------------------------------------------------------------


def build_sponsor(
    portfolio: Portfolio,
    alliance: Alliance,
    reader: str,
    today: date,
    since: date | None = None,
) -> Preread:
    data = alliance_data(portfolio, alliance, today)
    since = (
        since
        or last_meeting(data, ("executive_sponsor",))
        or today - timedelta(days=DEFAULT_SINCE_DAYS)
    )
    preread = _document(alliance, "sponsor", "executive sponsor brief", reader, today)
    preread.intro.append(
        Facts(
            [
                ("Partner", alliance.partner or "—"),
                ("Stage", stage_label(alliance)),
                ("Status", label(choices.ALLIANCE_STATUSES, alliance.status)),
            ]
        )
    )
    health = Section("Health", [Bullets([health_line(data)])])
    focus = focus_benchmark(data)
    if focus is not None:
        health.blocks.append(Paragraph(trend_sentence(focus)))
        health.blocks.append(trend_chart(focus, portfolio.review_completions(alliance.id), 280))
    else:
        health.blocks.append(
            Paragraph("No pulse-survey scores are recorded for this alliance yet.")
        )
    preread.sections.append(health)
    preread.sections.append(
        Section(
            "What is next",
            [
                Facts(
                    [
                        (
                            "Next milestone",
                            milestone_words(
                                attention.next_milestone(data.milestones, today), today
                            ),
                        ),
                        (
                            "Next decision",
                            decision_words(attention.next_decision(data.decisions), today),
                        ),
                        ("Payments", payment_words(data)),
                    ]
                )
            ],
        )
    )
    risks = attention.top_risks(data.risks, 3)
    preread.sections.append(
        Section(
            "Top risks",
            [Bullets([_risk_bullet(r) for r in risks])]
            if risks
            else [Paragraph("No open risks or issues are recorded.")],
        )
    )
    lines = changes(data, since)
    preread.sections.append(
        Section(
            f"What changed since {day(since)}",
            [Bullets(lines)]
            if lines
            else [Paragraph("Nothing was recorded as changed since then.")],
        )
    )
    return preread


def _risk_bullet(risk) -> str:
    sev = attention.severity(risk)
    head = f"{short(risk.title, 100)} ({label(choices.RISK_KINDS, risk.kind).lower()}"
    head += f", severity {sev})" if sev else ")"
    if risk.mitigation:
        head += f" — {short(risk.mitigation, 150)}"
    return head


# --- the JSC pre-read -----------------------------------------------------------------------


def build_jsc(
    portfolio: Portfolio,
    alliance: Alliance,
    reader: str,
    today: date,
    since: date | None = None,
) -> Preread:
    data = alliance_data(portfolio, alliance, today)
    since = since or last_meeting(data, ("jsc",)) or today - timedelta(days=90)
    next_jsc = min(
        (
            m
            for m in data.meetings
            if m.forum == "jsc" and m.status == "planned" and m.held_on and m.held_on >= today
        ),
        key=lambda m: m.held_on,
        default=None,
    )
    preread = _document(alliance, "jsc", "JSC pre-read", reader, today)
    preread.intro.append(
        Facts(
            [
                ("Partner", alliance.partner or "—"),
                ("Next JSC", day(next_jsc.held_on) if next_jsc else "not scheduled"),
                ("Covering", f"since {day(since)}"),
            ]
        )
    )
    preread.sections.append(_business_status(data))
    preread.sections.append(_relationship_health(portfolio, data))
    rows = risk_rows(data, MAX_ROWS)
    preread.sections.append(
        Section(
            "Risks and issues",
            [
                Table(
                    ["Risk or issue", "Kind, severity", "Status", "Owner", "Mitigation"],
                    rows,
                    [0.3, 0.13, 0.12, 0.13, 0.32],
                )
            ]
            if rows
            else [Paragraph("No open risks or issues are recorded.")],
        )
    )
    pending = attention.pending_decisions(data.decisions)
    preread.sections.append(
        Section(
            "Decisions needed",
            [
                Table(
                    ["Due", "Decision", "Forum", "Recommendation"],
                    [
                        [
                            day(d.due_date),
                            short(d.title, 100),
                            label(choices.FORUMS, d.forum),
                            short(d.recommendation, 160) or "—",
                        ]
                        for d in pending[:MAX_ROWS]
                    ],
                    [0.14, 0.33, 0.17, 0.36],
                )
            ]
            if pending
            else [Paragraph("No decision is pending.")],
        )
    )
    preread.sections.append(_milestones(data, since))
    preread.sections.append(_actions(data, since))
    preread.sections.append(_checklist(portfolio, alliance))
    if next_jsc is not None and next_jsc.agenda.strip():
        items = [_agenda_item(line) for line in next_jsc.agenda.splitlines() if line.strip()]
        preread.sections.append(
            Section(f"Agenda of the JSC on {day(next_jsc.held_on)}", [Bullets(items)])
        )
    else:
        preread.sections.append(
            Section("Agenda of the next JSC", [Paragraph("No agenda is recorded yet.")])
        )
    return preread


def _business_status(data: AllianceData) -> Section:
    a = data.alliance
    facts = [
        ("Stage", stage_label(a)),
        ("Status", label(choices.ALLIANCE_STATUSES, a.status)),
        ("Importance", label(choices.IMPORTANCE, a.importance)),
        ("Renewal", day(a.renewal_date) if a.renewal_date else "no date recorded"),
        ("Payments", payment_words(data)),
    ]
    if a.revenue_share is not None:
        facts.append(("Share of our revenue", f"{a.revenue_share:g} %"))
    blocks = [Facts(facts)]
    if a.purpose.strip():
        blocks.insert(0, Paragraph(short(a.purpose, 600)))
    return Section("Business status", blocks)


def _relationship_health(portfolio: Portfolio, data: AllianceData) -> Section:
    section = Section("Relationship health", [Bullets([health_line(data)])])
    rows = []
    for view in data.health.benchmarks:
        if not view.current.applies and view.current.light == GREY:
            continue
        latest = view.series[-1] if view.series else None
        gap = latest.gap if latest else None
        rows.append(
            [
                view.benchmark.name,
                Light(view.current.light, view.current.value_text()),
                view.trend.text() if view.is_survey else "—",
                latest.ours.text() if latest else "—",
                latest.partner.text() if latest else "—",
                f"{gap:+.1f}" if gap is not None else "—",
            ]
        )
    section.blocks.append(
        Table(
            ["Benchmark", "Light", "Change", "Ours", "Partner", "Gap"],
            rows,
            [0.34, 0.18, 0.12, 0.12, 0.12, 0.12],
        )
    )
    focus = focus_benchmark(data)
    if focus is not None:
        section.blocks.append(Paragraph(trend_sentence(focus)))
        section.blocks.append(trend_chart(focus, portfolio.review_completions(data.alliance.id)))
    gap = gap_chart(data)
    if gap is not None:
        section.blocks.append(gap)
    warnings = data.health.warnings
    if warnings:
        section.blocks.append(Paragraph("Early warnings", "Heading 3"))
        section.blocks.append(Bullets([Light(w.severity, w.text) for w in warnings]))
    return section


def _milestones(data: AllianceData, since: date) -> Section:
    today = data.today
    reliability = delivery_reliability(data.milestones, today)
    section = Section("Milestones and delivery reliability")
    section.blocks.append(
        Paragraph(
            f"Delivery reliability: {reliability['all'].text()} met on time "
            f"(ours {reliability['ours'].short()}, the partner's {reliability['partner'].short()}, "
            f"joint {reliability['joint'].short()})."
        )
    )
    chart = delivery_chart(data)
    if chart is not None:
        section.blocks.append(chart)
    upcoming = attention.upcoming_milestones(data.milestones, today)[:MAX_ROWS]
    if upcoming:
        section.blocks.append(
            Table(
                ["Due", "Milestone", "Owner side"],
                [
                    [
                        due_words(m.due_date, today),
                        short(m.title, 110),
                        label(choices.ACTION_SIDES, m.owner_side),
                    ]
                    for m in upcoming
                ],
                [0.3, 0.52, 0.18],
            )
        )
    else:
        section.blocks.append(Paragraph("No milestone is planned."))
    missed = [
        m for m in data.milestones if m.status == "missed" and m.due_date and m.due_date >= since
    ]
    if missed:
        section.blocks.append(Paragraph("Missed since the last meeting", "Heading 3"))
        section.blocks.append(
            Bullets(
                [
                    f"{short(m.title, 90)} (due {day(m.due_date)}) — root cause: "
                    f"{short(m.root_cause, 160) or 'not recorded'}"
                    for m in missed
                ]
            )
        )
    return section


def _actions(data: AllianceData, since: date) -> Section:
    today = data.today
    section = Section("Actions")
    done = [
        a for a in data.actions if a.status == "done" and a.completed_on and a.completed_on >= since
    ]
    overdue = sorted(
        (a for a in data.actions if is_overdue(a.due_date, a.status, today)),
        key=lambda a: a.due_date,
    )
    section.blocks.append(
        Paragraph(f"{len(done)} done since {day(since)}; {len(overdue)} overdue.")
    )
    if overdue:
        section.blocks.append(
            Table(
                ["Overdue since", "Action", "Owner"],
                [
                    [day(a.due_date), short(a.title, 110), a.owner_current or a.owner_name or "—"]
                    for a in overdue[:MAX_ROWS]
                ],
                [0.18, 0.6, 0.22],
            )
        )
    if done:
        section.blocks.append(Paragraph("Done since the last meeting", "Heading 3"))
        section.blocks.append(
            Bullets([f"{short(a.title, 110)} ({day(a.completed_on)})" for a in done[:MAX_ROWS]])
        )
    return section


def _checklist(portfolio: Portfolio, alliance: Alliance) -> Section:
    section = Section(f"Checklist of the {stage_label(alliance).lower()} stage")
    groups = [
        g
        for g in portfolio.checklist_groups(alliance)
        if g.kind == "stage" and g.stage == alliance.stage
    ]
    if not groups:
        section.blocks.append(Paragraph("This alliance has no checklist for its current stage."))
        return section
    group = groups[0]
    section.blocks.append(Paragraph(group.progress.text() + "."))
    still_open = [item.text for item in group.items if item.status == "open"]
    if still_open:
        section.blocks.append(Bullets([short(text, 140) for text in still_open[:MAX_ROWS]]))
        if len(still_open) > MAX_ROWS:
            section.blocks.append(Paragraph(f"… and {len(still_open) - MAX_ROWS} more open items."))
    return section


def _agenda_item(line: str) -> str:
    """An agenda line without the numbering or bullet the user typed ('1. ', '- ', '• ')."""
    return re.sub(r"^\s*(?:[-•*]|\d+[.)])\s*", "", line).strip()
