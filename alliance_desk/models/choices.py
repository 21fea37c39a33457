"""The fixed vocabularies of the domain: stored value -> label shown to the user."""

STAGES = {
    "formation": "Formation",
    "governance": "Governance",
    "execution": "Execution",
    "evaluation": "Evaluation",
    "renewal_exit": "Renewal or exit",
}

ALLIANCE_TYPES = {
    "co_development": "Co-development",
    "co_commercialisation": "Co-commercialisation",
    "licensing": "Licensing",
    "technology_integration": "Technology integration",
    "distribution": "Distribution",
    "co_marketing": "Co-marketing",
    "joint_venture": "Joint venture",
    "research": "Research collaboration",
    "other": "Other",
}

ALLIANCE_STATUSES = {
    "active": "Active",
    "on_hold": "On hold",
    "winding_down": "Winding down",
    "closed": "Closed",
}

IMPORTANCE = {
    "critical": "Critical",
    "high": "High",
    "medium": "Medium",
    "low": "Low",
}

SIDES = {"ours": "Ours", "partner": "Partner"}
ACTION_SIDES = {"ours": "Ours", "partner": "Partner", "joint": "Joint"}

STAKEHOLDER_GROUPS = {
    "executive_sponsor": "Executive sponsor",
    "business_head": "Business-unit / therapeutic-area head",
    "jsc_member": "JSC member",
    "finance": "Finance partner",
    "board": "Board",
    "alliance_team": "Alliance team",
    "functional_lead": "Functional lead",
    "legal": "Legal",
    "other": "Other",
}

ANSWER_FORMATS = {
    "number": "Number",
    "narrative": "Short narrative",
    "traffic_light": "Traffic light",
    "chart": "Chart",
}

DATA_SOURCES = {
    "benchmark": "A benchmark",
    "actions": "Action items",
    "risks": "Risks and issues",
    "milestones": "Milestones",
    "payments": "Payments",
    "decisions": "Decisions",
    "free_text": "Free text",
}

CADENCES = {
    "weekly": "Weekly",
    "monthly": "Monthly",
    "quarterly": "Quarterly",
    "half_yearly": "Twice a year",
    "yearly": "Yearly",
    "per_meeting": "Per meeting",
    "ad_hoc": "When needed",
}

NEED_STATUSES = {"active": "Active", "retired": "Retired"}
NEED_FEEDBACK = {
    "unknown": "Not asked yet",
    "used": "Used",
    "not_used": "Not used",
    "missing": "Missing",
}
FEEDBACK_VERDICTS = {  # what a reader can say about an item (NEED_FEEDBACK without "not asked")
    "used": "Used",
    "not_used": "Not used",
    "missing": "Missing",
}

ACTION_STATUSES = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "cancelled": "Cancelled",
}
ACTION_SOURCES = {
    "meeting": "Meeting",
    "health_review": "Health review",
    "survey": "Survey",
    "other": "Other",
}

MILESTONE_KINDS = {
    "milestone": "Milestone",
    "deliverable": "Deliverable",
    "commitment": "Commitment",
}
MILESTONE_STATUSES = {
    "planned": "Planned",
    "done": "Done",
    "missed": "Missed",
    "cancelled": "Cancelled",
}

RISK_KINDS = {"risk": "Risk", "issue": "Issue"}
RISK_CATEGORIES = {"business": "Business", "human": "Human", "legal": "Legal"}
RISK_STATUSES = {
    "open": "Open",
    "monitoring": "Monitoring",
    "escalated": "Escalated",
    "resolved": "Resolved",
    "closed": "Closed",
}

FORUMS = {
    "board": "Board",
    "executive_sponsor": "Executive sponsor",
    "jsc": "Joint steering committee",
    "operational": "Operational committee",
}
DECISION_STATUSES = {
    "pending": "Pending",
    "decided": "Decided",
    "deferred": "Deferred",
    "cancelled": "Cancelled",
}

# A meeting's type (stored in Meeting.forum): the governance tier it belongs to.
MEETING_TYPES = {
    "jsc": "Joint steering committee",
    "board": "Board review",
    "operational": "Operational committee",
    "working_group": "Working group",
    "executive_sponsor": "Executive sponsor meeting",
}
MEETING_STATUSES = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}

