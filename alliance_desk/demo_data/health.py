"""The demo's health data: pulse surveys, meetings and attendance, checklists, self-assessments."""

from typing import NamedTuple

Knots = tuple[tuple[float, float], ...]  # (position 0..1 over the period, value), linear between


class SurveyPlan(NamedTuple):
    """Pulse-survey rounds of one alliance and how its scores move over the period.

    Rounds are `every_months` apart, the latest `last_months_ago`. A score is the level for
    (benchmark, side) at that point (most specific entry of `levels` wins, '*' matches all),
    plus the team's offset and some noise, rounded to the 1-10 scale.
    """

    alliance: str
    every_months: int
    rounds: int
    last_months_ago: int
    respondents: tuple[tuple[str, str, str | None], ...]  # (side, team, PEOPLE key or None)
    invited: tuple[int, int]  # (ours, partner)
    benchmarks: tuple[str, ...]
    asked_per_round: int  # the first two every time, the others in rotation
    levels: dict[tuple[str, str], Knots]
    team_offsets: dict[str, float]
    participation: dict[str, Knots]  # chance that a respondent answers, per side
    noise: float = 0.7
    note: str = ""


USUAL: Knots = ((0, 0.95), (1, 0.95))

# fmt: off
SURVEYS = [
    SurveyPlan(
        "corvane", 1, 18, 0,
        (("ours", "R&D", "hofmann"), ("ours", "R&D", None), ("ours", "Medical", "villa"),
         ("ours", "Manufacturing", None), ("ours", "Finance", "tavares"),
         ("partner", "R&D", None), ("partner", "R&D", None), ("partner", "Medical", None),
         ("partner", "Manufacturing", None), ("partner", "Alliance management", "tanaka")),
        (6, 5),
        ("trust", "communication", "goal_alignment", "transparency", "collaboration_health"),
        4,
        {
            ("*", "partner"): ((0, 7.9), (0.4, 7.8), (1, 4.8)),
            ("*", "ours"): ((0, 7.7), (0.5, 7.6), (1, 5.3)),
            ("trust", "partner"): ((0, 8.3), (0.4, 8.1), (1, 3.2)),
            ("trust", "ours"): ((0, 8.0), (0.5, 7.8), (1, 4.0)),
            ("communication", "partner"): ((0, 7.9), (0.4, 7.7), (1, 3.6)),
            ("communication", "ours"): ((0, 7.7), (0.5, 7.5), (1, 4.4)),
        },
        {},
        {"ours": USUAL, "partner": ((0, 0.95), (0.4, 0.92), (1, 0.5))},
        note="Monthly while the relationship is under strain.",
    ),
    SurveyPlan(
        "quillon", 3, 6, 1,
        (("ours", "Commercial", "weber"), ("ours", "Commercial", None), ("ours", "Medical", None),
         ("ours", "Finance", None), ("partner", "Commercial", None),
         ("partner", "Commercial", "grunewald"), ("partner", "Medical", None)),
        (5, 4),
        ("trust", "communication", "goal_alignment", "partner_satisfaction", "innovation"),
        5,
        {("*", "*"): ((0, 8.0), (1, 8.1)), ("innovation", "*"): ((0, 7.0), (1, 6.9)),
         ("partner_satisfaction", "*"): ((0, 8.2), (1, 8.3))},
        {},
        {"ours": USUAL, "partner": USUAL},
        noise=0.8,
    ),
    SurveyPlan(
        "lumisca", 3, 5, 0,
        (("ours", "Digital", None), ("ours", "Patient services", None), ("ours", "Legal", None),
         ("partner", "Engineering", None), ("partner", "Product", "novak"),
         ("partner", "Customer success", None)),
        (4, 4),
        ("trust", "communication", "collaboration_health", "innovation", "transparency"),
        5,
        {("*", "*"): ((0, 7.6), (1, 7.8)),
         ("communication", "*"): ((0, 7.5), (0.25, 7.0), (0.5, 5.6), (0.75, 6.6), (1, 7.7)),
         ("collaboration_health", "*"): ((0, 7.4), (0.5, 6.3), (1, 7.5))},
        {},
        {"ours": USUAL, "partner": USUAL},
    ),
    SurveyPlan(
        "vendrix", 3, 6, 2,
        (("ours", "Commercial", "strand"), ("ours", "Supply chain", "lund"),
         ("ours", "Finance", None), ("partner", "Commercial", None),
         ("partner", "Supply chain", "virtanen"), ("partner", "Finance", None)),
        (4, 4),
        ("trust", "communication", "goal_alignment", "engagement_consistency",
         "partner_satisfaction"),
        5,
        {("*", "ours"): ((0, 7.2), (1, 6.6)), ("*", "partner"): ((0, 7.6), (1, 7.3)),
         ("goal_alignment", "ours"): ((0, 7.0), (1, 5.8))},
        {},
        {"ours": USUAL, "partner": ((0, 0.9), (1, 0.75))},
    ),
    SurveyPlan(
        "orrinth", 1, 8, 0,
        (("ours", "Marketing", None), ("ours", "Medical", "villa"), ("ours", "Market access", None),
         ("partner", "Marketing", "roux"), ("partner", "Medical", None),
         ("partner", "Sales", None)),
        (4, 4),
        ("trust", "communication", "goal_alignment", "engagement_consistency"),
        3,
        {("*", "*"): ((0, 6.6), (1, 7.9)), ("communication", "*"): ((0, 6.2), (1, 7.2))},
        {},
        {"ours": USUAL, "partner": USUAL},
        note="Monthly while the alliance is new.",
    ),
    SurveyPlan(
        "sabellic", 1, 2, 2,
        (("ours", "Business development", "haddad"), ("ours", "R&D", None),
         ("ours", "Legal", "bello"), ("partner", "Business development", "maier"),
         ("partner", "Manufacturing", None), ("partner", "Legal", None)),
        (3, 3),
        ("trust", "communication", "goal_alignment"),
        3,
        {("*", "*"): ((0, 7.2), (1, 6.5)), ("communication", "partner"): ((0, 7.0), (1, 5.6))},
        {},
        {"ours": ((0, 1.0), (1, 1.0)), "partner": ((0, 1.0), (1, 0.7))},
        note="Rounds suspended while the talks are on hold.",
    ),
    SurveyPlan(
        "astrelle", 3, 6, 0,
        (("ours", "R&D", "asante"), ("ours", "R&D", None), ("ours", "Commercial", None),
         ("ours", "Commercial", None), ("ours", "Manufacturing", None), ("ours", "Finance", None),
         ("partner", "R&D", "rao"), ("partner", "R&D", None), ("partner", "Commercial", None),
         ("partner", "Commercial", None), ("partner", "Manufacturing", None),
         ("partner", "Finance", "dufour")),
        (8, 8),
        ("trust", "communication", "goal_alignment", "collaboration_health", "innovation"),
        4,
        {("*", "*"): ((0, 7.7), (1, 7.6)), ("innovation", "*"): ((0, 7.0), (1, 6.4))},
        {"R&D": -2.7, "Commercial": 0.7, "Manufacturing": -0.3, "Finance": 0.1},
        {"ours": USUAL, "partner": USUAL},
    ),
]
# fmt: on

