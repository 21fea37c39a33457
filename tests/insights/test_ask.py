"""On-demand questions: hand-checked answers on a small portfolio, and odd text never raises."""

import shutil
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desk.insights.ask import EXAMPLES, answer
from alliance_desk.insights.ask_reading import read_window
from alliance_desk.models import ActionItem, Decision, Payment, Risk
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE

TODAY = date(2026, 6, 17)  # a Wednesday: next week is Mon 22 – Sun 28 June
NEXT_WEEK = date(2026, 6, 24)


@pytest.fixture(scope="module")
def planted(template_file, tmp_path_factory):
    """Helios (critical) and Orion (low, execution, partner Northstar) with planted records."""
    path = tmp_path_factory.mktemp("ask") / "ask.alliance"
    shutil.copyfile(template_file, path)
    with Portfolio.open(path, PASSPHRASE) as p:
        helios = p.find_alliance("Helios Oncology")
        p.update(helios, importance="critical")
        orion = p.add_alliance(
            "Orion Vaccines", stage="execution", partner="Northstar", importance="low"
        )
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Key scientist may leave",
            likelihood=4,
            impact=5,
            review_date=NEXT_WEEK,
        )
        p.add(
            Risk,
            alliance_id=helios.id,
            title="Closed supply risk",
            likelihood=5,
            impact=5,
            review_date=NEXT_WEEK,
            status="closed",
        )
        p.add(
            Risk,
            alliance_id=orion.id,
            title="Minor label delay",
            likelihood=1,
            impact=2,
            review_date=NEXT_WEEK + timedelta(1),
        )
        p.add(
            Risk,
            alliance_id=orion.id,
            kind="issue",
            title="Cold chain failure",
            likelihood=2,
            impact=2,
            review_date=NEXT_WEEK + timedelta(2),
        )
        p.add(
            Risk,
            alliance_id=orion.id,
            title="Far-off risk",
            likelihood=5,
            impact=5,
            review_date=TODAY + timedelta(60),
        )
        p.add(
            ActionItem,
            alliance_id=orion.id,
            title="Late low action",
            due_date=TODAY - timedelta(10),
        )
        p.add(
            ActionItem,
            alliance_id=helios.id,
            title="Late critical action",
            due_date=TODAY - timedelta(5),
        )
        p.add(
            ActionItem,
            alliance_id=helios.id,
            title="Done action",
            status="done",
            completed_on=TODAY - timedelta(20),
            due_date=TODAY - timedelta(30),
        )
        p.add(
            ActionItem, alliance_id=helios.id, title="Future action", due_date=TODAY + timedelta(40)
        )
        p.add(Decision, alliance_id=orion.id, title="Pick the CMO", due_date=TODAY + timedelta(20))
        p.add(
            Decision,
            alliance_id=helios.id,
            title="Decided already",
            status="decided",
            decided_on=TODAY - timedelta(2),
            due_date=TODAY + timedelta(3),
        )
        p.add(
            Payment,
            alliance_id=helios.id,
            title="Milestone fee",
            amount=2_000_000,
            due_date=TODAY - timedelta(3),
        )
    opened = Portfolio.open(path, PASSPHRASE, read_only=True)
    yield opened
    opened.close()


def titles(result):
    return [item.title for item in result.items]


def test_risks_to_raise_next_week_include_the_planted_open_one_not_the_closed_one(planted):
    result = answer(planted, "What risks should I raise next week?", TODAY)
    assert result.understood
    assert "Key scientist may leave" in titles(result)
    assert "Closed supply risk" not in titles(result)
    assert "Far-off risk" not in titles(result)  # reviewed in two months, not next week
    assert result.heading.startswith(
        "Risks and issues to raise next week (Mon 22 Jun – Sun 28 Jun 2026)"
    )
    assert "severity" in result.rule


def test_open_issues_come_before_risks_then_severity(planted):
    result = answer(planted, "risks next week", TODAY)
    assert titles(result) == ["Cold chain failure", "Key scientist may leave", "Minor label delay"]
    assert result.items[1].reason.startswith("Risk · severity 20 (likelihood 4 × impact 5)")


def test_overdue_actions_rank_by_days_overdue_times_importance(planted):
    result = answer(planted, "Which actions are overdue?", TODAY)
    # critical (4) × 5 days = 20 beats low (1) × 10 days = 10
    assert titles(result) == ["Late critical action", "Late low action"]
    assert "5 days overdue" in result.items[0].reason
    assert "importance" in result.rule


def test_one_alliance_by_a_partial_case_insensitive_name(planted):
    result = answer(planted, "open actions for HELIOS", TODAY)
    assert result.heading.endswith("for Helios Oncology")
    assert set(titles(result)) == {"Late critical action", "Future action"}


