"""The demo portfolio: seven alliances of a fictional drug company, 18 months of history.

`write_demo` builds it through the Portfolio service, like a user would, from the tables in
`alliance_desk.demo_data`. Dates are relative to `clock.today()` and the random noise is
seeded, so the demo tells the same story whenever it is written.
"""

import os
import random
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from alliance_desk import clock
from alliance_desk import demo_data as data
from alliance_desk.defaults import (
    add_checklist,
    add_stage_checklist,
    find_template,
    seed_defaults,
)
from alliance_desk.models import (
    ActionItem,
    Alliance,
    Benchmark,
    ChecklistItem,
    Decision,
    InformationNeed,
    Meeting,
    MeetingAttendee,
    Milestone,
    NeedFeedback,
    Payment,
    PracticeAssessment,
    PracticeScore,
    Risk,
    Stakeholder,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
    WorksheetInterview,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import errors

SEED = 2026
DAYS_PER_MONTH = 30.44
SIDE_OF = {person.key: person.side for person in data.PEOPLE}


def write_demo(path: Path, passphrase: str) -> dict[str, int]:
    """Create the demo portfolio at `path` (which must not exist); returns its counts per kind.

    If building fails half-way, the unfinished file is removed, so no broken demo is left.
    """
    path = Path(path)
    if path.exists():
        raise errors.AlreadyExists(path)
    draft = path.with_name(path.name + ".part")  # renamed into place only when complete
    draft.unlink(missing_ok=True)
    portfolio = Portfolio.create(draft, passphrase, name="Demo portfolio")
    try:
        with portfolio.batch():  # one transaction: seconds instead of one fsync per row
            DemoBuilder(portfolio, clock.today()).build()
        counts = portfolio.counts()
    except BaseException:
        portfolio.close()
        draft.unlink(missing_ok=True)
        raise
    portfolio.close()
    os.replace(draft, path)
    return counts


def interpolate(knots: data.Knots, t: float) -> float:
    """The value of a piecewise-linear curve at `t` (clamped to its ends)."""
    if t <= knots[0][0]:
        return knots[0][1]
    for (t0, v0), (t1, v1) in zip(knots, knots[1:], strict=False):
        if t <= t1:
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0)
    return knots[-1][1]