# Comments left with some responses: (mood, side, team, text); '*' matches any. The mood comes
# from the response's average score: good (7 or more), bad (below 5.5), mid in between.
# fmt: off
COMMENTS = {
    "corvane": (
        ("good", "*", "*", "JSC decisions came quickly this month."),
        ("good", "*", "*", "Good joint preparation for the cohort safety review."),
        ("good", "partner", "*", "Talvora's clinical operations team is responsive and "
         "well organised."),
        ("good", "ours", "*", "Data flows well between the two statistics teams."),
        ("mid", "partner", "*", "Still no clear answer on the European sites."),
        ("mid", "*", "*", "Meetings are fine, but decisions drift to the next JSC."),
        ("mid", "partner", "*", "We hear about Talvora's internal changes second-hand."),
        ("mid", "ours", "*", "The new CMO is reopening questions we thought were settled."),
        ("bad", "partner", "*", "Our proposal on the expansion cohort has had no written "
         "answer for months."),
        ("bad", "partner", "*", "It feels like CV-214 has dropped down Talvora's priorities."),
        ("bad", "partner", "*", "Dates for the European sites keep moving without notice."),
        ("bad", "partner", "*", "We are told decisions instead of being asked."),
        ("bad", "ours", "*", "The PK data we asked for still has not arrived."),
        ("bad", "ours", "*", "Escalations go straight to our CSO, bypassing the JSC."),
        ("bad", "ours", "Finance", "The invoice dispute is colouring every conversation."),
    ),
    "quillon": (
        ("good", "*", "Commercial", "The joint brand team works as one team."),
        ("good", "*", "Commercial", "Field coordination in Germany is excellent."),
        ("good", "*", "Medical", "Quick and open answers from the other medical team."),
        ("good", "*", "*", "Would like more new ideas for the next cycle."),
        ("mid", "*", "*", "France is hard work since the competitor's price cut."),
    ),
    "lumisca": (
        ("good", "*", "*", "The weekly release call has made a real difference."),
        ("good", "ours", "*", "Lumisca's engineers understand our compliance constraints now."),
        ("mid", "*", "*", "Release dates keep moving."),
        ("mid", "partner", "*", "Too many people at Talvora send us requests."),
        ("bad", "*", "*", "We only learn about slips at the monthly meeting."),
    ),
    "vendrix": (
        ("good", "*", "Supply chain", "Cold-chain performance was excellent this quarter."),
        ("mid", "partner", "*", "Unclear what Talvora plans after the contract ends."),
        ("mid", "ours", "*", "Tender support has been slower since their administrator left."),
        ("mid", "ours", "Commercial", "Vendrix keeps pushing its generics proposal."),
        ("bad", "ours", "*", "We lost the Swedish tender through a missed deadline."),
    ),
    "orrinth": (
        ("good", "*", "*", "Campaign planning is going well."),
        ("good", "*", "Marketing", "Quick agreement on the core message."),
        ("mid", "*", "*", "Approvals take too long on both sides."),
        ("mid", "partner", "*", "Still learning how Talvora's medical review works."),
    ),
    "sabellic": (
        ("good", "*", "*", "Due diligence answers were thorough."),
        ("mid", "*", "*", "Waiting to hear from the new leadership."),
    ),
    "astrelle": (
        ("bad", "*", "R&D", "Research keeps losing people to the filing team."),
        ("bad", "*", "R&D", "The JV board only talks about this year's products."),
        ("bad", "*", "R&D", "The next-generation pilot has been stalled for months."),
        ("mid", "*", "R&D", "Our scientists feel like a cost centre."),
        ("good", "*", "Commercial", "Launch support from the JV is excellent."),
        ("good", "*", "Commercial", "Supply has been reliable all year."),
        ("good", "*", "Finance", "Joint forecasting works well."),
        ("mid", "*", "Manufacturing", "Line 2 runs well; planning changes arrive late."),
    ),
}
# fmt: on


