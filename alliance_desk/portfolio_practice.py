"""The manager's own practice: dated self-assessments against the seven habits and the four
strategic deliverables (DOMAIN.md §4). Mixed into `Portfolio`.

The frameworks' items (keys, titles, descriptions) ship in `resources/practice.json`; scores
are stored per item key, so the texts can be reworded without touching any file.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from alliance_desk import clock
from alliance_desk.insights import practice as rules
from alliance_desk.insights.practice import Assessment, ItemChange, ItemScore
from alliance_desk.models import PracticeAssessment, PracticeScore
from alliance_desk.models.choices import PRACTICE_FRAMEWORKS
from alliance_desk.models.limits import TRACKING_EARLIEST, ValidationError
from alliance_desk.storage.paths import resource_path


@dataclass(frozen=True)
class PracticeItem:
    key: str
    title: str
    description: str


@dataclass(frozen=True)
class PracticeFramework:
    key: str
    title: str
    description: str
    items: tuple[PracticeItem, ...]

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    def item(self, key: str) -> PracticeItem | None:
        return next((item for item in self.items if item.key == key), None)


@dataclass(frozen=True)
class PracticeComparison:
    """The latest assessment of a framework against the previous one."""

    framework: PracticeFramework
    latest: Assessment | None
    previous: Assessment | None
    changes: list[ItemChange]
    develop: list[str]  # item keys: where to develop next


@cache
def practice_frameworks() -> dict[str, PracticeFramework]:
    """The frameworks in `resources/practice.json`, by key, in the file's order."""
    data = json.loads(resource_path("practice.json").read_text(encoding="utf-8"))
    return {
        entry["key"]: PracticeFramework(
            entry["key"],
            entry["title"],
            entry["description"],
            tuple(PracticeItem(i["key"], i["title"], i["description"]) for i in entry["items"]),
        )
        for entry in data["frameworks"]
    }


@cache
def practice_scale_labels() -> dict[int, str]:
    """A word for each score 1–5 ("Rarely" … "Consistently"), from `resources/practice.json`."""
    data = json.loads(resource_path("practice.json").read_text(encoding="utf-8"))
    return {int(value): word for value, word in data["scale"]["labels"].items()}


ScoreInput = tuple[int | None, str] | int | None


class PracticeCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""

    def record_practice_assessment(
        self,
        framework: str,
        assessed_on: date,
        scores: Mapping[str, ScoreInput],
        note: str = "",
    ) -> PracticeAssessment:
        """Store a self-assessment and its scores in one transaction: all or nothing.

        `scores` maps item keys to a score 1–5, or to (score or None, note). Items left out,
        or with neither score nor note, are not stored. Raises ValidationError naming the
        field (an item key for a bad score) and stores nothing when a rule is broken.
        """
        rows = _checked(framework, assessed_on, scores)
        with self.batch():
            assessment = self.add(
                PracticeAssessment, assessed_on=assessed_on, framework=framework, note=note
            )
            for key, value, item_note in rows:
                self.add(
                    PracticeScore,
                    assessment_id=assessment.id,
                    item_key=key,
                    value=value,
                    note=item_note,
                )
        return assessment

    def practice_assessments(self, framework: str | None = None) -> list[Assessment]:
        """Self-assessments (of one framework, or all), oldest first, as plain data."""
        equal = {} if framework is None else {"framework": framework}
        records = self.all(PracticeAssessment, **equal)
        by_assessment: dict[str, dict[str, ItemScore]] = {r.id: {} for r in records}
        for score in self.all(PracticeScore):
            if score.assessment_id in by_assessment:
                by_assessment[score.assessment_id][score.item_key] = ItemScore(
                    score.value, score.note or ""
                )
        return rules.in_order(
            [
                Assessment(
                    r.id,
                    r.framework,
                    r.assessed_on or r.created_at.date(),
                    r.note or "",
                    by_assessment[r.id],
                    r.created_at,
                )
                for r in records
            ]
        )

    def practice_comparison(
        self, framework: str, assessment_id: str | None = None
    ) -> PracticeComparison:
        """The latest assessment (or the one with `assessment_id`) against the one before it."""
        definition = _framework(framework)
        assessments = self.practice_assessments(framework)
        if assessment_id is None:
            latest, previous = rules.latest_two(assessments)
        else:
            latest = next((a for a in assessments if a.id == assessment_id), None)
            previous = rules.before(assessments, latest) if latest is not None else None
        changes = rules.compare(definition.keys, latest, previous)
        return PracticeComparison(
            definition, latest, previous, changes, rules.where_to_develop(changes)
        )

    def delete_practice_assessment(self, assessment_id: str) -> None:
        """Delete a self-assessment with its scores (tombstones: restorable, merge-safe)."""
        self._tombstone_practice(assessment_id, deleted=True)

    def restore_practice_assessment(self, assessment_id: str) -> None:
        """Bring a deleted self-assessment back with the scores it had."""
        self._tombstone_practice(assessment_id, deleted=False)

    def _tombstone_practice(self, assessment_id: str, deleted: bool) -> None:
        assessment = self.get(PracticeAssessment, assessment_id, include_deleted=True)
        if assessment is None:
            raise ValidationError("assessment", "There is no such self-assessment.")
        if (assessment.deleted_at is not None) == deleted:
            return
        # One moment for the assessment and its scores, so a restore brings back exactly the
        # scores deleted with it (not one deleted on its own before).
        moment = clock.now() if deleted else None
        op = "deleted" if deleted else "restored"
        with self.batch():
            for score in self.all(
                PracticeScore, include_deleted=not deleted, assessment_id=assessment_id
            ):
                if deleted or score.deleted_at == assessment.deleted_at:
                    self._set_tombstone(score, moment, op)
            self._set_tombstone(assessment, moment, op)


def _framework(key: str) -> PracticeFramework:
    frameworks = practice_frameworks()
    if key not in frameworks or key not in PRACTICE_FRAMEWORKS:
        names = " or ".join(f"'{k}'" for k in PRACTICE_FRAMEWORKS)
        raise ValidationError("framework", f"Choose the framework: {names}.")
    return frameworks[key]


def _checked(
    framework: str, assessed_on: date | None, scores: Mapping[str, ScoreInput]
) -> list[tuple[str, int | None, str]]:
    """(item key, score, note) rows in the framework's order, or the first broken rule."""
    definition = _framework(framework)
    if not isinstance(assessed_on, date):
        raise ValidationError("assessed_on", "Enter the date of the assessment.")
    if assessed_on > clock.today():
        raise ValidationError("assessed_on", "The assessment cannot be dated in the future.")
    if assessed_on < TRACKING_EARLIEST:
        raise ValidationError(
            "assessed_on", f"The date {assessed_on:%Y-%m-%d} is not plausible for an assessment."
        )
    for key in scores:
        if definition.item(key) is None:
            raise ValidationError(key, f"'{key}' is not an item of the {definition.title}.")
    rows = []
    for key in definition.keys:
        if key not in scores:
            continue
        entry = scores[key]
        value, note = entry if isinstance(entry, tuple) else (entry, "")
        note = (note or "").strip()
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
        ):
            raise ValidationError(key, "The score must be a whole number from 1 to 5.")
        if value is None and not note:
            continue
        rows.append((key, value, note))
    if not any(value is not None for _, value, _ in rows):
        raise ValidationError("scores", "Score at least one item from 1 to 5.")
    return rows
