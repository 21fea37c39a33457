"""The benchmark harness's machinery on a tiny portfolio (3 alliances): it builds the file,
measures, and writes results.json in the issue's shape. No timing is asserted here: speed is
measured by `make bench`, not by tests."""

import json

from benchmarks.big import ensure_big
from benchmarks.common import p95
from benchmarks.run import markdown, run

FIELDS = {"figure", "value", "unit", "floor", "ratio", "target", "met"}


def test_harness_writes_results_in_the_issue_shape(tmp_path):
    out, cache = tmp_path / "results.json", tmp_path / "cache"
    run(3, 1, out, {"board", "merge", "plain"}, cache=cache)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document) == {"machine", "results"}
    assert document["machine"]["cores"] >= 1
    assert "big-3-" in document["machine"]["portfolio"]
    names = [row["figure"] for row in document["results"]]
    assert len(names) == 3
    assert any(name.startswith("merge of two copies") for name in names)
    for row in document["results"]:
        assert set(row) >= FIELDS
        assert row["value"] > 0
        assert isinstance(row["met"], bool)
        if row["floor"] is not None:
            assert abs(row["ratio"] - row["value"] / row["floor"]) < 0.05 * max(1, row["ratio"])
    table = markdown(document["results"])
    assert table.count("\n") == len(names) + 1
    (built,) = cache.glob("big-3-*.alliance")  # cached under a hash of code and parameters
    stamp = built.stat().st_mtime_ns
    assert ensure_big(3, cache) == built
    assert built.stat().st_mtime_ns == stamp


def test_start_is_timed_until_the_window_says_it_painted(tmp_path):
    """The app and F1 both print "painted" at their first paint; the harness times each whole
    process up to that line and to its end."""
    out = tmp_path / "results.json"
    run(3, 1, out, {"start"}, cache=tmp_path / "cache")
    rows = {r["figure"]: r for r in json.loads(out.read_text(encoding="utf-8"))["results"]}
    start = rows["cold start to first painted main window / F1"]
    whole = rows["start until health and the whole-file check are in (informative)"]
    opened = next(r for name, r in rows.items() if name.startswith("start until the portfolio"))
    assert start["floor"] > 0
    assert 0 < start["value"] < opened["value"] < whole["value"]
    least = next(r for name, r in rows.items() if name.startswith("F1 with SQLAlchemy"))
    assert least["value"] > 0  # the harness refuses a run that did not say it imported them
    assert rows["peak memory of the GUI with the large portfolio open"]["value"] > 50


def test_p95_is_the_nearest_rank():
    assert p95(list(range(1, 21))) == 19
    assert p95([5.0]) == 5.0
