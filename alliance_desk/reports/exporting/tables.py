"""The portfolio (or one alliance) as plain tables, one per kind, with the headers the
importer reads: the common ground of the .xlsx and CSV exports.

Values keep their types (dates, numbers) for the spreadsheet; choices are shown by their
labels ("In progress"), which the importer reads back.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from alliance_desk.models import (
    Alliance,
    AllianceStakeholder,
    Benchmark,
    Stakeholder,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
)
from alliance_desk.reports.importing.fields import (
    ALLIANCE,
    CHOICE,
    EXPORT_KINDS,
    ID,
    OWNER,
    FieldSpec,
    KindSpec,
)

AMOUNT_FORMAT = "#,##0.00"


@dataclass
class ExportTable:
    spec: KindSpec
    columns: list[FieldSpec]
    rows: list[list[Any]]

    @property
    def headers(self) -> list[str]:
        return [c.label for c in self.columns]


def export_tables(portfolio, alliance: Alliance | None = None) -> list[ExportTable]:
    """Every exported kind as a table; with `alliance`, only its records (and its people)."""
    alliances = [alliance] if alliance is not None else portfolio.alliances()
    names = {a.id: a.name for a in alliances}
    tables = []
    for spec in EXPORT_KINDS:
        if spec.key == "alliances":
            tables.append(_records(spec, alliances, names))
        elif spec.key == "stakeholders":
            tables.append(_stakeholders(portfolio, spec, names, alliance is None))
        elif spec.key == "survey":
            tables.append(_survey(portfolio, spec, names))
        else:
            rows = []
            for each in alliances:
                rows += portfolio.tracking_rows(spec.model, each.id)
            tables.append(_records(spec, rows, names))
    return tables


def cell(spec: FieldSpec, record: Any, names: dict[str, str]) -> Any:
    """The value a spreadsheet cell shows for one field of a record (or plain row)."""
    if spec.type == ALLIANCE:
        return names.get(record.alliance_id, "")
    if spec.type == OWNER:
        return getattr(record, "owner_current", None) or record.owner_name or ""
    value = getattr(record, spec.name)
    if spec.type == CHOICE and value is not None:
        return spec.options.get(value, value)
    return value


def _ordered(spec: KindSpec) -> list[FieldSpec]:
    """The spec's fields with the id last: people read names first; the importer matches
    columns by header, so the id still finds its record."""
    return [f for f in spec.fields if f.type != ID] + [f for f in spec.fields if f.type == ID]


def _records(spec: KindSpec, records, names) -> ExportTable:
    columns = _ordered(spec)
    rows = [[cell(c, r, names) for c in columns] for r in records]
    return ExportTable(spec, columns, rows)


def _stakeholders(portfolio, spec, names, everyone: bool) -> ExportTable:
    """One row per stakeholder and alliance (with the role); people without an alliance once
    (whole-portfolio export only)."""
    columns = _ordered(spec)
    links: dict[str, list[AllianceStakeholder]] = {}
    for link in portfolio.all(AllianceStakeholder):
        if link.alliance_id in names:
            links.setdefault(link.stakeholder_id, []).append(link)
    rows = []
    for person in sorted(portfolio.all(Stakeholder), key=lambda p: p.name.casefold()):
        mine = sorted(links.get(person.id, []), key=lambda link: names[link.alliance_id].casefold())
        if not mine and not everyone:
            continue
        for link in mine or [None]:
            row = []
            for column in columns:
                if column.name == "alliance":
                    row.append(names[link.alliance_id] if link else "")
                elif column.name == "role":
                    row.append(link.role if link else "")
                else:
                    row.append(cell(column, person, names))
            rows.append(row)
    return ExportTable(spec, columns, rows)


def _survey(portfolio, spec, names) -> ExportTable:
    """One row per response, one column per benchmark answered in the export."""
    rounds = {r.id: r for r in portfolio.all(SurveyRound) if r.alliance_id in names}
    responses = [r for r in portfolio.all(SurveyResponse) if r.round_id in rounds]
    scores: dict[str, dict[str, float | None]] = {}
    used: set[str] = set()
    for score in portfolio.all(SurveyScore):
        scores.setdefault(score.response_id, {})[score.benchmark_id] = score.value
        used.add(score.benchmark_id)
    benchmarks = [b for b in portfolio.all(Benchmark, order_by=Benchmark.position) if b.id in used]
    people = {p.id: p.name for p in portfolio.all(Stakeholder, include_deleted=True)}
    fields = [f for f in spec.fields if f.type != ID]
    scores_columns = [
        FieldSpec("benchmark:" + (b.key or b.id), b.name, "number", width=max(10, len(b.name) + 2))
        for b in benchmarks
    ]
    columns = fields + scores_columns + [spec.field("id")]
    responses.sort(
        key=lambda r: (
            names[rounds[r.round_id].alliance_id].casefold(),
            rounds[r.round_id].held_on or date.min,
            r.created_at,
        )
    )
    rows = []
    for response in responses:
        survey_round = rounds[response.round_id]
        base = {
            "id": response.id,
            "alliance": names[survey_round.alliance_id],
            "round": survey_round.title,
            "date": survey_round.held_on,
            "side": spec.field("side").options.get(response.side, response.side),
            "team": response.team,
            "respondent": people.get(response.stakeholder_id, "")
            if response.stakeholder_id
            else "",
            "comment": response.comment,
        }
        mine = scores.get(response.id, {})
        row = [base[c.name] for c in fields]
        row += [mine.get(b.id) for b in benchmarks] + [response.id]
        rows.append(row)
    return ExportTable(spec, columns, rows)