PAYMENT_KINDS = {
    "upfront": "Upfront payment",
    "milestone": "Milestone payment",
    "royalty": "Royalty",
    "cost_share": "Cost sharing",
    "invoice": "Invoice",
    "other": "Other",
}
PAYMENT_DIRECTIONS = {"incoming": "We receive", "outgoing": "We pay"}
# "Overdue" is not stored: an upcoming or invoiced item past its due date is overdue
# (insights.tracking.payment_state), so it can never disagree with the dates.
PAYMENT_STATUSES = {
    "expected": "Upcoming",
    "invoiced": "Invoiced",
    "paid": "Paid",
    "disputed": "Disputed",
    "cancelled": "Cancelled",
}

CHECKLIST_KINDS = {
    "stage": "Lifecycle stage",
    "culture": "Collaborative culture",
    "growth": "Growth readiness",
    "review": "Renewal / exit review",
}
CHECK_STATUSES = {"open": "Open", "done": "Done", "na": "Not applicable"}

BENCHMARK_SOURCES = {
    "survey": "Pulse survey",
    "delivery_reliability": "Computed: delivery reliability",
    "governance_responsiveness": "Computed: governance responsiveness",
    "meeting_attendance": "Computed: meeting attendance",
    "revenue_dependency": "Computed: revenue dependency",
}

PRACTICE_FRAMEWORKS = {
    "deliverables": "Strategic deliverables",
    "habits": "Seven habits",
}

