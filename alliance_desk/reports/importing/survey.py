"""Survey responses as survey tools export them: one row per respondent, one column per
benchmark, plus round or date, side, team, respondent name (or none: anonymous) and comment.

Rows become SurveyRound / SurveyResponse / SurveyScore records. A score can only be checked
against its benchmark's scale once its response exists, so the preview runs the whole import
inside a batch that is rolled back: the Portfolio's own rules decide, and nothing stays.
"""

from collections import Counter
from typing import Any

from alliance_desk.models import SurveyResponse, SurveyRound, SurveyScore
from alliance_desk.models.limits import ValidationError
from alliance_desk.reports.importing.fields import BENCHMARK_PREFIX
from alliance_desk.reports.importing.preview import (
    ADD,
    UNCHANGED,
    UPDATE,
    CellError,
    Planned,
    Preview,
    Problem,
    RowReader,
)


class _Rollback(Exception):
    """Ends the preview's trial batch."""


def plan_survey(portfolio, reader: RowReader, preview: Preview, progress) -> None:
    """Fill `preview` by trying every row in a batch that is then rolled back."""
    try:
        with portfolio.batch():
            SurveyWriter(portfolio, reader).run(preview, progress, keep=None)
            raise _Rollback
    except _Rollback:
        pass


def apply_survey(portfolio, preview: Preview, progress) -> None:
    """Store the good rows of `preview` (inside the caller's batch)."""
    good = {p.row for p in preview.planned}
    SurveyWriter(portfolio, preview.reader).run(None, progress, keep=good)


