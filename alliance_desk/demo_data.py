"""The demo portfolio's content: a fictional mid-size drug company, Talvora Pharma, and its
seven alliances. Pure data; `alliance_desk.demo` turns it into records.

Dates are offsets from the day the demo is written (negative = in the past), so "overdue" and
"due this week" stay true whenever it is built. Every company and person here is invented.
The tables are laid out by hand (`# fmt: off`): a record per few lines reads better than one
field per line; the NamedTuple above each table names the fields.
"""

from typing import NamedTuple

US = "Talvora Pharma"


class AllianceSpec(NamedTuple):
    key: str
    name: str
    partner: str
    alliance_type: str
    business_area: str
    importance: str
    status: str
    purpose: str
    value_proposition: str
    started_months_ago: int
    renewal_in_days: int
    revenue_share: float
    alternative_partners: int
    our_lead: str
    partner_lead: str
    notes: str
    # (stage, months ago, note) after the first stage, oldest first
    stages: tuple[tuple[str, int, str], ...]


ALLIANCES = [
    AllianceSpec(
        key="corvane",
        name="Corvane CV-214 co-development",
        partner="Corvane Therapeutics",
        alliance_type="co_development",
        business_area="Oncology: lung cancer",
        importance="critical",
        status="active",
        purpose=(
            "Take CV-214, Corvane's oral targeted therapy, through Phase 2 in second-line lung "
            "cancer and be ready to start a registrational trial next year."
        ),
        value_proposition=(
            "Corvane brings the molecule and its translational science; Talvora brings clinical "
            "operations in fourteen countries, regulatory experience and the commercial reach a "
            "small biotech lacks. Development costs are shared 60/40 (Talvora/Corvane), profits "
            "50/50 in the US and Europe."
        ),
        started_months_ago=30,
        renewal_in_days=240,
        revenue_share=0.0,
        alternative_partners=2,
        our_lead="Maren Lindqvist",
        partner_lead="Mei Tanaka",
        notes=(
            "Relationship under strain since Corvane's new CMO questioned our dose strategy and "
            "the European sites slipped. The renewal date is the Phase 3 opt-in deadline in the "
            "contract, not a renewal as such."
        ),
        stages=(
            ("governance", 27, "Contract signed; JSC charter agreed at the kick-off."),
            ("execution", 22, "Phase 2 protocol approved; first sites in the US opened."),
        ),
    ),
    AllianceSpec(
        key="quillon",
        name="Quillon psoriasis co-commercialisation",
        partner="Quillon Biologics",
        alliance_type="co_commercialisation",
        business_area="Immunology: dermatology",
        importance="high",
        status="active",
        purpose=(
            "Co-promote Quillon's psoriasis biologic QL-301 in Germany, France and Italy with one "
            "joint field force plan and shared medical education."
        ),
        value_proposition=(
            "Quillon has the product and dermatology know-how but no European sales force; "
            "Talvora's immunology teams cover the hospital and office dermatologists. Talvora "
            "books 35 % of net sales in its territories and pays a tiered royalty above target."
        ),
        started_months_ago=54,
        renewal_in_days=420,
        revenue_share=18.0,
        alternative_partners=3,
        our_lead="Daniel Kowalski",
        partner_lead="Felix Grünewald",
        notes=(
            "Steady and trusted. The year-five health assessment is under way; Quillon has "
            "floated adding Spain, so the growth readiness checklist is open."
        ),
        stages=(
            ("governance", 50, "Joint commercial committee and brand team set up."),
            ("execution", 46, "Launch in Germany; France and Italy followed within six months."),
            ("evaluation", 4, "Year-five health assessment started ahead of the term review."),
        ),
    ),
    AllianceSpec(
        key="lumisca",
        name="Lumisca adherence app integration",
        partner="Lumisca Digital",
        alliance_type="technology_integration",
        business_area="Patient services: digital health",
        importance="medium",
        status="active",
        purpose=(
            "Offer Talvora's patient support programme inside Lumisca's medication adherence app, "
            "so patients on our biologics get reminders, nurse calls and refill help in one place."
        ),
        value_proposition=(
            "Lumisca gains a pharma-grade support programme for its users; Talvora reaches "
            "patients in an app they already use, instead of building its own. Talvora pays a "
            "platform fee per enrolled patient and a share of the integration costs."
        ),
        started_months_ago=16,
        renewal_in_days=560,
        revenue_share=3.0,
        alternative_partners=4,
        our_lead="Daniel Kowalski",
        partner_lead="Hana Novak",
        notes=(
            "Release 2 slipped twice, which dented communication scores for two quarters; the "
            "weekly release call agreed at the health review brought them back."
        ),
        stages=(
            ("governance", 13, "Data-sharing agreement and release governance agreed."),
            ("execution", 9, "Release 1 live in Germany."),
        ),
    ),
    AllianceSpec(
        key="vendrix",
        name="Vendrix Nordic distribution",
        partner="Vendrix Medical Distribution",
        alliance_type="distribution",
        business_area="Specialty care: Nordic countries",
        importance="medium",
        status="active",
        purpose=(
            "Distribute Talvora's specialty products to hospitals and pharmacies in Sweden, "
            "Denmark, Norway and Finland, including cold-chain storage and tender support."
        ),
        value_proposition=(
            "Vendrix runs the warehouses, cold chain and hospital tender administration that "
            "would not pay for themselves at Talvora's Nordic volumes; Talvora keeps marketing "
            "and medical. Vendrix earns a fixed margin on net sales."
        ),
        started_months_ago=84,
        renewal_in_days=150,
        revenue_share=62.0,
        alternative_partners=1,
        our_lead="Daniel Kowalski",
        partner_lead="Kaisa Virtanen",
        notes=(
            "Contract ends in five months; notice must be given 90 days before. Vendrix carries "
            "most of our Nordic revenue and only one other distributor could take over."
        ),
        stages=(
            ("governance", 82, "Service level agreement signed."),
            ("execution", 80, "First shipments from the Stockholm warehouse."),
            ("evaluation", 14, "Health assessment ahead of the contract's final year."),
            ("renewal_exit", 2, "Renewal review opened: renew, restructure or change distributor."),
        ),
    ),
    AllianceSpec(
        key="orrinth",
        name="Orrinth companion test co-marketing",
        partner="Orrinth Diagnostics",
        alliance_type="co_marketing",
        business_area="Oncology: diagnostics",
        importance="high",
        status="active",
        purpose=(
            "Make Orrinth's tumour mutation test available and reimbursed wherever Talvora's lung "
            "cancer medicine TLV-118 is prescribed, and market the two together to oncologists."
        ),
        value_proposition=(
            "Patients can only receive TLV-118 after a positive test: more testing means more "
            "eligible patients for us and more tests sold for Orrinth. Marketing costs are shared "
            "50/50; each side keeps its own revenue."
        ),
        started_months_ago=8,
        renewal_in_days=1100,
        revenue_share=5.0,
        alternative_partners=2,
        our_lead="Daniel Kowalski",
        partner_lead="Tobias Frank",
        notes="Young alliance, trust building well. Monthly pulse while governance settles.",
        stages=(("governance", 3, "Co-marketing agreement signed; joint committee set up."),),
    ),
    AllianceSpec(
        key="sabellic",
        name="Sabellic biosimilar in-licensing",
        partner="Sabellic Pharma",
        alliance_type="licensing",
        business_area="Biosimilars",
        importance="medium",
        status="on_hold",
        purpose=(
            "In-license European rights to Sabellic's adalimumab biosimilar to enter the "
            "biosimilar market without building our own development capability."
        ),
        value_proposition=(
            "Sabellic has an approved product and no sales force in Europe; Talvora has hospital "
            "access and tender experience. Proposed terms: upfront, sales milestones and a "
            "supply price with a profit share."
        ),
        started_months_ago=4,
        renewal_in_days=300,
        revenue_share=0.0,
        alternative_partners=3,
        our_lead="Maren Lindqvist",
        partner_lead="Leonie Maier",
        notes=(
            "Term sheet talks paused five weeks ago when Sabellic's CEO left; the interim CEO has "
            "asked for time. Due diligence findings so far are clean."
        ),
        stages=(),
    ),
    AllianceSpec(
        key="astrelle",
        name="Vantiga vaccines joint venture",
        partner="Astrelle Health",
        alliance_type="joint_venture",
        business_area="Vaccines: respiratory",
        importance="critical",
        status="active",
        purpose=(
            "Run Vantiga Vaccines, our 50/50 joint venture with Astrelle, to develop and make "
            "respiratory vaccines for Europe from the shared plant in Leipzig."
        ),
        value_proposition=(
            "Astrelle brings its adjuvant platform and vaccine research; Talvora brings "
            "late-stage development, regulatory and commercial. Both fund the JV equally and "
            "share its profits; the plant serves both parents' contract manufacturing."
        ),
        started_months_ago=62,
        renewal_in_days=700,
        revenue_share=35.0,
        alternative_partners=1,
        our_lead="Maren Lindqvist",
        partner_lead="Dr. Ivo Brandt",
        notes=(
            "Commercially strong; the research teams on both sides feel the JV board favours "
            "near-term products over the next-generation programme."
        ),
        stages=(
            ("governance", 58, "JV incorporated; board and JSC constituted."),
            ("execution", 55, "Leipzig plant transferred to the JV."),
            ("evaluation", 5, "Half-yearly health assessment cycle started with the JV board."),
        ),
    ),
]


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
    NeedSpec("reyes", "lumisca", "Are the integration releases on time?",
             "Scope and budget of release 3.",
             "traffic_light", "benchmark", "delivery_reliability", "monthly"),
]
# fmt: on


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
