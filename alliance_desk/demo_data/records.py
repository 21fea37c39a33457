"""The demo's daily records: actions, milestones, risks and issues, decisions, payments."""

from typing import NamedTuple


class ActionSpec(NamedTuple):
    """An action item; `owner` is a PEOPLE key or a free-text name; days from today."""

    alliance: str
    title: str
    description: str
    owner: str
    side: str
    due: int
    status: str
    completed: int | None = None
    source: str = "meeting"
    impact: int | None = None
    feasibility: int | None = None
    benchmark: str | None = None


# fmt: off
ACTIONS = [
    ActionSpec("corvane", "Send Corvane the revised European site activation plan",
               "Dates per country and the second CRO's capacity, as promised at the last JSC.",
               "hofmann", "ours", -12, "open", None, "meeting", 5, 4),
    ActionSpec("corvane", "Share the cohort 3 pharmacokinetic data set with Talvora",
               "The raw data, not the summary tables, so our modellers can check the dose "
               "proposal.", "halloran", "partner", -20, "in_progress", None, "meeting", 5, 3),
    ActionSpec("corvane", "Set up a sponsor call between Paul Okafor and Rachel Imbert",
               "Trust is red on both sides; the sponsors should talk before the JSC, not at it.",
               "lindqvist", "ours", -4, "open", None, "health_review", 5, 5, "trust"),
    ActionSpec("corvane", "Circulate the JSC pre-read",
               "Risks, decisions, milestones and the relationship health view, two days ahead.",
               "lindqvist", "ours", 3, "in_progress", None, "meeting", 3, 5),
    ActionSpec("corvane", "Prepare costed options for the dose-expansion cohort",
               "Two or three options with patients, months and cost, for the JSC decision.",
               "hofmann", "joint", 5, "in_progress", None, "meeting", 5, 3),
    ActionSpec("corvane", "Agree a joint data-sharing calendar up to the interim analysis",
               "Who sends which data set when, so nobody has to chase.",
               "tanaka", "joint", 20, "open", None, "survey", 4, 4, "transparency"),
    ActionSpec("corvane", "Reconcile the second-quarter cost-share statement with Corvane",
               "Line-by-line check with Corvane finance before the quarter close.",
               "tavares", "ours", -100, "done", -74, "meeting", 3, 4),
    ActionSpec("corvane", "Re-introduce the alliance to Corvane's new CMO",
               "One-to-one session on why we partnered on CV-214 and what the JSC has decided.",
               "lindqvist", "ours", -290, "done", -295, "health_review", 4, 5),
    ActionSpec("corvane", "Add a second CRO for the European sites",
               "Contract and onboard a second CRO to recover the activation plan.",
               "hofmann", "ours", -200, "done", -178, "meeting", 5, 3),
    ActionSpec("corvane", "Explain the disputed manufacturing invoice lines in writing",
               "Corvane to show which costs of the failed batch it considers shared.",
               "qureshi", "partner", -30, "open", None, "meeting", 4, 4),
    ActionSpec("corvane", "Run a joint workshop on how the two teams communicate",
               "Half a day with both JSCs' members: what each side needs to hear, and when.",
               "Maren Lindqvist and Mei Tanaka", "joint", 40, "open", None, "survey", 4, 3,
               "communication"),
    ActionSpec("corvane", "Brief Sofia Marchetti on the falling trust scores",
               "Before the oncology leadership meeting, so she hears it from us first.",
               "lindqvist", "ours", -60, "done", -61, "health_review", 3, 5, "trust"),
    ActionSpec("corvane", "Commission an external review of the Phase 2 design",
               "Dropped: both medical officers preferred a joint workshop to an outside review.",
               "marchetti", "ours", -45, "cancelled", None, "health_review", 3, 2),
    ActionSpec("quillon", "Draft the interview guide for the year-five health assessment",
               "Reuse the year-three questions so the answers can be compared.",
               "kowalski", "ours", -40, "done", -42, "health_review", 4, 5),
    ActionSpec("quillon", "Hold deep-dive interviews with Quillon's country leads",
               "Germany, France and Italy; forty minutes each.",
               "kowalski", "joint", 12, "in_progress", None, "health_review", 4, 4),
    ActionSpec("quillon", "Prepare a first business case for adding Spain",
               "Market size, field force needs and a two-region pilot option.",
               "weber", "ours", 35, "open", None, "meeting", 4, 3),
    ActionSpec("quillon", "Share the field force call plan for the spring cycle",
               "Needed to align our representatives' visits with Quillon's medical liaisons.",
               "grunewald", "partner", -8, "open", None, "meeting", 3, 5),
    ActionSpec("quillon", "Align the joint medical education calendar for next year",
               "One calendar, no double bookings of the same dermatologists.",
               "Quillon medical team", "partner", -210, "done", -205, "meeting", 2, 5),
    ActionSpec("lumisca", "Set up a weekly release call with Lumisca's product team",
               "Communication dropped to yellow after two slipped releases.",
               "kowalski", "joint", -170, "done", -166, "health_review", 5, 5, "communication"),
    ActionSpec("lumisca", "Complete the privacy impact assessment for release 3",
               "Refill support shares prescription data; the assessment must precede the build.",
               "bello", "ours", -3, "in_progress", None, "meeting", 5, 3),
    ActionSpec("lumisca", "Send Lumisca one prioritised feature list for release 3",
               "Patient services, medical and market access requests merged and ranked.",
               "kowalski", "ours", 2, "open", None, "meeting", 4, 5),
    ActionSpec("lumisca", "Report enrolment figures per country every month",
               "Enrolled, active after 90 days, refill reminders acted on.",
               "novak", "partner", 25, "open", None, "survey", 3, 5),
    ActionSpec("lumisca", "Fix the refill reminder time-zone bug",
               "Reminders arrived an hour late in Finland after the clock change.",
               "Lumisca engineering", "partner", -130, "done", -131, "other", 3, 4),
    ActionSpec("vendrix", "Get a transition quote from the alternative distributor",
               "Cost and months to move cold-chain stock and tenders, as a fall-back option.",
               "strand", "ours", 6, "in_progress", None, "health_review", 5, 3),
    ActionSpec("vendrix", "Send Vendrix our renewal questions in writing",
               "Margin, service penalties, tender support staffing, generics proposal.",
               "kowalski", "ours", -6, "open", None, "meeting", 4, 5),
    ActionSpec("vendrix", "Provide service level figures for the last four quarters",
               "On-time deliveries, cold-chain excursions, stock-outs per country.",
               "virtanen", "partner", -15, "in_progress", None, "meeting", 4, 4),
    ActionSpec("vendrix", "Check the 90-day notice date with Legal",
               "Confirm the last day to give notice and the form it must take.",
               "bello", "ours", -55, "done", -50, "other", 5, 5),
    ActionSpec("vendrix", "Agree a date for the cold-chain audit",
               "Annual audit of the Stockholm and Copenhagen warehouses.",
               "lund", "joint", -170, "done", -172, "meeting", 3, 4),
    ActionSpec("orrinth", "Approve the joint campaign materials for the autumn congress",
               "Medical review on our side; Orrinth has approved its part.",
               "villa", "ours", 4, "in_progress", None, "meeting", 4, 4),
    ActionSpec("orrinth", "Agree one approval route for joint materials",
               "Today each piece goes through both companies' full review in turn.",
               "frank", "joint", -18, "open", None, "survey", 4, 4, "communication"),
    ActionSpec("orrinth", "Map the test's reimbursement status in each TLV-118 market",
               "Country by country: reimbursed, pending, not filed.",
               "roux", "partner", 30, "open", None, "meeting", 5, 3),
    ActionSpec("orrinth", "Hold the co-marketing committee kick-off",
               "Charter, members, meeting calendar and the first campaign plan.",
               "kowalski", "joint", -85, "done", -86, "meeting", 3, 5),
    ActionSpec("sabellic", "Write to the interim CEO confirming our continued interest",
               "Short letter from Nadia Haddad; no new terms.",
               "haddad", "ours", -25, "done", -24, "meeting", 4, 5),
    ActionSpec("sabellic", "Agree a date to decide whether to resume talks",
               "Either both sides restart with a timetable, or we close the file politely.",
               "haddad", "joint", 14, "open", None, "meeting", 5, 4),
    ActionSpec("sabellic", "Answer the remaining due diligence questions on manufacturing",
               "Batch release data and the second supplier's audit report.",
               "maier", "partner", -10, "open", None, "other", 3, 3),
    ActionSpec("astrelle", "Propose a research sub-committee of the JV board",
               "Research scores are red on both sides while commercial teams are content.",
               "asante", "ours", 25, "in_progress", None, "survey", 5, 3, "collaboration_health"),
    ActionSpec("astrelle", "Hold a joint session of both research teams on the next programme",
               "Agree what the next-generation pilot needs to restart.",
               "Dr. Kwame Asante and Dr. Sunita Rao", "joint", -14, "open", None, "survey", 5, 4,
               "collaboration_health"),
    ActionSpec("astrelle", "Share the plant utilisation figures each quarter",
               "Asked for by both parents' finance teams.",
               "dufour", "partner", -190, "done", -160, "meeting", 3, 5),
    ActionSpec("astrelle", "Publish the half-yearly health assessment summary",
               "Survey by function, interviews and the deliverables review on two pages.",
               "lindqvist", "joint", 1, "in_progress", None, "health_review", 4, 5),
    ActionSpec("astrelle", "Review secondment terms for Talvora scientists at the JV",
               "Pay, return rights and publication credit.",
               "HR business partner, Vaccines", "ours", -70, "done", -66, "other", 2, 4),
]
# fmt: on