class SurveyWriter:
    def __init__(self, portfolio, reader: RowReader):
        self.portfolio, self.reader = portfolio, reader
        self.benchmarks = {BENCHMARK_PREFIX + (b.key or b.id): b for b in reader.benchmarks}
        self.rounds: dict[tuple, SurveyRound] = {}
        for survey_round in portfolio.all(SurveyRound):
            self.rounds.setdefault(
                _round_key(survey_round.alliance_id, survey_round.title, survey_round.held_on),
                survey_round,
            )
            self.rounds.setdefault(
                _round_key(survey_round.alliance_id, None, survey_round.held_on), survey_round
            )
            self.rounds.setdefault(
                _round_key(survey_round.alliance_id, survey_round.title, None), survey_round
            )
        self.responses: dict[str, SurveyResponse] = {r.id: r for r in portfolio.all(SurveyResponse)}
        self.scores: dict[str, dict[str, SurveyScore]] = {}
        for score in portfolio.all(SurveyScore):
            self.scores.setdefault(score.response_id, {})[score.benchmark_id] = score
        self.named: dict[tuple[str, str], SurveyResponse] = {}
        self.anonymous: dict[str, Counter] = {}
        self.anonymous_by_print: dict[tuple, list[SurveyResponse]] = {}
        for response in self.responses.values():
            if response.stakeholder_id:
                self.named[(response.round_id, response.stakeholder_id)] = response
            else:
                self.anonymous_by_print.setdefault(self._print(response), []).append(response)
        self.unknown_names: set[str] = set()

    def _print(self, response: SurveyResponse) -> tuple:
        scores = self.scores.get(response.id, {})
        values = tuple(sorted((b, s.value) for b, s in scores.items()))
        return (
            response.round_id,
            response.side,
            response.team.strip(),
            response.comment.strip(),
            values,
        )

    def run(self, preview: Preview | None, progress, keep: set[int] | None) -> None:
        rows = self.reader.table.rows
        total = len(rows)
        for position, (number, cells) in enumerate(rows, start=1):
            if progress is not None and position % 200 == 0:
                progress(position, total)
            if keep is not None and number not in keep:
                continue
            read, problems = self.reader.read(number, cells)
            if not problems:
                try:
                    action = self.store_row(number, read)
                    if preview is not None:
                        preview.planned.append(Planned(number, action, {}))
                    continue
                except CellError as exc:
                    problems = [Problem(number, "", str(exc))]
                except ValidationError as exc:
                    if keep is not None:
                        raise
                    column = self.reader.column_of(exc.field)
                    problems = [Problem(number, column, exc.message)]
            if keep is not None:
                raise CellError(str(problems[0]))
            preview.problems.extend(problems)
        if preview is not None and self.unknown_names:
            names = ", ".join(sorted(self.unknown_names)[:5])
            more = "…" if len(self.unknown_names) > 5 else ""
            preview.notes.append(
                f"Respondents who are not stakeholders in this portfolio ({names}{more}) are "
                "imported as anonymous responses."
            )

    def store_row(self, number: int, read: dict[str, Any]) -> str:
        alliance = read.get("alliance")
        if alliance is None:
            raise CellError("The alliance is empty.")
        title, held_on = read.get("round"), read.get("date")
        if not title and held_on is None:
            raise CellError("The row has neither a round nor a date.")
        person = None
        name = (read.get("respondent") or "").strip()
        if name:
            person = self.reader.people.get(name.casefold())
            if person is None:
                self.unknown_names.add(name)
        fields = {
            "side": read.get("side") or (person.side if person is not None else "ours"),
            "team": read.get("team") or "",
            "comment": read.get("comment") or "",
            "stakeholder_id": person.id if person is not None else None,
        }
        scores = {
            self.benchmarks[key].id: value
            for key, value in read.items()
            if key.startswith(BENCHMARK_PREFIX) and value is not None
        }
        if not scores:
            raise CellError("The row has no score.")
        survey_round = self.round_for(alliance.id, title, held_on)
        response = self.find_response(read.get("id"), survey_round, fields, scores)
        if response is None:
            self.portfolio.check_new(SurveyResponse, round_id=survey_round.id, **fields)
            response = self.portfolio.add(SurveyResponse, round_id=survey_round.id, **fields)
            if person is not None:
                self.named[(survey_round.id, person.id)] = response
            for benchmark_id, value in scores.items():
                self.check_score(response.id, benchmark_id, value)
            stored = self.scores.setdefault(response.id, {})  # a later row may update them
            for benchmark_id, value in scores.items():
                stored[benchmark_id] = self.portfolio.add(
                    SurveyScore, response_id=response.id, benchmark_id=benchmark_id, value=value
                )
            return ADD
        changed = {k: v for k, v in fields.items() if getattr(response, k) != v}
        stored = self.scores.setdefault(response.id, {})
        score_changes = {b: v for b, v in scores.items() if b not in stored or stored[b].value != v}
        if not changed and not score_changes:
            return UNCHANGED
        self.portfolio.check(response, **changed)
        for benchmark_id, value in score_changes.items():
            self.check_score(response.id, benchmark_id, value, stored.get(benchmark_id))
        self.portfolio.update(response, **changed)
        for benchmark_id, value in score_changes.items():
            if benchmark_id in stored:
                self.portfolio.update(stored[benchmark_id], value=value)
            else:
                stored[benchmark_id] = self.portfolio.add(
                    SurveyScore, response_id=response.id, benchmark_id=benchmark_id, value=value
                )
        return UPDATE

    def check_score(self, response_id, benchmark_id, value, stored=None) -> None:
        """The Portfolio's rules for one score; a failure names the benchmark's column."""
        try:
            if stored is not None:
                self.portfolio.check(stored, value=value)
            else:
                self.portfolio.check_new(
                    SurveyScore, response_id=response_id, benchmark_id=benchmark_id, value=value
                )
        except ValidationError as exc:
            field = next(k for k, b in self.benchmarks.items() if b.id == benchmark_id)
            raise ValidationError(field, exc.message) from None

    def round_for(self, alliance_id: str, title: str | None, held_on) -> SurveyRound:
        key = _round_key(alliance_id, title, held_on)
        found = self.rounds.get(key)
        if found is None and title:
            found = self.rounds.get(_round_key(alliance_id, title, None))
        if found is not None:
            return found
        fields = {"alliance_id": alliance_id, "held_on": held_on}
        fields["title"] = title or f"Survey {held_on:%Y-%m-%d}"
        self.portfolio.check_new(SurveyRound, **fields)
        created = self.portfolio.add(SurveyRound, **fields)
        for each in (
            key,
            _round_key(alliance_id, title, None),
            _round_key(alliance_id, None, held_on),
        ):
            self.rounds.setdefault(each, created)
        return created

    def find_response(self, ident, survey_round, fields, scores) -> SurveyResponse | None:
        if ident and ident in self.responses:
            return self.responses[ident]
        if fields["stakeholder_id"]:
            return self.named.get((survey_round.id, fields["stakeholder_id"]))
        wanted = (
            survey_round.id,
            fields["side"],
            fields["team"].strip(),
            fields["comment"].strip(),
            tuple(sorted(scores.items())),
        )
        same = self.anonymous_by_print.get(wanted)
        if same:
            return same.pop()  # each stored response answers one row only
        return None


def _round_key(alliance_id: str, title: str | None, held_on) -> tuple:
    return (alliance_id, (title or "").strip().casefold(), held_on)


__all__ = ["plan_survey", "apply_survey"]
