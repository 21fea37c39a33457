"""The lifecycle commands of the Portfolio, on a real encrypted file."""

from datetime import date, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.defaults import find_template, seed_defaults
from alliance_desk.models import (
    Benchmark,
    BenchmarkOverride,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    StageChange,
)
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE


@pytest.fixture
def seeded(portfolio):
    seed_defaults(portfolio)
    return portfolio


@pytest.fixture
def helios(seeded):
    return seeded.find_alliance("Helios Oncology")


def items_of(portfolio, alliance, template):
    return [
        i
        for i in portfolio.all(ChecklistItem, alliance_id=alliance.id)
        if i.template_id == template.id
    ]


def test_moving_stage_records_the_date_and_adds_the_stage_checklist(seeded, helios):
    on = clock.today()
    move = seeded.move_stage(helios, "governance", on=on, note="Contract signed")
    governance = find_template(seeded, stage="governance")
    assert helios.stage == "governance"
    assert move.change.changed_on == on and move.change.note == "Contract signed"
    assert [h.stage for h in seeded.stage_history(helios)] == ["formation", "governance"]
    assert len(move.added) == len(seeded.template_items(governance)) == 10
    assert {i.template_id for i in move.added} == {governance.id}


def test_moving_back_into_a_stage_does_not_add_its_checklist_twice(seeded, helios):
    seeded.move_stage(helios, "governance")
    seeded.move_stage(helios, "execution")
    again = seeded.move_stage(helios, "governance")
    assert again.added == []
    governance = find_template(seeded, stage="governance")
    assert len(items_of(seeded, helios, governance)) == 10
    assert len(seeded.stage_history(helios)) == 4


def test_moving_to_the_stage_it_is_in_or_to_a_future_date_is_refused(seeded, helios):
    with pytest.raises(ValidationError, match="already in Formation"):
        seeded.move_stage(helios, "formation")
    with pytest.raises(ValidationError) as caught:
        seeded.move_stage(helios, "governance", on=clock.today() + timedelta(days=1))
    assert caught.value.field == "changed_on"
    with pytest.raises(ValidationError, match="before Helios Oncology entered Formation"):
        seeded.move_stage(helios, "governance", on=clock.today() - timedelta(days=1))
    with pytest.raises(ValidationError):
        seeded.move_stage(helios, "nowhere")
    assert helios.stage == "formation"
    assert len(seeded.all(StageChange, alliance_id=helios.id)) == 1
    assert seeded.all(ChecklistItem) == []


def test_progress_per_checklist_and_per_stage_counts_done_and_not_applicable(seeded, helios):
    added = seeded.move_stage(helios, "governance").added
    seeded.set_checklist_status(added[0], "done")
    seeded.set_checklist_status(added[1], "done", done_on=date(2026, 1, 5))
    seeded.set_checklist_status(added[2], "na")
    groups = seeded.checklist_groups(helios)
    assert [g.progress.text() for g in groups] == ["Governance: 3 of 10 done or n/a"]
    assert seeded.stage_progress(helios)["governance"].finished == 3
    assert added[0].done_on == clock.today()
    assert added[1].done_on == date(2026, 1, 5)
    assert added[2].done_on is None


def test_a_template_item_retired_before_use_is_not_added_and_after_use_is_kept(seeded, helios):
    other = seeded.add_alliance("Aurora Diagnostics")
    execution = find_template(seeded, stage="execution")
    first, second = seeded.template_items(execution)[:2]
    seeded.move_stage(helios, "execution")  # Helios gets every item
    seeded.set_checklist_status(items_of(seeded, helios, execution)[0], "done")
    seeded.retire_template_item(first, on=date(2026, 2, 1))
    assert first.retired_on == date(2026, 2, 1)

    added = seeded.move_stage(other, "execution").added  # Aurora comes later
    assert first.id not in {i.template_item_id for i in added}
    assert second.id in {i.template_item_id for i in added}
    assert len(added) == 9

    kept = seeded.checklist_groups(helios)[0]
    assert kept.progress.total == 10 and kept.progress.finished == 1
    assert kept.progress.retired == 1
    rows = {r.text: r for r in seeded.checklist_rows(helios.id)}
    assert rows[first.text].retired is True and rows[second.text].retired is False
    assert seeded.get(ChecklistTemplateItem, first.id) is not None  # never deleted

    seeded.unretire_template_item(first)
    assert first.retired_on is None


