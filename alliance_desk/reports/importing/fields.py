"""The columns of each importable kind: field name, the header we write, the headers we
recognise (synonyms), and how a cell becomes a value. Exports write the same headers, so an
exported file imports back without a mapping."""

from dataclasses import dataclass

from alliance_desk.models import (
    ActionItem,
    Alliance,
    Decision,
    Meeting,
    Milestone,
    Payment,
    Risk,
    Stakeholder,
    Tracked,
    choices,
)

# How a cell is read: text, date, amount (money), number, integer, score (1-5), choice,
# alliance (a name or id), owner (a stakeholder's name, or free text), id (a row id).
TEXT, DATE, AMOUNT, NUMBER, INTEGER, SCORE, CHOICE = (
    "text",
    "date",
    "amount",
    "number",
    "integer",
    "score",
    "choice",
)
ALLIANCE, OWNER, ID, CURRENCY = "alliance", "owner", "id", "currency"


@dataclass(frozen=True)
class FieldSpec:
    name: str  # the model column, or 'alliance', 'owner', 'id', 'role' ...
    label: str  # the header an export writes
    type: str = TEXT
    synonyms: tuple[str, ...] = ()
    options: dict | None = None  # stored value -> label, for CHOICE
    width: int = 14  # column width in an exported sheet (characters)


@dataclass(frozen=True)
class KindSpec:
    key: str  # the import kind: 'actions', ...
    model: type[Tracked] | None
    sheet: str  # the sheet (and CSV file) name in exports
    fields: tuple[FieldSpec, ...]
    required: tuple[str, ...]  # fields that must have a column
    natural_key: tuple[str, ...]  # what identifies a row when there is no id column

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


DUE = ("Due", "Deadline", "Target date", "Due by", "Due on", "Target", "By when")
OWNER_WORDS = ("Owner", "Responsible", "Assignee", "Assigned to", "Who", "Accountable")
NOTE_WORDS = ("Notes", "Comment", "Comments", "Remarks")

IDENTITY = FieldSpec("id", "Id", ID, ("Record id", "Alliance Desk id", "UUID"), width=38)
ALLIANCE_COLUMN = FieldSpec(
    "alliance", "Alliance", ALLIANCE, ("Alliance name", "Partnership", "Deal"), width=24
)
TITLE_WIDTH = 40


def _title(*synonyms: str) -> FieldSpec:
    return FieldSpec("title", "Title", TEXT, synonyms + ("Name", "Subject"), width=TITLE_WIDTH)


def _choice(name: str, label: str, options: dict, *synonyms: str) -> FieldSpec:
    return FieldSpec(name, label, CHOICE, synonyms, options)


def _date(name: str, label: str, *synonyms: str) -> FieldSpec:
    return FieldSpec(name, label, DATE, synonyms, width=12)


def _prose(name: str, label: str, *synonyms: str) -> FieldSpec:
    return FieldSpec(name, label, TEXT, synonyms, width=40)


ALLIANCES = KindSpec(
    "alliances",
    Alliance,
    "Alliances",
    (
        IDENTITY,
        FieldSpec("name", "Name", TEXT, ("Alliance", "Alliance name", "Partnership"), width=24),
        FieldSpec(
            "partner", "Partner", TEXT, ("Partner company", "Company", "Counterparty"), width=20
        ),
        _choice("alliance_type", "Type", choices.ALLIANCE_TYPES, "Alliance type", "Deal type"),
        FieldSpec("business_area", "Business area", TEXT, ("Therapeutic area", "Area", "Unit")),
        _choice("stage", "Stage", choices.STAGES, "Lifecycle stage", "Phase"),
        _choice("status", "Status", choices.ALLIANCE_STATUSES),
        _choice("importance", "Importance", choices.IMPORTANCE, "Priority", "Tier"),
        _prose("purpose", "Purpose", "Objective", "Goal"),
        _prose("value_proposition", "Value proposition", "Value"),
        _date("start_date", "Start date", "Start", "Signed", "Signature date", "Effective date"),
        _date("renewal_date", "Renewal date", "Renewal", "End date", "Expiry", "Term end"),
        FieldSpec("revenue_share", "Revenue share %", NUMBER, ("Revenue share", "Share")),
        FieldSpec("alternative_partners", "Alternative partners", INTEGER, ("Alternatives",)),
        FieldSpec("our_lead", "Our lead", TEXT, ("Alliance manager", "Internal lead"), width=20),
        FieldSpec("partner_lead", "Partner lead", TEXT, ("Partner contact",), width=20),
        _prose("notes", "Notes", *NOTE_WORDS[1:]),
    ),
    required=("name",),
    natural_key=("name",),
)

