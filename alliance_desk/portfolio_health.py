"""The health part of the Portfolio service: benchmark values, traffic lights, health status
and early warnings (the rules themselves live in insights/health.py; the survey rounds they
read are stored by portfolio_surveys.py). Mixed into `Portfolio`.

Figures are computed from plain rows in a few queries for the whole portfolio at once, and the
per-alliance status is cached until the next committed change, so the sidebar's dots cost one
computation per edit, not one per repaint.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from alliance_desk import clock
from alliance_desk.changes import HEALTH_KINDS as HEALTH_KINDS
from alliance_desk.changes import Change
from alliance_desk.health_beside import HealthBeside
from alliance_desk.insights import delivery, governance
from alliance_desk.insights import health as rules
from alliance_desk.insights.attendance import attendance_trend
from alliance_desk.insights.health import (
    BenchmarkHealth,
    BenchmarkRound,
    EarlyWarning,
    HealthStatus,
    Response,
    ResponseRate,
    RoundInfo,
    Thresholds,
)
from alliance_desk.insights.lifecycle import effective_thresholds
from alliance_desk.insights.periods import period_label, period_start
from alliance_desk.models import (
    KINDS,
    Alliance,
    Benchmark,
    BenchmarkOverride,
    Meeting,
    MeetingAttendee,
    Milestone,
    Risk,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
)

RECENT_MEETINGS = 6  # meeting attendance counts the alliance's last six held meetings

# What the cached figures are made of (people_index shares the cache: stakeholders too).
CACHED_FROM = (HEALTH_KINDS - {"actions"}) | {"stakeholders"}
# Kinds whose rows belong to one alliance: an edit recomputes that alliance's figures only
# (a whole portfolio of 300 takes a second; one alliance a few milliseconds).
PER_ALLIANCE = CACHED_FROM - {"benchmarks", "stakeholders"}
# Portfolio-wide lists that every selection asks for and that seldom change, kept in the same
# cache (_kept): the keys each kind drops when a record of that kind changes.
KEPT_LISTS = {
    "checklist_templates": ("checklist_templates",),
    "checklist_template_items": ("template_items", "retired_template_items"),
}
_PORTFOLIO_FIGURES = ("all", "statuses", "warnings")


@dataclass(frozen=True)
class BenchmarkView:
    """One benchmark for one alliance: its definition, thresholds, history and where it stands."""

    benchmark: Benchmark
    thresholds: Thresholds
    series: list[BenchmarkRound]  # survey benchmarks: per round, oldest first
    periods: list[tuple[date, str, float | None]]  # computed ones: (start, label, value)
    trend: rules.Trend
    current: BenchmarkHealth

    @property
    def is_survey(self) -> bool:
        return self.benchmark.source == "survey"

    def points(self) -> list[tuple[date, float | None]]:
        """The history as dated values, for charts."""
        if self.is_survey:
            return [(b.round.held_on, b.overall.mean) for b in self.series if b.round.held_on]
        return [(start, value) for start, _label, value in self.periods]


@dataclass(frozen=True)
class HealthView:
    """Everything the Health tab shows for one alliance."""

    alliance: Alliance
    rounds: list[RoundInfo]  # oldest first
    responses: list[Response]
    rates: dict[str, dict[str, ResponseRate]]  # round id -> side -> rate
    benchmarks: list[BenchmarkView]
    status: HealthStatus
    warnings: list[EarlyWarning]
    baseline_round_id: str | None

    def benchmark(self, benchmark_id: str) -> BenchmarkView | None:
        return next((b for b in self.benchmarks if b.benchmark.id == benchmark_id), None)


class HealthCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""

    _health_cache: dict[str, Any] | None = None
    _health_beside: HealthBeside | None = None

    # --- definitions ----------------------------------------------------------------------------

    def live_benchmarks(self) -> list[Benchmark]:
        """Benchmark definitions in use (not retired), in their order (a new list each time)."""
        return [b for b in self._definitions()[0] if b.retired_on is None]

    def health_thresholds(self, alliance_id: str | None) -> dict[str, Thresholds]:
        """Per benchmark id, the thresholds that apply: the alliance's override where it has
        one (each threshold separately), else the definition's."""
        overrides = {}
        if alliance_id is not None:
            overrides = {
                o.benchmark_id: o for o in self.all(BenchmarkOverride, alliance_id=alliance_id)
            }
        return {b.id: effective_thresholds(b, overrides.get(b.id)) for b in self.all(Benchmark)}

    # --- figures --------------------------------------------------------------------------------

    def health_view(
        self,
        alliance: Alliance,
        baseline_round_id: str | None = None,
        records: dict[str, list] | None = None,
    ) -> HealthView:
        """Every benchmark of the alliance: lights, trend against the baseline round (the first
        by default), sides, history; the overall status and the early warnings. `records`: the
        alliance's `tracking_rows` by kind ("milestones", "risks", "meetings") when the caller
        has read them already, so they are not read twice."""
        rounds, responses = self.survey_data(alliance.id)
        if records is None:
            inputs = self._computed_inputs(alliance.id)
        else:
            inputs = {alliance.id: records}
        definitions, every_override = self._definitions()
        overrides = every_override.get(alliance.id, {})
        thresholds = {b.id: effective_thresholds(b, overrides.get(b.id)) for b in definitions}

        sums = rules.response_sums(responses)  # every benchmark's in one pass

        def rounds_of(benchmark: Benchmark, limits: Thresholds) -> list[BenchmarkRound]:
            return rules.rounds_from_sums(rounds, sums.get(benchmark.id, {}), limits)

        views = [
            self._benchmark_view(
                alliance, b, thresholds[b.id], rounds_of, inputs, baseline_round_id
            )
            for b in definitions
            if b.retired_on is None
        ]
        counts = rules.response_counts(responses)
        rates = {
            r.id: rules.rates_from_counts(r, counts.get(r.id, {"ours": 0, "partner": 0}))
            for r in rounds
        }
        status = self._status(views, rounds, rates)
        warnings = self._warnings(alliance, views, inputs.get(alliance.id, {}))
        return HealthView(
            alliance, rounds, responses, rates, views, status, warnings, baseline_round_id
        )

    def defer_health(self) -> bool:
        """For a big file (True): its whole portfolio's health is to be worked out in a thread,
        which `start_beside()` starts; `health_computing` says when it is done. Any figure asked
        for meanwhile waits for it rather than doing the work twice."""
        reader = self._opened.reader
        if reader is None or self.closed or self._health_beside is not None:
            return False
        cache = self._health_cache_dict()
        if "figures" in cache:
            return False

        def open_reader():
            return type(self)(reader(), holds_lock=False)

        self._health_beside = HealthBeside(open_reader, cache)
        return True

    def _start_health(self) -> None:
        if self._health_beside is not None:
            self._health_beside.start()

    @property
    def health_computing(self) -> bool:
        """True while the health left for later by `defer_health` is not worked out yet."""
        return self._health_beside is not None and self._health_beside.running

    def stop_health(self) -> None:
        """Drop health being worked out in a thread (the file is closing)."""
        beside, self._health_beside = self._health_beside, None
        if beside is not None:
            beside.cancel()

    def health_statuses(self) -> dict[str, HealthStatus]:
        """Per alliance id, its overall health (cached until the next committed change)."""
        cache = self._health_cache_dict()
        if "statuses" not in cache:
            cache["statuses"] = {a.id: s for a, s, _ in self._portfolio_health()}
        return cache["statuses"]

    def health_status(self, alliance: Alliance) -> HealthStatus:
        return self.health_statuses().get(alliance.id, HealthStatus(rules.GREY))

    def early_warnings(self) -> list[EarlyWarning]:
        """Every working alliance's warnings, worst first, then newest."""
        cache = self._health_cache_dict()
        if "warnings" not in cache:
            found = [w for _, _, warnings in self._portfolio_health() for w in warnings]
            found.sort(key=lambda w: (-rules.SEVERITY[w.severity], -(w.on or date.min).toordinal()))
            cache["warnings"] = found
        return cache["warnings"]

    def forget_health(self, change: Change | None = None) -> None:
        """Drop cached figures when `change` can alter them (None: always). The Portfolio
        calls this on every committed change; an edited action, the most frequent edit, keeps
        the portfolio's health (it only links review actions, which are never cached). A
        change to one alliance's records marks that alliance to be computed again."""
        cache = self._health_cache
        if cache is None or change is None or change.op == "reloaded":
            self._health_cache = None
        elif change.kind == "stakeholders":
            cache.pop("people_index", None)
        elif change.kind in KEPT_LISTS:
            for key in KEPT_LISTS[change.kind]:
                cache.pop(key, None)
        elif change.kind in PER_ALLIANCE:
            cache.setdefault("pending", []).append(change)
            for key in _PORTFOLIO_FIGURES:
                cache.pop(key, None)
            if change.kind == "benchmark_overrides":
                cache.pop("definitions", None)
        elif change.kind in CACHED_FROM:
            self._health_cache = None

    # --- internals ------------------------------------------------------------------------------

    def _definitions(
        self,
    ) -> tuple[list[Benchmark], dict[str, dict[str, BenchmarkOverride]]]:
        """The benchmark definitions in order, and per alliance id its overrides by benchmark
        id: kept in the health cache, which a change to either (or a reload) drops, so
        selecting one alliance after another does not read them again each time."""

        def read() -> tuple[list[Benchmark], dict[str, dict[str, BenchmarkOverride]]]:
            overrides: dict[str, dict[str, BenchmarkOverride]] = {}
            for o in self.all(BenchmarkOverride):
                overrides.setdefault(o.alliance_id, {})[o.benchmark_id] = o
            return self.all(Benchmark, order_by=Benchmark.position), overrides

        return self._kept("definitions", read)

    def _kept(self, key: str, read: Callable[[], Any]) -> Any:
        """`read()`, kept in the health cache under `key` until forget_health drops it (the
        keys in KEPT_LISTS alone, others with the whole cache); inside a batch, where rows are
        changing, always read afresh."""
        cache = self._health_cache_dict()
        if getattr(self, "_batch", None) is not None:
            return read()
        if key not in cache:
            cache[key] = read()
        return cache[key]

    def _health_cache_dict(self) -> dict[str, Any]:
        if self._health_cache is None:
            self._health_cache = {}
        return self._health_cache

    def _portfolio_health(self) -> list[tuple[Alliance, HealthStatus, list[EarlyWarning]]]:
        """(alliance, status, warnings) for every working alliance, by name; kept per alliance
        in the cache, so after an edit only the alliances it touched are computed again."""
        self._collect_health_beside()
        cache = self._health_cache_dict()
        if "all" in cache:
            return cache["all"]
        alliances = self.alliances(include_archived=False)
        figures = cache.get("figures")
        pending = cache.pop("pending", [])
        if figures is None:
            figures, stale = {}, {a.id for a in alliances}
        else:
            stale = self._alliances_touched(pending) | {a.id for a in alliances} - figures.keys()
        if stale:
            whole = len(stale) >= len(alliances)
            figures.update(self._alliance_health([a for a in alliances if a.id in stale], whole))
        cache["figures"] = figures
        cache["all"] = [(a, *figures[a.id]) for a in alliances]
        return cache["all"]

    def _collect_health_beside(self) -> None:
        """Take the figures worked out in a thread (waiting for them if need be), when the cache
        they were meant for is still the current one."""
        beside, self._health_beside = self._health_beside, None
        if beside is None:
            return
        beside.wait()
        if beside.figures is not None and beside.cache is self._health_cache:
            beside.cache.setdefault("figures", beside.figures)

    def _alliance_health(
        self, alliances: list[Alliance], whole: bool
    ) -> dict[str, tuple[HealthStatus, list[EarlyWarning]]]:
        """Status and warnings of `alliances`, from sums the database adds up (for the whole
        portfolio when `whole`, else for these alliances only)."""
        ids = None if whole else [a.id for a in alliances]
        rounds, sums, answered = self._survey_sums(ids)
        if whole:
            inputs = self._computed_inputs(None)
        else:
            inputs = {a.id: self._computed_inputs(a.id).get(a.id, {}) for a in alliances}
        definitions, overrides = self._definitions()
        benchmarks = [b for b in definitions if b.retired_on is None]
        rounds_by_alliance: dict[str, list[RoundInfo]] = {}
        for alliance_id, survey in rounds:
            rounds_by_alliance.setdefault(alliance_id, []).append(survey)
        result = {}
        for alliance in alliances:
            own_rounds = sorted(rounds_by_alliance.get(alliance.id, []), key=rules._round_order)
            own = overrides.get(alliance.id, {})
            thresholds = {b.id: effective_thresholds(b, own.get(b.id)) for b in definitions}

            def rounds_of(benchmark, limits, own_rounds=own_rounds):
                return rules.rounds_from_sums(own_rounds, sums.get(benchmark.id, {}), limits)

            views = [
                self._benchmark_view(alliance, b, thresholds[b.id], rounds_of, inputs, None)
                for b in benchmarks
            ]
            rates = {r.id: rules.rates_from_counts(r, answered.get(r.id, {})) for r in own_rounds}
            status = self._status(views, own_rounds, rates)
            result[alliance.id] = (
                status,
                self._warnings(alliance, views, inputs.get(alliance.id, {})),
            )
        return result

    def _alliances_touched(self, changes: list[Change]) -> set[str]:
        """The alliances whose records these changes touched (deleted rows still say)."""
        touched: set[str] = set()
        for change in changes:
            if change.kind == "alliances":
                touched.update(change.ids)
                continue
            table = KINDS[change.kind].model.__table__
            ids = list(change.ids)
            if "alliance_id" in table.c:
                query = select(table.c.alliance_id).where(table.c.id.in_(ids))
            else:  # a response, a score or an attendee: through its round or meeting
                query = _owner_query(change.kind, ids)
            touched.update(self._read(lambda s, q=query: s.connection().execute(q).scalars().all()))
        return touched

    def _computed_inputs(self, alliance_id: str | None) -> dict[str, dict[str, list]]:
        """The records computed benchmarks use, grouped by alliance id."""
        grouped: dict[str, dict[str, list]] = {}
        for name, model in (("milestones", Milestone), ("risks", Risk), ("meetings", Meeting)):
            for row in self.tracking_rows(model, alliance_id):
                grouped.setdefault(row.alliance_id, {}).setdefault(name, []).append(row)
        return grouped

    def _benchmark_view(
        self,
        alliance: Alliance,
        benchmark: Benchmark,
        thresholds: Thresholds,
        rounds_of: Callable[[Benchmark, Thresholds], list[BenchmarkRound]],
        inputs: dict[str, dict[str, list]],
        baseline_round_id: str | None,
    ) -> BenchmarkView:
        applies = rules.applies_to(benchmark.stages, alliance.stage)
        records = inputs.get(alliance.id, {})
        series: list[BenchmarkRound] = []
        periods: list[tuple[date, str, float | None]] = []
        if benchmark.source == "survey":
            series = rounds_of(benchmark, thresholds)
            trend = rules.trend(series, baseline_round_id)
            value = trend.latest.overall.mean if trend.latest else None
        else:
            value, periods = _computed(benchmark.source, alliance, records)
            trend = rules.Trend(None, None)
        current = BenchmarkHealth(
            benchmark.id,
            benchmark.name,
            value,
            rules.traffic_light(value, thresholds),
            applies,
            benchmark.unit,
        )
        return BenchmarkView(benchmark, thresholds, series, periods, trend, current)

    @staticmethod
    def _status(
        views: list[BenchmarkView],
        rounds: list[RoundInfo],
        rates: dict[str, dict[str, ResponseRate]],
    ) -> HealthStatus:
        latest_rate = rates[rounds[-1].id]["all"] if rounds else None
        return rules.overall_status((v.current for v in views), latest_rate)

    @staticmethod
    def _warnings(
        alliance: Alliance, views: list[BenchmarkView], records: dict[str, list]
    ) -> list[EarlyWarning]:
        found = []
        for view in views:
            if view.is_survey and view.current.applies:
                warning = rules.transition_warning(
                    alliance.id, view.benchmark.name, view.benchmark.id, view.series
                )
                if warning is not None:
                    found.append(warning)
        trust = next((v for v in views if v.benchmark.key == "trust"), None)
        if trust is not None and rules.falling_for([b.overall.mean for b in trust.series]):
            last = trust.series[-1]
            found.append(
                rules.EarlyWarning(
                    alliance.id,
                    "falling_trust",
                    "Trust has fallen in each of the last two rounds ("
                    + " → ".join(b.overall.text() for b in trust.series[-3:])
                    + ")",
                    last.round.held_on,
                    rules.YELLOW if last.light != rules.RED else rules.RED,
                    benchmark_id=trust.benchmark.id,
                )
            )
        found.extend(_record_flags(alliance, records))
        return found


