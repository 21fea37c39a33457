"""Survey exports (one row per respondent, a column per benchmark) become rounds, responses
and scores; scores off a benchmark's scale are refused row by row."""

from datetime import date

import pytest

from alliance_desk.models import Benchmark, Stakeholder, SurveyResponse, SurveyRound, SurveyScore
from alliance_desk.reports.importing import ImportRefused, build_preview, read_table, run_import
from tests.reports.import_support import write_xlsx


@pytest.fixture
def benchmarks(portfolio):
    trust = portfolio.add(Benchmark, key="trust", name="Trust", scale_min=1, scale_max=10)
    goals = portfolio.add(Benchmark, key="goals", name="Goal alignment", scale_min=1, scale_max=5)
    return trust, goals


ROWS = [
    [
        "Alliance",
        "Survey",
        "Date",
        "Side",
        "Department",
        "Name",
        "Trust",
        "Goal alignment",
        "Comments",
    ],
    ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Ours", "R&D", "Ann Lee", 8, 4, "Good"],
    ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Partner", "Medical", None, 6, 3, None],
    ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Partner", "Medical", None, 11, 3, "Off"],
    ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Partner", "R&D", "Stranger", 7, None, None],
]


def test_survey_rows_create_a_round_responses_and_scores(portfolio, tmp_path, benchmarks):
    trust, goals = benchmarks
    ann = portfolio.add(Stakeholder, name="Ann Lee", side="ours")
    table = read_table(write_xlsx(tmp_path / "s.xlsx", ROWS))
    preview = build_preview(portfolio, table, "survey")
    assert preview.mapping[6:8] == ["benchmark:trust", "benchmark:goals"]
    assert [str(p) for p in preview.problems] == [
        "Row 4 (Trust): 11 is off the Trust scale (1 to 10)."
    ]
    assert portfolio.all(SurveyRound) == []  # the preview's trial was rolled back
    assert any("Stranger" in note and "anonymous" in note for note in preview.notes)
    result = run_import(portfolio, preview)
    assert (result.added, result.skipped) == (3, 1)
    (survey_round,) = portfolio.all(SurveyRound)
    assert (survey_round.title, survey_round.held_on) == ("Q1 pulse", date(2026, 3, 1))
    responses = portfolio.all(SurveyResponse)
    assert sorted((r.side, r.team, r.stakeholder_id or "") for r in responses) == sorted(
        [("ours", "R&D", ann.id), ("partner", "Medical", ""), ("partner", "R&D", "")]
    )
    values = sorted((s.benchmark_id == trust.id, s.value) for s in portfolio.all(SurveyScore))
    assert values == [(False, 3.0), (False, 4.0), (True, 6.0), (True, 7.0), (True, 8.0)]


def test_reimporting_a_survey_adds_no_duplicates_and_updates_changed_scores(
    portfolio, tmp_path, benchmarks
):
    portfolio.add(Stakeholder, name="Ann Lee", side="ours")
    path = write_xlsx(tmp_path / "s.xlsx", ROWS)
    run_import(portfolio, build_preview(portfolio, read_table(path), "survey"))
    again = build_preview(portfolio, read_table(path), "survey")
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 3, "skipped": 1}
    changed = [row[:] for row in ROWS]
    changed[1][6] = 9
    path = write_xlsx(tmp_path / "s2.xlsx", changed)
    result = run_import(portfolio, build_preview(portfolio, read_table(path), "survey"))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
    assert len(portfolio.all(SurveyResponse)) == 3
    assert 9.0 in {s.value for s in portfolio.all(SurveyScore)}


def test_a_survey_without_benchmark_columns_is_refused(portfolio, tmp_path, benchmarks):
    path = write_xlsx(
        tmp_path / "s.xlsx", [["Alliance", "Date", "Mood"], ["Helios Oncology", None, 3]]
    )
    with pytest.raises(ImportRefused, match="No column is mapped to a benchmark score"):
        build_preview(portfolio, read_table(path), "survey")


def test_a_named_respondent_twice_in_one_round_has_one_score_per_benchmark(
    portfolio, tmp_path, benchmarks
):
    """The second row for the same person updates the response the first one added: two
    scores for one benchmark would count that person twice in the averages."""
    trust, _goals = benchmarks
    portfolio.add(Stakeholder, name="Ann Lee", side="ours")
    rows = [
        ["Alliance", "Survey", "Date", "Side", "Name", "Trust"],
        ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Ours", "Ann Lee", 8],
        ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Ours", "Ann Lee", 6],
    ]
    preview = build_preview(portfolio, read_table(write_xlsx(tmp_path / "s.xlsx", rows)), "survey")
    result = run_import(portfolio, preview)
    assert (result.added, result.updated) == (1, 1)
    assert [s.value for s in portfolio.all(SurveyScore) if s.benchmark_id == trust.id] == [6.0]
