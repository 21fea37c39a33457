"""Relationship health: traffic lights, round figures, trends, the perception gap, breakdowns,
the overall status of an alliance and its early warnings (DOMAIN.md §3).

Pure functions over plain values, so every rule is tested without a file or Qt. The Portfolio
gathers the rows (portfolio_health.py); the Health tab, the sidebar dot and the reports show
what these functions decide.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean

GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"
SEVERITY = {GREY: -1, GREEN: 0, YELLOW: 1, RED: 2}
LIGHT_WORDS = {GREEN: "green", YELLOW: "yellow", RED: "red", GREY: "no data"}
LOW_RESPONSE_RATE = 0.8  # DOMAIN.md §3: about 80 % answering means people are engaged
REVIEW_WITHIN_DAYS = 14  # DOMAIN.md §3: a worsening benchmark triggers a review in two weeks
NO_TEAM = "(no team)"

STATUS_RULE = (
    "An alliance's health counts the benchmarks that apply to its current stage. It is grey "
    "while none of them has data; red when any of them is red; yellow when any is yellow or "
    "fewer than 80 % of those invited answered the latest survey round; green otherwise."
)

HEALTH_HELP = (
    "Traffic lights. Each benchmark has two thresholds: green at or above the first, red below "
    "the second, yellow between (for benchmarks where lower is better, such as days to resolve "
    "an issue, the other way round). An alliance can have its own thresholds. A survey "
    "benchmark's value is the mean of the latest round that asked it; computed ones come from "
    "the records (milestones met on time, days from raising an issue to resolving it, "
    "attendance at the last six meetings, the revenue share on the Overview).",
    "Overall health. " + STATUS_RULE,
    "Response rate. About 80 % of those invited answering means people are engaged; below that "
    "the round is flagged and the health is at best yellow.",
    "Trend. The latest round is compared with a baseline round you pick (by default the first), "
    "so a dip can be judged against a normal period before anyone reacts.",
    "Early warnings. A benchmark whose light gets worse (green to yellow or red, yellow to red) "
    "calls for a review within two weeks: one click creates the review action, once per change. "
    "Also flagged: trust lower in each of the last two rounds, open issues rising over the last "
    "two months, and falling meeting attendance.",
)


# --- traffic lights -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    """Green at or above `green_at`, red below `red_below`, yellow between; the other way
    round (green at or below, red above) when lower is better, e.g. days to resolve."""

    green_at: float | None
    red_below: float | None
    higher_is_better: bool = True
    overridden: bool = False  # the alliance has its own values (BenchmarkOverride)

    @property
    def complete(self) -> bool:
        return self.green_at is not None and self.red_below is not None

    def describe(self, unit: str = "") -> str:
        """'green at 7 or above, red below 5' (or the lower-is-better words)."""
        if self.green_at is None and self.red_below is None:
            return "no thresholds"
        suffix = f" {unit}" if unit and unit != "%" else unit
        parts = []
        if self.higher_is_better:
            if self.green_at is not None:
                parts.append(f"green at {_number(self.green_at)}{suffix} or above")
            if self.red_below is not None:
                parts.append(f"red below {_number(self.red_below)}{suffix}")
        else:
            if self.green_at is not None:
                parts.append(f"green at {_number(self.green_at)}{suffix} or below")
            if self.red_below is not None:
                parts.append(f"red above {_number(self.red_below)}{suffix}")
        return ", ".join(parts)

    def short(self) -> str:
        """'green ≥ 7, red < 5' — for tooltips and narrow places."""
        if not self.complete:
            return "no thresholds set"
        green, red = _number(self.green_at), _number(self.red_below)
        if self.higher_is_better:
            return f"green ≥ {green}, red < {red}"
        return f"green ≤ {green}, red > {red}"


def traffic_light(value: float | None, thresholds: Thresholds) -> str:
    """The light for one value; grey when there is no value or no complete thresholds."""
    if value is None or not thresholds.complete:
        return GREY
    if thresholds.higher_is_better:
        if value >= thresholds.green_at:
            return GREEN
        return RED if value < thresholds.red_below else YELLOW
    if value <= thresholds.green_at:
        return GREEN
    return RED if value > thresholds.red_below else YELLOW


def worse(a: str, b: str) -> str:
    return a if SEVERITY[a] >= SEVERITY[b] else b


# --- the rows the rules work on -----------------------------------------------------------------


@dataclass(frozen=True)
class RoundInfo:
    """A pulse-survey round: its date, and how many were invited on each side (None: unknown)."""

    id: str
    held_on: date | None
    title: str = ""
    invited_ours: int | None = None
    invited_partner: int | None = None


@dataclass(frozen=True)
class Response:
    """One respondent's answers in a round (scores by benchmark id; missing = not asked)."""

    round_id: str
    side: str  # "ours" or "partner"
    team: str = ""
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Stat:
    mean: float | None = None
    count: int = 0

    def text(self, digits: int = 1) -> str:
        return "—" if self.mean is None else f"{self.mean:.{digits}f}"


