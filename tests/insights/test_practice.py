"""Latest against previous self-assessment, and where to develop, with hand-computed data."""

from datetime import date, datetime

from alliance_desk.insights.practice import (
    Assessment,
    ItemChange,
    ItemScore,
    before,
    compare,
    in_order,
    latest_two,
    where_to_develop,
)

KEYS = ["a", "b", "c", "d"]


def assessment(ident, day, created=None, **values):
    scores = {key: ItemScore(value) for key, value in values.items()}
    return Assessment(ident, "habits", day, "", scores, created)


def test_latest_two_takes_the_two_newest_by_date_not_by_entry_order():
    old = assessment("old", date(2025, 1, 1))
    new = assessment("new", date(2026, 1, 1))
    middle = assessment("mid", date(2025, 6, 1))
    assert latest_two([new, old, middle]) == (new, middle)


def test_latest_two_of_one_and_of_none():
    only = assessment("only", date(2025, 1, 1))
    assert latest_two([only]) == (only, None)
    assert latest_two([]) == (None, None)


def test_assessments_on_one_date_keep_the_order_they_were_entered():
    first = assessment("z", date(2025, 1, 1), datetime(2025, 1, 1, 9))
    second = assessment("a", date(2025, 1, 1), datetime(2025, 1, 1, 10))
    assert in_order([second, first]) == [first, second]
    assert latest_two([second, first]) == (second, first)


def test_before_finds_the_previous_assessment_of_a_chosen_one():
    a, b, c = (assessment(x, date(2025, m, 1)) for x, m in (("a", 1), ("b", 2), ("c", 3)))
    assert before([c, a, b], b) == a
    assert before([c, a, b], a) is None


def test_compare_gives_change_per_item_in_framework_order():
    latest = assessment("l", date(2026, 1, 1), a=4, b=2, c=3)
    previous = assessment("p", date(2025, 1, 1), a=3, b=3, d=2)
    assert compare(KEYS, latest, previous) == [
        ItemChange("a", 4, 3),
        ItemChange("b", 2, 3),
        ItemChange("c", 3, None),
        ItemChange("d", None, 2),
    ]
    assert [c.change for c in compare(KEYS, latest, previous)] == [1, -1, None, None]


def test_compare_without_a_previous_assessment_has_no_changes():
    changes = compare(KEYS, assessment("l", date(2026, 1, 1), a=4), None)
    assert [(c.latest, c.previous, c.change) for c in changes][0] == (4, None, None)


def test_where_to_develop_is_the_lowest_items_falling_ones_first():
    changes = [
        ItemChange("a", 2, 2),
        ItemChange("b", 4, 3),
        ItemChange("c", 2, 3),  # fell to the lowest score
        ItemChange("d", 3, None),
    ]
    assert where_to_develop(changes) == ["c", "a"]


def test_where_to_develop_skips_unscored_items():
    assert where_to_develop([ItemChange("a", None, 1), ItemChange("b", 3, None)]) == ["b"]


def test_where_to_develop_proposes_nothing_without_scores_or_when_all_are_top():
    assert where_to_develop([ItemChange("a", None, None)]) == []
    assert where_to_develop([ItemChange("a", 5, 4), ItemChange("b", 5, 5)]) == []


def test_average_leaves_unscored_items_out():
    a = Assessment("x", "habits", date(2025, 1, 1), "", {"a": ItemScore(4), "b": ItemScore(None)})
    assert a.average() == 4
    assert Assessment("y", "habits", date(2025, 1, 1)).average() is None