class MilestoneSpec(NamedTuple):
    alliance: str
    title: str
    description: str
    kind: str
    owner_side: str
    due: int
    completed: int | None
    status: str
    root_cause: str = ""


# fmt: off
MILESTONES = [
    MilestoneSpec("corvane", "Phase 2 protocol approved by the JSC", "Final protocol and "
                  "statistical plan signed off by both sides.", "milestone", "joint", -660, -665,
                  "done"),
    MilestoneSpec("corvane", "First patient dosed in Phase 2", "Triggers the first development "
                  "milestone payment.", "milestone", "ours", -570, -560, "done"),
    MilestoneSpec("corvane", "Cohort 1 safety review", "Joint safety committee review before "
                  "dose escalation.", "deliverable", "joint", -420, -421, "done"),
    MilestoneSpec("corvane", "Cohort 2 enrolment complete", "Twenty-four patients across the "
                  "US sites.", "milestone", "ours", -330, -335, "done"),
    MilestoneSpec("corvane", "Six European sites activated", "Germany, France, Spain and Italy "
                  "sites open for enrolment.", "milestone", "ours", -240, None, "missed",
                  "The CRO contract amendment waited seven weeks in Talvora procurement after the "
                  "oncology reorganisation moved its approver; activations then queued behind "
                  "the summer holidays."),
    MilestoneSpec("corvane", "Cohort 3 enrolment complete", "Thirty patients including the "
                  "first European sites.", "milestone", "ours", -180, -176, "done"),
    MilestoneSpec("corvane", "Monthly enrolment report", "Standing commitment to Corvane's "
                  "board reporting.", "commitment", "ours", -100, -101, "done"),
    MilestoneSpec("corvane", "Written answer to the dose-expansion proposal", "Promised at the "
                  "JSC for within three weeks.", "commitment", "ours", -150, None, "missed",
                  "Our position needed the oncology leadership team, which met only after the "
                  "promised date, and nobody told Corvane the answer would be late."),
    MilestoneSpec("corvane", "Cohort 3 pharmacokinetic data delivered to Talvora", "Raw data "
                  "for the joint dose modelling.", "deliverable", "partner", -45, None, "missed",
                  "Corvane changed its biostatistics vendor mid-study, and the new vendor had "
                  "not been given access to the raw data in time."),
    MilestoneSpec("corvane", "European sites activated under the revised plan", "Remaining "
                  "four sites with the second CRO.", "milestone", "ours", 30, None, "planned"),
    MilestoneSpec("corvane", "Interim analysis data cut", "Database lock for the interim "
                  "efficacy analysis.", "milestone", "joint", 75, None, "planned"),
    MilestoneSpec("corvane", "Phase 3 opt-in package to the board", "Data, plan and budget for "
                  "the opt-in decision.", "deliverable", "ours", 200, None, "planned"),
    MilestoneSpec("quillon", "Year-four joint brand plan", "Agreed by the joint commercial "
                  "committee.", "deliverable", "joint", -300, -303, "done"),
    MilestoneSpec("quillon", "Reimbursement extended to office dermatologists in Italy",
                  "Regional approvals in the five largest regions.", "milestone", "partner",
                  -250, -190, "done"),
    MilestoneSpec("quillon", "Joint field force training on the new indication", "All "
                  "representatives in the three countries trained.", "commitment", "ours", -130,
                  -131, "done"),
    MilestoneSpec("quillon", "First-half net sales target", "Joint target across the three "
                  "countries.", "milestone", "joint", -20, None, "missed",
                  "A competitor cut its price in France in the spring; Germany and Italy met "
                  "their targets, France fell 11 % short."),
    MilestoneSpec("quillon", "Medical education programme, autumn cycle", "Twelve regional "
                  "meetings with dermatologists.", "deliverable", "joint", -60, -55, "done"),
    MilestoneSpec("quillon", "Year-five health assessment report", "Findings and joint "
                  "response for the term review.", "deliverable", "joint", 45, None, "planned"),
    MilestoneSpec("lumisca", "Data-sharing agreement signed", "Purpose, retention and audit "
                  "rights for patient data.", "milestone", "joint", -390, -395, "done"),
    MilestoneSpec("lumisca", "Release 1 live in Germany", "Enrolment and reminders for two "
                  "biologics.", "milestone", "partner", -280, -275, "done"),
    MilestoneSpec("lumisca", "Release 2: nurse call booking", "Book a call with a Talvora "
                  "nurse from the app.", "milestone", "partner", -180, None, "missed",
                  "Scope grew when our patient services team added two requests late without a "
                  "change process, and Lumisca's team was one developer short."),
    MilestoneSpec("lumisca", "Release 2 under the re-planned scope", "Nurse call booking "
                  "without the two late additions.", "milestone", "partner", -90, -84, "done"),
    MilestoneSpec("lumisca", "Privacy impact assessment for release 3", "Required before any "
                  "prescription data is shared.", "deliverable", "ours", 10, None, "planned"),
    MilestoneSpec("lumisca", "Release 3: refill support in France", "Pharmacy refill requests "
                  "from the app.", "milestone", "partner", 60, None, "planned"),
    MilestoneSpec("vendrix", "Danish hospital tender submitted", "Regional hospital tender for "
                  "two biologics.", "commitment", "partner", -230, -232, "done"),
    MilestoneSpec("vendrix", "Annual cold-chain audit passed", "Stockholm and Copenhagen "
                  "warehouses.", "milestone", "partner", -160, -165, "done"),
    MilestoneSpec("vendrix", "Swedish regional tender submitted", "Tender for the Västra "
                  "region's hospitals.", "commitment", "partner", -110, None, "missed",
                  "Vendrix's tender administrator left and the hand-over missed the submission "
                  "deadline; no deputy had been named."),
    MilestoneSpec("vendrix", "Quarterly service level report", "Deliveries, excursions and "
                  "stock-outs per country.", "commitment", "partner", -30, -12, "done"),
    MilestoneSpec("vendrix", "Renewal decision communicated to Vendrix", "In person by the "
                  "executive sponsor, then in writing.", "milestone", "ours", 55, None,
                  "planned"),
    MilestoneSpec("vendrix", "Contract notice date", "Last day to give notice under the "
                  "agreement.", "milestone", "ours", 60, None, "planned"),
    MilestoneSpec("orrinth", "Co-marketing agreement signed", "After three rounds on the cost "
                  "split.", "milestone", "joint", -95, -92, "done"),
    MilestoneSpec("orrinth", "Joint education website live", "Testing guide for oncologists "
                  "and pathologists.", "deliverable", "ours", -20, -22, "done"),
    MilestoneSpec("orrinth", "Joint campaign approved for launch", "Both medical reviews "
                  "complete.", "milestone", "joint", 4, None, "planned"),
    MilestoneSpec("orrinth", "Reimbursement dossier for the test submitted in Germany",
                  "With health economics support from Talvora.", "deliverable", "partner", 40,
                  None, "planned"),
    MilestoneSpec("sabellic", "Due diligence report", "Manufacturing, regulatory and "
                  "intellectual property findings.", "deliverable", "ours", -40, -38, "done"),
    MilestoneSpec("sabellic", "Term sheet signed", "Planned signing at the third negotiation "
                  "round.", "milestone", "joint", -10, None, "missed",
                  "Sabellic's CEO left two weeks before the planned signing and the interim CEO "
                  "paused all negotiations."),
    MilestoneSpec("astrelle", "JV annual budget agreed by both parents", "Including the "
                  "plant's capital plan.", "milestone", "joint", -330, -335, "done"),
    MilestoneSpec("astrelle", "Leipzig line 2 qualified", "Second filling line released for "
                  "commercial batches.", "milestone", "partner", -300, -310, "done"),
    MilestoneSpec("astrelle", "Respiratory vaccine filed in the EU", "Marketing authorisation "
                  "application submitted.", "milestone", "ours", -200, -200, "done"),
    MilestoneSpec("astrelle", "Next-generation adjuvant pilot results", "Pre-clinical read-out "
                  "for the JV board.", "deliverable", "partner", -90, None, "missed",
                  "The JV board moved two research scientists to the filing team for three "
                  "months, and the pilot stood still for that period."),
    MilestoneSpec("astrelle", "Plant utilisation above 80 % for two quarters", "Target in the "
                  "JV business plan.", "milestone", "partner", -30, -40, "done"),
    MilestoneSpec("astrelle", "Half-yearly health assessment", "Survey by function, "
                  "interviews, deliverables review.", "deliverable", "joint", 14, None,
                  "planned"),
]
# fmt: on


