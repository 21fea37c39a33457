"""The definitions every portfolio starts with: benchmarks and checklist templates.

They ship as JSON in `resources/` (our own words, from DOMAIN.md) and are copied into a
portfolio by `seed_defaults`; from then on they belong to the portfolio and can be edited.
"""

import json
from typing import Any

from alliance_desk.models import (
    Alliance,
    Benchmark,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage.paths import resource_path

TEMPLATE_FIELDS = ("key", "title", "kind", "stage", "description", "position")
FLOAT_FIELDS = ("scale_min", "scale_max", "green_at", "red_below")


def benchmark_definitions() -> list[dict[str, Any]]:
    """The default benchmarks as `Benchmark` fields (the JSON's explanatory notes left out)."""
    data = json.loads(resource_path("benchmarks.json").read_text(encoding="utf-8"))
    columns = {c.key for c in Benchmark.__table__.columns}
    definitions = []
    for entry in data["benchmarks"]:
        fields = {k: v for k, v in entry.items() if k in columns}
        for key in FLOAT_FIELDS:
            if fields.get(key) is not None:
                fields[key] = float(fields[key])
        definitions.append(fields)
    return definitions


def checklist_definitions() -> list[dict[str, Any]]:
    """The default checklist templates, each with its `items` (text and guidance), in order."""
    templates = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(resource_path("checklists").glob("*.json"))
    ]
    return sorted(templates, key=lambda t: (t.get("position", 0), t["key"]))


def seed_defaults(portfolio: Portfolio) -> None:
    """Add the default benchmarks and checklist templates the portfolio does not have yet.

    A definition whose key already exists (and is not deleted) is left alone, so running this
    again, or on a portfolio whose user edited the defaults, changes nothing.
    """
    with portfolio.batch():  # ~100 rows: one commit, not one fsync each
        _seed(portfolio)


def _seed(portfolio: Portfolio) -> None:
    have = {b.key for b in portfolio.all(Benchmark)}
    for fields in benchmark_definitions():
        if fields["key"] not in have:
            portfolio.add(Benchmark, **fields)
    have = {t.key for t in portfolio.all(ChecklistTemplate)}
    for definition in checklist_definitions():
        if definition["key"] in have:
            continue
        template = portfolio.add(
            ChecklistTemplate, **{k: definition.get(k) for k in TEMPLATE_FIELDS if k in definition}
        )
        for position, item in enumerate(definition["items"], start=1):
            portfolio.add(
                ChecklistTemplateItem,
                template_id=template.id,
                text=item["text"],
                guidance=item.get("guidance", ""),
                position=position,
            )


def find_template(
    portfolio: Portfolio, key: str | None = None, stage: str | None = None
) -> ChecklistTemplate | None:
    """The live, not retired template with this key, or the stage template of this stage."""
    for template in portfolio.all(ChecklistTemplate, order_by=ChecklistTemplate.position):
        if template.retired_on is not None:
            continue
        if key is not None and template.key == key:
            return template
        if key is None and stage is not None and template.kind == "stage":
            if template.stage == stage:
                return template
    return None


def add_checklist(
    portfolio: Portfolio, alliance: Alliance, template: ChecklistTemplate
) -> list[ChecklistItem]:
    """Copy a template's items to an alliance, after its existing ones; returns the new items.

    Items the alliance already has from this template (by template item) are skipped, so
    calling this twice adds nothing the second time.
    """
    existing = portfolio.all(ChecklistItem, alliance_id=alliance.id)
    have = {item.template_item_id for item in existing if item.template_item_id}
    position = max((item.position for item in existing), default=0)
    template_items = portfolio.all(
        ChecklistTemplateItem, template_id=template.id, order_by=ChecklistTemplateItem.position
    )
    added = []
    for template_item in template_items:
        if template_item.retired_on is not None or template_item.id in have:
            continue
        position += 1
        added.append(
            portfolio.add(
                ChecklistItem,
                alliance_id=alliance.id,
                template_id=template.id,
                template_item_id=template_item.id,
                text=template_item.text,
                position=position,
            )
        )
    return added


def add_stage_checklist(portfolio: Portfolio, alliance: Alliance) -> list[ChecklistItem]:
    """Give an alliance the checklist of its current lifecycle stage (none if no template)."""
    template = find_template(portfolio, stage=alliance.stage)
    if template is None:
        return []
    return add_checklist(portfolio, alliance, template)