STAKEHOLDERS = KindSpec(
    "stakeholders",
    Stakeholder,
    "Stakeholders",
    (
        IDENTITY,
        FieldSpec(
            "name", "Name", TEXT, ("Full name", "Person", "Stakeholder", "Contact"), width=22
        ),
        FieldSpec(
            "title", "Job title", TEXT, ("Position", "Role title", "Function title"), width=24
        ),
        FieldSpec(
            "organisation", "Organisation", TEXT, ("Organization", "Company", "Employer"), width=20
        ),
        _choice("side", "Side", choices.SIDES, "Our side or partner"),
        _choice("group", "Group", choices.STAKEHOLDER_GROUPS, "Stakeholder group", "Category"),
        FieldSpec("email", "Email", TEXT, ("E-mail", "Mail", "Email address"), width=26),
        FieldSpec("reports_to", "Reports to", TEXT, ("Manager", "Line manager"), width=20),
        FieldSpec("influence", "Influence", SCORE, ("Power",), width=10),
        FieldSpec("interest", "Interest", SCORE, (), width=10),
        FieldSpec("preferred_format", "Preferred format", TEXT, ("Format",)),
        _prose("priorities", "Priorities"),
        _prose("notes", "Notes", *NOTE_WORDS[1:]),
        FieldSpec("alliance", "Alliance", ALLIANCE, ("Alliances", "Partnership"), width=24),
        FieldSpec("role", "Role", TEXT, ("Role in alliance", "Alliance role"), width=20),
    ),
    required=("name",),
    natural_key=("name",),
)