class RiskSpec(NamedTuple):
    """A risk or issue; dates are days from today."""

    alliance: str
    kind: str
    title: str
    description: str
    category: str
    likelihood: int
    impact: int
    owner: str
    mitigation: str
    status: str
    review: int | None
    raised: int
    escalated: int | None = None
    resolved: int | None = None


# fmt: off
RISKS = [
    RiskSpec("corvane", "issue", "Disagreement on the dose-expansion cohort",
             "Corvane's CMO wants a higher-dose expansion cohort; our team sees it as a delay "
             "to the interim analysis.", "business", 5, 5, "Dr. Lena Hofmann",
             "Costed options to the next JSC; sponsors to speak beforehand.", "escalated", 9,
             -210, -150),
    RiskSpec("corvane", "risk", "Corvane's new CMO loses confidence in Talvora",
             "He joined after the key decisions were taken and sees our delays as lack of "
             "commitment.", "human", 4, 5, "Maren Lindqvist",
             "Worksheet interview with him; technical sessions with our modellers; sponsor "
             "call.", "open", 9, -280),
    RiskSpec("corvane", "issue", "Disputed cost-share invoice for a failed manufacturing batch",
             "USD 1.9m invoice; we question whether the failure falls under shared costs.",
             "legal", 4, 3, "Rui Tavares",
             "Finance-to-finance review of the batch record before any formal dispute.",
             "escalated", 14, -140, -60),
    RiskSpec("corvane", "risk", "Only one person on our side holds the dose rationale",
             "Key-person dependency on the clinical lead, who is also close to burnout.",
             "human", 3, 4, "Dr. Sofia Marchetti",
             "Second clinical scientist assigned and briefed; workload reviewed monthly.",
             "monitoring", 30, -120),
    RiskSpec("corvane", "issue", "European site activations late",
             "Six sites planned; none open on the due date.", "business", 5, 4,
             "Dr. Lena Hofmann", "Second CRO added; revised plan sent to Corvane.", "resolved",
             None, -245, -210, -100),
    RiskSpec("corvane", "issue", "JSC minutes circulated late",
             "Minutes took three weeks, and actions were disputed.", "business", 3, 2,
             "Maren Lindqvist", "Minutes within three working days, drafted during the meeting.",
             "closed", None, -395, None, -382),
    RiskSpec("corvane", "risk", "Corvane runs short of cash before the Phase 3 opt-in",
             "Its financing round was postponed.", "business", 2, 5, "Rui Tavares",
             "Follow Corvane's financing news; the contract allows an early opt-in payment.",
             "monitoring", 60, -320),
    RiskSpec("quillon", "risk", "Competitor price cut in France erodes QL-301's share",
             "Price cut of 15 % in the spring.", "business", 3, 3, "Jonas Weber",
             "Joint pricing review; lead with long-term outcomes data.", "monitoring", 40, -150),
    RiskSpec("quillon", "issue", "Field force call plan shared late by Quillon",
             "Representatives visited the same dermatologists twice in one week.", "business",
             2, 2, "Daniel Kowalski", "Standing date for the plan in the joint calendar.",
             "resolved", None, -260, None, -250),
    RiskSpec("quillon", "risk", "Adding Spain stretches the joint committee",
             "The committee's agenda is already full.", "business", 2, 3, "Daniel Kowalski",
             "Use the growth readiness checklist; phase the launch with its own targets.",
             "open", 35, -30),
    RiskSpec("lumisca", "issue", "Release 2 slipped twice",
             "Nurse call booking late by three months.", "business", 4, 3, "Daniel Kowalski",
             "Weekly release call; change process for new requests.", "resolved", None, -185,
             -170, -90),
    RiskSpec("lumisca", "risk", "Patient data used outside the agreed purpose",
             "Release 3 adds prescription data.", "legal", 2, 5, "Aisha Bello",
             "Privacy impact assessment per release; annual audit of Lumisca.", "open", 10,
             -380),
    RiskSpec("lumisca", "risk", "Lumisca is bought by one of our competitors",
             "Rumoured talks with a large pharma group.", "business", 2, 4, "Tomás Reyes",
             "Change-of-control clause checked; data return plan ready.", "monitoring", 90, -60),
    RiskSpec("vendrix", "risk", "Over-reliance on one distributor for Nordic revenue",
             "62 % of Nordic revenue flows through Vendrix; one realistic alternative.",
             "business", 4, 5, "Elin Strand",
             "Transition quote from the alternative distributor; tenders held in Talvora's "
             "name.", "open", 6, -200),
    RiskSpec("vendrix", "issue", "Swedish regional tender missed",
             "Submission deadline missed; the region buys from a competitor for two years.",
             "business", 5, 3, "Greta Lund",
             "Deputy named for tender administration; tender calendar shared monthly.",
             "resolved", None, -108, -100, -80),
    RiskSpec("vendrix", "risk", "Service levels drop during the renewal talks",
             "Vendrix may shift attention to clients it is sure to keep.", "human", 3, 4,
             "Greta Lund", "Weekly service figures; named escalation contact at Vendrix.",
             "open", 7, -40),
    RiskSpec("vendrix", "risk", "Contract renews automatically if the notice date is missed",
             "Three more years on the current terms.", "legal", 2, 4, "Aisha Bello",
             "Notice date in the calendar with reminders; decision due two weeks before.",
             "monitoring", 45, -55),
    RiskSpec("orrinth", "issue", "Joint materials wait weeks in two approval processes",
             "Each piece goes through both companies' full review in turn.", "business", 4, 3,
             "Daniel Kowalski", "One joint approval route with a ten-day limit.", "open", 4,
             -40),
    RiskSpec("orrinth", "risk", "The test is not reimbursed in Germany at launch",
             "Without reimbursement, testing rates stay low.", "business", 3, 4,
             "Dr. Amélie Roux", "Early dossier with health economics support from Talvora.",
             "open", 40, -70),
    RiskSpec("orrinth", "issue", "Disagreement on the campaign's main message",
             "Test-first or treatment-first.", "business", 3, 2, "Daniel Kowalski",
             "Settled in one workshop: test-first for pathologists, treatment-first for "
             "oncologists.", "resolved", None, -60, None, -54),
    RiskSpec("sabellic", "issue", "Sabellic's CEO left and negotiations are paused",
             "The interim CEO is reviewing all strategic options.", "human", 5, 4,
             "Nadia Haddad",
             "Interest confirmed in writing; due diligence team kept warm; decision date on "
             "resuming.", "escalated", 14, -36, -30),
    RiskSpec("sabellic", "risk", "Another bidder approaches Sabellic during the pause",
             "Exclusivity ends in six weeks.", "business", 3, 4, "Nadia Haddad",
             "Extension of exclusivity requested.", "open", 14, -30),
    RiskSpec("astrelle", "risk", "Research scientists leave the JV",
             "Two resignations in research this year; survey scores in research are red.",
             "human", 3, 4, "Dr. Kwame Asante",
             "Research sub-committee proposal; protected research time.", "open", 25, -100),
    RiskSpec("astrelle", "issue", "Research budget moved to the filing team",
             "Pilot stopped for three months.", "business", 4, 4, "Dr. Kwame Asante",
             "Raise at the JV board; restore the pilot budget.", "escalated", 20, -120, -75),
    RiskSpec("astrelle", "risk", "Burnout in the joint regulatory team after the EU filing",
             "Long hours for six months.", "human", 3, 3, "Maren Lindqvist",
             "Workload review; two temporary hires.", "monitoring", 20, -190),
    RiskSpec("astrelle", "issue", "Plant cost recharges invoiced late",
             "Parents could not close their books on time.", "business", 3, 2,
             "Martin Dufour", "Recharges invoiced by the fifth working day.", "closed", None,
             -230, None, -222),
]
# fmt: on