class DemoBuilder:
    """Turns the demo tables into records, keeping the ids it needs to link them."""

    def __init__(self, portfolio: Portfolio, today: date):
        self.p = portfolio
        self.today = today
        self.alliances: dict[str, Alliance] = {}
        self.people: dict[str, Stakeholder] = {}
        self.benchmarks: dict[str, Benchmark] = {}
        # What happened when, per alliance, to link actions to the meeting or round behind them
        self.meetings_held: dict[str, list[Meeting]] = defaultdict(list)
        self.rounds_held: dict[str, list[SurveyRound]] = defaultdict(list)

    def rng_for(self, topic: str) -> random.Random:
        """A seeded generator per topic, so tuning one part of the demo leaves the rest as is."""
        return random.Random(f"{SEED}:{topic}")

    def build(self) -> None:
        self.p.update(
            self.p.info,
            description="Talvora Pharma's alliance portfolio: a demo with invented companies.",
            owner_name="Maren Lindqvist",
        )
        seed_defaults(self.p)
        self.benchmarks = {b.key: b for b in self.p.all(Benchmark)}
        self.add_alliances()
        self.add_people()
        self.add_information_needs()
        self.add_surveys()
        self.add_meetings()
        self.add_actions()
        self.add_milestones()
        self.add_risks()
        self.add_decisions()
        self.add_payments()
        self.add_checklists()
        self.add_practice()

    # --- dates -----------------------------------------------------------------------------

    def day(self, offset: int | None) -> date | None:
        """Today plus `offset` days (negative: in the past); None stays None."""
        return None if offset is None else self.today + timedelta(days=offset)

    def months_ago(self, months: float) -> date:
        return self.today - timedelta(days=round(months * DAYS_PER_MONTH))

    # --- alliances and people --------------------------------------------------------------

    def add_alliances(self) -> None:
        for spec in data.ALLIANCES:
            alliance = self.p.add_alliance(
                spec.name,
                stage="formation",
                partner=spec.partner,
                alliance_type=spec.alliance_type,
                business_area=spec.business_area,
                status=spec.status,
                importance=spec.importance,
                purpose=spec.purpose,
                value_proposition=spec.value_proposition,
                start_date=self.months_ago(spec.started_months_ago),
                renewal_date=self.day(spec.renewal_in_days),
                revenue_share=spec.revenue_share,
                alternative_partners=spec.alternative_partners,
                our_lead=spec.our_lead,
                partner_lead=spec.partner_lead,
                notes=spec.notes,
            )
            for stage, months, note in spec.stages:
                self.p.set_stage(alliance, stage, on=self.months_ago(months), note=note)
            self.alliances[spec.key] = alliance

    def add_people(self) -> None:
        leads = {spec.key: spec.our_lead for spec in data.ALLIANCES}
        for spec in data.PEOPLE:
            validated = spec.validated_days_ago is not None
            person = self.p.add(
                Stakeholder,
                name=spec.name,
                title=spec.title,
                organisation=spec.organisation,
                side=spec.side,
                group=spec.group,
                email=spec.email or _email(spec.name, data.DOMAINS[spec.organisation]),
                reports_to=spec.reports_to,
                priorities=spec.priorities,
                audiences=spec.audiences,
                questions=spec.questions,
                decisions=spec.decisions,
                life_easier=spec.life_easier,
                routines=spec.routines,
                preferred_format=spec.preferred_format,
                cadence=spec.cadence,
                influence=spec.influence,
                interest=spec.interest,
                last_validated_on=self.day(-spec.validated_days_ago) if validated else None,
                validated_by=leads[spec.roles[0][0]] if validated else "",
                validation_note=spec.validation_note,
                notes=spec.notes,
            )
            for alliance_key, role in spec.roles:
                self.p.link_stakeholder(self.alliances[alliance_key], person, role)
            if validated:  # the interview behind the validation date
                self.p.add(
                    WorksheetInterview,
                    stakeholder_id=person.id,
                    alliance_id=self.alliances[spec.roles[0][0]].id,
                    held_on=person.last_validated_on,
                    interviewer=person.validated_by,
                    changes=spec.validation_note,
                )
            self.people[spec.key] = person

    def add_information_needs(self) -> None:
        positions: dict[str, int] = defaultdict(int)
        for spec in data.NEEDS:
            positions[spec.person] += 1
            retired = spec.retired_days_ago is not None
            need = self.p.add(
                InformationNeed,
                stakeholder_id=self.people[spec.person].id,
                alliance_id=self.alliances[spec.alliance].id if spec.alliance else None,
                question=spec.question,
                decision=spec.decision,
                answer_format=spec.answer_format,
                data_source=spec.data_source,
                benchmark_id=self.benchmarks[spec.benchmark].id if spec.benchmark else None,
                cadence=spec.cadence,
                status="retired" if retired else "active",
                retired_reason=spec.retired_reason,
                retired_on=self.day(-spec.retired_days_ago) if retired else None,
                feedback=spec.feedback,
                feedback_on=self.day(-spec.feedback_days_ago) if spec.feedback_days_ago else None,
                position=positions[spec.person],
            )
            if need.feedback_on is not None:  # the verdict's entry in the item's history
                self.p.add(
                    NeedFeedback, need_id=need.id, verdict=need.feedback, given_on=need.feedback_on
                )

    # --- pulse surveys ---------------------------------------------------------------------

    def add_surveys(self) -> None:
        for plan in data.SURVEYS:
            rng = self.rng_for(f"survey:{plan.alliance}")
            for index in range(plan.rounds):
                self.add_round(plan, index, rng)

    def add_round(self, plan: data.SurveyPlan, index: int, rng: random.Random) -> None:
        months = plan.last_months_ago + plan.every_months * (plan.rounds - 1 - index)
        t = index / (plan.rounds - 1) if plan.rounds > 1 else 1.0
        held_on = self.months_ago(months) - timedelta(days=4)
        if plan.every_months == 1:
            title = f"Pulse survey, {held_on:%B %Y}"
        else:
            title = f"Quarterly pulse, Q{(held_on.month - 1) // 3 + 1} {held_on.year}"
        survey_round = self.p.add(
            SurveyRound,
            alliance_id=self.alliances[plan.alliance].id,
            title=title,
            held_on=held_on,
            invited_ours=plan.invited[0],
            invited_partner=plan.invited[1],
            note=plan.note if index == plan.rounds - 1 else "",
        )
        self.rounds_held[plan.alliance].append(survey_round)
        asked = _asked(plan.benchmarks, plan.asked_per_round, index)
        for side, team, person in plan.respondents:
            if rng.random() >= interpolate(plan.participation[side], t):
                continue
            scores = {key: score(plan, key, side, team, t, rng) for key in asked}
            response = self.p.add(
                SurveyResponse,
                round_id=survey_round.id,
                stakeholder_id=self.people[person].id if person else None,
                side=side,
                team=team,
                comment=comment(data.COMMENTS.get(plan.alliance, ()), scores, side, team, rng),
            )
            for key, value in scores.items():
                self.p.add(
                    SurveyScore,
                    response_id=response.id,
                    benchmark_id=self.benchmarks[key].id,
                    value=float(value),
                )

    # --- meetings --------------------------------------------------------------------------

    def add_meetings(self) -> None:
        for plan in data.MEETINGS:
            self.add_meeting_series(plan)
        for (
            alliance,
            title,
            forum,
            offset,
            status,
            place,
            agenda,
            notes,
            people,
        ) in data.SINGLE_MEETINGS:
            meeting = self.p.add(
                Meeting,
                alliance_id=self.alliances[alliance].id,
                title=title,
                forum=forum,
                held_on=self.day(offset),
                location=place,
                agenda=agenda,
                notes=notes,
                status=status,
            )
            if status == "held":
                self.meetings_held[alliance].append(meeting)
            for key, came in people:
                self.attend(meeting, key, came)

    def add_meeting_series(self, plan: data.MeetingPlan) -> None:
        rng = self.rng_for(f"meeting:{plan.alliance}:{plan.title}")
        for index in range(plan.count):
            days_ago = plan.last_days_ago + plan.every_days * (plan.count - 1 - index)
            meeting = self.p.add(
                Meeting,
                alliance_id=self.alliances[plan.alliance].id,
                title=plan.title,
                forum=plan.forum,
                held_on=self.day(-days_ago),
                location=plan.location,
                agenda=plan.agenda,
                notes=plan.notes[index % len(plan.notes)],
                status="held",
            )
            self.meetings_held[plan.alliance].append(meeting)
            invited = [key for key, since in plan.invited if since is None or days_ago <= since]
            absent = absentees(plan, invited, index, rng)
            for key in invited:
                self.attend(meeting, key, key not in absent)
        if plan.next_in_days is not None:
            meeting = self.p.add(
                Meeting,
                alliance_id=self.alliances[plan.alliance].id,
                title=plan.title,
                forum=plan.forum,
                held_on=self.day(plan.next_in_days),
                location=plan.location,
                agenda=plan.next_agenda or plan.agenda,
                status="planned",
            )
            for key, _since in plan.invited:
                self.attend(meeting, key, False)

    def attend(self, meeting: Meeting, person: str, attended: bool) -> None:
        self.p.add(
            MeetingAttendee,
            meeting_id=meeting.id,
            stakeholder_id=self.people[person].id,
            invited=True,
            attended=attended,
        )

    # --- actions, milestones, risks, decisions, payments -----------------------------------

    def add_actions(self) -> None:
        for spec in data.ACTIONS:
            person = self.people.get(spec.owner)
            due = self.day(spec.due)
            self.p.add(
                ActionItem,
                alliance_id=self.alliances[spec.alliance].id,
                title=spec.title,
                description=spec.description,
                owner_id=person.id if person else None,
                owner_name=person.name if person else spec.owner,
                side=spec.side,
                due_date=due,
                status=spec.status,
                completed_on=self.day(spec.completed),
                source=spec.source,
                source_id=self.source_of(spec.alliance, spec.source, due),
                impact=spec.impact,
                feasibility=spec.feasibility,
                benchmark_id=self.benchmarks[spec.benchmark].id if spec.benchmark else None,
            )

    def source_of(self, alliance: str, source: str, due: date) -> str | None:
        """The meeting or survey round an action most likely came from (before it was due)."""
        if source == "meeting":
            held = self.meetings_held[alliance]
        elif source in ("survey", "health_review"):
            held = self.rounds_held[alliance]
        else:
            return None
        before = [r for r in held if r.held_on and r.held_on <= due - timedelta(days=7)]
        return max(before, key=lambda r: r.held_on).id if before else None

    def add_milestones(self) -> None:
        for spec in data.MILESTONES:
            self.p.add(
                Milestone,
                alliance_id=self.alliances[spec.alliance].id,
                title=spec.title,
                description=spec.description,
                kind=spec.kind,
                owner_side=spec.owner_side,
                due_date=self.day(spec.due),
                completed_on=self.day(spec.completed),
                status=spec.status,
                root_cause=spec.root_cause,
            )

    def add_risks(self) -> None:
        for spec in data.RISKS:
            self.p.add(
                Risk,
                alliance_id=self.alliances[spec.alliance].id,
                kind=spec.kind,
                title=spec.title,
                description=spec.description,
                category=spec.category,
                likelihood=spec.likelihood,
                impact=spec.impact,
                owner_name=spec.owner,
                mitigation=spec.mitigation,
                status=spec.status,
                review_date=self.day(spec.review),
                raised_on=self.day(spec.raised),
                escalated_on=self.day(spec.escalated),
                resolved_on=self.day(spec.resolved),
            )

    def add_decisions(self) -> None:
        for spec in data.DECISIONS:
            self.p.add(
                Decision,
                alliance_id=self.alliances[spec.alliance].id,
                title=spec.title,
                forum=spec.forum,
                due_date=self.day(spec.due),
                options=spec.options,
                recommendation=spec.recommendation,
                status=spec.status,
                outcome=spec.outcome,
                decided_on=self.day(spec.decided),
                meeting_id=self.raised_at(spec),
            )

    def raised_at(self, spec: data.DecisionSpec) -> str | None:
        """The latest meeting of the decision's forum held before it was taken (or before today,
        for a pending one): where it was raised."""
        before = self.day(spec.decided) or self.today
        held = [
            m
            for m in self.meetings_held[spec.alliance]
            if m.forum == spec.forum and m.held_on and m.held_on <= before
        ]
        return max(held, key=lambda m: m.held_on).id if held else None

    def add_payments(self) -> None:
        for spec in data.PAYMENTS:
            self.payment(spec)
        rng = self.rng_for("payments")
        for s in data.PAYMENT_SERIES:
            base = data.PaymentSpec(
                s.alliance, s.title, s.kind, s.direction, s.amount, s.currency, 0, None, "paid"
            )
            for back in range(s.count - 1, -1, -1):
                due = s.last_due - 91 * back
                self.payment(
                    base._replace(
                        title=self.quarter_title(s.title, due),
                        amount=round(s.amount * rng.uniform(0.92, 1.08), -3),
                        due=due,
                        paid=min(due + rng.randint(-3, 6), -1),
                    )
                )
            if s.next_status is not None:
                due = s.last_due + 91
                title = self.quarter_title(s.title, due)
                self.payment(base._replace(title=title, due=due, status=s.next_status))

    def quarter_title(self, title: str, due_offset: int) -> str:
        """'Royalty …, Q2 2026': the quarter the money is for (the one before it falls due)."""
        period = self.day(due_offset - 45)
        return f"{title}, Q{(period.month - 1) // 3 + 1} {period.year}"

    def payment(self, spec: data.PaymentSpec) -> None:
        self.p.add(
            Payment,
            alliance_id=self.alliances[spec.alliance].id,
            title=spec.title,
            kind=spec.kind,
            direction=spec.direction,
            amount=float(spec.amount),
            currency=spec.currency,
            due_date=self.day(spec.due),
            paid_on=self.day(spec.paid),
            status=spec.status,
            note=spec.note,
        )

    # --- checklists and the manager's own practice -----------------------------------------

    def add_checklists(self) -> None:
        items: dict[tuple[str, str | None], list[ChecklistItem]] = {}
        for key, alliance in self.alliances.items():
            items[key, None] = add_stage_checklist(self.p, alliance)
        for spec in data.CHECKLISTS:
            if spec.template_key is not None:
                template = find_template(self.p, key=spec.template_key)
                added = add_checklist(self.p, self.alliances[spec.alliance], template)
                items[spec.alliance, spec.template_key] = added
            for number, status, days_ago, owner, note in spec.items:
                item = items[spec.alliance, spec.template_key][number - 1]
                changes: dict[str, Any] = {"status": status, "owner_name": owner, "note": note}
                if days_ago is not None:
                    changes["done_on"] = self.day(-days_ago)
                self.p.update(item, **changes)

    def add_practice(self) -> None:
        for spec in data.PRACTICE:
            assessment = self.p.add(
                PracticeAssessment,
                assessed_on=self.day(-spec.days_ago),
                framework=spec.framework,
                note=spec.note,
            )
            for key, value, note in spec.scores:
                self.p.add(
                    PracticeScore,
                    assessment_id=assessment.id,
                    item_key=key,
                    value=value,
                    note=note,
                )


