"""The Lifecycle tab (DOMAIN.md §2, §5, §6): the alliance's stage and its history, progress
per checklist, and the checklist items, editable like the tracking tabs.

It is a TrackingTab of checklist items: the table lists them by checklist (stage checklists in
lifecycle order, then culture, growth and review ones, then the alliance's own items), the
panel below edits the selected one field by field, Space toggles done and Ctrl+D marks done;
every edit is one undoable step. The header above carries the stage, "Move to stage…",
"Add checklist…", progress bars and the stage history.
"""

import html
from typing import Any

from PySide6.QtWidgets import QWidget

from alliance_desk.insights.lifecycle import short_title, toggled_status
from alliance_desk.models import Alliance, ChecklistItem, choices
from alliance_desk.portfolio_lifecycle import CheckRow
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, ChoiceField, DateField, TextField
from alliance_desk.ui.lifecycle.commands import AddChecklistCommand
from alliance_desk.ui.lifecycle.dialogs import AddChecklistDialog, MoveStageDialog
from alliance_desk.ui.lifecycle.header import LifecycleHeader
from alliance_desk.ui.record_tab import Column, Row, choice_column, date_column, text_column
from alliance_desk.ui.tracking.commands import EditManyCommand
from alliance_desk.ui.tracking.form import Entry, LinkField, OwnerField, RecordForm
from alliance_desk.ui.tracking.tab import QuickFilter, TrackingTab
from alliance_desk.ui.undo import EditFailed

RETIRED_TIP = "Retired from the template after this alliance got it: kept here, still counted."


def _item_text(row: CheckRow) -> str:
    text = " ".join(row.text.split())
    return f"{text}  (retired)" if row.retired else text


