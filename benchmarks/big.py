"""The large synthetic portfolio the benchmark measures (issue 10).

Per alliance: 10 stakeholders (each with a role in it), 100 action items, 10 risks, 10
decisions, 10 milestones, 10 meetings (4 people invited to each), 5 payments, 12 quarterly
pulse-survey rounds with 5-6 responses of 8 benchmark scores each (62.5 responses on average),
its stage checklist and a few information needs. With 300 alliances: 3,000 stakeholders,
30,000 actions, 9,000 risks+decisions+milestones, 3,000 meetings, 150,000 scores.

The defaults (benchmarks, checklist templates) are seeded through the Portfolio service; the
bulk is written with SQLAlchemy Core `insert()` executemany in one transaction, seconds not
minutes. Everything is seeded, so a given generator and parameters give the same rows; the file
is cached in benchmarks/cache/ under a hash of this file's code and the parameters.
"""

import hashlib
import json
import os
import random
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

PASSPHRASE = "bench: big portfolio / not secret"
CACHE = Path(__file__).resolve().parent / "cache"
SEED = 10
DEVICE = "00000000-0000-4000-8000-00000000b16b"

STAKEHOLDERS, ACTIONS, RISKS, DECISIONS, MILESTONES = 10, 100, 10, 10, 10
MEETINGS, INVITED, PAYMENTS, ROUNDS, NEEDS = 10, 4, 5, 12, 2

WORDS = [
    "review",
    "submit",
    "budget",
    "forecast",
    "clinical",
    "data",
    "supply",
    "contract",
    "pricing",
    "launch",
    "dossier",
    "regulatory",
    "audit",
    "training",
    "plan",
    "governance",
    "quality",
    "market",
    "access",
    "manufacturing",
    "safety",
    "signal",
    "partner",
    "workshop",
    "report",
    "renewal",
    "royalty",
    "invoice",
    "milestone",
    "steering",
    "strategy",
]
NAMES = [
    "Helios",
    "Orion",
    "Vega",
    "Lyra",
    "Atlas",
    "Nova",
    "Cygnus",
    "Draco",
    "Hydra",
    "Pegasus",
    "Aquila",
    "Carina",
    "Corvus",
    "Fornax",
    "Lepus",
    "Lupus",
    "Mensa",
    "Norma",
    "Pavo",
    "Pictor",
    "Puppis",
    "Sagitta",
    "Scutum",
    "Tucana",
    "Volans",
]
AREAS = [
    "Oncology",
    "Immunology",
    "Vaccines",
    "Neuroscience",
    "Rare diseases",
    "Diagnostics",
]
PEOPLE = [
    "Ann",
    "Ben",
    "Chloe",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lea",
    "Max",
    "Nia",
    "Oto",
    "Pia",
    "Rui",
    "Sam",
    "Tia",
    "Uma",
]
FAMILIES = [
    "Berg",
    "Costa",
    "Dahl",
    "Eder",
    "Faro",
    "Gale",
    "Holm",
    "Ito",
    "Jost",
    "Kerr",
    "Lund",
    "Moro",
    "Nolan",
    "Ortiz",
    "Park",
]


def cache_key(alliances: int) -> str:
    """A hash of this generator's code and its parameters: a change of either rebuilds."""
    code = Path(__file__).read_bytes()
    params = json.dumps({"alliances": alliances, "seed": SEED}).encode()
    return hashlib.sha256(code + params).hexdigest()[:16]


