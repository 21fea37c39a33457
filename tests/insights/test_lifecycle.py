"""Lifecycle rules with hand-computed cases: progress, grouping, order, thresholds."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from alliance_desk.insights.lifecycle import (
    OWN_ITEMS,
    Thresholds,
    effective_thresholds,
    group_items,
    moved,
    override_problem,
    progress,
    renumbered,
    short_title,
    stage_progress,
    toggled_status,
)
from alliance_desk.insights.tracking import status_change

T0 = datetime(2026, 1, 1)


def item(status="open", template_id="t", template_item_id=None, position=1, done_on=None):
    return SimpleNamespace(
        status=status,
        template_id=template_id,
        template_item_id=template_item_id,
        position=position,
        created_at=T0,
        done_on=done_on,
    )


def template(ident, title, kind="stage", stage=None, position=1):
    return SimpleNamespace(id=ident, title=title, kind=kind, stage=stage, position=position)


def test_progress_counts_done_and_not_applicable_as_finished():
    items = [item("done"), item("done"), item("na"), item("open"), item("open")]
    result = progress("Execution", items)
    assert (result.done, result.not_applicable, result.finished, result.total) == (2, 1, 3, 5)
    assert result.share == pytest.approx(0.6)
    assert result.text() == "Execution: 3 of 5 done or n/a"


def test_progress_text_without_not_applicable_says_done():
    result = progress("Execution", [item("done")] * 7 + [item("open")] * 5)
    assert result.text() == "Execution: 7 of 12 done"


def test_progress_of_an_empty_checklist_has_no_share():
    result = progress("Formation", [])
    assert result.total == 0 and result.share is None
    assert result.text() == "Formation: 0 of 0 done"


def test_a_template_item_retired_after_use_still_counts_and_is_flagged_retired():
    kept = item("done", template_item_id="retired-one")
    other = item("open", template_item_id="live-one")
    result = progress("Governance", [kept, other], retired_ids={"retired-one"})
    assert (result.finished, result.total, result.retired) == (1, 2, 1)


def test_items_are_grouped_stage_checklists_in_lifecycle_order_then_others_then_own():
    templates = {
        "ex": template("ex", "Execution: delivering", stage="execution", position=3),
        "fo": template("fo", "Formation: testing the fit", stage="formation", position=1),
        "cu": template("cu", "Building a collaborative culture", kind="culture", position=6),
    }
    items = [
        item("open", "cu", position=5),
        item("done", "ex", position=2),
        item("open", None, position=1),
        item("done", "fo", position=1),
        item("na", "ex", position=1),
        item("open", "deleted-template", position=9),
    ]
    groups = group_items(items, templates)
    assert [g.title for g in groups] == [
        "Formation: testing the fit",
        "Execution: delivering",
        "Building a collaborative culture",
        OWN_ITEMS,
    ]
    execution = groups[1]
    assert [i.position for i in execution.items] == [1, 2]
    assert execution.progress.text() == "Execution: 2 of 2 done or n/a"
    assert len(groups[3].items) == 2  # an item of a vanished template joins the own items


def test_stage_progress_adds_up_the_stage_checklists_only():
    templates = {
        "g1": template("g1", "Governance: agreeing", stage="governance", position=2),
        "g2": template("g2", "Governance extras", stage="governance", position=9),
        "cu": template("cu", "Culture", kind="culture", position=6),
    }
    items = [item("done", "g1"), item("open", "g1"), item("na", "g2"), item("done", "cu")]
    result = stage_progress(group_items(items, templates))
    assert list(result) == ["governance"]
    assert (result["governance"].finished, result["governance"].total) == (2, 3)
    assert result["governance"].title == "Governance"


def test_short_title_is_the_part_before_the_colon():
    assert short_title("Execution: delivering and keeping it healthy") == "Execution"
    assert short_title("Growth readiness") == "Growth readiness"


def test_done_dates_itself_today_unless_it_has_a_date_and_open_clears_it():
    today = datetime(2026, 3, 4).date()
    assert status_change("checklist_items", item(), "done", today) == {
        "status": "done",
        "done_on": today,
    }
    earlier = datetime(2026, 2, 1).date()
    assert status_change("checklist_items", item(done_on=earlier), "done", today) == {
        "status": "done"
    }
    assert status_change("checklist_items", item("done", done_on=earlier), "open", today) == {
        "status": "open",
        "done_on": None,
    }
    assert status_change("checklist_items", item("done", done_on=earlier), "na", today) == {
        "status": "na",
        "done_on": None,
    }


def test_space_toggles_open_to_done_and_finished_back_to_open():
    assert toggled_status("open") == "done"
    assert toggled_status("done") == "open"
    assert toggled_status("na") == "open"


def test_moving_an_item_up_and_down_and_not_past_the_ends():
    order = ["a", "b", "c", "d"]
    assert moved(order, "c", -1) == ["a", "c", "b", "d"]
    assert moved(order, "a", +1) == ["b", "a", "c", "d"]
    assert moved(order, "a", -1) is None
    assert moved(order, "d", +1) is None


def test_renumbering_touches_only_the_items_whose_position_changes():
    positions = {"a": 1, "b": 2, "c": 3, "d": 4}
    assert renumbered(["a", "c", "b", "d"], positions) == {"c": 2, "b": 3}
    # gaps left by old edits are closed
    assert renumbered(["a", "b"], {"a": 1, "b": 5}) == {"b": 2}


def benchmark(green=7.0, red=5.0, higher=True):
    return SimpleNamespace(green_at=green, red_below=red, higher_is_better=higher)


def test_effective_thresholds_without_override_are_the_definition():
    assert effective_thresholds(benchmark()) == Thresholds(7.0, 5.0, True, False)


def test_an_override_replaces_only_the_thresholds_it_sets():
    override = SimpleNamespace(green_at=8.0, red_below=None)
    assert effective_thresholds(benchmark(), override) == Thresholds(8.0, 5.0, True, True)
    empty = SimpleNamespace(green_at=None, red_below=None)
    assert effective_thresholds(benchmark(), empty).overridden is False


@pytest.mark.parametrize(
    ("green", "red", "higher", "bad"),
    [
        (7, 5, True, False),
        (7, 7, True, True),  # a tie leaves no yellow band: refused
        (6, 8, True, True),
        (14, 30, False, False),
        (30, 30, False, True),
        (45, 30, False, True),
    ],
)
def test_override_problem_refuses_red_at_or_past_green(green, red, higher, bad):
    problem = override_problem(benchmark(higher=higher), green, red)
    assert (problem is not None) is bad
    if bad:
        assert problem[0] == "red_below"


def test_an_override_of_red_alone_is_checked_against_the_default_green():
    assert override_problem(benchmark(green=7, red=5), None, 7) is not None
    assert override_problem(benchmark(green=7, red=5), None, 6) is None


def test_thresholds_describe_themselves_in_words():
    assert Thresholds(7, 5, True, False).describe() == "green at 7 or above, red below 5"
    assert Thresholds(14, 30, False, True).describe("days") == (
        "green at 14 days or below, red above 30 days"
    )
    assert Thresholds(85, 70, True, False).describe("%") == "green at 85% or above, red below 70%"