ACTIONS = KindSpec(
    "actions",
    ActionItem,
    "Actions",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _title("Action", "Action item", "Task", "To do", "What"),
        _prose("description", "Description", "Details"),
        FieldSpec("owner", "Owner", OWNER, OWNER_WORDS[1:], width=20),
        _choice("side", "Side", choices.ACTION_SIDES, "Owner side", "Whose"),
        _date("due_date", "Due date", *DUE),
        _choice("status", "Status", choices.ACTION_STATUSES, "State"),
        _date("completed_on", "Completed on", "Completed", "Done on", "Closed on", "Date done"),
        FieldSpec("impact", "Impact", SCORE, (), width=10),
        FieldSpec("feasibility", "Feasibility", SCORE, ("Ease",), width=10),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

MILESTONES = KindSpec(
    "milestones",
    Milestone,
    "Milestones",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _title("Milestone", "Deliverable", "Commitment"),
        _prose("description", "Description", "Details"),
        _choice("kind", "Kind", choices.MILESTONE_KINDS, "Type"),
        _choice("owner_side", "Owner side", choices.ACTION_SIDES, *OWNER_WORDS, "Side"),
        _date("due_date", "Due date", *DUE, "Planned date", "Baseline date"),
        _date("completed_on", "Completed on", "Completed", "Actual date", "Achieved on"),
        _choice("status", "Status", choices.MILESTONE_STATUSES, "State"),
        _prose("root_cause", "Root cause", "Reason missed", "Cause"),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

RISKS = KindSpec(
    "risks",
    Risk,
    "Risks",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _choice("kind", "Kind", choices.RISK_KINDS, "Type", "Risk or issue"),
        _title("Risk", "Issue", "Risk title"),
        _prose("description", "Description", "Details"),
        _choice("category", "Category", choices.RISK_CATEGORIES),
        FieldSpec("likelihood", "Likelihood", SCORE, ("Probability", "Chance"), width=10),
        FieldSpec("impact", "Impact", SCORE, ("Severity of impact",), width=10),
        FieldSpec("owner_name", "Owner", TEXT, OWNER_WORDS[1:], width=20),
        _prose("mitigation", "Mitigation", "Mitigation plan", "Response", "Action plan"),
        _choice("status", "Status", choices.RISK_STATUSES, "State"),
        _date("review_date", "Review date", "Next review", "Review"),
        _date("raised_on", "Raised on", "Raised", "Date raised", "Identified", "Identified on"),
        _date("escalated_on", "Escalated on", "Escalated"),
        _date("resolved_on", "Resolved on", "Resolved", "Closed on", "Date closed"),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

DECISIONS = KindSpec(
    "decisions",
    Decision,
    "Decisions",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _title("Decision", "Question", "Decision needed"),
        _choice("forum", "Forum", choices.FORUMS, "Committee", "Body", "Governance body"),
        _date("due_date", "Due date", *DUE, "Needed by"),
        _prose("options", "Options", "Alternatives"),
        _prose("recommendation", "Recommendation", "Proposal"),
        _choice("status", "Status", choices.DECISION_STATUSES, "State"),
        _prose("outcome", "Outcome", "Result", "Decision taken"),
        _date("decided_on", "Decided on", "Decided", "Decision date", "Date decided"),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

PAYMENTS = KindSpec(
    "payments",
    Payment,
    "Payments",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _title("Payment", "Item", "Financial item", "Invoice"),
        _choice("kind", "Kind", choices.PAYMENT_KINDS, "Type", "Payment type"),
        _choice("direction", "Direction", choices.PAYMENT_DIRECTIONS, "In or out", "Flow"),
        FieldSpec("amount", "Amount", AMOUNT, ("Value", "Sum", "Total", "Amount due"), width=14),
        FieldSpec("currency", "Currency", CURRENCY, ("Ccy", "Cur"), width=9),
        _date("due_date", "Due date", *DUE, "Expected on", "Invoice due", "Expected"),
        _date("paid_on", "Paid on", "Paid", "Payment date", "Received on", "Date paid"),
        _choice("status", "Status", choices.PAYMENT_STATUSES, "State"),
        _prose("note", "Note", *NOTE_WORDS),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

MEETINGS = KindSpec(  # exported (sheets, calendars); not an import kind
    "meetings",
    Meeting,
    "Meetings",
    (
        IDENTITY,
        ALLIANCE_COLUMN,
        _title("Meeting"),
        _choice("forum", "Meeting type", choices.MEETING_TYPES, "Forum", "Type"),
        _date("held_on", "Date", "Held on", "Meeting date"),
        FieldSpec("location", "Location", TEXT, ("Where", "Venue"), width=20),
        _choice("status", "Status", choices.MEETING_STATUSES),
        _prose("agenda", "Agenda"),
        _prose("notes", "Minutes", "Notes"),
    ),
    required=("alliance", "title"),
    natural_key=("alliance", "title"),
)

SURVEY = KindSpec(
    "survey",
    None,
    "Survey",
    (
        FieldSpec("id", "Response id", ID, ("Id", "Response", "Record id"), width=38),
        ALLIANCE_COLUMN,
        FieldSpec("round", "Round", TEXT, ("Survey", "Survey round", "Wave", "Pulse"), width=24),
        _date("date", "Date", "Survey date", "Held on", "Round date", "Submitted", "Timestamp"),
        _choice("side", "Side", choices.SIDES, "Company", "Our side or partner"),
        FieldSpec("team", "Team", TEXT, ("Department", "Function", "Group"), width=16),
        FieldSpec(
            "respondent", "Respondent", TEXT, ("Name", "Respondent name", "Stakeholder"), width=20
        ),
        _prose("comment", "Comment", *NOTE_WORDS),
    ),
    required=("alliance",),
    natural_key=("round", "respondent"),
)

IMPORT_KINDS: dict[str, KindSpec] = {
    spec.key: spec
    for spec in (ALLIANCES, STAKEHOLDERS, ACTIONS, MILESTONES, RISKS, DECISIONS, PAYMENTS, SURVEY)
}
EXPORT_KINDS: tuple[KindSpec, ...] = (
    ALLIANCES,
    STAKEHOLDERS,
    ACTIONS,
    MILESTONES,
    RISKS,
    DECISIONS,
    MEETINGS,
    PAYMENTS,
    SURVEY,
)
BENCHMARK_PREFIX = "benchmark:"