def test_a_partner_and_a_stage_scope_the_answer(planted):
    by_partner = answer(planted, "risks with northstar", TODAY)
    assert "Key scientist may leave" not in titles(by_partner)
    assert "Minor label delay" in titles(by_partner)
    by_stage = answer(planted, "risks in execution", TODAY)
    assert titles(by_stage) == titles(by_partner)


def test_decisions_in_the_next_30_days_skip_decided_ones(planted):
    result = answer(planted, "decisions due in the next 30 days", TODAY)
    assert titles(result) == ["Pick the CMO"]


def test_overdue_payment_is_flagged(planted):
    result = answer(planted, "payments", TODAY)
    assert titles(result) == ["Milestone fee"]
    assert "2,000,000 EUR" in result.items[0].reason
    assert "3 days overdue" in result.items[0].reason


def test_nothing_found_says_so_and_mentions_overdue_ones(planted):
    result = answer(planted, "actions due next week", TODAY)
    assert result.items == []
    assert result.heading.startswith("Nothing found: no actions next week")
    assert any("Also 2 overdue" in note for note in result.notes)


def test_alliances_by_status_is_a_chart_answer(planted):
    result = answer(planted, "alliances by status", TODAY)
    assert result.chart is not None
    assert (result.chart.cut, result.chart.measure, result.chart.kind) == ("status", "count", "bar")
    assert result.heading == "Alliances by status"
    assert any(line.startswith("Active") and line.rstrip().endswith("2") for line in result.table)


def test_actions_by_owner_as_a_stacked_bar(planted):
    result = answer(planted, "actions by owner as a stacked bar", TODAY)
    spec = result.chart
    assert (spec.cut, spec.records, spec.kind) == ("owner", "actions", "stacked")


def test_delivery_reliability_over_time_is_a_line(planted):
    spec = answer(planted, "delivery reliability over time by month", TODAY).chart
    assert (spec.cut, spec.measure, spec.kind, spec.period) == (
        "portfolio",
        "on_time",
        "line",
        "month",
    )


def test_an_item_knows_its_alliance_and_tab(planted):
    item = answer(planted, "overdue actions", TODAY).items[0]
    helios = planted.find_alliance("Helios Oncology")
    assert (item.alliance_id, item.tab) == (helios.id, "Actions")
    assert planted.get(ActionItem, item.record_id).title == item.title


def test_an_unknown_question_gets_examples(planted):
    result = answer(planted, "what is the meaning of life", TODAY)
    assert not result.understood
    assert [line.strip(" •") for line in result.notes] == list(EXAMPLES)


def test_an_empty_portfolio_says_so(portfolio):
    portfolio.delete(portfolio.find_alliance("Helios Oncology"))
    result = answer(portfolio, "what risks should I raise next week?", TODAY)
    assert result.understood
    assert "no alliances yet" in result.heading
    assert answer(portfolio, "alliances by status", TODAY).items == []


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("next week", date(2026, 6, 22), date(2026, 6, 28)),
        ("this week", TODAY, date(2026, 6, 21)),
        ("in the next 30 days", TODAY, TODAY + timedelta(30)),
        ("within two weeks", TODAY, TODAY + timedelta(14)),
        ("this month", TODAY, date(2026, 6, 30)),
        ("last month", date(2026, 5, 1), date(2026, 5, 31)),
        ("this quarter", TODAY, date(2026, 6, 30)),
        ("next quarter", date(2026, 7, 1), date(2026, 9, 30)),
        ("in the next 99999999999999 days", TODAY, TODAY + timedelta(3660)),
    ],
)
def test_time_windows(text, start, end):
    window = read_window(text, TODAY)
    assert (window.start, window.end) == (start, end)


def test_overdue_is_a_window_before_today():
    window = read_window("what is overdue", TODAY)
    assert window.overdue and window.end == TODAY - timedelta(1)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=120),
        st.lists(
            st.sampled_from(
                [
                    "risks",
                    "actions",
                    "by",
                    "per",
                    "owner",
                    "stage",
                    "next",
                    "0",
                    "99999",
                    "days",
                    "week",
                    "overdue",
                    "stacked",
                    "line",
                    "chart",
                    "helios",
                    "northstar",
                    "trust",
                    "on",
                    "time",
                    "last",
                    "month",
                    "\x00",
                    "\u202e",
                    "é",
                    "😀",
                ]
            ),
            max_size=12,
        ).map(" ".join),
    )
)
def test_random_text_never_raises(planted, text):
    result = answer(planted, text, TODAY)
    assert result.heading
    assert isinstance(result.text(), str)