def test_the_kept_templates_and_retired_items_follow_edits_at_once(seeded, helios):
    """Templates and retired template items are kept between selections (they are the same
    for every alliance); a template added or an item retired or brought back shows at once,
    and a batch sees its own additions."""
    execution = find_template(seeded, stage="execution")
    item = seeded.template_items(execution)[0]
    seeded.move_stage(helios, "execution")
    assert item.id not in seeded.checklist_inputs(helios.id).retired
    seeded.retire_template_item(item)
    assert item.id in seeded.checklist_inputs(helios.id).retired
    assert seeded.checklist_rows(helios.id)[0].retired is True
    seeded.unretire_template_item(item)
    assert item.id not in seeded.checklist_inputs(helios.id).retired
    step = seeded.add_template_item(execution, "Agree the audit plan", "With both CFOs")
    assert seeded.template_item(step.id).guidance == "With both CFOs"

    audit = seeded.add(ChecklistTemplate, title="Audit readiness", kind="other", position=99)
    assert audit.id in {t.id for t in seeded.checklist_inputs(helios.id).templates}
    seeded.add_checklist_to(helios, audit)  # no items yet: nothing is added
    own = seeded.add_own_item(helios, "Book the auditors", template_id=audit.id)
    assert "Audit readiness" in [g.title for g in seeded.checklist_groups(helios)]
    with seeded.batch():
        later = seeded.add(ChecklistTemplate, title="Exit plan", kind="other", position=100)
        assert later.id in {t.id for t in seeded.checklist_inputs(helios.id).templates}
    assert later.id in {t.id for t in seeded.checklist_inputs(helios.id).templates}
    assert own.template_id == audit.id


def test_a_failed_batch_leaves_no_template_behind_in_the_kept_lists(seeded, helios):
    """What a batch reads is never kept: after it fails, its rows are gone from view too."""
    with pytest.raises(RuntimeError):
        with seeded.batch():
            seeded.add(ChecklistTemplate, title="Ghost checklist", kind="other", position=99)
            shown = [t.title for t in seeded.checklist_inputs(helios.id).templates]
            assert "Ghost checklist" in shown
            raise RuntimeError("the import stopped half-way")
    shown = [t.title for t in seeded.checklist_inputs(helios.id).templates]
    assert "Ghost checklist" not in shown and len(shown) == len(set(shown))


def test_benchmarks_are_kept_but_a_retired_one_leaves_the_list_at_once(seeded):
    every = seeded.benchmarks(include_retired=True)
    trust = next(b for b in every if b.key == "trust")
    assert trust in seeded.benchmarks()
    seeded.update(trust, retired_on=clock.today())
    assert trust not in seeded.benchmarks()
    assert [b.id for b in seeded.benchmarks(include_retired=True)] == [b.id for b in every]
    seeded.benchmarks().clear()  # a caller's own copy: the kept list is untouched
    assert len(seeded.benchmarks()) == len(every) - 1


def test_nothing_kept_is_answered_once_the_file_is_closed(seeded, helios):
    seeded.checklist_inputs(helios.id)
    seeded.benchmarks()
    seeded.close()
    with pytest.raises(RuntimeError, match="closed"):
        seeded.benchmarks()
    with pytest.raises(RuntimeError, match="closed"):
        seeded.checklist_inputs(helios.id)


def test_checklist_overview_is_the_groups_and_the_stage_checklist_still_missing(seeded, helios):
    """What the Lifecycle header shows, read at once, agrees with the separate questions."""
    seeded.update(helios, stage="governance")  # moved without its checklist (an import)
    governance = find_template(seeded, stage="governance")
    groups, missing = seeded.checklist_overview(helios)
    assert missing is not None and missing.id == governance.id
    assert [g.title for g in groups] == [g.title for g in seeded.checklist_groups(helios)]
    seeded.add_checklist_to(helios, governance)
    seeded.set_checklist_status(items_of(seeded, helios, governance)[0], "done")
    groups, missing = seeded.checklist_overview(helios)
    assert missing is None
    assert [g.progress for g in groups] == [g.progress for g in seeded.checklist_groups(helios)]
    for item in items_of(seeded, helios, governance):
        seeded.delete(item)
    assert seeded.checklist_overview(helios)[1] is None  # given once, even if emptied since
    assert seeded.has_checklist(helios, governance)


def test_template_items_can_be_added_edited_and_reordered(seeded):
    culture = find_template(seeded, key="collaborative_culture")
    before = seeded.template_items(culture)
    new = seeded.add_template_item(
        culture, "  Joint celebration of the first milestone  ", "Both sides"
    )
    assert new.text == "Joint celebration of the first milestone"
    assert new.position == before[-1].position + 1
    seeded.update(new, text="Joint celebration of each big milestone")
    assert seeded.move_template_item(new, -1) is True
    order = [i.id for i in seeded.template_items(culture)]
    assert order[-2:] == [new.id, before[-1].id]
    assert seeded.move_template_item(seeded.template_items(culture)[0], -1) is False
    positions = [i.position for i in seeded.template_items(culture)]
    assert positions == list(range(1, len(positions) + 1))
    with pytest.raises(ValidationError, match="The item must not be empty"):
        seeded.add_template_item(culture, "   ")
    with pytest.raises(ValidationError):
        seeded.update(new, text="")


