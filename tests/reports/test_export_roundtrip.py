"""Export -> import into a fresh portfolio -> the same records; and once more -> no duplicates."""

import pytest

from alliance_desk.defaults import seed_defaults
from alliance_desk.models import (
    ActionItem,
    AllianceStakeholder,
    Decision,
    Milestone,
    Payment,
    Risk,
    Stakeholder,
    SurveyResponse,
    SurveyScore,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.exporting import write_csv, write_xlsx
from alliance_desk.reports.importing import IMPORT_KINDS, build_preview, read_table, run_import
from tests.conftest import PASSPHRASE

KINDS = list(IMPORT_KINDS)
FIELDS = {
    ActionItem: (
        "title",
        "description",
        "owner_name",
        "side",
        "due_date",
        "status",
        "completed_on",
        "impact",
        "feasibility",
    ),
    Milestone: ("title", "kind", "owner_side", "due_date", "completed_on", "status", "root_cause"),
    Risk: (
        "title",
        "kind",
        "category",
        "likelihood",
        "impact",
        "owner_name",
        "status",
        "raised_on",
        "resolved_on",
        "review_date",
    ),
    Decision: ("title", "forum", "due_date", "status", "outcome", "decided_on"),
    Payment: ("title", "kind", "direction", "amount", "currency", "due_date", "paid_on", "status"),
    Stakeholder: (
        "name",
        "title",
        "organisation",
        "side",
        "group",
        "email",
        "influence",
        "interest",
    ),
}


def snapshot(portfolio: Portfolio) -> dict:
    """Every imported record as comparable values (alliances by name, not id)."""
    names = {a.id: a.name for a in portfolio.alliances()}
    result = {}
    for model, fields in FIELDS.items():
        rows = []
        for record in portfolio.all(model):
            where = names.get(getattr(record, "alliance_id", None), "")
            rows.append((where, *(getattr(record, f) for f in fields)))
        result[model.__name__] = sorted(rows, key=repr)
    result["alliances"] = sorted(
        (a.name, a.partner, a.stage, a.status, a.importance, a.start_date, a.revenue_share)
        for a in portfolio.alliances()
    )
    people = {p.id: p.name for p in portfolio.all(Stakeholder)}
    result["roles"] = sorted(
        (names[link.alliance_id], people[link.stakeholder_id], link.role)
        for link in portfolio.all(AllianceStakeholder)
        if link.alliance_id in names and link.stakeholder_id in people
    )
    result["responses"] = len(portfolio.all(SurveyResponse))
    result["scores"] = sorted(s.value for s in portfolio.all(SurveyScore))
    return result


def import_everything(target: Portfolio, source_for) -> dict[str, str]:
    results = {}
    for kind in KINDS:
        preview = build_preview(target, read_table(source_for(kind), prefer=kind), kind)
        assert preview.problems == [], (kind, [str(p) for p in preview.problems[:3]])
        results[kind] = str(run_import(target, preview))
    return results


@pytest.mark.parametrize("form", ["xlsx", "csv"])
def test_export_then_import_into_a_fresh_portfolio_gives_the_same_records(
    demo_file, tmp_path, form
):
    with Portfolio.open(demo_file, "demo") as demo:
        if form == "xlsx":
            write_xlsx(demo, tmp_path / "all.xlsx")
        else:
            write_csv(demo, tmp_path / "csv")
        expected = snapshot(demo)

    def source_for(kind: str):
        return tmp_path / "all.xlsx" if form == "xlsx" else tmp_path / "csv" / f"{kind}.csv"

    with Portfolio.create(tmp_path / "fresh.alliance", PASSPHRASE) as fresh:
        seed_defaults(fresh)
        import_everything(fresh, source_for)
        assert snapshot(fresh) == expected
        again = import_everything(fresh, source_for)
        assert all(result.startswith("0 added, 0 updated") for result in again.values()), again
        assert snapshot(fresh) == expected
