"""The SQL of the first window's reads (glance.py), compiled from the Portfolio's own
statements by `python -m alliance_desk.glance_statements`; do not edit (tests/test_glance.py
fails when this no longer matches them).

name: (SQL, the columns of a row, the columns to convert from SQLite's text or integers,
the parameters in order with theirs).
"""

STATEMENTS = {
    "action_groups": (
        "SELECT action_item.alliance_id, action_item.status, "
        "min(action_item.due_date) AS due_date, count(*) AS n \n"
        "FROM action_item JOIN alliance ON alliance.id = action_item.alliance_id \n"
        "WHERE action_item.deleted_at IS NULL AND alliance.deleted_at IS NULL AND "
        "alliance.archived_at IS NULL GROUP BY action_item.alliance_id, "
        "action_item.status, action_item.due_date < ?",
        ("alliance_id", "status", "due_date", "n"),
        {"due_date": "date"},
        (("today", "date"),),
    ),
    "alliances": (
        "SELECT alliance.name, alliance.partner, alliance.alliance_type, "
        "alliance.business_area, alliance.stage, alliance.status, alliance.importance, "
        "alliance.purpose, alliance.value_proposition, alliance.start_date, "
        "alliance.renewal_date, alliance.revenue_share, alliance.alternative_partners, "
        "alliance.our_lead, alliance.partner_lead, alliance.notes, "
        "alliance.archived_at, alliance.id, alliance.created_at, alliance.updated_at, "
        "alliance.updated_by, alliance.deleted_at \n"
        "FROM alliance \n"
        "WHERE alliance.deleted_at IS NULL ORDER BY lower(alliance.name)",
        (
            "name",
            "partner",
            "alliance_type",
            "business_area",
            "stage",
            "status",
            "importance",
            "purpose",
            "value_proposition",
            "start_date",
            "renewal_date",
            "revenue_share",
            "alternative_partners",
            "our_lead",
            "partner_lead",
            "notes",
            "archived_at",
            "id",
            "created_at",
            "updated_at",
            "updated_by",
            "deleted_at",
        ),
        {
            "archived_at": "date",
            "created_at": "datetime",
            "deleted_at": "datetime",
            "renewal_date": "date",
            "start_date": "date",
            "updated_at": "datetime",
        },
        (),
    ),
    "counted:decisions": (
        "SELECT decision.alliance_id, decision.status, decision.due_date \n"
        "FROM decision JOIN alliance ON alliance.id = decision.alliance_id \n"
        "WHERE decision.deleted_at IS NULL AND alliance.deleted_at IS NULL AND "
        "alliance.archived_at IS NULL",
        ("alliance_id", "status", "due_date"),
        {"due_date": "date"},
        (),
    ),
    "counted:milestones": (
        "SELECT milestone.alliance_id, milestone.status, milestone.due_date, "
        "milestone.completed_on, milestone.owner_side \n"
        "FROM milestone JOIN alliance ON alliance.id = milestone.alliance_id \n"
        "WHERE milestone.deleted_at IS NULL AND alliance.deleted_at IS NULL "
        "AND alliance.archived_at IS NULL",
        ("alliance_id", "status", "due_date", "completed_on", "owner_side"),
        {"completed_on": "date", "due_date": "date"},
        (),
    ),
    "counted:risks": (
        "SELECT risk.alliance_id, risk.status \n"
        "FROM risk JOIN alliance ON alliance.id = risk.alliance_id \n"
        "WHERE risk.deleted_at IS NULL AND alliance.deleted_at IS NULL AND "
        "alliance.archived_at IS NULL",
        ("alliance_id", "status"),
        {},
        (),
    ),
    "payments": (
        "SELECT payment.alliance_id, payment.title, payment.kind, payment.direction, "
        "payment.amount, payment.currency, payment.due_date, payment.paid_on, "
        "payment.status, payment.note, payment.id, payment.created_at, "
        "payment.updated_at, payment.updated_by, payment.deleted_at, alliance.name AS "
        "alliance_name \n"
        "FROM payment JOIN alliance ON alliance.id = payment.alliance_id \n"
        "WHERE payment.deleted_at IS NULL AND alliance.deleted_at IS NULL AND "
        "alliance.archived_at IS NULL ORDER BY payment.created_at",
        (
            "alliance_id",
            "title",
            "kind",
            "direction",
            "amount",
            "currency",
            "due_date",
            "paid_on",
            "status",
            "note",
            "id",
            "created_at",
            "updated_at",
            "updated_by",
            "deleted_at",
            "alliance_name",
        ),
        {
            "created_at": "datetime",
            "deleted_at": "datetime",
            "due_date": "date",
            "paid_on": "date",
            "updated_at": "datetime",
        },
        (),
    ),
    "pending_decisions": (
        "SELECT decision.alliance_id, decision.title, decision.forum, "
        "decision.due_date, decision.options, decision.recommendation, "
        "decision.status, decision.outcome, decision.decided_on, "
        "decision.meeting_id, decision.id, decision.created_at, "
        "decision.updated_at, decision.updated_by, decision.deleted_at, "
        "alliance.name AS alliance_name \n"
        "FROM decision JOIN alliance ON alliance.id = decision.alliance_id \n"
        "WHERE decision.deleted_at IS NULL AND alliance.deleted_at IS NULL AND "
        "alliance.archived_at IS NULL AND decision.status = ? ORDER BY "
        "decision.created_at",
        (
            "alliance_id",
            "title",
            "forum",
            "due_date",
            "options",
            "recommendation",
            "status",
            "outcome",
            "decided_on",
            "meeting_id",
            "id",
            "created_at",
            "updated_at",
            "updated_by",
            "deleted_at",
            "alliance_name",
        ),
        {
            "created_at": "datetime",
            "decided_on": "date",
            "deleted_at": "datetime",
            "due_date": "date",
            "updated_at": "datetime",
        },
        (("status", None),),
    ),
}