def ensure_big(alliances: int = 300, folder: Path = CACHE) -> Path:
    """The cached portfolio file for `alliances`, built when missing (returns its path)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"big-{alliances}-{cache_key(alliances)}.alliance"
    if not path.exists():
        for old in folder.glob(f"big-{alliances}-*"):
            old.unlink()  # an older generator's file, and its plain copy
        build(path, alliances)
    return path


def build(path: Path, alliances: int) -> None:
    """Write the synthetic portfolio to `path` (atomically: a draft renamed into place)."""
    os.environ.setdefault("ALLIANCE_DESK_DEVICE_ID", DEVICE)
    from alliance_desk.defaults import seed_defaults
    from alliance_desk.models import Benchmark, ChecklistTemplate, ChecklistTemplateItem
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.storage import database

    draft = path.with_name(path.name + ".part")
    draft.unlink(missing_ok=True)
    with Portfolio.create(draft, PASSPHRASE, name="Benchmark portfolio") as portfolio:
        seed_defaults(portfolio)
        benchmarks = [(b.id, b.key) for b in portfolio.all(Benchmark, order_by=Benchmark.position)]
        templates = {t.stage: t.id for t in portfolio.all(ChecklistTemplate) if t.kind == "stage"}
        items = {
            t_id: [(i.id, i.text) for i in portfolio.all(ChecklistTemplateItem, template_id=t_id)]
            for t_id in templates.values()
        }
    survey = [b_id for b_id, _key in benchmarks[:8]]
    rows = Generator(date.today(), survey, templates, items).rows(alliances)
    opened = database.open_file(draft, PASSPHRASE)
    try:
        with opened.engine.begin() as conn:
            from sqlalchemy import insert

            for model, values in rows:
                if values:
                    conn.execute(insert(model.__table__), values)
    finally:
        opened.close()
    os.replace(draft, path)


class Generator:
    """Makes the rows, per model, as dicts with every column (the models' defaults filled)."""

    def __init__(self, today: date, survey: list[str], templates: dict, items: dict):
        self.today = today
        self.survey = survey
        self.templates = templates
        self.items = items
        self.rng = random.Random(SEED)
        self.clock = datetime.combine(today - timedelta(days=1100), time(9))

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def row(self, model, **fields: Any) -> dict[str, Any]:
        self.clock += timedelta(seconds=7)
        values = {}
        for column in model.__table__.columns:
            default = column.default
            values[column.key] = default.arg if default is not None and default.is_scalar else None
        values.update(
            id=self.new_id(),
            created_at=self.clock,
            updated_at=self.clock,
            updated_by=DEVICE,
            deleted_at=None,
        )
        values.update(fields)
        return values

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count)).capitalize()

    def rows(self, alliances: int) -> list[tuple[type, list[dict]]]:
        from alliance_desk import models as m

        out: dict[type, list[dict]] = {}
        order = [
            m.Alliance,
            m.StageChange,
            m.Stakeholder,
            m.AllianceStakeholder,
            m.InformationNeed,
            m.Meeting,
            m.MeetingAttendee,
            m.ActionItem,
            m.Milestone,
            m.Risk,
            m.Decision,
            m.Payment,
            m.ChecklistItem,
            m.SurveyRound,
            m.SurveyResponse,
            m.SurveyScore,
        ]
        for model in order:
            out[model] = []
        for number in range(alliances):
            self.alliance(number, m, out)
        return [(model, out[model]) for model in order]

    def alliance(self, number: int, m, out: dict) -> None:
        rng = self.rng
        stage = rng.choice(["formation", "governance", "execution", "execution", "evaluation"])
        start = self.day(-rng.randint(400, 1000))
        partner = f"{rng.choice(NAMES)} {rng.choice(['Bio', 'Pharma', 'Labs', 'Health'])}"
        alliance = self.row(
            m.Alliance,
            name=f"{NAMES[number % len(NAMES)]} {AREAS[number % len(AREAS)]} {number + 1:03d}",
            partner=partner,
            alliance_type=rng.choice(["co_development", "licensing", "research", "distribution"]),
            business_area=AREAS[number % len(AREAS)],
            stage=stage,
            importance=rng.choice(["critical", "high", "medium", "low"]),
            purpose=self.words(12),
            value_proposition=self.words(10),
            start_date=start,
            renewal_date=self.day(rng.randint(30, 900)),
            revenue_share=round(rng.uniform(2, 40), 1),
            our_lead=f"{rng.choice(PEOPLE)} {rng.choice(FAMILIES)}",
            partner_lead=f"{rng.choice(PEOPLE)} {rng.choice(FAMILIES)}",
        )
        a_id = alliance["id"]
        out[m.Alliance].append(alliance)
        out[m.StageChange].append(
            self.row(m.StageChange, alliance_id=a_id, stage="formation", changed_on=start)
        )
        if stage != "formation":
            out[m.StageChange].append(
                self.row(m.StageChange, alliance_id=a_id, stage=stage, changed_on=self.day(-200))
            )

        people = []
        for index in range(STAKEHOLDERS):
            side = "ours" if index % 2 == 0 else "partner"
            person = self.row(
                m.Stakeholder,
                name=f"{rng.choice(PEOPLE)} {rng.choice(FAMILIES)} {number}-{index}",
                title=rng.choice(["VP Alliances", "Head of R&D", "CFO", "Project lead"]),
                organisation="Talvora" if side == "ours" else partner,
                side=side,
                group=rng.choice(["executive_sponsor", "jsc_member", "finance", "alliance_team"]),
                priorities=self.words(8),
                influence=rng.randint(1, 5),
                interest=rng.randint(1, 5),
            )
            people.append(person["id"])
            out[m.Stakeholder].append(person)
            out[m.AllianceStakeholder].append(
                self.row(
                    m.AllianceStakeholder,
                    alliance_id=a_id,
                    stakeholder_id=person["id"],
                    role=rng.choice(["JSC member", "Sponsor", "Finance", "Project lead"]),
                )
            )
        for index in range(NEEDS):
            out[m.InformationNeed].append(
                self.row(
                    m.InformationNeed,
                    stakeholder_id=people[index],
                    alliance_id=a_id,
                    question=self.words(8) + "?",
                    decision=self.words(6),
                    data_source=rng.choice(["actions", "risks", "milestones"]),
                    position=index + 1,
                )
            )

        meetings = []
        for index in range(MEETINGS):
            offset = -90 * (MEETINGS - 2 - index) + rng.randint(-10, 10)  # two still to come
            held = offset < 0
            meeting = self.row(
                m.Meeting,
                alliance_id=a_id,
                title=f"JSC {index + 1}: {self.words(3)}",
                forum=rng.choice(["jsc", "jsc", "operational", "executive_sponsor"]),
                held_on=self.day(offset),
                agenda=self.words(15),
                notes=self.words(30) if held else "",
                status="held" if held else "planned",
            )
            meetings.append(meeting)
            out[m.Meeting].append(meeting)
            for person in rng.sample(people, INVITED):
                out[m.MeetingAttendee].append(
                    self.row(
                        m.MeetingAttendee,
                        meeting_id=meeting["id"],
                        stakeholder_id=person,
                        invited=True,
                        attended=held and rng.random() < 0.8,
                    )
                )

        for _ in range(ACTIONS):
            due = rng.randint(-700, 120)
            status = rng.choice(["open", "in_progress", "done", "done", "done", "cancelled"])
            source = None
            past = [x for x in meetings if x["held_on"] <= self.day(due)]
            if past and rng.random() < 0.3:
                source = rng.choice(past)
            out[m.ActionItem].append(
                self.row(
                    m.ActionItem,
                    alliance_id=a_id,
                    title=self.words(rng.randint(3, 7)),
                    description=self.words(12),
                    owner_id=rng.choice(people),
                    side=rng.choice(["ours", "partner", "joint"]),
                    due_date=self.day(due),
                    status=status,
                    completed_on=self.day(min(due + rng.randint(-10, 20), 0))
                    if status == "done"
                    else None,
                    source="meeting" if source else "other",
                    source_id=source["id"] if source else None,
                    impact=rng.randint(1, 5),
                    feasibility=rng.randint(1, 5),
                )
            )
        for _ in range(MILESTONES):
            due = rng.randint(-700, 300)
            status = "planned" if due > 0 else rng.choice(["done", "done", "done", "missed"])
            out[m.Milestone].append(
                self.row(
                    m.Milestone,
                    alliance_id=a_id,
                    title=self.words(4),
                    kind=rng.choice(["milestone", "deliverable", "commitment"]),
                    owner_side=rng.choice(["ours", "partner", "joint"]),
                    due_date=self.day(due),
                    completed_on=self.day(due + rng.randint(-20, 25)) if status == "done" else None,
                    status=status,
                    root_cause=self.words(6) if status == "missed" else "",
                )
            )
        for _ in range(RISKS):
            raised = rng.randint(-700, -5)
            status = rng.choice(["open", "monitoring", "escalated", "resolved", "closed"])
            resolved = status in ("resolved", "closed")
            out[m.Risk].append(
                self.row(
                    m.Risk,
                    alliance_id=a_id,
                    kind=rng.choice(["risk", "risk", "issue"]),
                    title=self.words(5),
                    description=self.words(15),
                    category=rng.choice(["business", "human", "legal"]),
                    likelihood=rng.randint(1, 5),
                    impact=rng.randint(1, 5),
                    owner_name=rng.choice(PEOPLE),
                    mitigation=self.words(10),
                    status=status,
                    review_date=self.day(rng.randint(-30, 90)),
                    raised_on=self.day(raised),
                    escalated_on=self.day(raised + 3) if status == "escalated" else None,
                    resolved_on=self.day(min(raised + rng.randint(5, 120), 0))
                    if resolved
                    else None,
                )
            )
        for _ in range(DECISIONS):
            due = rng.randint(-600, 120)
            status = "pending" if due > -30 else rng.choice(["decided", "decided", "deferred"])
            out[m.Decision].append(
                self.row(
                    m.Decision,
                    alliance_id=a_id,
                    title=self.words(5),
                    forum=rng.choice(["jsc", "board", "executive_sponsor"]),
                    due_date=self.day(due),
                    options=self.words(10),
                    recommendation=self.words(8),
                    status=status,
                    outcome=self.words(6) if status == "decided" else "",
                    decided_on=self.day(due) if status == "decided" else None,
                )
            )
        for index in range(PAYMENTS):
            due = -400 + 150 * index
            out[m.Payment].append(
                self.row(
                    m.Payment,
                    alliance_id=a_id,
                    title=f"Payment {index + 1}",
                    kind=rng.choice(["milestone", "royalty", "cost_share"]),
                    amount=float(rng.randint(10, 500) * 10_000),
                    due_date=self.day(due),
                    paid_on=self.day(due + 5) if due < -30 else None,
                    status="paid" if due < -30 else "expected",
                )
            )
        template = self.templates.get(stage)
        for position, (item_id, text) in enumerate(self.items.get(template, []), start=1):
            out[m.ChecklistItem].append(
                self.row(
                    m.ChecklistItem,
                    alliance_id=a_id,
                    template_id=template,
                    template_item_id=item_id,
                    text=text,
                    status=rng.choice(["open", "done", "done"]),
                    position=position,
                )
            )

        sixes = 3 if number % 2 == 0 else 2  # 62.5 responses per alliance on average
        level = rng.uniform(4.5, 8.5)
        for index in range(ROUNDS):
            survey_round = self.row(
                m.SurveyRound,
                alliance_id=a_id,
                title=f"Quarterly pulse {index + 1}",
                held_on=self.day(-91 * (ROUNDS - index) + 20),
                invited_ours=6,
                invited_partner=6,
            )
            out[m.SurveyRound].append(survey_round)
            level = min(9.5, max(2.0, level + rng.uniform(-0.6, 0.6)))
            for respondent in range(6 if index < sixes else 5):
                response = self.row(
                    m.SurveyResponse,
                    round_id=survey_round["id"],
                    side="ours" if respondent % 2 == 0 else "partner",
                    team=rng.choice(["R&D", "Commercial", "Finance"]),
                )
                out[m.SurveyResponse].append(response)
                for benchmark in self.survey:
                    value = round(min(10.0, max(1.0, rng.gauss(level, 1.2))), 1)
                    out[m.SurveyScore].append(
                        self.row(
                            m.SurveyScore,
                            response_id=response["id"],
                            benchmark_id=benchmark,
                            value=value,
                        )
                    )


if __name__ == "__main__":
    import sys
    import tempfile
    from time import perf_counter

    os.environ.setdefault("ALLIANCE_DESK_HOME", tempfile.mkdtemp())
    started = perf_counter()
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(ensure_big(count), f"{perf_counter() - started:.1f} s")
