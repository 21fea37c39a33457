"""The worksheet part of the Portfolio service: stakeholders, information needs, feedback and
interviews (DESIGN.md §1 steps 1-2). Mixed into `Portfolio`; no Qt."""

from datetime import date
from typing import Any

from sqlalchemy import Row, func, select

from alliance_desk import clock
from alliance_desk.models import (
    Alliance,
    AllianceStakeholder,
    Stakeholder,
)
from alliance_desk.models.people import InformationNeed, NeedFeedback, WorksheetInterview


class WorksheetCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""

    def stakeholders(self) -> list[Stakeholder]:
        """Every live stakeholder of the portfolio, by name (case-insensitive)."""
        statement = (
            select(Stakeholder)
            .where(Stakeholder.deleted_at.is_(None))
            .order_by(func.lower(Stakeholder.name), Stakeholder.created_at)
        )
        return self._read(lambda s: list(s.scalars(statement)))

    def people_index(self) -> list[Row]:
        """Every live stakeholder as a plain row (id, name, side), by name (case-insensitive):
        for owner and invitation lists. Cached until the next committed change, so a portfolio
        of thousands of people is read once, not on every selection."""
        cache = self._health_cache_dict()  # the Portfolio's change-scoped cache
        if "people_index" not in cache:
            person = Stakeholder.__table__
            statement = select(person.c.id, person.c.name, person.c.side).where(
                person.c.deleted_at.is_(None)
            )
            rows = self._read(lambda s: s.execute(statement).all())
            cache["people_index"] = sorted(rows, key=lambda p: p.name.casefold())
        return cache["people_index"]

    def alliance_names(self) -> dict[str, str]:
        """Live alliances' names by id, in name order (case-insensitive): for lists of
        alliances, without loading 300 records."""
        alliance = Alliance.__table__
        statement = (
            select(alliance.c.id, alliance.c.name)
            .where(alliance.c.deleted_at.is_(None))
            .order_by(func.lower(alliance.c.name))
        )
        return dict(self._read(lambda s: s.connection().execute(statement).all()))

    def find_stakeholders(self, name_or_id: str) -> list[Stakeholder]:
        """The stakeholder with this id, else those whose name matches case-insensitively."""
        by_id = self.get(Stakeholder, name_or_id)
        if by_id is not None:
            return [by_id]
        wanted = name_or_id.strip().casefold()
        return [
            person for person in self.stakeholders() if person.name.strip().casefold() == wanted
        ]

    def roles(self) -> dict[str, list[tuple[Alliance, str]]]:
        """Per stakeholder id: the live alliances they serve with their role, by alliance name."""
        statement = (
            select(AllianceStakeholder.stakeholder_id, Alliance, AllianceStakeholder.role)
            .join(Alliance, Alliance.id == AllianceStakeholder.alliance_id)
            .where(AllianceStakeholder.deleted_at.is_(None), Alliance.deleted_at.is_(None))
            .order_by(func.lower(Alliance.name))
        )
        result: dict[str, list[tuple[Alliance, str]]] = {}
        for person_id, alliance, role in self._read(lambda s: list(s.execute(statement))):
            result.setdefault(person_id, []).append((alliance, role))
        return result

    def unlink_stakeholder(
        self, alliance: Alliance, stakeholder: Stakeholder
    ) -> AllianceStakeholder | None:
        """End a stakeholder's role in an alliance (the person stays); returns the link ended."""
        for link in self.all(AllianceStakeholder, alliance_id=alliance.id):
            if link.stakeholder_id == stakeholder.id:
                self.delete(link)
                return link
        return None

    def information_needs(
        self,
        stakeholder: Stakeholder,
        alliance: Alliance | None = None,
        include_retired: bool = True,
    ) -> list[InformationNeed]:
        """A stakeholder's information needs in their order; with `alliance`, those for that
        alliance and those for no alliance in particular."""
        needs = self.all(InformationNeed, stakeholder_id=stakeholder.id)
        if alliance is not None:
            needs = [n for n in needs if n.alliance_id in (None, alliance.id)]
        if not include_retired:
            needs = [n for n in needs if n.status != "retired"]
        return sorted(needs, key=lambda n: (n.position, n.created_at))

    def add_need(self, stakeholder: Stakeholder, question: str, **fields: Any) -> InformationNeed:
        """A new information need at the end of the stakeholder's list."""
        if "position" not in fields:
            needs = self.all(InformationNeed, stakeholder_id=stakeholder.id)
            fields["position"] = max((n.position for n in needs), default=0) + 1
        return self.add(InformationNeed, stakeholder_id=stakeholder.id, question=question, **fields)

    def move_need(self, need: InformationNeed, offset: int) -> bool:
        """Move an item up (-1) or down (+1) in its stakeholder's list; False at either end."""
        stakeholder = self.get(Stakeholder, need.stakeholder_id)
        needs = self.information_needs(stakeholder)
        index = next(i for i, n in enumerate(needs) if n.id == need.id)
        target = index + offset
        if not 0 <= target < len(needs):
            return False
        needs.insert(target, needs.pop(index))
        with self.batch():  # renumber the whole list: old files may hold equal positions
            for position, item in enumerate(needs, start=1):
                self.update(item, position=position)
        return True

    def record_feedback(
        self,
        need: InformationNeed,
        verdict: str,
        on: date | None = None,
        note: str = "",
        interview: WorksheetInterview | None = None,
    ) -> NeedFeedback:
        """Record what the reader said about an item on a day (used, not used, missing).

        The item shows the latest verdict; one entered late for an earlier day only joins the
        history.
        """
        on = on or clock.today()
        interview_id = interview.id if interview is not None else None
        self.check_new(
            NeedFeedback,
            need_id=need.id,
            verdict=verdict,
            given_on=on,
            note=note,
            interview_id=interview_id,
        )
        with self.batch():
            entry = self.add(
                NeedFeedback,
                need_id=need.id,
                verdict=verdict,
                given_on=on,
                note=note,
                interview_id=interview_id,
            )
            if need.feedback_on is None or on >= need.feedback_on:
                self.update(need, feedback=verdict, feedback_on=on)
        return entry

    def feedback_history(self, need: InformationNeed) -> list[NeedFeedback]:
        """Every verdict recorded for an item, newest first."""
        entries = self.all(NeedFeedback, need_id=need.id)
        return sorted(entries, key=lambda e: (e.given_on or date.min, e.created_at), reverse=True)

    def add_missing_need(
        self,
        stakeholder: Stakeholder,
        question: str,
        on: date | None = None,
        note: str = "",
        **fields: Any,
    ) -> InformationNeed:
        """A reader said something is missing: it becomes a new item, with that verdict in its
        history, in one step."""
        on = on or clock.today()
        with self.batch():
            need = self.add_need(
                stakeholder, question, feedback="missing", feedback_on=on, **fields
            )
            self.add(NeedFeedback, need_id=need.id, verdict="missing", given_on=on, note=note)
        return need

    def retire_need(
        self, need: InformationNeed, reason: str, on: date | None = None
    ) -> InformationNeed:
        """Stop reporting an item; it stays, with why and when, hidden from reports."""
        return self.update(
            need, status="retired", retired_reason=reason.strip(), retired_on=on or clock.today()
        )

    def reinstate_need(self, need: InformationNeed) -> InformationNeed:
        """Report a retired item again."""
        return self.update(need, status="active", retired_reason="", retired_on=None)

    def unused_needs(self) -> list[tuple[InformationNeed, Stakeholder]]:
        """Across the portfolio, the active items whose reader last said they do not use them:
        candidates to stop reporting. Oldest verdict first."""
        statement = (
            select(InformationNeed, Stakeholder)
            .join(Stakeholder, Stakeholder.id == InformationNeed.stakeholder_id)
            .where(
                InformationNeed.deleted_at.is_(None),
                Stakeholder.deleted_at.is_(None),
                InformationNeed.status == "active",
                InformationNeed.feedback == "not_used",
            )
            .order_by(InformationNeed.feedback_on, func.lower(Stakeholder.name))
        )
        return self._read(lambda s: [(row[0], row[1]) for row in s.execute(statement)])

    def record_interview(
        self,
        stakeholder: Stakeholder,
        held_on: date,
        interviewer: str = "",
        changes: str = "",
        alliance: Alliance | None = None,
    ) -> WorksheetInterview:
        """Record a worksheet interview; the stakeholder's worksheet counts as validated then
        (unless a later interview is already recorded)."""
        fields = {
            "stakeholder_id": stakeholder.id,
            "alliance_id": alliance.id if alliance is not None else None,
            "held_on": held_on,
            "interviewer": interviewer.strip(),
            "changes": changes.strip(),
        }
        self.check_new(WorksheetInterview, **fields)
        with self.batch():
            interview = self.add(WorksheetInterview, **fields)
            latest = stakeholder.last_validated_on
            if latest is None or held_on >= latest:
                self.update(
                    stakeholder,
                    last_validated_on=held_on,
                    validated_by=fields["interviewer"],
                    validation_note=fields["changes"],
                )
        return interview

    def interviews_of(self, stakeholder: Stakeholder) -> list[WorksheetInterview]:
        """The stakeholder's recorded worksheet interviews, newest first."""
        rows = self.all(WorksheetInterview, stakeholder_id=stakeholder.id)
        return sorted(rows, key=lambda r: (r.held_on or date.min, r.created_at), reverse=True)
