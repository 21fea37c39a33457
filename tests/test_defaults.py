"""The shipped benchmarks and checklists, and how they are copied into a portfolio."""

import json
import sys

import pytest

from alliance_desk.defaults import (
    add_stage_checklist,
    benchmark_definitions,
    checklist_definitions,
    resource_path,
    seed_defaults,
)
from alliance_desk.models import (
    Benchmark,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    choices,
)
from alliance_desk.models.validation import validate

CHECKLIST_FILES = sorted(resource_path("checklists").glob("*.json"))


def test_resource_path_finds_the_shipped_files():
    assert resource_path("benchmarks.json").is_file()
    assert len(CHECKLIST_FILES) == 8


def test_resource_path_in_a_frozen_build_uses_the_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("checklists", "x.json") == tmp_path / "resources" / "checklists" / "x.json"


@pytest.mark.parametrize("path", CHECKLIST_FILES, ids=lambda p: p.stem)
def test_every_checklist_file_loads_and_has_useful_items(path):
    template = json.loads(path.read_text(encoding="utf-8"))
    assert template["key"] and template["title"] and template["description"]
    assert template["kind"] in choices.CHECKLIST_KINDS
    if template["kind"] == "stage":
        assert template["stage"] in choices.STAGES
    else:
        assert template["stage"] is None
    assert 6 <= len(template["items"]) <= 12
    for item in template["items"]:
        assert item["text"].strip() and item["guidance"].strip()
    assert len({item["text"] for item in template["items"]}) == len(template["items"])


def test_checklists_cover_every_stage_and_the_three_other_kinds():
    templates = checklist_definitions()
    stages = {t["stage"] for t in templates if t["kind"] == "stage"}
    assert stages == set(choices.STAGES)
    assert {t["kind"] for t in templates} == set(choices.CHECKLIST_KINDS)
    assert len({t["key"] for t in templates}) == len(templates)


def test_each_benchmark_passes_validation():
    definitions = benchmark_definitions()
    assert len({d["key"] for d in definitions}) == len(definitions)
    for fields in definitions:
        validate(Benchmark(**fields))  # raises ValidationError naming the field at fault
        assert fields["question"].strip()
        assert fields["cadence"] in choices.CADENCES
        assert set(fields["stages"].split(",")) <= set(choices.STAGES)


def test_benchmarks_include_the_survey_ones_and_every_computed_source():
    definitions = {d["key"]: d for d in benchmark_definitions()}
    for key in ("trust", "communication", "goal_alignment", "transparency"):
        assert definitions[key]["source"] == "survey"
        assert definitions[key]["scale_min"] == 1 and definitions[key]["scale_max"] == 10
    assert {d["source"] for d in definitions.values()} == set(choices.BENCHMARK_SOURCES)
    assert definitions["trust"]["position"] == 1
    assert definitions["delivery_reliability"]["green_at"] == 85
    assert definitions["delivery_reliability"]["red_below"] == 70
    assert definitions["governance_responsiveness"]["higher_is_better"] is False
    assert definitions["revenue_dependency"]["higher_is_better"] is False


def test_seed_defaults_adds_benchmarks_and_templates_with_items_in_order(portfolio):
    seed_defaults(portfolio)
    assert len(portfolio.all(Benchmark)) == len(benchmark_definitions())
    templates = portfolio.all(ChecklistTemplate)
    assert len(templates) == len(checklist_definitions())
    culture = next(t for t in templates if t.key == "collaborative_culture")
    items = portfolio.all(
        ChecklistTemplateItem, template_id=culture.id, order_by=ChecklistTemplateItem.position
    )
    shipped = next(d for d in checklist_definitions() if d["key"] == "collaborative_culture")
    assert [i.text for i in items] == [i["text"] for i in shipped["items"]]
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    assert all(i.guidance for i in items)


def test_seed_defaults_is_idempotent(portfolio):
    seed_defaults(portfolio)
    first = portfolio.counts()
    seed_defaults(portfolio)
    assert portfolio.counts() == first


def test_seed_defaults_keeps_what_the_user_changed(portfolio):
    seed_defaults(portfolio)
    trust = next(b for b in portfolio.all(Benchmark) if b.key == "trust")
    portfolio.update(trust, green_at=8.0, name="Trust in the partner")
    seed_defaults(portfolio)
    trusts = [b for b in portfolio.all(Benchmark) if b.key == "trust"]
    assert len(trusts) == 1
    assert trusts[0].green_at == 8.0 and trusts[0].name == "Trust in the partner"


def test_add_stage_checklist_copies_the_template_of_the_alliance_stage(portfolio):
    seed_defaults(portfolio)
    helios = portfolio.find_alliance("Helios Oncology")
    added = add_stage_checklist(portfolio, helios)
    formation = next(d for d in checklist_definitions() if d["stage"] == "formation")
    assert [i.text for i in added] == [i["text"] for i in formation["items"]]
    template = next(t for t in portfolio.all(ChecklistTemplate) if t.stage == "formation")
    assert {i.template_id for i in added} == {template.id}
    assert all(i.template_item_id and i.status == "open" for i in added)
    assert [i.position for i in added] == list(range(1, len(added) + 1))


def test_add_stage_checklist_twice_adds_nothing_the_second_time(portfolio):
    seed_defaults(portfolio)
    helios = portfolio.find_alliance("Helios Oncology")
    first = add_stage_checklist(portfolio, helios)
    assert add_stage_checklist(portfolio, helios) == []
    assert len(portfolio.all(ChecklistItem, alliance_id=helios.id)) == len(first)


def test_add_stage_checklist_after_a_stage_change_appends_the_new_stage(portfolio):
    seed_defaults(portfolio)
    helios = portfolio.find_alliance("Helios Oncology")
    formation = add_stage_checklist(portfolio, helios)
    portfolio.set_stage(helios, "governance")
    governance = add_stage_checklist(portfolio, helios)
    assert governance and governance[0].position == formation[-1].position + 1
    assert {i.template_id for i in governance}.isdisjoint({i.template_id for i in formation})


def test_add_stage_checklist_without_templates_adds_nothing(portfolio):
    helios = portfolio.find_alliance("Helios Oncology")
    assert add_stage_checklist(portfolio, helios) == []
