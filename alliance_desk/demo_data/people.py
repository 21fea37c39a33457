"""The demo stakeholders with their worksheets, and their information needs."""

from typing import NamedTuple

from alliance_desk.demo_data.alliances import US


class PersonSpec(NamedTuple):
    """A stakeholder and their worksheet; `roles` links them to alliances."""

    key: str
    name: str
    title: str
    organisation: str
    side: str
    group: str
    reports_to: str
    priorities: str
    audiences: str
    questions: str
    decisions: str
    life_easier: str
    routines: str
    preferred_format: str
    cadence: str
    influence: int
    interest: int
    validated_days_ago: int | None
    validation_note: str
    notes: str
    roles: tuple[tuple[str, str], ...]
    email: str = ""  # made from the name and DOMAINS when empty


DOMAINS = {
    US: "talvora.example",
    "Corvane Therapeutics": "corvane.example",
    "Quillon Biologics": "quillon.example",
    "Lumisca Digital": "lumisca.example",
    "Vendrix Medical Distribution": "vendrix.example",
    "Orrinth Diagnostics": "orrinth.example",
    "Sabellic Pharma": "sabellic.example",
    "Astrelle Health": "astrelle.example",
    "Vantiga Vaccines (joint venture)": "vantiga.example",
}

# fmt: off
PEOPLE = [
    PersonSpec(
        "board", "Talvora Board of Directors", "Board, Science & Portfolio Committee", US,
        "ours", "board", "Shareholders",
        "Return on the partnered pipeline; risks to the company's cash and reputation; whether "
        "partnering remains the right route to growth.",
        "Shareholders, analysts at the results calls, regulators on governance matters.",
        "Which alliances put value or reputation at risk this quarter? Which big decisions are "
        "coming, and when? Are we too dependent on any one partner?",
        "Approves deals above EUR 50m, Phase 3 opt-ins and the termination of critical "
        "alliances; sets the appetite for partnering risk.",
        "One page across the portfolio, the same layout every quarter, a week before the "
        "meeting: one line of risk per alliance and the decisions ahead.",
        "Meets quarterly; papers go out eight days before through the company secretary.",
        "One-page summary, printed", "quarterly", 5, 3, 200,
        "The chair asked for a column of upcoming decisions and to drop the list of activities.",
        "Send papers through the company secretary, never drafts to members directly.",
        (("corvane", "Board oversight"), ("quillon", "Board oversight"),
         ("astrelle", "Board oversight"), ("vendrix", "Board oversight")),
        "company.secretary@talvora.example",
    ),
    PersonSpec(
        "ahlberg", "Dr. Ingrid Ahlberg",
        "Non-executive director, chair of the Science & Portfolio Committee", US, "ours",
        "board", "Chair of the Board",
        "Pipeline value and the scientific credibility of partnered programmes; seeing "
        "problems before they reach the full board.",
        "The full board; the investor day panel.",
        "Is CV-214 still on course for a Phase 3 decision next year? Where is a partner's "
        "behaviour putting a programme at risk?",
        "Recommends opt-ins and terminations to the full board; can commission a deep-dive.",
        "A twenty-minute call with the alliance director before each committee instead of a "
        "long slide deck.",
        "Reads papers on the Sunday before the committee; takes a call on Monday morning.",
        "Short narrative with a traffic light per programme", "quarterly", 5, 4, 60,
        "Confirmed the questions; added an interest in what we learn from the vaccines JV.", "",
        (("corvane", "Board committee chair"), ("astrelle", "Board committee chair")),
    ),
    PersonSpec(
        "okafor", "Dr. Paul Okafor", "Chief Scientific Officer", US, "ours",
        "executive_sponsor", "Chief Executive Officer",
        "Move the oncology and vaccine pipelines forward on time; keep research focused; "
        "protect Talvora's scientific reputation.",
        "The CEO, the board's science committee, the R&D leadership team.",
        "Will CV-214 reach the Phase 3 decision on time? What is the relationship with Corvane "
        "really like? Does the JV's research agenda still serve our vaccine strategy?",
        "Last escalation point before the dispute clause for Corvane and the JV; staffing of "
        "clinical teams; recommends Phase 3 go or no-go to the board.",
        "One page per alliance with the next milestone, the next decision and anything he must "
        "do himself.",
        "R&D leadership team on Mondays; prepares on Sunday evenings; in the US every six weeks.",
        "One-page brief with a traffic light, PDF by email", "monthly", 5, 5, 35,
        "Asked to see the partner side's survey results apart from ours.", "",
        (("corvane", "Executive sponsor"), ("astrelle", "Executive sponsor")),
    ),
    PersonSpec(
        "brenner", "Claudia Brenner", "Executive Vice President, Commercial Europe", US, "ours",
        "executive_sponsor", "Chief Executive Officer",
        "European revenue growth, launch excellence and margin in distributor markets.",
        "The CEO, the country general managers, the board at budget time.",
        "Are the co-commercialisation and distribution partners delivering the sales we "
        "planned? What does the Vendrix renewal mean for Nordic revenue?",
        "Approves commercial budgets and renewal mandates for Quillon, Orrinth and Vendrix.",
        "Revenue and relationship health on one page, so she does not have to merge two "
        "reports herself.",
        "Monthly business review with each country; quarterly with partners' commercial heads.",
        "Dashboard with figures and traffic lights", "monthly", 5, 4, 150, "", "",
        (("quillon", "Executive sponsor"), ("vendrix", "Executive sponsor"),
         ("orrinth", "Executive sponsor")),
    ),
    PersonSpec(
        "reyes", "Tomás Reyes", "Chief Digital Officer", US, "ours", "executive_sponsor",
        "Chief Executive Officer",
        "Digital patient services that measurably improve adherence; data protection; platform "
        "partners that scale across countries.",
        "The executive committee, the data protection officer, commercial teams who sell the "
        "services.",
        "Is the Lumisca integration delivering enrolments and better adherence? Is there any "
        "privacy risk?",
        "Scope of each release, budget for the next phase, order of the country roll-out.",
        "A monthly chart of enrolments and release status instead of meeting minutes.",
        "Digital steering group every second Thursday.",
        "Chart with two lines of commentary", "monthly", 4, 4, None, "",
        "Worksheet drafted from his steering group papers; interview not yet held.",
        (("lumisca", "Executive sponsor"),),
    ),
    PersonSpec(
        "haddad", "Nadia Haddad", "Head of Business Development", US, "ours",
        "executive_sponsor", "Chief Financial Officer",
        "Close in-licensing deals that fill gaps in the portfolio; keep the deal pipeline "
        "disciplined.",
        "The CFO and the investment committee.",
        "Is the Sabellic deal still worth pursuing now that their CEO has left? What would "
        "restart the talks?",
        "Whether to keep the Sabellic term sheet open and for how long; deal team staffing.",
        "Early warning when a partner's situation changes, before it reaches the investment "
        "committee.",
        "Investment committee monthly; deal pipeline call every Tuesday.",
        "Short narrative", "ad_hoc", 4, 3, 300,
        "Validated when she took over business development.", "",
        (("sabellic", "Executive sponsor and deal lead"),),
    ),
    PersonSpec(
        "marchetti", "Dr. Sofia Marchetti", "Head of Oncology Therapeutic Area", US, "ours",
        "business_head", "Dr. Paul Okafor",
        "Build the lung cancer franchise: CV-214 in development and the companion test for "
        "our marketed medicine TLV-118.",
        "The CSO, the oncology leadership team, the global brand team.",
        "Are the oncology alliances on track, and where will friction with a partner slow us "
        "down?",
        "Sets oncology priorities and resources across programmes; sets the development "
        "strategy our JSC members defend.",
        "One pre-read covering both oncology alliances before the oncology leadership meeting.",
        "Oncology leadership team on the first Wednesday of each month.",
        "Pre-read with a risk table", "monthly", 4, 5, 400,
        "Validated before the reorganisation; her remit has grown since.", "",
        (("corvane", "Therapeutic area head"), ("orrinth", "Therapeutic area head")),
    ),
    PersonSpec(
        "weber", "Jonas Weber", "General Manager, Immunology Europe", US, "ours",
        "business_head", "Claudia Brenner",
        "Grow QL-301 in Germany, France and Italy; keep the two field forces working as one.",
        "The EVP Commercial Europe and the country managers.",
        "Is Quillon's field force pulling its weight? Are we on course for the year-five "
        "review? Is Spain worth adding?",
        "Territory splits, joint marketing spend, input to the renewal terms.",
        "Joint sales figures per country from a single source.",
        "Monthly country review; quarterly joint commercial committee with Quillon.",
        "Table of figures per country", "monthly", 3, 5, 90, "", "",
        (("quillon", "Business head; JSC co-chair"),),
    ),
    PersonSpec(
        "strand", "Elin Strand", "General Manager, Nordic Cluster", US, "ours", "business_head",
        "Claudia Brenner",
        "Nordic revenue and service to hospitals; a sound distribution set-up whatever happens "
        "to the Vendrix contract.",
        "The EVP Commercial Europe; hospital procurement bodies in the four countries.",
        "Renew Vendrix, restructure the deal, or move to another distributor? What would each "
        "option do to service levels and tenders?",
        "Recommends the renewal option; negotiates service levels and fees.",
        "The renewal options compared on one page with cost and risk.",
        "Nordic leadership meeting every Monday; tenders follow the hospitals' calendar.",
        "Options table", "monthly", 3, 5, 25,
        "Added a question on the Danish tender deadlines.", "",
        (("vendrix", "Business head"),),
    ),
    PersonSpec(
        "lund", "Greta Lund", "Head of Supply Chain, Nordics", US, "ours", "functional_lead",
        "Elin Strand",
        "No stock-outs in hospitals; cold-chain compliance; a clean transition if the "
        "distributor changes.",
        "The Nordic GM, Talvora's quality team, hospital pharmacists.",
        "How many weeks would a change of distributor take? Where are service levels slipping?",
        "Stock levels at the distributor; escalation of service failures.",
        "Service level figures from Vendrix every week without having to ask.",
        "Weekly supply review on Wednesdays.",
        "Table of service levels", "weekly", 2, 4, 180, "", "",
        (("vendrix", "Supply chain lead"),),
    ),
    PersonSpec(
        "asante", "Dr. Kwame Asante", "Head of Vaccines", US, "ours", "business_head",
        "Dr. Paul Okafor",
        "A competitive vaccines pipeline through the JV; enough capacity in Leipzig for the "
        "respiratory vaccine.",
        "The CSO, the JV board, the vaccines leadership team.",
        "Is the JV's research agenda being squeezed by commercial priorities? Is the research "
        "teams' frustration affecting delivery?",
        "Our nominee on the JV board; research budget proposals; secondments to the JV.",
        "Survey results broken down by function, so he sees what the average hides.",
        "JV board quarterly; vaccines leadership team every second week.",
        "Pre-read with charts", "quarterly", 4, 5, 120, "", "",
        (("astrelle", "JV board member; JSC co-chair"),),
    ),
    PersonSpec(
        "hofmann", "Dr. Lena Hofmann", "Clinical Development Lead, CV-214", US, "ours",
        "jsc_member", "Dr. Sofia Marchetti",
        "Enrol the Phase 2 trial on time; settle the dose-expansion question with Corvane; "
        "hold the interim analysis date.",
        "Oncology leadership, the JSC, the study team.",
        "Which sites are behind? What would Corvane's CMO need to agree to the cohort?",
        "Proposes protocol changes to the JSC; allocates study resources.",
        "The full pre-read two days before each JSC, with both sides' open actions.",
        "Study team every Tuesday; JSC quarterly.",
        "Full pre-read (Word)", "per_meeting", 3, 5, 45, "", "",
        (("corvane", "JSC member; clinical lead"),),
    ),
    PersonSpec(
        "villa", "Marco Villa", "Head of Medical Affairs, Oncology", US, "ours", "jsc_member",
        "Dr. Sofia Marchetti",
        "Scientific exchange with oncologists; medical plans for CV-214 and for the companion "
        "test.",
        "Country medical teams and the oncologists who advise us.",
        "When will data be ready for congresses? Is the companion test available in every "
        "market where TLV-118 is sold?",
        "Publication and congress plans; joint medical education with Orrinth.",
        "One calendar of data read-outs and congress deadlines across both oncology alliances.",
        "Medical plan review each quarter; the congress cycle drives his year.",
        "Timeline chart", "quarterly", 3, 4, None, "", "",
        (("corvane", "JSC member; medical"), ("orrinth", "Medical lead")),
    ),
    PersonSpec(
        "tavares", "Rui Tavares", "Finance Business Partner, Alliances", US, "ours", "finance",
        "Chief Financial Officer",
        "Accurate accruals for milestones and royalties; cost sharing reconciled on time; no "
        "surprises at quarter close.",
        "The CFO, group controlling, the external auditors.",
        "Which payments fall due this quarter? Which are overdue or disputed, and why?",
        "Accruals and forecasts; release of payments; opens disputes on invoices.",
        "A list of payments per quarter with status and the reason for any delay, two weeks "
        "before close.",
        "Quarter close in the first ten working days; monthly forecast round.",
        "Spreadsheet of payments", "monthly", 3, 4, 15, "", "",
        (("corvane", "Finance partner"), ("quillon", "Finance partner"),
         ("vendrix", "Finance partner"), ("astrelle", "Finance partner")),
    ),
    PersonSpec(
        "lindqvist", "Maren Lindqvist", "Director, Alliance Management", US, "ours",
        "alliance_team", "Nadia Haddad",
        "Keep the portfolio's value on track; hear early about relationship problems; run a "
        "practice senior people trust.",
        "Executive sponsors, the board committee, JSC members on both sides.",
        "Which alliances need my time this month? What must each sponsor hear from me before "
        "they hear it elsewhere?",
        "Where the alliance team spends its time; when to call a health review or escalate.",
        "Everything in one place on the laptop, usable offline.",
        "Portfolio review on Monday mornings; pre-reads the evening before each JSC.",
        "Dashboard", "weekly", 3, 5, 10, "", "",
        (("corvane", "Alliance lead"), ("sabellic", "Alliance lead (due diligence)"),
         ("astrelle", "Alliance lead")),
    ),
    PersonSpec(
        "kowalski", "Daniel Kowalski", "Alliance Manager", US, "ours", "alliance_team",
        "Maren Lindqvist",
        "Run the commercial and digital alliances day to day; keep actions and issues tidy.",
        "Business heads and partner alliance leads.",
        "Which actions are overdue and who is blocking them? Which partner needs a call?",
        "Meeting agendas, action follow-up, when to escalate to Maren.",
        "Pre-reads that build themselves from the data instead of being copied together.",
        "Partner calls on Tuesdays and Thursdays; JSC preparation a week ahead.",
        "Action list", "weekly", 2, 5, 10, "", "",
        (("quillon", "Alliance manager"), ("lumisca", "Alliance manager"),
         ("vendrix", "Alliance manager"), ("orrinth", "Alliance manager")),
    ),
    PersonSpec(
        "bello", "Aisha Bello", "Senior Counsel, Transactions", US, "ours", "legal",
        "General Counsel",
        "Contract compliance, avoiding formal disputes, clean exits.",
        "The General Counsel; the executive committee when a dispute looms.",
        "Is any alliance heading for a formal dispute? Which notice dates are coming?",
        "Whether and how to use a dispute clause; renewal and termination notices.",
        "A monthly list of contract dates and escalated issues.",
        "Legal review board on the last Thursday of the month.",
        "Short narrative with dates", "monthly", 3, 3, 230, "", "",
        (("corvane", "Legal counsel"), ("lumisca", "Data-sharing counsel"),
         ("vendrix", "Renewal counsel"), ("sabellic", "Deal counsel")),
    ),
    PersonSpec(
        "imbert", "Dr. Rachel Imbert", "Chief Executive Officer", "Corvane Therapeutics",
        "partner", "executive_sponsor", "Corvane board of directors",
        "The value of CV-214 ahead of Corvane's next financing round; keeping control of the "
        "science; cash runway.",
        "Her board, investors, the scientific founders.",
        "Is Talvora still committed to CV-214? Will the Phase 3 opt-in come on time?",
        "Approves Corvane's cost-sharing budget and any change to the development plan.",
        "Straight answers about Talvora's internal priorities, early.",
        "Corvane board every six weeks; investor meetings around financing rounds.",
        "Sponsor call followed by a short letter", "monthly", 5, 5, 380,
        "Validated at the first-year review; not revisited since the new CMO arrived.",
        "Has missed the last two JSCs, sending the CFO instead.",
        (("corvane", "Partner executive sponsor"),),
    ),
    PersonSpec(
        "halloran", "Dr. Viktor Halloran", "Chief Medical Officer", "Corvane Therapeutics",
        "partner", "jsc_member", "Dr. Rachel Imbert",
        "A Phase 2 design that gives a clean answer on dose; his credibility with Corvane's "
        "board.",
        "Corvane's CEO and board; the trial investigators.",
        "Why has Talvora not agreed to the dose-expansion cohort? Are the European sites really "
        "coming?",
        "Corvane's vote on protocol changes at the JSC; release of data to Talvora.",
        "Being heard before decisions are framed; arguments made with data, not positions.",
        "Weekly medical review; prefers short technical meetings to large committees.",
        "Technical slides with data", "per_meeting", 4, 5, None, "",
        "Joined Corvane ten months ago from a large pharma company. The alliance was "
        "re-introduced to him in his first month, but the worksheet interview has not happened.",
        (("corvane", "Partner JSC member"),),
    ),
    PersonSpec(
        "tanaka", "Mei Tanaka", "VP Alliance Management", "Corvane Therapeutics", "partner",
        "alliance_team", "Dr. Rachel Imbert",
        "Keep the JSC productive; protect Corvane's voice in a partnership with a bigger "
        "company.",
        "Corvane's executive team.",
        "Which of Talvora's commitments are late? Who at Talvora can unblock them?",
        "JSC agendas on Corvane's side; when to escalate to her CEO.",
        "Talvora's action owners named in the minutes, with dates.",
        "Weekly call with Maren on Fridays.",
        "Action list with owners", "weekly", 3, 5, 95, "", "",
        (("corvane", "Partner alliance lead"),),
    ),
    PersonSpec(
        "qureshi", "Samir Qureshi", "Chief Financial Officer", "Corvane Therapeutics", "partner",
        "finance", "Dr. Rachel Imbert",
        "Cash runway; timely cost-share payments from Talvora; a clean story for investors.",
        "Corvane's board and investors.",
        "When will the disputed manufacturing invoice be paid? Is the next milestone payment "
        "still on schedule?",
        "Corvane's cost-share budget; invoice disputes on Corvane's side.",
        "A named contact in Talvora finance and a date for each open invoice.",
        "Quarterly close; board reporting every six weeks.",
        "Spreadsheet of invoices", "monthly", 4, 4, None, "", "",
        (("corvane", "Partner finance lead"),),
    ),
    PersonSpec(
        "olsen", "Beatrix Olsen", "Head of European Commercial", "Quillon Biologics", "partner",
        "executive_sponsor", "Quillon Chief Executive Officer",
        "Grow QL-301 in Europe faster than the competing biologics; prepare the Spanish launch.",
        "Quillon's executive team and board.",
        "Is Talvora's field force giving QL-301 enough share of voice? Could we add Spain "
        "together?",
        "Co-chairs the joint committee; proposes scope changes such as new countries.",
        "Sales and share-of-voice figures in one joint report rather than two versions.",
        "Joint commercial committee quarterly; annual plan in September.",
        "Dashboard", "quarterly", 4, 4, 110, "", "",
        (("quillon", "Partner executive sponsor; JSC co-chair"),),
    ),
    PersonSpec(
        "grunewald", "Felix Grünewald", "Alliance Lead", "Quillon Biologics", "partner",
        "alliance_team", "Beatrix Olsen",
        "Smooth joint operations; a well-prepared year-five review.",
        "Quillon's commercial and medical teams.",
        "Which joint actions are open and who owns them?",
        "Agenda of the joint committee on Quillon's side.",
        "One shared action list instead of two spreadsheets.",
        "Weekly call with Daniel on Tuesdays.",
        "Action list", "weekly", 2, 5, 110, "", "",
        (("quillon", "Partner alliance lead"),),
    ),
    PersonSpec(
        "ellery", "Jordan Ellery", "Chief Product Officer", "Lumisca Digital", "partner",
        "executive_sponsor", "Lumisca Chief Executive Officer",
        "Product quality and release cadence; pharma partnerships that make the app stickier.",
        "Lumisca's investors and its product teams.",
        "Are enrolments growing fast enough to justify the integration work? What does "
        "Talvora want in release 3?",
        "Release scope and engineering capacity for the integration.",
        "A single prioritised feature list from Talvora, not requests from several people.",
        "Product review every second Wednesday.",
        "Chart with two lines of commentary", "monthly", 4, 4, 140, "", "",
        (("lumisca", "Partner executive sponsor"),),
    ),
    PersonSpec(
        "novak", "Hana Novak", "Partnerships Manager", "Lumisca Digital", "partner",
        "alliance_team", "Jordan Ellery",
        "Keep the Talvora integration on schedule; grow the partnership to more brands.",
        "Lumisca's product and customer success teams.",
        "Which release items are blocked on Talvora's side?",
        "Day-to-day priorities of the integration team.",
        "Fast answers from Talvora's privacy team.",
        "Weekly release call on Thursdays.",
        "Action list", "weekly", 2, 5, 140, "", "",
        (("lumisca", "Partner alliance lead"),),
    ),
    PersonSpec(
        "eriksen", "Lars Eriksen", "Managing Director", "Vendrix Medical Distribution",
        "partner", "executive_sponsor", "Vendrix group board",
        "Keep Talvora as a client; add more products to the contract to fill the new "
        "warehouse.",
        "The Vendrix group board.",
        "Will Talvora renew, and on what terms? Could the generics portfolio be added?",
        "Vendrix's offer for the renewal; investment in cold-chain capacity.",
        "An early signal of Talvora's intentions.",
        "Quarterly business review; annual strategy in October.",
        "Short narrative", "quarterly", 4, 5, 330, "", "",
        (("vendrix", "Partner executive sponsor"),),
    ),
    PersonSpec(
        "virtanen", "Kaisa Virtanen", "Key Account Director", "Vendrix Medical Distribution",
        "partner", "functional_lead", "Lars Eriksen",
        "Service levels and tender wins for Talvora's products.",
        "Vendrix's warehouse and tender teams.",
        "Which tenders are coming and what does Talvora need from us for each?",
        "Stock allocation between warehouses; tender submissions.",
        "Tender calendars a month earlier.",
        "Weekly supply call on Wednesdays.",
        "Table of service levels", "weekly", 2, 4, 180, "", "",
        (("vendrix", "Partner alliance lead"),),
    ),
    PersonSpec(
        "roux", "Dr. Amélie Roux", "VP Marketing", "Orrinth Diagnostics", "partner",
        "business_head", "Orrinth Chief Executive Officer",
        "Testing rates in lung cancer; reimbursement of the test in France and Germany.",
        "Orrinth's executive team.",
        "How many tests does the joint campaign generate per month? Where is reimbursement "
        "blocked?",
        "Co-marketing budget and campaign priorities on Orrinth's side.",
        "Testing figures by country from Talvora's field teams.",
        "Marketing committee monthly.",
        "Chart", "monthly", 3, 5, 50, "", "",
        (("orrinth", "Partner business head"),),
    ),
    PersonSpec(
        "frank", "Tobias Frank", "Partner Manager", "Orrinth Diagnostics", "partner",
        "alliance_team", "Dr. Amélie Roux",
        "Launch the joint campaign on time; set up the co-marketing committee.",
        "Orrinth's marketing and medical teams.",
        "Who approves joint materials at Talvora, and how long does it take?",
        "Campaign calendar and material submissions.",
        "One approval route for joint materials.",
        "Calls with Daniel every second Monday.",
        "Action list", "weekly", 2, 5, 50, "", "",
        (("orrinth", "Partner alliance lead"),),
    ),
    PersonSpec(
        "petridis", "Dr. Giorgos Petridis", "Interim Chief Executive Officer", "Sabellic Pharma",
        "partner", "executive_sponsor", "Sabellic board of directors",
        "Stabilise the company after the CEO's departure; keep strategic options open.",
        "Sabellic's board and lenders.",
        "Is a European licence better than a sale of the company?",
        "Whether to resume talks, and when.",
        "Time, and a clear view of Talvora's final offer range.",
        "Board meetings monthly during the transition.",
        "Short letter", "ad_hoc", 5, 2, None, "",
        "In post for five weeks; met only once, at the pause meeting.",
        (("sabellic", "Partner executive sponsor"),),
    ),
    PersonSpec(
        "maier", "Leonie Maier", "Business Development Director", "Sabellic Pharma", "partner",
        "alliance_team", "Dr. Giorgos Petridis",
        "Keep the deal alive through the leadership change.",
        "Sabellic's interim CEO and board.",
        "What does Talvora need to see to restart talks?",
        "Sabellic's data room and due diligence answers.",
        "A short list of Talvora's remaining due diligence questions.",
        "Calls with Maren every second Friday.",
        "Short narrative", "ad_hoc", 3, 5, 70, "", "",
        (("sabellic", "Partner alliance lead"),),
    ),
    PersonSpec(
        "brandt", "Dr. Ivo Brandt", "Chief Operating Officer; JV board member", "Astrelle Health",
        "partner", "executive_sponsor", "Astrelle Chief Executive Officer",
        "A profitable JV that uses the Leipzig plant fully; near-term product launches.",
        "Astrelle's executive team and board.",
        "Is the JV on its profit plan? Is plant utilisation above 80 %?",
        "Astrelle's votes on the JV board; capital expenditure for the plant.",
        "Financial and operational figures from the JV in the same format every quarter.",
        "JV board quarterly; Astrelle executive team weekly.",
        "Dashboard", "quarterly", 5, 4, 210, "", "",
        (("astrelle", "Partner executive sponsor; JV board member"),),
    ),
    PersonSpec(
        "rao", "Dr. Sunita Rao", "Head of Vaccine Research", "Astrelle Health", "partner",
        "jsc_member", "Dr. Ivo Brandt",
        "Funding and scientific freedom for the next-generation adjuvant programme.",
        "Astrelle's research teams and scientific advisory board.",
        "Will the JV board fund the next-generation programme beyond the pilot?",
        "Research priorities proposed to the JSC.",
        "A JSC agenda that gives research as much time as operations.",
        "Research review monthly; JSC quarterly.",
        "Technical slides with data", "quarterly", 3, 5, 210, "",
        "Shares the frustration of our own research team about the JV's priorities.",
        (("astrelle", "Partner JSC member"),),
    ),
    PersonSpec(
        "dufour", "Martin Dufour", "Finance Director", "Vantiga Vaccines (joint venture)",
        "partner", "finance", "Vantiga managing director",
        "JV cash, profit distribution to both parents, the plant's capital plan.",
        "The JV board and both parents' finance teams.",
        "Are both parents' contributions and cost recharges paid on time?",
        "JV cash calls and profit distributions.",
        "Parents' forecasts a month before the JV budget is due.",
        "JV month-end close; budget cycle in October.",
        "Spreadsheet", "monthly", 3, 3, None, "",
        "Seconded to the JV from Astrelle; counted on Astrelle's side.",
        (("astrelle", "JV finance director"),),
    ),
]
# fmt: on


