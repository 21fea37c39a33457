"""The Risks tab: risks and issues scored likelihood x impact, and governance responsiveness
(the median days from raised to resolved) above the table."""

from typing import Any

from alliance_desk import clock
from alliance_desk.insights.status import is_open_risk
from alliance_desk.insights.tracking import (
    governance_responsiveness,
    responsiveness_by_period,
    severity_level,
)
from alliance_desk.models import Risk, choices
from alliance_desk.ui.fields import ERROR_COLOUR, ChoiceField, DateField, LineField, TextField
from alliance_desk.ui.record_tab import (
    Column,
    Row,
    choice_column,
    date_column,
    number_column,
    text_column,
)
from alliance_desk.ui.tracking.columns import SOON_COLOUR, coloured, when
from alliance_desk.ui.tracking.figures import FigureRow, big
from alliance_desk.ui.tracking.form import BELOW, Entry, OwnerField, ScoreField
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab, alliance_entry

LEVEL_COLOURS = {"high": ERROR_COLOUR, "medium": SOON_COLOUR}
REVIEW_DAYS = 7


def _review_due(row: Row, today) -> bool:
    if not is_open_risk(row.status) or row.review_date is None:
        return False
    return (row.review_date - today).days <= REVIEW_DAYS


def _severity(row: Any) -> int | None:
    if row.likelihood is None or row.impact is None:
        return None
    return row.likelihood * row.impact