def test_another_checklist_is_added_once_and_own_items_join_the_end(seeded, helios):
    growth = find_template(seeded, key="growth_readiness")
    added = seeded.add_checklist_to(helios, growth)
    assert len(added) == 9
    with pytest.raises(ValidationError, match="already has the checklist"):
        seeded.add_checklist_to(helios, growth)
    own = seeded.add_own_item(helios, "Brief the new CFO on the alliance")
    extra = seeded.add_own_item(helios, "Agree the phase-2 budget", template_id=growth.id)
    assert own.template_id is None and own.position == 1
    assert extra.position == max(i.position for i in added) + 1
    titles = [g.title for g in seeded.checklist_groups(helios)]
    assert titles == ["Growth readiness", "Own items"]
    with pytest.raises(ValidationError):
        seeded.add_own_item(helios, "  ")


def test_checklist_rows_list_every_alliance_by_checklist_in_order(seeded, helios):
    other = seeded.add_alliance("Aurora Diagnostics")
    seeded.move_stage(helios, "governance")
    seeded.move_stage(other, "governance")
    rows = seeded.checklist_rows()
    assert len(rows) == 20
    assert rows[0].alliance_name == "Aurora Diagnostics"
    mine = seeded.checklist_rows(helios.id)
    assert [r.order for r in mine] == sorted(r.order for r in mine)
    picked = seeded.checklist_rows(ids=[mine[3].id])
    assert [r.id for r in picked] == [mine[3].id]


def test_benchmark_definitions_can_be_edited_and_red_at_green_is_refused(seeded):
    trust = next(b for b in seeded.benchmarks() if b.key == "trust")
    seeded.update(trust, question="Do you trust them?", stages="execution", cadence="quarterly")
    with pytest.raises(ValidationError) as caught:
        seeded.update(trust, red_below=7.0)
    assert caught.value.field == "red_below"
    assert "Red must be below green" in caught.value.message
    assert trust.red_below == 5.0 and trust.question == "Do you trust them?"


def test_overrides_set_replace_and_clear_per_alliance_thresholds(seeded, helios, portfolio_file):
    trust = next(b for b in seeded.benchmarks() if b.key == "trust")
    other = seeded.add_alliance("Aurora Diagnostics")
    assert seeded.effective_thresholds(helios, trust).overridden is False
    seeded.set_override(helios, trust, 8.0, 6.0)
    seeded.set_override(helios, trust, 8.5, None)  # the same row, updated
    assert len(seeded.all(BenchmarkOverride)) == 1
    mine = seeded.effective_thresholds(helios, trust)
    assert (mine.green_at, mine.red_below, mine.overridden) == (8.5, 5.0, True)
    assert seeded.effective_thresholds(other, trust).green_at == 7.0
    assert seeded.clear_override(helios, trust) is True
    assert seeded.clear_override(helios, trust) is False
    assert seeded.effective_thresholds(helios, trust).green_at == 7.0
    seeded.set_override(helios, trust, 9.0, 4.0)
    seeded.set_override(helios, trust, None, None)  # both empty: back to the defaults
    assert seeded.all(BenchmarkOverride) == []


def test_an_override_with_red_at_or_above_green_stores_nothing(seeded, helios):
    trust = next(b for b in seeded.benchmarks() if b.key == "trust")
    with pytest.raises(ValidationError) as caught:
        seeded.set_override(helios, trust, 6.0, 6.0)
    assert caught.value.field == "red_below"
    with pytest.raises(ValidationError):
        seeded.set_override(helios, trust, None, 8.0)  # above the default green of 7
    with pytest.raises(ValidationError, match="off the Trust scale"):
        seeded.set_override(helios, trust, 12.0, None)
    assert seeded.all(BenchmarkOverride) == []
    days = next(b for b in seeded.benchmarks() if b.key == "governance_responsiveness")
    with pytest.raises(ValidationError, match="lower is better"):
        seeded.set_override(helios, days, 40.0, None)  # green past red (30 days)
    seeded.set_override(helios, days, 10.0, 20.0)
    assert seeded.effective_thresholds(helios, days).describe("days") == (
        "green at 10 days or below, red above 20 days"
    )


def test_lifecycle_changes_survive_reopening_the_file(seeded, portfolio_file):
    helios = seeded.add_alliance("Older alliance", start_date=date(2025, 6, 1))
    seeded.move_stage(helios, "governance", on=date(2026, 1, 10))
    trust = next(b for b in seeded.benchmarks() if b.key == "trust")
    seeded.set_override(helios, trust, 8.0, 6.0)
    seeded.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as again:
        helios = again.find_alliance("Older alliance")
        assert [h.changed_on for h in again.stage_history(helios)][0] == date(2025, 6, 1)
        assert helios.stage == "governance"
        assert again.stage_history(helios)[-1].changed_on == date(2026, 1, 10)
        assert len(again.all(ChecklistItem, alliance_id=helios.id)) == 10
        trust = again.get(Benchmark, trust.id)
        assert again.effective_thresholds(helios, trust).green_at == 8.0