def absentees(
    plan: data.MeetingPlan, invited: list[str], index: int, rng: random.Random
) -> set[str]:
    """Who missed meeting `index` of a series: per side, as many as the attendance curve says
    (give or take one), chosen at random, with `missed_recent` people absent from the last two."""
    t = index / (plan.count - 1) if plan.count > 1 else 1.0
    recent = index >= plan.count - 2
    absent: set[str] = set()
    for side, curve in plan.attendance.items():
        members = [key for key in invited if SIDE_OF[key] == side]
        missing = round(len(members) * (1 - interpolate(curve, t)) + rng.uniform(-0.4, 0.4))
        forced = [key for key in members if recent and key in plan.missed_recent]
        others = [key for key in members if key not in forced]
        extra = min(len(others), max(0, missing - len(forced)))
        absent.update(forced, rng.sample(others, extra))
    return absent


def score(
    plan: data.SurveyPlan, key: str, side: str, team: str, t: float, rng: random.Random
) -> int:
    """One respondent's score: the level at `t`, the team's offset, noise; on the 1-10 scale."""
    for lookup in ((key, side), (key, "*"), ("*", side), ("*", "*")):
        if lookup in plan.levels:
            level = interpolate(plan.levels[lookup], t)
            break
    else:
        level = 7.5
    value = level + plan.team_offsets.get(team, 0.0) + rng.gauss(0, plan.noise)
    return min(10, max(1, round(value)))


def comment(comments, scores: dict[str, int], side: str, team: str, rng: random.Random) -> str:
    """Now and then a comment that fits the respondent's mood, side and team; else ''."""
    average = sum(scores.values()) / len(scores)
    mood = "good" if average >= 7 else "bad" if average < 5.5 else "mid"
    fitting = [
        text
        for c_mood, c_side, c_team, text in comments
        if c_mood == mood and c_side in ("*", side) and c_team in ("*", team)
    ]
    chance = 0.55 if mood == "bad" else 0.3
    if not fitting or rng.random() >= chance:
        return ""
    return rng.choice(fitting)


def _asked(benchmarks: tuple[str, ...], per_round: int, index: int) -> list[str]:
    """The first two benchmarks every round, the rest in rotation (to avoid survey fatigue)."""
    if per_round >= len(benchmarks):
        return list(benchmarks)
    core, rest = benchmarks[:2], benchmarks[2:]
    extra = per_round - len(core)
    start = index * extra
    return list(core) + [rest[(start + j) % len(rest)] for j in range(extra)]


def _email(name: str, domain: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = plain.replace("Dr. ", "").lower().split()
    return f"{parts[0]}.{parts[-1]}@{domain}"