def stat(values: Iterable[float | None]) -> Stat:
    present = [v for v in values if v is not None]
    return Stat(fmean(present), len(present)) if present else Stat()


# --- response rate ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseRate:
    responded: int
    invited: int | None

    @property
    def rate(self) -> float | None:
        return self.responded / self.invited if self.invited else None

    @property
    def low(self) -> bool:
        """Below 80 % answered (unknown invitations are never 'low')."""
        return self.rate is not None and self.rate < LOW_RESPONSE_RATE

    def text(self) -> str:
        if self.rate is None:
            return f"{self.responded} answered"
        return f"{self.rate * 100:.0f} % ({self.responded} of {self.invited})"


def response_rates(survey: RoundInfo, responses: Iterable[Response]) -> dict[str, ResponseRate]:
    """Per side ('ours', 'partner') and overall ('all') for one round's responses."""
    answered = {"ours": 0, "partner": 0}
    for response in responses:
        if response.round_id == survey.id:
            answered[response.side] = answered.get(response.side, 0) + 1
    return rates_from_counts(survey, answered)


def rates_from_counts(survey: RoundInfo, answered: dict[str, int]) -> dict[str, ResponseRate]:
    """Response rates from the number who answered per side; overall counts only sides whose
    invitations are known, so an unknown side does not make the rate look low."""
    invited = {"ours": survey.invited_ours, "partner": survey.invited_partner}
    rates = {side: ResponseRate(answered.get(side, 0), invited[side]) for side in invited}
    known = [side for side, number in invited.items() if number]
    if known:
        rates["all"] = ResponseRate(
            sum(answered.get(s, 0) for s in known), sum(invited[s] for s in known)
        )
    else:
        rates["all"] = ResponseRate(sum(answered.values()), None)
    return rates


# --- per benchmark and round --------------------------------------------------------------------


@dataclass(frozen=True)
class BenchmarkRound:
    """One benchmark in one round: overall, our side and the partner's side."""

    round: RoundInfo
    overall: Stat
    ours: Stat
    partner: Stat
    light: str

    @property
    def gap(self) -> float | None:
        """The perception gap: our mean minus the partner's (None unless both sides answered)."""
        if self.ours.mean is None or self.partner.mean is None:
            return None
        return self.ours.mean - self.partner.mean


Sums = dict[tuple[str, str], tuple[float, int]]  # (round id, side) -> (sum of scores, count)


def benchmark_rounds(
    rounds: Sequence[RoundInfo],
    responses: Sequence[Response],
    benchmark_id: str,
    thresholds: Thresholds,
) -> list[BenchmarkRound]:
    """The benchmark in every round that asked it, oldest first (rounds without a date last)."""
    sums: Sums = {}
    for response in responses:
        value = response.scores.get(benchmark_id)
        if value is not None:
            total, count = sums.get((response.round_id, response.side), (0.0, 0))
            sums[(response.round_id, response.side)] = (total + value, count + 1)
    return rounds_from_sums(rounds, sums, thresholds)