# ISO 4217 currency codes in use, with their names: a payment's currency must be one of them.
CURRENCIES = {
    "EUR": "Euro",
    "USD": "US dollar",
    "GBP": "Pound sterling",
    "CHF": "Swiss franc",
    "JPY": "Japanese yen",
    "CNY": "Chinese yuan",
    "SEK": "Swedish krona",
    "DKK": "Danish krone",
    "NOK": "Norwegian krone",
    "CAD": "Canadian dollar",
    "AUD": "Australian dollar",
    "AED": "UAE dirham",
    "AFN": "Afghan afghani",
    "ALL": "Albanian lek",
    "AMD": "Armenian dram",
    "ANG": "Netherlands Antillean guilder",
    "AOA": "Angolan kwanza",
    "ARS": "Argentine peso",
    "AWG": "Aruban florin",
    "AZN": "Azerbaijani manat",
    "BAM": "Bosnia and Herzegovina convertible mark",
    "BBD": "Barbados dollar",
    "BDT": "Bangladeshi taka",
    "BGN": "Bulgarian lev",
    "BHD": "Bahraini dinar",
    "BIF": "Burundian franc",
    "BMD": "Bermudian dollar",
    "BND": "Brunei dollar",
    "BOB": "Boliviano",
    "BRL": "Brazilian real",
    "BSD": "Bahamian dollar",
    "BTN": "Bhutanese ngultrum",
    "BWP": "Botswana pula",
    "BYN": "Belarusian ruble",
    "BZD": "Belize dollar",
    "CDF": "Congolese franc",
    "CLP": "Chilean peso",
    "COP": "Colombian peso",
    "CRC": "Costa Rican colón",
    "CUP": "Cuban peso",
    "CVE": "Cape Verdean escudo",
    "CZK": "Czech koruna",
    "DJF": "Djiboutian franc",
    "DOP": "Dominican peso",
    "DZD": "Algerian dinar",
    "EGP": "Egyptian pound",
    "ERN": "Eritrean nakfa",
    "ETB": "Ethiopian birr",
    "FJD": "Fiji dollar",
    "FKP": "Falkland Islands pound",
    "GEL": "Georgian lari",
    "GHS": "Ghanaian cedi",
    "GIP": "Gibraltar pound",
    "GMD": "Gambian dalasi",
    "GNF": "Guinean franc",
    "GTQ": "Guatemalan quetzal",
    "GYD": "Guyanese dollar",
    "HKD": "Hong Kong dollar",
    "HNL": "Honduran lempira",
    "HTG": "Haitian gourde",
    "HUF": "Hungarian forint",
    "IDR": "Indonesian rupiah",
    "ILS": "Israeli new shekel",
    "INR": "Indian rupee",
    "IQD": "Iraqi dinar",
    "IRR": "Iranian rial",
    "ISK": "Icelandic króna",
    "JMD": "Jamaican dollar",
    "JOD": "Jordanian dinar",
    "KES": "Kenyan shilling",
    "KGS": "Kyrgyzstani som",
    "KHR": "Cambodian riel",
    "KMF": "Comoro franc",
    "KPW": "North Korean won",
    "KRW": "South Korean won",
    "KWD": "Kuwaiti dinar",
    "KYD": "Cayman Islands dollar",
    "KZT": "Kazakhstani tenge",
    "LAK": "Lao kip",
    "LBP": "Lebanese pound",
    "LKR": "Sri Lankan rupee",
    "LRD": "Liberian dollar",
    "LSL": "Lesotho loti",
    "LYD": "Libyan dinar",
    "MAD": "Moroccan dirham",
    "MDL": "Moldovan leu",
    "MGA": "Malagasy ariary",
    "MKD": "Macedonian denar",
    "MMK": "Myanmar kyat",
    "MNT": "Mongolian tögrög",
    "MOP": "Macanese pataca",
    "MRU": "Mauritanian ouguiya",
    "MUR": "Mauritian rupee",
    "MVR": "Maldivian rufiyaa",
    "MWK": "Malawian kwacha",
    "MXN": "Mexican peso",
    "MYR": "Malaysian ringgit",
    "MZN": "Mozambican metical",
    "NAD": "Namibian dollar",
    "NGN": "Nigerian naira",
    "NIO": "Nicaraguan córdoba",
    "NPR": "Nepalese rupee",
    "NZD": "New Zealand dollar",
    "OMR": "Omani rial",
    "PAB": "Panamanian balboa",
    "PEN": "Peruvian sol",
    "PGK": "Papua New Guinean kina",
    "PHP": "Philippine peso",
    "PKR": "Pakistani rupee",
    "PLN": "Polish złoty",
    "PYG": "Paraguayan guaraní",
    "QAR": "Qatari riyal",
    "RON": "Romanian leu",
    "RSD": "Serbian dinar",
    "RUB": "Russian ruble",
    "RWF": "Rwandan franc",
    "SAR": "Saudi riyal",
    "SBD": "Solomon Islands dollar",
    "SCR": "Seychelles rupee",
    "SDG": "Sudanese pound",
    "SGD": "Singapore dollar",
    "SHP": "Saint Helena pound",
    "SLE": "Sierra Leonean leone",
    "SOS": "Somali shilling",
    "SRD": "Surinamese dollar",
    "SSP": "South Sudanese pound",
    "STN": "São Tomé and Príncipe dobra",
    "SVC": "Salvadoran colón",
    "SYP": "Syrian pound",
    "SZL": "Swazi lilangeni",
    "THB": "Thai baht",
    "TJS": "Tajikistani somoni",
    "TMT": "Turkmenistan manat",
    "TND": "Tunisian dinar",
    "TOP": "Tongan paʻanga",
    "TRY": "Turkish lira",
    "TTD": "Trinidad and Tobago dollar",
    "TWD": "New Taiwan dollar",
    "TZS": "Tanzanian shilling",
    "UAH": "Ukrainian hryvnia",
    "UGX": "Ugandan shilling",
    "UYU": "Uruguayan peso",
    "UZS": "Uzbekistan sum",
    "VES": "Venezuelan bolívar",
    "VND": "Vietnamese đồng",
    "VUV": "Vanuatu vatu",
    "WST": "Samoan tala",
    "XAF": "CFA franc BEAC",
    "XCD": "East Caribbean dollar",
    "XCG": "Caribbean guilder",
    "XOF": "CFA franc BCEAO",
    "XPF": "CFP franc",
    "YER": "Yemeni rial",
    "ZAR": "South African rand",
    "ZMW": "Zambian kwacha",
    "ZWG": "Zimbabwe gold",
}
