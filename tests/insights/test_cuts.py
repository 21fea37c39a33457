"""Chart data: hand-counted cuts of a small portfolio."""

import shutil
from datetime import date, timedelta

import pytest

from alliance_desk.insights.cuts import ChartSpec, SpecError, evaluate
from alliance_desk.insights.heat_map import heat_map
from alliance_desk.models import ActionItem, Alliance, Milestone
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE

TODAY = date(2026, 6, 15)


def bars(result):
    return dict(zip(result.categories, result.values[0], strict=True))


def rows(result):
    return zip(result.series, result.values, strict=True)


@pytest.fixture(scope="module")
def small(template_file, tmp_path_factory):
    """One small portfolio for the module's read-only tests (building it costs a second)."""
    path = tmp_path_factory.mktemp("cuts") / "small.alliance"
    shutil.copyfile(template_file, path)
    with Portfolio.open(path, PASSPHRASE) as portfolio:
        fill(portfolio)
    opened = Portfolio.open(path, PASSPHRASE, read_only=True)
    yield opened
    opened.close()


@pytest.fixture
def writable_small(portfolio):
    fill(portfolio)
    return portfolio


def fill(portfolio):
    """Helios (formation, active, critical), Orion (execution, active), Vega (execution,
    on hold); Helios has 2 open actions (1 overdue), Orion 1 overdue and 1 done."""
    helios = portfolio.find_alliance("Helios Oncology")
    portfolio.update(helios, importance="critical", business_area="Oncology")
    orion = portfolio.add_alliance(
        "Orion Vaccines", stage="execution", partner="Northstar", business_area="Vaccines"
    )
    vega = portfolio.add_alliance(
        "Vega Devices", stage="execution", partner="Northstar", status="on_hold"
    )
    archived = portfolio.add_alliance("Old Deal", stage="execution")
    portfolio.archive(archived)
    add = portfolio.add
    add(
        ActionItem,
        alliance_id=helios.id,
        title="A1",
        owner_name="Ann",
        due_date=TODAY - timedelta(3),
    )
    add(
        ActionItem,
        alliance_id=helios.id,
        title="A2",
        owner_name="Ben",
        due_date=TODAY + timedelta(9),
    )
    add(
        ActionItem,
        alliance_id=orion.id,
        title="A3",
        owner_name="Ann",
        due_date=TODAY - timedelta(1),
    )
    add(
        ActionItem,
        alliance_id=orion.id,
        title="A4",
        owner_name="Ann",
        status="done",
        completed_on=TODAY - timedelta(5),
        due_date=TODAY - timedelta(4),
    )
    add(
        ActionItem,
        alliance_id=archived.id,
        title="A5",
        owner_name="Ann",
        due_date=TODAY - timedelta(9),
    )
    # milestones: Orion 1 met (March), 1 missed (April); Vega 1 met (April)
    add(
        Milestone,
        alliance_id=orion.id,
        title="M1",
        due_date=date(2026, 3, 10),
        status="done",
        completed_on=date(2026, 3, 9),
    )
    add(
        Milestone,
        alliance_id=orion.id,
        title="M2",
        due_date=date(2026, 4, 10),
        status="missed",
        root_cause="late data",
    )
    add(
        Milestone,
        alliance_id=vega.id,
        title="M3",
        due_date=date(2026, 4, 20),
        status="done",
        completed_on=date(2026, 4, 20),
    )
    return portfolio


def test_alliances_by_status_counts_working_alliances_only(small):
    result = evaluate(small, ChartSpec(cut="status"), TODAY)
    assert result.categories == ["Active", "On hold"]
    assert result.values == [[2.0, 1.0]]
    assert result.title == "Alliances by status"
    assert "3 alliances in 3 of 3 working alliances" in result.counted


def test_alliances_by_stage_follow_the_lifecycle_order(small):
    result = evaluate(small, ChartSpec(cut="stage"), TODAY)
    assert result.categories == ["Formation", "Execution"]
    assert result.keys == ["formation", "execution"]
    assert result.values == [[1.0, 2.0]]


def test_overdue_actions_per_alliance_skip_done_and_archived_ones(small):
    result = evaluate(small, ChartSpec(cut="alliance", measure="overdue"), TODAY)
    assert bars(result) == {
        "Helios Oncology": 1.0,
        "Orion Vaccines": 1.0,
    }
    assert result.title == "Overdue actions per alliance"


def test_open_actions_by_owner_count_open_ones(small):
    result = evaluate(small, ChartSpec(cut="owner", records="actions"), TODAY)
    assert bars(result) == {"Ann": 2.0, "Ben": 1.0}


def test_stacked_actions_by_owner_split_by_record_status(small):
    spec = ChartSpec(cut="owner", records="actions", kind="stacked", open_only=False)
    result = evaluate(small, spec, TODAY)
    assert result.categories == ["Ann", "Ben"]
    table = {s: dict(zip(result.categories, row, strict=True)) for s, row in rows(result)}
    assert table == {
        "Overdue": {"Ann": 2.0, "Ben": 0.0},
        "Open": {"Ann": 0.0, "Ben": 1.0},
        "Done": {"Ann": 1.0, "Ben": 0.0},
    }
    assert result.total(0) == 3.0


