"""Storing a checked import: every good row of a preview in ONE transaction, or nothing."""

from dataclasses import dataclass

from alliance_desk.models import Alliance
from alliance_desk.portfolio_transactions import RELOAD_ABOVE
from alliance_desk.reports.importing.preview import (
    ADD,
    UNCHANGED,
    UPDATE,
    ImportRefused,
    Preview,
    Progress,
)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


def run_import(portfolio, preview: Preview, progress: Progress | None = None) -> ImportResult:
    """Store the planned rows of `preview` in one batch: all of them, or (on any failure,
    including a progress callback that raises to cancel) none."""
    if not preview.ready:
        raise ImportRefused(str(preview.question))
    counts = preview.counts()
    total = len(preview.planned)
    with portfolio.batch(reload=total > RELOAD_ABOVE):
        if preview.kind == "survey":
            from alliance_desk.reports.importing.survey import apply_survey

            apply_survey(portfolio, preview, progress)
        else:
            _apply_records(portfolio, preview, progress)
    return ImportResult(counts[ADD], counts[UPDATE], counts[UNCHANGED], counts["skipped"])


def _apply_records(portfolio, preview: Preview, progress: Progress | None) -> None:
    from alliance_desk.reports.importing.fields import IMPORT_KINDS

    model = IMPORT_KINDS[preview.kind].model
    total = len(preview.planned)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done, total)

    adds = [p for p in preview.planned if p.action == ADD]
    if preview.kind == "alliances":
        for planned in adds:
            fields = dict(planned.fields)
            portfolio.add_alliance(fields.pop("name"), fields.pop("stage", "formation"), **fields)
            tick()
    elif preview.kind == "stakeholders":
        for planned in adds:
            planned.record = portfolio.add(model, **planned.fields)
            tick()
    else:

        def rows():
            for planned in adds:
                tick()
                yield planned.fields

        portfolio.add_many(model, rows())
    for planned in preview.planned:
        if planned.action == UPDATE:
            fields = dict(planned.fields)
            if preview.kind == "alliances" and "stage" in fields:  # with its history row
                portfolio.set_stage(planned.record, fields.pop("stage"))
            if fields:
                portfolio.update(planned.record, **fields)
            tick()
        if "same_as" in planned.extra:
            planned.record = planned.extra["same_as"].record
        if preview.kind == "stakeholders" and planned.extra.get("alliance") is not None:
            role = planned.extra.get("role")
            alliance: Alliance = planned.extra["alliance"]
            if role is None:
                current = [
                    r for p, r in portfolio.stakeholders_of(alliance) if p.id == planned.record.id
                ]
                role = current[0] if current else ""
            portfolio.link_stakeholder(alliance, planned.record, role)
    if progress is not None:
        progress(total, total)


__all__ = ["ImportResult", "run_import", "UNCHANGED"]