class MeetingPlan(NamedTuple):
    """A recurring governance meeting: `count` held, `every_days` apart, the latest
    `last_days_ago`; the next one planned `next_in_days` from today (None: not planned yet).
    `invited` holds (PEOPLE key, invited only for meetings in the last N days, or None)."""

    alliance: str
    title: str
    forum: str
    every_days: int
    count: int
    last_days_ago: int
    location: str
    invited: tuple[tuple[str, int | None], ...]
    agenda: str
    notes: tuple[str, ...]
    attendance: dict[str, Knots]
    next_in_days: int | None = None
    next_agenda: str = ""
    missed_recent: tuple[str, ...] = ()  # people absent from the last two meetings


HIGH: Knots = ((0, 0.92), (1, 0.92))

# fmt: off
MEETINGS = [
    MeetingPlan(
        "corvane", "CV-214 joint steering committee", "jsc", 91, 6, 82,
        "Alternating: Talvora Basel / Corvane Boston (video for the other side)",
        (("marchetti", None), ("hofmann", None), ("villa", None), ("lindqvist", None),
         ("imbert", None), ("halloran", 300), ("tanaka", None), ("qureshi", None)),
        "1. Actions from the last meeting\n2. Enrolment and site status\n3. Safety update\n"
        "4. Risks and issues\n5. Decisions\n6. Relationship health",
        ("Enrolment ahead of plan in the US; cohort 1 safety review scheduled.",
         "Protocol amendment 2 approved; European site plan presented.",
         "Cohort 2 complete; European site start-up slower than planned.",
         "European sites running late; second CRO proposed. First JSC for Corvane's new CMO.",
         "Corvane's dose-expansion proposal discussed; Talvora to answer in writing within "
         "three weeks. Corvane's CEO absent.",
         "Tense meeting: no agreement on the expansion cohort; PK data requested for the "
         "modelling. Corvane's CEO absent again; attendance down on both sides."),
        {"ours": ((0, 0.95), (0.6, 0.9), (1, 0.75)), "partner": ((0, 0.95), (0.5, 0.9),
                                                                  (1, 0.35))},
        9,
        "1. Sponsors' joint opening statement\n2. Decision: dose-expansion cohort (options "
        "A-C)\n3. Revised European site plan\n4. Interim analysis data calendar\n5. Disputed "
        "manufacturing invoice: status\n6. Pulse survey results and the joint workshop",
        ("imbert",),
    ),
    MeetingPlan(
        "corvane", "CV-214 joint development team", "operational", 61, 9, 20, "Video call",
        (("hofmann", None), ("villa", None), ("lindqvist", None), ("halloran", 300),
         ("tanaka", None)),
        "Operational review: enrolment, data flow, open actions.",
        ("Site start-up tracker agreed.", "Data transfer schedule reviewed.",
         "Cohort 2 complete; CRO performance discussed.", "European delays reviewed.",
         "Second CRO onboarding.", "Dose modelling plan; PK data request.",
         "PK data still outstanding.", "Invoice questions parked for finance.",
         "Short meeting; Corvane's CMO sent apologies."),
        {"ours": HIGH, "partner": ((0, 0.95), (0.5, 0.9), (1, 0.45))},
        41,
    ),
    MeetingPlan(
        "quillon", "QL-301 joint commercial committee", "jsc", 91, 6, 50, "Talvora Munich",
        (("weber", None), ("kowalski", None), ("brenner", None), ("olsen", None),
         ("grunewald", None)),
        "1. Sales by country\n2. Field force plan\n3. Medical education\n4. Risks\n5. Decisions",
        ("Sales on target in all three countries; year-four brand plan drafted.",
         "Joint medical education calendar for next year discussed.",
         "Year-four brand plan agreed; co-promotion extended to office dermatologists in "
         "Italy.",
         "Italy extension running; field force call plan clash resolved.",
         "French competitor's price cut discussed; Quillon raises adding Spain.",
         "Year-five assessment scope agreed; first-half shortfall in France flagged."),
        {"ours": HIGH, "partner": HIGH},
        41,
        "1. Health assessment interim findings\n2. Spain: growth readiness checklist\n"
        "3. First-half sales miss in France\n4. Next year's brand plan",
    ),
    MeetingPlan(
        "lumisca", "Integration steering committee", "jsc", 91, 5, 35, "Video call",
        (("reyes", None), ("kowalski", None), ("bello", None), ("ellery", None),
         ("novak", None)),
        "1. Release status\n2. Enrolments\n3. Privacy\n4. Decisions",
        ("Data-sharing agreement ready for signature.", "Release 1 go-live plan agreed.",
         "Release 1 live in Germany; release 2 scope agreed.",
         "Release 2 late; weekly release call in place since last month.",
         "Release 2 live; enrolments growing; release 3 scope options."),
        {"ours": HIGH, "partner": HIGH},
        56,
    ),
    MeetingPlan(
        "vendrix", "Nordic quarterly business review", "operational", 91, 6, 30,
        "Vendrix Stockholm",
        (("strand", None), ("lund", None), ("kowalski", None), ("tavares", None),
         ("eriksen", None), ("virtanen", None)),
        "1. Sales and stock\n2. Service levels\n3. Tenders\n4. Contract",
        ("Service levels on target.", "Cold-chain audit planning started.",
         "Stock allocation between the warehouses reviewed.",
         "Danish tender submitted; cold-chain audit booked.",
         "Swedish tender at risk after Vendrix's tender administrator left.",
         "Renewal review announced; Vendrix presents its generics proposal; service figures "
         "requested."),
        {"ours": HIGH, "partner": ((0, 0.95), (1, 0.8))},
        20,
        "1. Service level figures, four quarters\n2. Renewal questions and Vendrix's answers\n"
        "3. Tender calendar for the next half-year",
    ),
    MeetingPlan(
        "orrinth", "Co-marketing committee", "jsc", 30, 3, 25, "Orrinth Lyon / video",
        (("marchetti", None), ("villa", None), ("kowalski", None), ("roux", None),
         ("frank", None)),
        "1. Campaign plan\n2. Approvals\n3. Reimbursement\n4. Budget",
        ("Kick-off: charter and calendar agreed.", "Core message settled in a workshop.",
         "Approval delays discussed; a joint approval route proposed."),
        {"ours": HIGH, "partner": HIGH},
        5,
        "1. Campaign approval for the autumn congress\n2. Joint approval route\n"
        "3. Reimbursement map by country",
    ),
    MeetingPlan(
        "astrelle", "Vantiga joint steering committee", "jsc", 91, 6, 45, "Vantiga Leipzig",
        (("asante", None), ("lindqvist", None), ("tavares", None), ("brandt", None),
         ("rao", None), ("dufour", None)),
        "1. Plant and supply\n2. Regulatory\n3. Research portfolio\n4. Finance\n5. Decisions",
        ("Budget and line 2 qualification plan.", "Line 2 qualification on track.",
         "Line 2 qualified; EU filing plan agreed.",
         "Two research scientists moved to the filing team for three months.",
         "EU filing submitted; research pilot stalled, both research leads concerned.",
         "Utilisation above target; research sub-committee idea raised; health assessment "
         "planned."),
        {"ours": HIGH, "partner": HIGH},
        46,
        "1. Health assessment results by function\n2. Research sub-committee proposal\n"
        "3. Plant utilisation\n4. Budget outlook",
    ),
    MeetingPlan(
        "astrelle", "Vantiga JV board", "board", 91, 6, 60, "Vantiga Leipzig",
        (("okafor", None), ("asante", None), ("brandt", None)),
        "Board business: results, budget, capital expenditure, strategy.",
        ("Strategy session.", "Half-year results.", "Annual budget approved.",
         "Filing resources approved.", "Profit distribution agreed.",
         "Third filling line discussed; decision deferred to the budget round."),
        {"ours": HIGH, "partner": HIGH},
        30,
    ),
]
# fmt: on