class DecisionSpec(NamedTuple):
    alliance: str
    title: str
    forum: str
    due: int
    options: str
    recommendation: str
    status: str = "pending"
    outcome: str = ""
    decided: int | None = None


# fmt: off
DECISIONS = [
    DecisionSpec("corvane", "Add a dose-expansion cohort to the Phase 2 trial?", "jsc", 9,
                 "A: 30-patient expansion at the higher dose (+5 months, +USD 6m). "
                 "B: keep the design and test the higher dose in the Phase 3 run-in. "
                 "C: 15-patient cohort at US sites only (+3 months, +USD 3m).",
                 "C: it answers Corvane's question at half the cost and keeps the interim "
                 "analysis within one quarter."),
    DecisionSpec("corvane", "Take the disputed manufacturing invoice to formal dispute?",
                 "executive_sponsor", 21,
                 "Pay in full; pay the undisputed part and keep talking; start the contract's "
                 "dispute process.",
                 "Pay the undisputed USD 1.1m now and give the finance teams 30 more days; a "
                 "formal dispute now would harden positions at the JSC."),
    DecisionSpec("corvane", "Phase 3 opt-in readiness", "board", 120,
                 "Opt in on the interim data; ask Corvane for an extension; decline the option.",
                 "Prepare to opt in if the interim analysis is positive and the relationship "
                 "plan is back on track."),
    DecisionSpec("vendrix", "Renew, restructure or replace the Nordic distribution agreement",
                 "executive_sponsor", 40,
                 "Renew as is for three years; renew for two years with a lower margin and "
                 "service penalties; move to the alternative distributor (six-month "
                 "transition).",
                 "Renew for two years on restructured terms and keep the alternative as a "
                 "prepared fall-back."),
    DecisionSpec("quillon", "Add Spain to the co-promotion?", "jsc", 75,
                 "Add Spain from next year; pilot in two regions; not now.",
                 "Pilot in Catalonia and Madrid for two quarters with its own targets."),
    DecisionSpec("astrelle", "Create a research sub-committee of the JV board?", "jsc", 25,
                 "Sub-committee with its own budget; research slot on every JSC agenda; no "
                 "change.",
                 "A sub-committee with a ring-fenced budget for the next-generation programme."),
    DecisionSpec("lumisca", "Scope of release 3", "operational", 12,
                 "Refill support only; refill support plus nurse chat; delay to add Italy.",
                 "Refill support only, to keep the French launch date."),
    DecisionSpec("sabellic", "Resume the licensing talks or walk away?", "executive_sponsor",
                 14, "Resume with a new timetable; wait three more months; close the file.",
                 "Resume if Sabellic extends exclusivity; otherwise close the file politely."),
    DecisionSpec("orrinth", "Joint marketing budget for next year", "operational", 50,
                 "Keep the 50/50 split at EUR 0.8m each; raise to EUR 1.2m each with a "
                 "reimbursement push in Germany.",
                 "Raise the budget, tied to the German reimbursement milestone."),
    DecisionSpec("corvane", "Approve Phase 2 protocol amendment 2 (new imaging schedule)",
                 "jsc", -446, "Approve; approve for new patients only; reject.", "Approve.",
                 "decided", "Approved; both sides agreed the lighter burden on sites justified "
                 "the change.", -446),
    DecisionSpec("corvane", "Add a second CRO for the European sites", "executive_sponsor",
                 -240, "Second CRO; more staff at the current CRO; drop two countries.",
                 "Second CRO.", "decided",
                 "Agreed by both sponsors; Talvora pays the extra set-up cost.", -230),
    DecisionSpec("quillon", "Extend the co-promotion to office dermatologists in Italy",
                 "jsc", -323, "Extend now; wait for reimbursement in all regions.", "Extend now.",
                 "decided", "Approved with a joint target of 400 new prescribers.", -323),
    DecisionSpec("lumisca", "Move from monthly to weekly release calls", "operational", -172,
                 "Weekly call; fortnightly call; keep monthly.", "Weekly call for two quarters.",
                 "decided", "Weekly call agreed; to be reviewed after release 3.", -171),
    DecisionSpec("vendrix", "Open a renewal review", "executive_sponsor", -60,
                 "Open the review now; wait for the service figures.", "Open now.", "decided",
                 "Review opened; Elin Strand leads and brings a recommendation before the "
                 "notice date.", -62),
    DecisionSpec("astrelle", "Move two research scientists to the filing team", "jsc", -230,
                 "Move two scientists for three months; hire contractors; delay the filing.",
                 "Hire contractors.", "decided",
                 "The JV board chose to move the scientists, against the research lead's "
                 "advice; to be revisited after the filing.", -230),
    DecisionSpec("orrinth", "Sign the co-marketing agreement", "executive_sponsor", -95,
                 "Sign on the negotiated terms; reopen the cost split.", "Sign.", "decided",
                 "Signed by both sponsors.", -92),
    DecisionSpec("astrelle", "Invest in a third filling line at Leipzig", "board", -40,
                 "Invest now; wait for the demand forecast; use contract manufacturing.",
                 "Wait for the demand forecast.", "deferred",
                 "Deferred to the next budget round pending the demand forecast.", None),
]
# fmt: on