class NeedSpec(NamedTuple):
    """An information need on a stakeholder's worksheet; days are days ago."""

    person: str
    alliance: str | None
    question: str
    decision: str
    answer_format: str
    data_source: str
    benchmark: str | None
    cadence: str
    feedback: str = "unknown"
    feedback_days_ago: int | None = None
    retired_reason: str = ""
    retired_days_ago: int | None = None


# fmt: off
NEEDS = [
    NeedSpec("board", None, "Which alliances carry a red risk this quarter, one line each?",
             "Where to ask management for a deep-dive at the next board meeting.",
             "traffic_light", "risks", None, "quarterly", "used", 200),
    NeedSpec("board", None, "Which board-level decisions are due in the next two quarters?",
             "Plan the board agenda and ask for papers in time.",
             "narrative", "decisions", None, "quarterly", "used", 200),
    NeedSpec("board", None, "How much of our revenue depends on each partner?",
             "Set the appetite for partnering risk; ask for contingency plans.",
             "number", "benchmark", "revenue_dependency", "yearly", "missing", 200),
    NeedSpec("board", None, "How many alliance meetings were held this quarter?",
             "None: it described our activity, not anything the board decides.",
             "number", "free_text", None, "quarterly", "not_used", 200,
             "The board never used it; it reported what the alliance team did rather than what "
             "the board should pay attention to.", 200),
    NeedSpec("okafor", "corvane",
             "Is the relationship with Corvane healthy enough to carry a Phase 3 programme?",
             "Whether to step in personally with Corvane's CEO, and what to recommend at the "
             "opt-in.", "traffic_light", "benchmark", "trust", "monthly", "used", 35),
    NeedSpec("okafor", "corvane", "What is the next milestone, and is it at risk?",
             "Whether to move clinical resources onto the programme.",
             "narrative", "milestones", None, "monthly", "used", 35),
    NeedSpec("okafor", "astrelle", "Is research getting a fair share of the JV's attention?",
             "Whether to table a research budget change at the JV board.",
             "chart", "benchmark", "innovation", "quarterly"),
    NeedSpec("brenner", "vendrix",
             "What would each renewal option do to Nordic revenue and service levels?",
             "The renewal mandate she gives to the Nordic GM.",
             "narrative", "free_text", None, "ad_hoc", "used", 60),
    NeedSpec("brenner", "quillon", "Are the partners' payments and royalties on plan?",
             "Next year's joint marketing budget.",
             "number", "payments", None, "quarterly", "used", 150),
    NeedSpec("marchetti", "corvane", "Which oncology milestones slipped this quarter, and why?",
             "Rebalancing oncology resources between programmes.",
             "narrative", "milestones", None, "monthly", "used", 400),
    NeedSpec("marchetti", "orrinth",
             "Is the companion test available and reimbursed in each TLV-118 market?",
             "Where to push the joint reimbursement work.",
             "traffic_light", "free_text", None, "quarterly", "missing", 90),
    NeedSpec("tavares", None,
             "Which alliance payments fall due this quarter, and which are overdue or disputed?",
             "Accruals and the cash forecast; whether to escalate a disputed invoice.",
             "number", "payments", None, "monthly", "used", 15),
    NeedSpec("tavares", None, "Every invoice line of every alliance, monthly.",
             "None identified.", "number", "payments", None, "monthly", "not_used", 120,
             "Replaced by the quarterly payments list with status; he said the line items were "
             "noise.", 120),
    NeedSpec("hofmann", "corvane", "Which of Corvane's actions are overdue before the JSC?",
             "What to raise at the JSC, and with whom beforehand.",
             "number", "actions", None, "per_meeting", "used", 45),
    NeedSpec("imbert", "corvane",
             "Is Talvora on track with the European site activations it committed to?",
             "Whether Corvane's board needs to hear about a delay.",
             "traffic_light", "milestones", None, "monthly"),
    NeedSpec("asante", "astrelle", "How do the research and commercial teams each rate the JV?",
             "Whether to propose a research sub-committee to the JV board.",
             "chart", "benchmark", "collaboration_health", "quarterly", "used", 120),
    NeedSpec("strand", "vendrix", "Are Vendrix's service levels holding during the talks?",
             "Whether to escalate service failures before the renewal decision.",
             "number", "free_text", None, "weekly", "missing", 25),
    NeedSpec("marchetti", "corvane", "How many patients did each site screen last month?",
             "None for her: the study team acts on it.", "number", "free_text", None, "monthly",
             "not_used", 90),
    NeedSpec("brenner", "quillon", "Which joint marketing events took place this quarter?",
             "None identified; she reads the revenue line instead.", "narrative", "free_text",
             None, "quarterly", "not_used", 150),
    NeedSpec("reyes", "lumisca", "Are the integration releases on time?",
             "Scope and budget of release 3.",
             "traffic_light", "benchmark", "delivery_reliability", "monthly"),
]
# fmt: on
