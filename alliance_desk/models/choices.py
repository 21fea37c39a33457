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
PAYMENT_STATUSES = {
    "expected": "Expected",
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