class RisksTab(TrackingTab):
    model = Risk
    form_from_row = True
    figure_periods = True
    kind = "risks"
    title = "Risks"
    heading = "Risks and issues"
    noun = ("risk or issue", "risks and issues")
    statuses = choices.RISK_STATUSES
    new_label = "New risk or issue"
    new_keys = "Ctrl+Shift+R"
    extra_kinds = frozenset({"alliances", "stakeholders"})
    sort_column = 5
    sort_order = TrackingTab.sort_order.DescendingOrder
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter(
            "open", "Open", lambda row, _t: is_open_risk(row.status), "Open, monitored or escalated"
        ),
        QuickFilter("issues", "Issues", lambda row, _t: row.kind == "issue", "What has happened"),
        QuickFilter("risks", "Risks", lambda row, _t: row.kind == "risk", "What may happen"),
        QuickFilter(
            "high",
            "High",
            lambda row, _t: is_open_risk(row.status) and severity_level(_severity(row)) == "high",
            "Open, with likelihood × impact of 15 or more",
        ),
        QuickFilter("review", "Review due", _review_due, "Open, with a review date within a week"),
    ]

    def columns(self) -> list[Column]:
        return [
            text_column("Risk or issue", lambda row: row.title),
            choice_column("Kind", lambda row: row.kind, choices.RISK_KINDS),
            choice_column("Category", lambda row: row.category, choices.RISK_CATEGORIES),
            number_column("Likelihood", lambda row: row.likelihood),
            number_column("Impact", lambda row: row.impact),
            Column(
                "Severity",
                lambda row: "" if _severity(row) is None else str(_severity(row)),
                sort_key=lambda row: _severity(row) or 0,
                align=number_column("", lambda row: 0).align,
                colour=lambda row: (
                    LEVEL_COLOURS.get(severity_level(_severity(row)))
                    if is_open_risk(row.status)
                    else None
                ),
                tooltip=lambda row: "Likelihood × impact (15 or more is high)",
            ),
            choice_column("Status", lambda row: row.status, choices.RISK_STATUSES),
            text_column("Owner", lambda row: row.owner_name),
            Column(
                "Review",
                lambda row: when(row.review_date),
                sort_key=lambda row: row.review_date.isoformat() if row.review_date else "",
                colour=lambda row: ERROR_COLOUR if _review_due(row, clock.today()) else None,
                tooltip=lambda row: "Review due" if _review_due(row, clock.today()) else "",
            ),
            date_column("Raised", lambda row: row.raised_on),
            date_column("Resolved", lambda row: row.resolved_on),
        ]

    def search(self, row: Row) -> str:
        return (
            f"{row.title} {row.owner_name} {row.alliance_name} {row.description} {row.mitigation}"
        )

    def summary(self, rows: list[Row]) -> str:
        open_rows = [r for r in rows if is_open_risk(r.status)]
        high = sum(1 for r in open_rows if severity_level(_severity(r)) == "high")
        parts = [f"{len(open_rows)} open" if open_rows else "", f"{high} high" if high else ""]
        return " · ".join(p for p in parts if p)

    def sections(self):
        return [
            (
                "The risk or issue",
                [
                    alliance_entry(),
                    Entry(
                        "Kind",
                        ChoiceField(
                            "kind",
                            choices.RISK_KINDS,
                            hint="A risk may happen; an issue has happened.",
                        ),
                    ),
                    Entry(
                        "Title", LineField("title", placeholder="What may go wrong, or went wrong")
                    ),
                    Entry("Description", TextField("description", lines=3)),
                    Entry("Category", ChoiceField("category", choices.RISK_CATEGORIES)),
                ],
            ),
            (
                "Score",
                [
                    Entry("Likelihood", ScoreField("likelihood")),
                    Entry("Impact", ScoreField("impact")),
                ],
            ),
            (
                "Dates of an issue",
                [
                    Entry("Raised", DateField("raised_on")),
                    Entry("Escalated", DateField("escalated_on")),
                    Entry("Resolved", DateField("resolved_on")),
                ],
                BELOW,
            ),
            (
                "Response",
                [
                    Entry(
                        "Owner",
                        OwnerField("owner_name", hint="Pick a stakeholder, or type any name."),
                    ),
                    Entry("Mitigation", TextField("mitigation", lines=3)),
                    Entry("Status", ChoiceField("status", choices.RISK_STATUSES)),
                    Entry("Review on", DateField("review_date")),
                ],
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        return {
            "kind": "risk",
            "status": "open",
            "category": "business",
            "raised_on": clock.today(),
        }

    def prepare_form(self, form, alliance_id) -> None:
        super().prepare_form(form, alliance_id)
        people = self.context.portfolio.people_index()  # the same list until people change
        if people is not getattr(self, "_people", None):
            self._people, self._people_names = people, [p.name for p in people]
        form.field("owner_name").set_people(self._people_names)

    def header_html(self, record) -> str:
        parts = []
        severity = _severity(record)
        if severity is not None:
            level = severity_level(severity)
            scores = f"likelihood {record.likelihood} × impact {record.impact}"
            text = f"Severity {severity} ({level}): {scores}"
            parts.append(coloured(text, LEVEL_COLOURS.get(level), level == "high"))
        today = clock.today()
        if record.raised_on and record.resolved_on:
            days = (record.resolved_on - record.raised_on).days
            parts.append(f"Resolved {days} days after it was raised")
        elif record.raised_on and is_open_risk(record.status):
            parts.append(f"Open for {(today - record.raised_on).days} days")
        if _review_due(record, today):
            parts.append(coloured(f"Review due {when(record.review_date)}", ERROR_COLOUR))
        return " · ".join(parts)

    # --- governance responsiveness ---------------------------------------------------------

    def refresh_figures(self) -> None:
        shown, scope = self.figure_scope()
        if not shown:
            return
        rows = self.scope_rows(scope)
        figure = governance_responsiveness(rows)
        where = " across the portfolio" if scope is None else ""
        if figure.median_days is None:
            headline = big("Governance responsiveness: no issue resolved yet") + where
        else:
            headline = (
                big(
                    "Governance responsiveness: issues resolved in a median of "
                    f"{figure.median_days:g} days"
                )
                + f"{where} ({figure.resolved} resolved)"
            )
        open_issues = [r for r in rows if r.kind == "issue" and is_open_risk(r.status)]
        detail = f"{len(open_issues)} issue{'s' if len(open_issues) != 1 else ''} still open"
        dated = [r.raised_on for r in open_issues if r.raised_on]
        if dated:
            detail += f", the oldest raised {(clock.today() - min(dated)).days} days ago"
        detail += ". From raised to resolved; counted by the month or quarter of resolution."
        periods = responsiveness_by_period(rows, self.strip.period)
        table = [
            FigureRow(
                "Median days",
                [
                    (
                        f"{p.figure.median_days:g}" if p.figure.median_days is not None else "—",
                        None if p.figure.median_days is None else 1.0,
                    )
                    for p in periods
                ],
            ),
            FigureRow("Resolved", [(str(p.figure.resolved), 1.0) for p in periods]),
        ]
        self.strip.show_figures(headline, detail, [p.label for p in periods], table)