def response_sums(responses: Iterable[Response]) -> dict[str, Sums]:
    """Per benchmark id, what `benchmark_rounds` adds up for it (in the same order), for every
    benchmark in one pass over the responses."""
    sums: dict[str, Sums] = {}
    for response in responses:
        key = (response.round_id, response.side)
        for benchmark_id, value in response.scores.items():
            if value is not None:
                own = sums.setdefault(benchmark_id, {})
                total, count = own.get(key, (0.0, 0))
                own[key] = (total + value, count + 1)
    return sums


def response_counts(responses: Iterable[Response]) -> dict[str, dict[str, int]]:
    """Per round id, the number who answered per side, as `response_rates` counts them."""
    counts: dict[str, dict[str, int]] = {}
    for response in responses:
        answered = counts.setdefault(response.round_id, {"ours": 0, "partner": 0})
        answered[response.side] = answered.get(response.side, 0) + 1
    return counts


def rounds_from_sums(
    rounds: Sequence[RoundInfo], sums: Sums, thresholds: Thresholds
) -> list[BenchmarkRound]:
    """The same from per-side sums and counts (what a database can add up for a whole
    portfolio without handing every score to Python)."""
    result = []
    for survey in sorted(rounds, key=_round_order):
        ours = sums.get((survey.id, "ours"), (0.0, 0))
        partner = sums.get((survey.id, "partner"), (0.0, 0))
        count = ours[1] + partner[1]
        if not count:
            continue
        overall = Stat((ours[0] + partner[0]) / count, count)
        result.append(
            BenchmarkRound(
                survey,
                overall,
                Stat(ours[0] / ours[1], ours[1]) if ours[1] else Stat(),
                Stat(partner[0] / partner[1], partner[1]) if partner[1] else Stat(),
                traffic_light(overall.mean, thresholds),
            )
        )
    return result


def _round_order(survey: RoundInfo) -> tuple:
    return (survey.held_on is None, survey.held_on or date.max, survey.title, survey.id)


@dataclass(frozen=True)
class Trend:
    """The latest round against the baseline round (the user's pick, by default the first)."""

    baseline: BenchmarkRound | None
    latest: BenchmarkRound | None

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        if self.baseline.overall.mean is None or self.latest.overall.mean is None:
            return None
        return self.latest.overall.mean - self.baseline.overall.mean

    def text(self) -> str:
        change = self.change
        if change is None or self.baseline is self.latest:
            return "—"
        return f"{change:+.1f}"


def trend(series: Sequence[BenchmarkRound], baseline_round_id: str | None = None) -> Trend:
    if not series:
        return Trend(None, None)
    baseline = next((b for b in series if b.round.id == baseline_round_id), series[0])
    return Trend(baseline, series[-1])


@dataclass(frozen=True)
class TeamStat:
    team: str
    stat: Stat
    light: str


def breakdown(
    responses: Iterable[Response],
    benchmark_id: str,
    thresholds: Thresholds,
    round_id: str | None = None,
) -> list[TeamStat]:
    """The benchmark per team or function (in one round, or over all), sorted by team name."""
    by_team: dict[str, list[float]] = {}
    for response in responses:
        if round_id is not None and response.round_id != round_id:
            continue
        if benchmark_id in response.scores:
            team = response.team.strip() or NO_TEAM
            by_team.setdefault(team, []).append(response.scores[benchmark_id])
    result = []
    for team in sorted(by_team, key=lambda t: (t == NO_TEAM, t.casefold())):
        figures = stat(by_team[team])
        result.append(TeamStat(team, figures, traffic_light(figures.mean, thresholds)))
    return result


# --- the overall status -------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchmarkHealth:
    """Where one benchmark stands now for an alliance."""

    benchmark_id: str
    name: str
    value: float | None
    light: str
    applies: bool  # to the alliance's current stage
    unit: str = ""

    def value_text(self) -> str:
        if self.value is None:
            return "no data"
        if self.unit == "%":  # a no-break space: a line never ends between number and unit
            return f"{self.value:.0f}\u00a0%"
        if self.unit:
            return f"{self.value:.0f}\u00a0{self.unit}"
        return f"{self.value:.1f}"


@dataclass(frozen=True)
class HealthStatus:
    light: str
    reasons: tuple[str, ...] = ()

    def text(self) -> str:
        head = {GREEN: "Green", YELLOW: "Yellow", RED: "Red", GREY: "No data"}[self.light]
        return f"{head}: {'; '.join(self.reasons)}" if self.reasons else head