class LifecycleTab(TrackingTab):
    model = ChecklistItem
    kind = "checklist_items"
    title = "Lifecycle"
    heading = "Checklists"
    noun = ("checklist item", "checklist items")
    statuses = choices.CHECK_STATUSES
    new_label = "Add item"
    extra_kinds = frozenset(
        {"alliances", "stage_changes", "checklist_templates", "checklist_template_items"}
    )
    sort_column = 0
    wide_column = 1
    split = (360, 230)
    column_caps = {"Alliance": 170, "Checklist": 170, "Owner": 170, "Note": 260}
    filters = [
        QuickFilter("all", "All", None),
        QuickFilter("open", "Open", lambda row, _t: row.status == "open"),
        QuickFilter(
            "finished", "Done or n/a", lambda row, _t: row.status != "open", "Nothing left to do"
        ),
    ]

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.table.fetch = lambda ids: context.portfolio.checklist_rows(ids=ids)
        self.toggle_action = self._action("Toggle done", self.toggle_done, "Space")
        self.toggle_action.setToolTip("Mark the selected items done, or open again (Space)")
        self.table.view.addAction(self.toggle_action)
        self.header.move_button.clicked.connect(self.move_stage)
        self.header.checklist_button.clicked.connect(self.add_checklist)
        self.header.stage_checklist_button.clicked.connect(self.add_stage_checklist)
        self.set_read_only(context.portfolio.read_only)

    # --- what the TrackingTab asks of a kind ---------------------------------------------

    def columns(self) -> list[Column]:
        return [
            Column(
                "Checklist",
                lambda row: short_title(row.checklist),
                sort_key=lambda row: row.order,
                tooltip=lambda row: row.checklist,
            ),
            Column(
                "Item",
                _item_text,
                sort_key=lambda row: _item_text(row).casefold(),
                colour=lambda row: HINT_COLOUR if row.retired else None,
                tooltip=lambda row: RETIRED_TIP if row.retired else row.text,
            ),
            choice_column("Status", lambda row: row.status, choices.CHECK_STATUSES),
            date_column("Done on", lambda row: row.done_on),
            text_column("Owner", lambda row: row.owner_name),
            text_column("Note", lambda row: row.note),
        ]

    def load_rows(self, portfolio, alliance: Alliance | None) -> list[Row]:
        if alliance is None:
            return portfolio.checklist_rows(None)
        inputs = self.reads.checklist_inputs(alliance.id)  # the header's too
        return portfolio.checklist_rows(alliance.id, inputs=inputs)

    def search(self, row: Row) -> str:
        return f"{row.text} {row.checklist} {row.owner_name} {row.note} {row.alliance_name}"

    def summary(self, rows: list[Row]) -> str:
        waiting = sum(1 for row in rows if row.status == "open")
        return f"{waiting} open" if waiting else "all done"

    def sections(self):
        return [
            (
                "The item",
                [
                    Entry(
                        "Checklist",
                        LinkField("template_id", none_label="Own items"),
                        draft_only=True,
                    ),
                    Entry("Item", TextField("text", lines=2, one_paragraph=True)),
                    Entry(
                        "Note",
                        TextField(
                            "note", lines=2, placeholder="What was agreed, where the evidence is"
                        ),
                    ),
                ],
            ),
            (
                "Status",
                [
                    Entry("Status", ChoiceField("status", choices.CHECK_STATUSES)),
                    Entry("Done on", DateField("done_on", hint="Today when marked done")),
                    Entry("Owner", OwnerField("owner_name")),
                ],
            ),
        ]

    def defaults(self) -> dict[str, Any]:
        if self.alliance is None:
            return {}
        items = self.context.portfolio.all(ChecklistItem, alliance_id=self.alliance.id)
        return {"position": max((i.position for i in items), default=0) + 1}

    def new_record(self, values=None, locked=(), note="", title=""):
        """Add an item of the alliance's own, to one of its checklists or to "Own items"."""
        if self.table.portfolio_wide or self.alliance is None:
            self.say("Select an alliance (and clear Whole portfolio) to add an item.", error=True)
            return None
        note = note or "The item is this alliance's own: the checklist templates do not change."
        locked = ("position", *locked)  # the alliance and the place at the end come preset
        return super().new_record(values, locked, note, title or "Add a checklist item")

    def prepare_form(self, form: RecordForm, alliance_id: str | None) -> None:
        portfolio = self.context.portfolio
        if "template_id" in form.entries and self.alliance is not None:
            groups = portfolio.checklist_groups(self.alliance)
            form.field("template_id").set_options(
                [(g.template_id, g.title) for g in groups if g.template_id]
            )
        alliance = portfolio.get(Alliance, alliance_id) if alliance_id else None
        if alliance is not None and "owner_name" in form.entries:
            people = [person.name for person, _role in self.reads.stakeholders_of(alliance)]
            form.field("owner_name").set_people(people)

    def adjust(self, record: ChecklistItem, fields: dict[str, Any]) -> dict[str, Any] | None:
        """A date on an open item means it was done then; status changes date themselves."""
        if fields.get("done_on") is not None and "status" not in fields:
            if record.status != "done":
                fields = {**fields, "status": "done"}
        return super().adjust(record, fields)

    def header_html(self, record: ChecklistItem) -> str:
        portfolio = self.context.portfolio
        parts = []
        row = next((r for r in self.table.model.rows if r.id == record.id), None)
        if row is not None:
            parts.append(f"<span style='color:{HINT_COLOUR}'>{html.escape(row.checklist)}</span>")
        source = (
            portfolio.template_item(record.template_item_id) if record.template_item_id else None
        )
        if source is not None and source.retired_on is not None:
            parts.append(f"<i>{RETIRED_TIP}</i>")
        if source is not None and source.guidance:
            parts.append(f"How: {html.escape(source.guidance)}")
        return "<br>".join(parts)

    # --- the header: stage, progress, history ----------------------------------------------

    figure_periods = False

    def make_figures(self) -> QWidget:
        self.header = LifecycleHeader(self.context)
        return self.header

    def refresh_figures(self) -> None:
        self.header.set_alliance(None if self.table.portfolio_wide else self.alliance)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.header.set_read_only(read_only)
        if hasattr(self, "toggle_action"):
            self.toggle_action.setEnabled(not read_only)

    # --- commands --------------------------------------------------------------------------

    def toggle_done(self) -> None:
        """Space: open items become done (dated today), finished ones open again."""
        records = self.selected_records()
        if self.read_only or not records:
            return
        status = toggled_status(records[0].status)
        portfolio = self.context.portfolio
        changes = [(r, portfolio.status_change(r, status)) for r in records if r.status != status]
        if not changes:
            return
        label = "done" if status == "done" else "open again"
        what = f"“{_short(records[0].text)}”" if len(changes) == 1 else f"{len(changes)} items"
        command = EditManyCommand(portfolio, changes, f"Mark {what} {label}")
        if self._try(command, "Could not change the status"):
            self.say(f"{command.text()}.")

    def move_stage(self) -> MoveStageDialog | None:
        if self.read_only or self.alliance is None:
            return None
        self.dialog = MoveStageDialog(self.context, self.alliance, self)
        self.dialog.accepted.connect(self._moved)
        self.dialog.open()
        return self.dialog

    def _moved(self) -> None:
        command = self.dialog.done_command
        added = len(command.added) if command is not None else 0
        extra = f"; {added} checklist items added" if added else ""
        self.say(f"{command.text()}{extra}. Undo with Ctrl+Z.")

    def add_checklist(self) -> AddChecklistDialog | None:
        if self.read_only or self.alliance is None:
            return None
        self.dialog = AddChecklistDialog(self.context, self.alliance, self)
        self.dialog.accepted.connect(lambda: self.say(f"{self.dialog.done_command.text()}."))
        self.dialog.open()
        return self.dialog

    def add_stage_checklist(self) -> None:
        """The current stage's checklist for an alliance that never got it (a new one)."""
        portfolio = self.context.portfolio
        if self.read_only or self.alliance is None:
            return
        template = portfolio.stage_template(self.alliance.stage)
        if template is None:
            return
        command = AddChecklistCommand(portfolio, self.alliance, template)
        try:
            self.perform(command)
        except EditFailed as error:
            self.say(str(error), error=True)
            return
        self.say(f"{command.text()}. Undo with Ctrl+Z.")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["LifecycleTab"]