def test_on_time_share_by_partner_in_percent(small):
    result = evaluate(small, ChartSpec(cut="partner", measure="on_time"), TODAY)
    assert bars(result) == {"Northstar": pytest.approx(66.7)}
    assert result.unit == "%"


def test_delivery_reliability_by_month_is_a_line_with_gaps_as_none(small):
    spec = ChartSpec(cut="portfolio", measure="on_time", kind="line", period="month")
    result = evaluate(small, spec, TODAY)
    assert result.categories == ["Mar 2026", "Apr 2026"]
    assert result.series == ["All alliances"]
    assert result.values == [[100.0, 50.0]]


def test_a_filter_keeps_only_the_listed_stage(small):
    spec = ChartSpec(cut="status", filters={"stage": ["execution"]})
    result = evaluate(small, spec, TODAY)
    assert bars(result) == {"Active": 1.0, "On hold": 1.0}
    assert "filtered: lifecycle stage execution" in result.counted


def test_focus_on_a_segment_breaks_it_down_per_alliance(small):
    spec = ChartSpec(cut="stage", records="actions", focus="formation")
    result = evaluate(small, spec, TODAY)
    assert result.categories == ["Helios Oncology"]
    assert result.values == [[2.0]]
    assert result.title == "Formation: open actions per alliance"


def test_health_cut_carries_the_lights_for_colouring(small):
    result = evaluate(small, ChartSpec(cut="health"), TODAY)
    assert result.categories == ["No data"]
    assert result.lights == ["grey"]


def test_many_owners_are_lumped_into_other(writable_small):
    helios = writable_small.find_alliance("Helios Oncology")
    for i in range(14):
        writable_small.add(
            ActionItem, alliance_id=helios.id, title=f"X{i}", owner_name=f"Person {i:02}"
        )
    result = evaluate(writable_small, ChartSpec(cut="owner", records="actions"), TODAY)
    assert len(result.categories) == 12
    assert result.categories[-1] == "Other (5)"
    assert sum(result.values[0]) == 17.0


def test_an_empty_portfolio_gives_an_empty_result(portfolio):
    portfolio.delete(portfolio.find_alliance("Helios Oncology"))
    result = evaluate(portfolio, ChartSpec(), TODAY)
    assert result.empty
    assert result.text_lines()[-1] == "Nothing to show yet."


def test_spec_round_trips_through_json():
    spec = ChartSpec(
        cut="owner",
        measure="mean_score",
        benchmark="Trust",
        kind="stacked",
        stack="health",
        filters={"stage": ["execution", "governance"]},
        focus="Ann",
        open_only=False,
    )
    assert ChartSpec.from_json(spec.to_json()) == spec


@pytest.mark.parametrize(
    "text, message",
    [
        ("not json", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        ('{"cut": "colour"}', "Unknown cut 'colour'"),
        ('{"nonsense": 1}', "no field 'nonsense'"),
        ('{"filters": {"stage": "execution"}}', "must be a list"),
        ('{"measure": "mean_score"}', "needs a benchmark"),
    ],
)
def test_bad_spec_json_gives_one_sentence(text, message):
    with pytest.raises(SpecError, match=message):
        ChartSpec.from_json(text)


def test_mean_score_of_an_unknown_benchmark_says_so(small):
    with pytest.raises(SpecError, match="no benchmark named 'Zest'"):
        evaluate(small, ChartSpec(measure="mean_score", benchmark="Zest"), TODAY)


def test_mean_trust_by_stage_and_heat_map_on_the_demo(demo_file):
    from alliance_desk.portfolio import Portfolio

    with Portfolio.open(demo_file, "demo", read_only=True) as demo:
        result = evaluate(demo, ChartSpec(cut="stage", measure="mean_score", benchmark="trust"))
        heat = heat_map(demo)
        alliances = demo.alliances(include_archived=False)
    assert result.title == "Mean Trust score by lifecycle stage"
    assert all(v is None or 1 <= v <= 10 for v in result.values[0])
    assert len(heat.alliances) == len(alliances)
    assert len(heat.lights[0]) == len(heat.benchmarks) > 0
    assert {light for row in heat.lights for light in row} <= {"green", "yellow", "red", "grey"}


def test_alliance_model_is_untouched_by_lumping(small):
    """The stand-in for lumped alliances never leaks into the portfolio."""
    assert all(isinstance(a, Alliance) for a in small.alliances())


@pytest.mark.parametrize(
    "spec",
    [
        ChartSpec(cut="stage"),
        ChartSpec(cut="owner", records="actions", kind="stacked", open_only=False),
        ChartSpec(cut="alliance", measure="overdue"),
        ChartSpec(cut="portfolio", measure="on_time", kind="line"),
        ChartSpec(cut="stage", records="actions", focus="formation"),
    ],
)
def test_a_spec_knows_its_title_without_evaluating(small, spec):
    """A pre-read captions a pinned chart with spec.title; it is the chart's own title."""
    assert spec.title == evaluate(small, spec, TODAY).title