def overall_status(
    benchmarks: Iterable[BenchmarkHealth], latest_rate: ResponseRate | None = None
) -> HealthStatus:
    """The alliance's health by STATUS_RULE, with the reasons a reader needs."""
    counted = [b for b in benchmarks if b.applies and b.light != GREY]
    if not counted:
        return HealthStatus(GREY, ("no benchmark for this stage has data yet",))
    red = [b for b in counted if b.light == RED]
    if red:
        return HealthStatus(RED, tuple(f"{b.name} is red ({b.value_text()})" for b in red))
    reasons = [f"{b.name} is yellow ({b.value_text()})" for b in counted if b.light == YELLOW]
    if latest_rate is not None and latest_rate.low:
        reasons.append(f"only {latest_rate.text()} answered the latest survey")
    if reasons:
        return HealthStatus(YELLOW, tuple(reasons))
    return HealthStatus(GREEN, ("every benchmark for this stage is green",))


def applies_to(stages: str, stage: str) -> bool:
    """A benchmark's comma-separated stages; an empty list means every stage."""
    listed = [s.strip() for s in stages.split(",") if s.strip()]
    return not listed or stage in listed


# --- early warnings -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EarlyWarning:
    """Something that calls for a review. `key` identifies it, so a review action is proposed
    once per transition; `round_id`/`benchmark_id` say where a review action links to."""

    alliance_id: str
    kind: str  # "transition", "falling_trust", "rising_issues", "falling_attendance"
    text: str
    on: date | None
    severity: str  # YELLOW or RED
    benchmark_id: str | None = None
    round_id: str | None = None

    @property
    def key(self) -> str:
        return ":".join([self.alliance_id, self.kind, self.benchmark_id or "", self.round_id or ""])

    @property
    def proposes_review(self) -> bool:
        return self.kind == "transition"

    def review_title(self, benchmark_name: str = "") -> str:
        if self.kind == "transition":
            return f"Review {benchmark_name or 'benchmark'}: {self.text}"
        return f"Review: {self.text}"


def transition_warning(
    alliance_id: str, name: str, benchmark_id: str, series: Sequence[BenchmarkRound]
) -> EarlyWarning | None:
    """A warning while the benchmark's latest change of light made it worse (green to yellow
    or red, yellow to red). It stays until the light changes again; None otherwise."""
    lit = [b for b in series if b.light != GREY]
    for earlier, later in reversed(list(zip(lit, lit[1:], strict=False))):
        if later.light == earlier.light:
            continue
        if SEVERITY[later.light] <= SEVERITY[earlier.light]:
            return None  # the last change was an improvement
        return EarlyWarning(
            alliance_id,
            "transition",
            f"{name} moved from {earlier.light} to {later.light} "
            f"({earlier.overall.text()} → {later.overall.text()})",
            later.round.held_on,
            later.light,
            benchmark_id=benchmark_id,
            round_id=later.round.id,
        )
    return None


def falling_for(values: Sequence[float | None], rounds: int = 2) -> bool:
    """True when each of the last `rounds` values is lower than the one before it."""
    present = [v for v in values if v is not None]
    if len(present) < rounds + 1:
        return False
    tail = present[-(rounds + 1) :]
    return all(later < earlier for earlier, later in zip(tail, tail[1:], strict=False))


def rising_for(values: Sequence[int]) -> bool:
    """True when each value is higher than the one before it (at least two steps)."""
    return len(values) >= 3 and all(b > a for a, b in zip(values, values[1:], strict=False))


def open_issue_counts(
    issues: Iterable[tuple[date | None, date | None]], days: Sequence[date]
) -> list[int]:
    """How many issues (raised_on, resolved_on) were open on each day; undated ones are skipped."""
    issues = [(raised, resolved) for raised, resolved in issues if raised is not None]
    return [
        sum(
            1
            for raised, resolved in issues
            if raised <= day and (resolved is None or resolved > day)
        )
        for day in days
    ]


def _number(value: float) -> str:
    return f"{value:g}"