# One-off meetings: (alliance, title, forum, day, status, location, agenda, notes,
# ((PEOPLE key, attended), ...))
# fmt: off
SINGLE_MEETINGS = [
    ("sabellic", "Term sheet negotiation, round 2", "executive_sponsor", -70, "held",
     "Sabellic Athens", "Economics and supply terms.", "Supply price agreed in principle.",
     (("haddad", True), ("lindqvist", True), ("bello", True), ("maier", True))),
    ("sabellic", "Meeting with Sabellic's interim CEO", "executive_sponsor", -34, "held",
     "Video call", "Status of the talks after the CEO's departure.",
     "Talks paused; Sabellic asks for time to review its options.",
     (("haddad", True), ("lindqvist", True), ("petridis", True), ("maier", True))),
    ("sabellic", "Term sheet negotiation, round 3", "executive_sponsor", -10, "cancelled",
     "Talvora Basel", "Final terms and signing.", "Cancelled: negotiations paused.",
     (("haddad", False), ("lindqvist", False), ("bello", False), ("maier", False))),
]
# fmt: on


class CheckSpec(NamedTuple):
    """Progress on one alliance's checklist (its stage's, or the template `template_key`):
    (item number from 1, status, days ago, owner, note)."""

    alliance: str
    template_key: str | None
    items: tuple[tuple[int, str, int | None, str, str], ...]


