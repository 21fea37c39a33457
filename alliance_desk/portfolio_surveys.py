"""Pulse-survey rounds in the Portfolio service: a round stored whole with its responses and
scores, deleted and restored as one edit, and read back as plain values (per response for one
alliance, or added up by the database for the whole portfolio). Mixed into `Portfolio`."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import Select, bindparam, func, select

from alliance_desk import clock
from alliance_desk.insights import health as rules
from alliance_desk.insights.health import Response, RoundInfo
from alliance_desk.models import Alliance, SurveyResponse, SurveyRound, SurveyScore
from alliance_desk.models.limits import ValidationError


@dataclass(frozen=True)
class ResponseEntry:
    """One row of the survey grid: who answered, and a score per benchmark id."""

    side: str = "ours"
    team: str = ""
    stakeholder_id: str | None = None
    comment: str = ""
    scores: dict[str, float | None] = field(default_factory=dict)


def _round_query() -> Select:
    """The columns of a survey round that figures use (RoundInfo's)."""
    rounds_t = SurveyRound.__table__
    return select(
        rounds_t.c.id,
        rounds_t.c.alliance_id,
        rounds_t.c.held_on,
        rounds_t.c.title,
        rounds_t.c.invited_ours,
        rounds_t.c.invited_partner,
    )


@lru_cache(maxsize=2)
def _survey_queries(per_alliance: bool) -> tuple[Select, Select, Select]:
    """survey_data's queries of rounds, responses and scores, built once; `per_alliance`: of
    the alliance bound as `alliance_id` only."""
    rounds_t, responses_t = SurveyRound.__table__, SurveyResponse.__table__
    scores_t = SurveyScore.__table__
    round_query = _round_query().where(rounds_t.c.deleted_at.is_(None))
    response_query = (
        select(responses_t.c.id, responses_t.c.round_id, responses_t.c.side, responses_t.c.team)
        .join(rounds_t, rounds_t.c.id == responses_t.c.round_id)
        .where(responses_t.c.deleted_at.is_(None), rounds_t.c.deleted_at.is_(None))
    )
    score_query = (
        select(scores_t.c.response_id, scores_t.c.benchmark_id, scores_t.c.value)
        .join(responses_t, responses_t.c.id == scores_t.c.response_id)
        .join(rounds_t, rounds_t.c.id == responses_t.c.round_id)
        .where(
            scores_t.c.deleted_at.is_(None),
            scores_t.c.value.is_not(None),
            responses_t.c.deleted_at.is_(None),
            rounds_t.c.deleted_at.is_(None),
        )
    )
    if per_alliance:
        wanted = rounds_t.c.alliance_id == bindparam("alliance_id")
        round_query = round_query.where(wanted)
        response_query = response_query.where(wanted)
        score_query = score_query.where(wanted)
    return round_query, response_query, score_query


class SurveyCommands:
    """Methods of `Portfolio` (they use its add/delete/_read plumbing)."""

    def survey_data(self, alliance_id: str | None = None) -> tuple[list[RoundInfo], list[Response]]:
        """Rounds (oldest first) and responses with their scores, as plain values."""
        queries = _survey_queries(alliance_id is not None)
        params = {"alliance_id": alliance_id} if alliance_id is not None else {}

        def read(session):
            connection = session.connection()  # Core rows: no ORM step for 500 scores
            return tuple(connection.execute(query, params).all() for query in queries)

        round_rows, response_rows, score_rows = self._read(read)
        scores: dict[str, dict[str, float]] = {}
        for response_id, benchmark_id, value in score_rows:  # hundreds per alliance
            scores.setdefault(response_id, {})[benchmark_id] = value
        rounds = sorted(
            (
                RoundInfo(r.id, r.held_on, r.title, r.invited_ours, r.invited_partner)
                for r in round_rows
            ),
            key=rules._round_order,
        )
        responses = [
            Response(r.round_id, r.side, r.team or "", scores.get(r.id, {})) for r in response_rows
        ]
        return rounds, responses

    def _survey_sums(self, alliance_ids: Collection[str] | None = None):
        """For the whole portfolio (or these alliances), added up by the database: the rounds
        (with their alliance), per benchmark the (sum, count) of scores per round and side, and
        per round the number of responses per side — without handing 150,000 scores to Python
        one by one."""
        rounds_t, responses_t = SurveyRound.__table__, SurveyResponse.__table__
        scores_t = SurveyScore.__table__
        wanted = [rounds_t.c.deleted_at.is_(None)]
        if alliance_ids is not None:
            wanted.append(rounds_t.c.alliance_id.in_(list(alliance_ids)))
        live = (responses_t.c.deleted_at.is_(None), *wanted)
        round_query = _round_query().where(*wanted)
        sum_query = (
            select(
                responses_t.c.round_id,
                scores_t.c.benchmark_id,
                responses_t.c.side,
                func.sum(scores_t.c.value),
                func.count(scores_t.c.value),
            )
            .join(responses_t, responses_t.c.id == scores_t.c.response_id)
            .join(rounds_t, rounds_t.c.id == responses_t.c.round_id)
            .where(scores_t.c.deleted_at.is_(None), scores_t.c.value.is_not(None), *live)
            .group_by(responses_t.c.round_id, scores_t.c.benchmark_id, responses_t.c.side)
        )
        count_query = (
            select(responses_t.c.round_id, responses_t.c.side, func.count())
            .join(rounds_t, rounds_t.c.id == responses_t.c.round_id)
            .where(*live)
            .group_by(responses_t.c.round_id, responses_t.c.side)
        )

        def read(session):
            connection = session.connection()  # Core rows skip the ORM step
            return (
                connection.execute(round_query).all(),
                connection.execute(sum_query).all(),
                connection.execute(count_query).all(),
            )

        round_rows, sum_rows, count_rows = self._read(read)
        rounds = [
            (r.alliance_id, RoundInfo(r.id, r.held_on, r.title, r.invited_ours, r.invited_partner))
            for r in round_rows
        ]
        sums: dict[str, rules.Sums] = {}
        for round_id, benchmark_id, side, total, count in sum_rows:
            sums.setdefault(benchmark_id, {})[(round_id, side)] = (total, count)
        answered: dict[str, dict[str, int]] = {}
        for round_id, side, count in count_rows:
            answered.setdefault(round_id, {})[side] = count
        return rounds, sums, answered

    def add_survey_round(
        self,
        alliance: Alliance,
        held_on: date | None,
        entries: Sequence[ResponseEntry],
        title: str = "",
        invited_ours: int | None = None,
        invited_partner: int | None = None,
        note: str = "",
    ) -> SurveyRound:
        """A round with its responses and scores, in one transaction (all or nothing).

        Refused with a ValidationError naming the field: a date in the future, more responses
        on a side than were invited there, a score outside its benchmark's scale.
        """
        today = clock.today()
        if held_on is not None and held_on > today:
            raise ValidationError("held_on", "A survey round cannot be dated in the future.")
        answered = [e for e in entries if any(v is not None for v in e.scores.values())]
        for side, invited, label in (
            ("ours", invited_ours, "our side"),
            ("partner", invited_partner, "the partner's side"),
        ):
            count = sum(1 for e in answered if e.side == side)
            if invited is not None and count > invited:
                raise ValidationError(
                    f"invited_{side}",
                    f"{count} responses from {label}, but only {invited} were invited.",
                )
        title = title.strip() or (f"Pulse survey {held_on:%B %Y}" if held_on else "Pulse survey")
        with self.batch():
            survey = self.add(
                SurveyRound,
                alliance_id=alliance.id,
                title=title,
                held_on=held_on,
                invited_ours=invited_ours,
                invited_partner=invited_partner,
                note=note,
            )
            for entry in answered:
                response = self.add(
                    SurveyResponse,
                    round_id=survey.id,
                    stakeholder_id=entry.stakeholder_id,
                    side=entry.side,
                    team=entry.team,
                    comment=entry.comment,
                )
                for benchmark_id, value in entry.scores.items():
                    if value is not None:
                        self.add(
                            SurveyScore,
                            response_id=response.id,
                            benchmark_id=benchmark_id,
                            value=float(value),
                        )
        return survey

    def delete_survey_round(self, survey: SurveyRound) -> None:
        """The round, its responses and their scores, as one edit (undo: restore_survey_round)."""
        with self.batch():  # the round first: what goes after it is restored with it
            self.delete(survey)
            for response in self.all(SurveyResponse, round_id=survey.id):
                self.delete(response)
                for score in self.all(SurveyScore, response_id=response.id):
                    self.delete(score)

    def restore_survey_round(self, survey: SurveyRound) -> None:
        """Bring back a round deleted by delete_survey_round, with what was deleted with it."""
        when = survey.deleted_at
        with self.batch():
            self.restore(survey)
            for response in self.all(SurveyResponse, round_id=survey.id, include_deleted=True):
                if response.deleted_at is None or response.deleted_at < when:
                    continue
                self.restore(response)
                for score in self.all(SurveyScore, response_id=response.id, include_deleted=True):
                    if score.deleted_at is not None and score.deleted_at >= when:
                        self.restore(score)
