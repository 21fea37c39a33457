"""Recording the manager's self-assessments: one batch, validated, listed and compared."""

import json
from datetime import date, timedelta

import pytest

from alliance_desk import clock
from alliance_desk.models import PracticeAssessment, PracticeScore
from alliance_desk.models.choices import PRACTICE_FRAMEWORKS
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.portfolio_practice import practice_frameworks
from alliance_desk.storage.paths import resource_path

HABITS = [f"habit_{n}" for n in range(1, 8)]
DELIVERABLES = [
    "deliverable_leadership",
    "deliverable_engagement",
    "deliverable_governance",
    "deliverable_outcomes",
]


@pytest.fixture
def demo(demo_file):
    opened = Portfolio.open(demo_file, "demo")
    yield opened
    opened.close()


def counts(portfolio):
    return len(portfolio.all(PracticeAssessment)), len(portfolio.all(PracticeScore))


def test_practice_json_has_the_item_keys_the_demo_uses():
    frameworks = practice_frameworks()
    assert list(frameworks) == ["habits", "deliverables"]
    assert set(frameworks) == set(PRACTICE_FRAMEWORKS)
    assert frameworks["habits"].keys == HABITS
    assert frameworks["deliverables"].keys == DELIVERABLES
    for framework in frameworks.values():
        for item in framework.items:
            assert item.title.strip() and item.description.strip().endswith(".")


def test_practice_json_is_the_file_in_resources():
    data = json.loads(resource_path("practice.json").read_text(encoding="utf-8"))
    assert [f["key"] for f in data["frameworks"]] == ["habits", "deliverables"]


def test_record_practice_assessment_stores_assessment_and_scores(portfolio):
    today = clock.today()
    assessment = portfolio.record_practice_assessment(
        "habits",
        today,
        {"habit_1": (4, "Value reviews monthly."), "habit_2": 3, "habit_3": (None, "")},
        note="Quarterly look",
    )
    (stored,) = portfolio.practice_assessments("habits")
    assert stored.id == assessment.id
    assert stored.assessed_on == today
    assert stored.note == "Quarterly look"
    assert {k: (s.value, s.note) for k, s in stored.scores.items()} == {
        "habit_1": (4, "Value reviews monthly."),
        "habit_2": (3, ""),
    }
    assert counts(portfolio) == (1, 2)


def test_record_practice_assessment_keeps_a_note_without_a_score(portfolio):
    portfolio.record_practice_assessment(
        "deliverables",
        clock.today(),
        {"deliverable_leadership": 3, "deliverable_outcomes": (None, "Not assessed yet.")},
    )
    (stored,) = portfolio.practice_assessments("deliverables")
    assert stored.scores["deliverable_outcomes"].value is None
    assert stored.scores["deliverable_outcomes"].note == "Not assessed yet."


def test_recording_announces_the_change_after_one_commit(portfolio):
    seen = []
    portfolio.subscribe(seen.append)
    portfolio.record_practice_assessment("habits", clock.today(), {"habit_1": 4, "habit_2": 2})
    assert [c.kind for c in seen] == ["practice_assessments", "practice_scores", "practice_scores"]


@pytest.mark.parametrize(
    ("framework", "day", "scores", "field", "message"),
    [
        ("habits", None, {"habit_1": 3}, "assessed_on", "Enter the date"),
        ("habits", "future", {"habit_1": 3}, "assessed_on", "future"),
        ("habits", date(1899, 1, 1), {"habit_1": 3}, "assessed_on", "not plausible"),
        ("habits", "today", {}, "scores", "at least one"),
        ("habits", "today", {"habit_1": (None, "only a note")}, "scores", "at least one"),
        ("habits", "today", {"habit_1": 3, "habit_2": 6}, "habit_2", "from 1 to 5"),
        ("habits", "today", {"habit_1": 0}, "habit_1", "from 1 to 5"),
        ("habits", "today", {"habit_1": 3.5}, "habit_1", "whole number"),
        ("habits", "today", {"habit_1": True}, "habit_1", "whole number"),
        ("habits", "today", {"deliverable_governance": 3}, "deliverable_governance", "not an item"),
        ("virtues", "today", {"habit_1": 3}, "framework", "Choose the framework"),
    ],
)
def test_bad_assessment_is_refused_with_a_message_and_stores_nothing(
    portfolio, framework, day, scores, field, message
):
    today = clock.today()
    day = {"today": today, "future": today + timedelta(days=1)}.get(day, day)
    with pytest.raises(ValidationError) as caught:
        portfolio.record_practice_assessment(framework, day, scores)
    assert caught.value.field == field
    assert message in caught.value.message
    assert caught.value.message.endswith(".")
    assert counts(portfolio) == (0, 0)