# fmt: off
CHECKLISTS = [
    CheckSpec("corvane", None, (
        (1, "done", 600, "Dr. Lena Hofmann", ""),
        (2, "done", 30, "Maren Lindqvist", ""),
        (3, "done", 40, "Maren Lindqvist", ""),
        (4, "open", None, "", "Partner response rate has fallen to about half."),
        (5, "done", 150, "Maren Lindqvist", ""),
        (7, "done", 200, "Maren Lindqvist", ""),
        (9, "done", 295, "Maren Lindqvist", "Re-introduced to Corvane's new CMO."),
        (10, "open", None, "Rui Tavares", "One invoice disputed."),
    )),
    CheckSpec("corvane", "collaborative_culture", (
        (1, "done", 400, "Maren Lindqvist", ""),
        (4, "done", 800, "Maren Lindqvist", "Everyone calls it 'Project Kestrel'."),
        (8, "open", None, "", "Risks reach the JSC late; raised in the workshop plan."),
        (11, "done", 295, "Maren Lindqvist", ""),
    )),
    CheckSpec("quillon", None, (
        (1, "done", 120, "Daniel Kowalski", ""),
        (3, "done", 20, "Daniel Kowalski", ""),
        (6, "done", 30, "Jonas Weber", "Field feedback from the three countries."),
    )),
    CheckSpec("quillon", "growth_readiness", (
        (1, "done", 10, "Daniel Kowalski", "Green in all of the last three rounds."),
        (2, "done", 10, "Daniel Kowalski", ""),
        (6, "done", 10, "Daniel Kowalski", "Contacts at four levels on both sides."),
        (7, "done", 10, "Daniel Kowalski", ""),
    )),
    CheckSpec("lumisca", None, (
        (1, "done", 250, "Daniel Kowalski", ""),
        (3, "done", 170, "Daniel Kowalski", ""),
        (6, "done", 166, "Daniel Kowalski", "Weekly release call after the yellow reading."),
        (7, "done", 90, "Daniel Kowalski", ""),
        (9, "na", None, "", "No leadership change on either side since the start."),
    )),
    CheckSpec("vendrix", None, (
        (1, "done", 40, "Elin Strand", ""),
        (2, "done", 30, "Elin Strand", ""),
        (3, "done", 30, "Daniel Kowalski", ""),
        (7, "done", 50, "Aisha Bello", "Notice date confirmed: 90 days before expiry."),
    )),
    CheckSpec("vendrix", "renewal_exit_review", (
        (1, "done", 60, "Elin Strand", ""),
        (2, "done", 30, "Daniel Kowalski", ""),
        (6, "done", 50, "Aisha Bello", ""),
    )),
    CheckSpec("orrinth", None, (
        (1, "done", 90, "Daniel Kowalski", ""),
        (2, "done", 90, "Daniel Kowalski", ""),
        (3, "done", 85, "Daniel Kowalski", ""),
        (4, "done", 85, "Daniel Kowalski", ""),
        (5, "done", 92, "Claudia Brenner", ""),
        (7, "done", 80, "Daniel Kowalski", ""),
        (8, "done", 80, "Daniel Kowalski", "Baseline round in month one."),
    )),
    CheckSpec("sabellic", None, (
        (2, "done", 100, "Maren Lindqvist", ""),
        (3, "done", 80, "Maren Lindqvist", ""),
        (5, "na", None, "", "An in-licensing deal for an approved product has no joint "
         "development question to work on."),
        (6, "done", 60, "Nadia Haddad", ""),
        (8, "done", 50, "Nadia Haddad", ""),
    )),
    CheckSpec("astrelle", None, (
        (1, "done", 150, "Maren Lindqvist", ""),
        (2, "done", 40, "Maren Lindqvist", ""),
        (3, "done", 20, "Maren Lindqvist", ""),
        (6, "na", None, "", "Vaccines are bought through national tenders; the commercial "
         "team's tender reviews already cover customer feedback."),
        (7, "done", 30, "Martin Dufour", ""),
    )),
]
# fmt: on