def _record_flags(alliance: Alliance, records: dict[str, list]) -> list[EarlyWarning]:
    """Rising open issues over the last two months; falling meeting attendance."""
    today = clock.today()
    days = [today - timedelta(days=60), today - timedelta(days=30), today]
    issues = [
        (r.raised_on, r.resolved_on)
        for r in records.get("risks", [])
        if r.kind == "issue" and r.status != "cancelled"
    ]
    counts = rules.open_issue_counts(issues, days)
    flags = []
    if rules.rising_for(counts):
        flags.append(
            EarlyWarning(
                alliance.id,
                "rising_issues",
                f"Open issues keep rising ({counts[0]} → {counts[1]} → {counts[2]} "
                "over the last two months)",
                today,
                rules.YELLOW,
            )
        )
    held = sorted(
        (m for m in records.get("meetings", []) if m.status == "held" and m.held_on),
        key=lambda m: m.held_on,
    )
    trend = attendance_trend(m.attended / m.invited if m.invited else None for m in held)
    if trend.direction == "falling":
        flags.append(
            EarlyWarning(
                alliance.id,
                "falling_attendance",
                f"Meeting attendance is falling ({trend.text()})",
                today,
                rules.YELLOW,
            )
        )
    return flags


def _computed(
    source: str, alliance: Alliance, records: dict[str, list]
) -> tuple[float | None, list[tuple[date, str, float | None]]]:
    """A computed benchmark's current value and its quarterly history."""
    today = clock.today()
    if source == "revenue_dependency":
        return alliance.revenue_share, []
    if source == "delivery_reliability":
        milestones = records.get("milestones", [])
        share = delivery.delivery_reliability(milestones, today)["all"].share
        periods = [
            (p.start, p.label, None if p.overall.share is None else p.overall.share * 100)
            for p in delivery.delivery_reliability_by_period(milestones, today, "quarter")
        ]
        return (None if share is None else share * 100), periods
    if source == "governance_responsiveness":
        risks = records.get("risks", [])
        periods = [
            (p.start, p.label, p.figure.median_days)
            for p in governance.responsiveness_by_period(risks, "quarter")
        ]
        return governance.governance_responsiveness(risks).median_days, periods
    if source == "meeting_attendance":
        held = sorted(
            (m for m in records.get("meetings", []) if m.status == "held" and m.held_on),
            key=lambda m: m.held_on,
        )
        return _attendance(held[-RECENT_MEETINGS:]), _attendance_periods(held)
    return None, []