def test_a_score_note_too_long_rolls_back_the_whole_assessment(portfolio):
    with pytest.raises(ValidationError):
        portfolio.record_practice_assessment(
            "habits", clock.today(), {"habit_1": 3, "habit_2": (4, "x" * 2_000_000)}
        )
    assert counts(portfolio) == (0, 0)


def test_demo_has_three_assessments_listed_per_framework(demo):
    habits = demo.practice_assessments("habits")
    deliverables = demo.practice_assessments("deliverables")
    assert len(habits) == 2 and len(deliverables) == 1
    assert habits[0].assessed_on < habits[1].assessed_on
    assert len(demo.practice_assessments()) == 3


def test_demo_comparison_shows_the_habits_change_and_where_to_develop(demo):
    comparison = demo.practice_comparison("habits")
    assert comparison.latest.note.startswith("After a year")
    assert [c.change for c in comparison.changes] == [1, 1, 1, 0, 0, 2, 2]
    # Lowest latest score is 3 (habits 3, 4, 5); none of them fell, so framework order.
    assert comparison.develop == ["habit_3", "habit_4", "habit_5"]


def test_a_new_assessment_becomes_the_latest_and_the_old_latest_the_previous(demo):
    before = demo.practice_comparison("habits").latest
    scores = {key: 4 for key in HABITS} | {"habit_5": 2}
    demo.record_practice_assessment("habits", clock.today(), scores)
    comparison = demo.practice_comparison("habits")
    assert comparison.previous.id == before.id
    assert comparison.changes[4].change == -1
    assert comparison.develop == ["habit_5"]


def test_comparison_of_a_chosen_assessment_is_against_the_one_before_it(demo):
    first, second = demo.practice_assessments("habits")
    assert demo.practice_comparison("habits", first.id).previous is None
    assert demo.practice_comparison("habits", second.id).previous.id == first.id


def test_comparison_without_assessments_is_empty(portfolio):
    comparison = portfolio.practice_comparison("deliverables")
    assert comparison.latest is None and comparison.previous is None
    assert [c.latest for c in comparison.changes] == [None] * 4
    assert comparison.develop == []


def test_delete_and_restore_take_the_scores_along(demo):
    latest = demo.practice_comparison("habits").latest
    demo.delete_practice_assessment(latest.id)
    assert latest.id not in [a.id for a in demo.practice_assessments()]
    assert demo.all(PracticeScore, assessment_id=latest.id) == []
    demo.restore_practice_assessment(latest.id)
    (back,) = [a for a in demo.practice_assessments() if a.id == latest.id]
    assert back.scores == latest.scores


def test_restore_leaves_a_score_deleted_on_its_own_deleted(portfolio):
    assessment = portfolio.record_practice_assessment(
        "habits", clock.today(), {"habit_1": 3, "habit_2": 4}
    )
    (lone,) = portfolio.all(PracticeScore, item_key="habit_2")
    portfolio.delete(lone)
    portfolio.delete_practice_assessment(assessment.id)
    portfolio.restore_practice_assessment(assessment.id)
    (back,) = portfolio.practice_assessments()
    assert list(back.scores) == ["habit_1"]


def test_assessments_survive_closing_and_reopening(portfolio_file, portfolio):
    from tests.conftest import PASSPHRASE

    portfolio.record_practice_assessment("habits", clock.today(), {"habit_7": 5})
    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as again:
        (stored,) = again.practice_assessments()
        assert stored.scores["habit_7"].value == 5