class PracticeSpec(NamedTuple):
    framework: str
    days_ago: int
    note: str
    scores: tuple[tuple[str, int, str], ...]  # (item key, 1-5, note)


# fmt: off
PRACTICE = [
    PracticeSpec("habits", 330, "Baseline taken when the alliance team was set up.", (
        ("habit_1", 3, "Value tracked for the big deals only."),
        ("habit_2", 3, ""),
        ("habit_3", 2, "Little structured work on cultural differences."),
        ("habit_4", 3, ""),
        ("habit_5", 3, ""),
        ("habit_6", 2, "Governance set up differently in each alliance."),
        ("habit_7", 2, "Reporting was a list of activities."),
    )),
    PracticeSpec("deliverables", 320, "First look against the strategic deliverables.", (
        ("deliverable_leadership", 3, ""),
        ("deliverable_engagement", 3, "Stakeholders on our side not mapped."),
        ("deliverable_governance", 2, "No common escalation time limits."),
        ("deliverable_outcomes", 2, "No regular health assessment."),
    )),
    PracticeSpec("habits", 40, "After a year with pulse surveys and reader-specific reports.", (
        ("habit_1", 4, ""),
        ("habit_2", 4, "Worksheets validated with most sponsors."),
        ("habit_3", 3, ""),
        ("habit_4", 3, "Missed the change of stance at Corvane for too long."),
        ("habit_5", 3, "Corvane dose question still open after seven months."),
        ("habit_6", 4, "Same governance checklist in every alliance."),
        ("habit_7", 4, "Board and sponsors get reports built for them."),
    )),
]
# fmt: on