class PaymentSpec(NamedTuple):
    alliance: str
    title: str
    kind: str
    direction: str
    amount: float
    currency: str
    due: int
    paid: int | None
    status: str
    note: str = ""


# fmt: off
PAYMENTS = [
    PaymentSpec("corvane", "Upfront payment on signing", "upfront", "outgoing", 40_000_000,
                "USD", -820, -815, "paid"),
    PaymentSpec("corvane", "Milestone: first patient dosed in Phase 2", "milestone",
                "outgoing", 15_000_000, "USD", -550, -540, "paid"),
    PaymentSpec("corvane", "Manufacturing invoice: share of the failed batch", "cost_share",
                "outgoing", 1_900_000, "USD", -120, None, "disputed",
                "We question whether the failure falls under shared costs; USD 1.1m of it is "
                "not disputed."),
    PaymentSpec("corvane", "Option fee on Phase 3 opt-in", "milestone", "outgoing",
                60_000_000, "USD", 230, None, "expected", "Only if Talvora opts in."),
    PaymentSpec("quillon", "Sales milestone: EUR 200m cumulative net sales", "milestone",
                "outgoing", 10_000_000, "EUR", -300, -290, "paid"),
    PaymentSpec("vendrix", "Cold-chain capacity fee for the year", "other", "outgoing",
                2_400_000, "SEK", -200, -195, "paid"),
    PaymentSpec("vendrix", "Vendrix settlement for last quarter's sales", "invoice",
                "incoming", 38_500_000, "SEK", -18, None, "expected",
                "Overdue: Vendrix says its new finance system delayed the run."),
    PaymentSpec("lumisca", "Integration cost share, release 2", "cost_share", "outgoing",
                250_000, "EUR", -80, -70, "paid"),
    PaymentSpec("orrinth", "Joint campaign: Talvora's half of the agency costs", "cost_share",
                "outgoing", 400_000, "EUR", 15, None, "expected"),
    PaymentSpec("orrinth", "Congress symposium: Orrinth's half", "cost_share", "incoming",
                120_000, "EUR", 25, None, "invoiced"),
    PaymentSpec("sabellic", "Upfront payment on signing the licence", "upfront", "outgoing",
                25_000_000, "EUR", 150, None, "expected",
                "Only if the licence is signed; not accrued."),
    PaymentSpec("astrelle", "JV cash call: Talvora's half", "cost_share", "outgoing",
                8_000_000, "EUR", -200, -198, "paid"),
    PaymentSpec("astrelle", "JV profit distribution to Talvora", "other", "incoming",
                12_500_000, "EUR", -100, -95, "paid"),
    PaymentSpec("astrelle", "JV cash call for the next-generation pilot", "cost_share",
                "outgoing", 2_000_000, "EUR", 30, None, "expected"),
]
# fmt: on


# Quarterly series, all paid: the latest due `last_due` days from today, then every 91 days
# back; `next_status` adds the coming one (91 days after the latest) unless it is None.
class SeriesSpec(NamedTuple):
    alliance: str
    title: str
    kind: str
    direction: str
    amount: float
    currency: str
    last_due: int
    count: int
    next_status: str | None


# fmt: off
PAYMENT_SERIES = [
    SeriesSpec("corvane", "Cost share: Corvane's 40 % of trial costs", "cost_share",
               "incoming", 2_300_000, "USD", -60, 5, "expected"),
    SeriesSpec("quillon", "Royalty on QL-301 net sales", "royalty", "outgoing", 3_100_000,
               "EUR", -70, 6, "invoiced"),
    SeriesSpec("vendrix", "Vendrix settlement for sales", "invoice", "incoming", 36_000_000,
               "SEK", -109, 5, None),
    SeriesSpec("lumisca", "Platform fee per enrolled patient", "invoice", "outgoing", 95_000,
               "EUR", -40, 4, "expected"),
]
# fmt: on
