"""The lifecycle part of the Portfolio service: stage checklists per alliance, the living set
of checklist templates, and benchmark definitions with per-alliance thresholds.
Mixed into `Portfolio`; the counting and ordering rules live in insights/lifecycle.py."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from alliance_desk import clock
from alliance_desk.insights import lifecycle
from alliance_desk.models import (
    Alliance,
    Benchmark,
    BenchmarkOverride,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    StageChange,
    choices,
)
from alliance_desk.models.limits import ValidationError


@dataclass(frozen=True)
class StageMove:
    """What moving an alliance to a stage stored: the history row and the checklist it got."""

    change: StageChange
    added: list[ChecklistItem]


@dataclass(frozen=True)
class CheckRow:
    """A checklist item as the Lifecycle tab lists it (plain values, one per column)."""

    id: str
    alliance_id: str
    alliance_name: str
    text: str
    status: str
    done_on: date | None
    owner_name: str
    note: str
    checklist: str  # the checklist's title ("Own items" for the alliance's own)
    order: tuple  # sorts by checklist, then the item's place in it
    retired: bool  # its template item was retired after the alliance got it

    @property
    def title(self) -> str:
        return self.text


@dataclass(frozen=True)
class ChecklistInputs:
    """What one alliance's checklist rows and overview are made from (checklist_inputs)."""

    templates: list[ChecklistTemplate]  # every template, deleted ones too
    items: list[ChecklistItem]  # the alliance's items, deleted ones too
    retired: frozenset[str]  # retired_template_item_ids


class LifecycleCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""

    # --- stages ----------------------------------------------------------------------------

    def set_stage(
        self, alliance: Alliance, stage: str, on: date | None = None, note: str = ""
    ) -> StageChange:
        """Move an alliance to a lifecycle stage and record the date in its history."""
        self.check(alliance, stage=stage)
        with self.batch():  # the stage and its history row: one transaction
            self.update(alliance, stage=stage)
            return self.add(
                StageChange,
                alliance_id=alliance.id,
                stage=stage,
                changed_on=on or clock.today(),
                note=note,
            )

    def stage_history(self, alliance: Alliance) -> list[StageChange]:
        return sorted(
            self.all(StageChange, alliance_id=alliance.id),
            key=lambda c: (c.changed_on or date.min, c.created_at),
        )

    def move_stage(
        self, alliance: Alliance, stage: str, on: date | None = None, note: str = ""
    ) -> StageMove:
        """Move an alliance to a stage: the dated history row and, the first time the alliance
        reaches the stage, that stage's checklist; one transaction."""
        if stage == alliance.stage:
            label = choices.STAGES.get(stage, stage)
            raise ValidationError("stage", f"{alliance.name} is already in {label}.")
        if on is not None and on > clock.today():
            raise ValidationError("changed_on", "The date of the move cannot be in the future.")
        history = self.stage_history(alliance)
        last = history[-1].changed_on if history else None
        if on is not None and last is not None and on < last:
            label = choices.STAGES.get(alliance.stage, alliance.stage)
            raise ValidationError(
                "changed_on",
                f"The move cannot be dated before {alliance.name} entered {label} "
                f"({last:%d %b %Y}).",
            )
        self.check(alliance, stage=stage)
        with self.batch():
            change = self.set_stage(alliance, stage, on=on, note=note)
            template = self.stage_template(stage)
            added = []
            if template is not None and not self.has_checklist(alliance, template):
                added = self._copy_checklist(alliance, template)
        return StageMove(change, added)

    def stage_template(self, stage: str) -> ChecklistTemplate | None:
        """The live checklist template of a lifecycle stage, if the portfolio has one."""
        for template in self.checklist_templates():
            if template.kind == "stage" and template.stage == stage:
                return template
        return None

    # --- an alliance's checklists ----------------------------------------------------------

    def checklist_templates(self, include_retired: bool = False) -> list[ChecklistTemplate]:
        """The portfolio's checklists, stage ones in lifecycle order, then the others."""
        templates = self.all(ChecklistTemplate, order_by=ChecklistTemplate.position)
        if not include_retired:
            templates = [t for t in templates if t.retired_on is None]
        return templates

    def has_checklist(self, alliance: Alliance, template: ChecklistTemplate) -> bool:
        """True once the alliance was given this checklist (even if its items were deleted)."""
        items = self.all(ChecklistItem, include_deleted=True, alliance_id=alliance.id)
        return any(item.template_id == template.id for item in items)

    def add_checklist_to(
        self, alliance: Alliance, template: ChecklistTemplate
    ) -> list[ChecklistItem]:
        """Give an alliance a checklist (culture, growth readiness, a review …): its live
        items are copied; retired ones are left out. Refused when the alliance has it."""
        if self.has_checklist(alliance, template):
            raise ValidationError(
                "template_id", f"{alliance.name} already has the checklist “{template.title}”."
            )
        with self.batch():
            return self._copy_checklist(alliance, template)

    def _copy_checklist(
        self, alliance: Alliance, template: ChecklistTemplate
    ) -> list[ChecklistItem]:
        from alliance_desk.defaults import add_checklist  # defaults imports the Portfolio

        return add_checklist(self, alliance, template)

    def add_own_item(
        self, alliance: Alliance, text: str, template_id: str | None = None, **fields: Any
    ) -> ChecklistItem:
        """An item of the alliance's own, at the end of a checklist it has (or of its own)."""
        items = self.all(ChecklistItem, alliance_id=alliance.id)
        position = max((i.position for i in items if i.template_id == template_id), default=0)
        return self.add(
            ChecklistItem,
            alliance_id=alliance.id,
            template_id=template_id,
            text=text,
            position=position + 1,
            **fields,
        )

    def set_checklist_status(
        self, item: ChecklistItem, status: str, done_on: date | None = None
    ) -> ChecklistItem:
        """Open, done or not applicable; done is dated `done_on`, else its date, else today."""
        fields = self.status_change(item, status)
        if status == "done" and done_on is not None:
            fields["done_on"] = done_on
        return self.update(item, **fields)

    def retired_template_item_ids(self) -> frozenset[str]:
        """Template items retired (deleted ones too): their copies are shown as retired."""
        return self._kept(
            "retired_template_items",
            lambda: frozenset(i.id for i in self._every_template_item().values() if i.retired_on),
        )

    def template_item(self, ident: str) -> ChecklistTemplateItem | None:
        """A template item by id, deleted ones too (an alliance's copy may outlive it)."""
        return self._every_template_item().get(ident)

    def _every_template_item(self) -> dict[str, ChecklistTemplateItem]:
        """Every template item by id, deleted ones too: kept until one changes."""
        return self._kept(
            "template_items",
            lambda: {i.id: i for i in self.all(ChecklistTemplateItem, include_deleted=True)},
        )

    def checklist_groups(self, alliance: Alliance) -> list[lifecycle.ChecklistGroup]:
        """The alliance's items by checklist, each with its progress (see insights)."""
        templates = {t.id: t for t in self._every_template()}
        items = self.all(ChecklistItem, alliance_id=alliance.id)
        return lifecycle.group_items(items, templates, self.retired_template_item_ids())

    def checklist_inputs(self, alliance_id: str) -> ChecklistInputs:
        """The reads behind one alliance's checklist_rows and checklist_overview, for a
        caller that shows both (the Lifecycle tab's table and header): three reads, not six."""
        return ChecklistInputs(
            self._every_template(),
            self.all(ChecklistItem, include_deleted=True, alliance_id=alliance_id),
            self.retired_template_item_ids(),
        )

    def _every_template(self) -> list[ChecklistTemplate]:
        """Every checklist template, deleted ones too: portfolio-wide, so kept until one
        changes rather than read on every selection."""
        kept = self._kept(
            "checklist_templates", lambda: self.all(ChecklistTemplate, include_deleted=True)
        )
        return list(kept)

    def checklist_overview(
        self, alliance: Alliance, inputs: ChecklistInputs | None = None
    ) -> tuple[list[lifecycle.ChecklistGroup], ChecklistTemplate | None]:
        """The alliance's checklists with their progress (checklist_groups), and its stage's
        checklist template when the alliance never got it (stage_template, has_checklist):
        what the Lifecycle tab's header shows, in three reads instead of six (none with
        `inputs`, the alliance's checklist_inputs)."""
        if inputs is None:
            inputs = self.checklist_inputs(alliance.id)
        templates, items = inputs.templates, inputs.items
        groups = lifecycle.group_items(
            [item for item in items if item.deleted_at is None],
            {t.id: t for t in templates},
            inputs.retired,
        )
        live = sorted(
            (t for t in templates if t.deleted_at is None and t.retired_on is None),
            key=lambda t: t.position,
        )
        stage = next((t for t in live if t.kind == "stage" and t.stage == alliance.stage), None)
        if stage is not None and any(item.template_id == stage.id for item in items):
            stage = None  # given already (even if its items were deleted since)
        return groups, stage

    def stage_progress(self, alliance: Alliance) -> dict[str, lifecycle.Progress]:
        return lifecycle.stage_progress(self.checklist_groups(alliance))

    def checklist_rows(
        self,
        alliance_id: str | None = None,
        ids: Any = None,
        inputs: ChecklistInputs | None = None,
    ) -> list[CheckRow]:
        """Checklist items as table rows: one alliance's, or every live alliance's; `ids`
        picks rows by id (to refresh edited ones); `inputs`: the alliance's
        checklist_inputs, when the caller has them."""
        if alliance_id is not None:  # one alliance's rows need its name, not 300 alliances
            alliance = self.get(Alliance, alliance_id)
            alliances = {alliance.id: alliance} if alliance is not None else {}
        else:
            alliances = {a.id: a for a in self.alliances()}
        if inputs is not None and alliance_id is not None:
            retired = inputs.retired
            templates = {t.id: t for t in inputs.templates}
            live = [item for item in inputs.items if item.deleted_at is None]
        else:
            retired = self.retired_template_item_ids()
            templates = {t.id: t for t in self._every_template()}
            equal = {"alliance_id": alliance_id} if alliance_id else {}
            live = self.all(ChecklistItem, **equal)
        wanted = set(ids) if ids is not None else None
        items = [
            item
            for item in live
            if item.alliance_id in alliances and (wanted is None or item.id in wanted)
        ]
        rows = []
        for group in lifecycle.group_items(items, templates, retired):
            rank = lifecycle.group_order(group)
            for item in group.items:
                alliance = alliances[item.alliance_id]
                rows.append(
                    CheckRow(
                        id=item.id,
                        alliance_id=item.alliance_id,
                        alliance_name=alliance.name,
                        text=item.text,
                        status=item.status,
                        done_on=item.done_on,
                        owner_name=item.owner_name,
                        note=item.note,
                        checklist=group.title,
                        order=(alliance.name.casefold(), *rank, item.position),
                        retired=item.template_item_id in retired,
                    )
                )
        return sorted(rows, key=lambda row: row.order)

    # --- the living set of templates -------------------------------------------------------

    def template_items(self, template: ChecklistTemplate) -> list[ChecklistTemplateItem]:
        """A template's items in order, retired ones included (they keep their place)."""
        items = self.all(ChecklistTemplateItem, template_id=template.id)
        return sorted(items, key=lambda item: (item.position, item.created_at))

    def add_template_item(
        self, template: ChecklistTemplate, text: str, guidance: str = ""
    ) -> ChecklistTemplateItem:
        """A new item at the end of a template; alliances that move into its stage later get
        it, alliances that have the checklist already keep their copy as it is."""
        position = max((i.position for i in self.template_items(template)), default=0)
        return self.add(
            ChecklistTemplateItem,
            template_id=template.id,
            text=text.strip(),
            guidance=guidance.strip(),
            position=position + 1,
        )

    def move_template_item(self, item: ChecklistTemplateItem, step: int) -> bool:
        """Move an item up (-1) or down (+1) in its template; False at either end."""
        template = self.get(ChecklistTemplate, item.template_id)
        items = self.template_items(template)
        order = lifecycle.moved([i.id for i in items], item.id, step)
        if order is None:
            return False
        changes = lifecycle.renumbered(order, {i.id: i.position for i in items})
        by_id = {i.id: i for i in items}
        with self.batch():
            for ident, position in changes.items():
                self.update(by_id[ident], position=position)
        return True

    def retire_template_item(
        self, item: ChecklistTemplateItem, on: date | None = None
    ) -> ChecklistTemplateItem:
        """Retire an item (dated, never deleted): no alliance gets it from now on; alliances
        that have it keep it, shown as retired."""
        return self.update(item, retired_on=on or clock.today())

    def unretire_template_item(self, item: ChecklistTemplateItem) -> ChecklistTemplateItem:
        return self.update(item, retired_on=None)

    # --- benchmarks and per-alliance thresholds --------------------------------------------

    def benchmarks(self, include_retired: bool = False) -> list[Benchmark]:
        """Benchmark definitions in their order, retired ones only if asked for: kept with the
        health figures until a definition changes, so forms offering them do not read them
        on every selection."""
        return list(self._definitions()[0]) if include_retired else self.live_benchmarks()

    def override_for(self, alliance: Alliance, benchmark: Benchmark) -> BenchmarkOverride | None:
        found = self.all(BenchmarkOverride, alliance_id=alliance.id, benchmark_id=benchmark.id)
        return found[-1] if found else None

    def set_override(
        self,
        alliance: Alliance,
        benchmark: Benchmark,
        green_at: float | None,
        red_below: float | None,
    ) -> BenchmarkOverride | None:
        """Give an alliance its own thresholds for a benchmark (None keeps the default one);
        both None clears the override. Red reaching green is refused, nothing stored."""
        if green_at is None and red_below is None:
            self.clear_override(alliance, benchmark)
            return None
        current = self.override_for(alliance, benchmark)
        if current is None:
            return self.add(
                BenchmarkOverride,
                alliance_id=alliance.id,
                benchmark_id=benchmark.id,
                green_at=green_at,
                red_below=red_below,
            )
        return self.update(current, green_at=green_at, red_below=red_below)

    def clear_override(self, alliance: Alliance, benchmark: Benchmark) -> bool:
        """Back to the benchmark's own thresholds; False when there was no override."""
        current = self.override_for(alliance, benchmark)
        if current is None:
            return False
        self.delete(current)
        return True

    def effective_thresholds(
        self, alliance: Alliance, benchmark: Benchmark
    ) -> lifecycle.Thresholds:
        """The thresholds that colour this benchmark on this alliance (its override, if any)."""
        return lifecycle.effective_thresholds(benchmark, self.override_for(alliance, benchmark))


__all__ = ["CheckRow", "LifecycleCommands", "StageMove"]