def _attendance(meetings: Iterable[Any]) -> float | None:
    invited = attended = 0
    for meeting in meetings:
        invited += meeting.invited
        attended += meeting.attended
    return 100 * attended / invited if invited else None


def _attendance_periods(held: list[Any]) -> list[tuple[date, str, float | None]]:
    grouped: dict[date, list[Any]] = {}
    for meeting in held:
        grouped.setdefault(period_start(meeting.held_on, "quarter"), []).append(meeting)
    return [
        (start, period_label(start, "quarter"), _attendance(group))
        for start, group in sorted(grouped.items())
    ]


def _owner_query(kind: str, ids: list[str]):
    """The alliance ids of survey responses, survey scores or meeting attendees."""
    rounds, responses = SurveyRound.__table__, SurveyResponse.__table__
    if kind == "survey_responses":
        return (
            select(rounds.c.alliance_id)
            .join(responses, responses.c.round_id == rounds.c.id)
            .where(responses.c.id.in_(ids))
        )
    if kind == "survey_scores":
        scores = SurveyScore.__table__
        return (
            select(rounds.c.alliance_id)
            .join(responses, responses.c.round_id == rounds.c.id)
            .join(scores, scores.c.response_id == responses.c.id)
            .where(scores.c.id.in_(ids))
        )
    if kind == "meeting_attendees":
        meetings, attendees = Meeting.__table__, MeetingAttendee.__table__
        return (
            select(meetings.c.alliance_id)
            .join(attendees, attendees.c.meeting_id == meetings.c.id)
            .where(attendees.c.id.in_(ids))
        )
    raise KeyError(f"No owner query for {kind}.")
