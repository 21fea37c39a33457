"""The Stakeholders tab: the people of one alliance (or of the whole portfolio), their
worksheets in a grid, each person's form, their information needs, the stakeholder map and
the items nobody uses; File ▸ Print worksheet starts here.

One stakeholder is "current" across the views: choosing them in one (a row, a grid column, a
name on the map) shows them in the others.
"""

import html

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.insights.worksheets import NEVER, STALE, validation_text
from alliance_desk.models import Alliance, AllianceStakeholder, Stakeholder
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change
from alliance_desk.storage import paths
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR
from alliance_desk.ui.tracking.reads import selection_reads
from alliance_desk.ui.undo import DeleteCommand, EditCommand, EditFailed, PortfolioCommand, perform
from alliance_desk.ui.worksheet.commands import SnapshotCommand, prompts_for
from alliance_desk.ui.worksheet.dialogs import (
    AddExistingDialog,
    ColumnsDialog,
    InterviewDialog,
    NewStakeholderDialog,
)
from alliance_desk.ui.worksheet.form import StakeholderForm
from alliance_desk.ui.worksheet.grid import WorksheetGrid
from alliance_desk.ui.worksheet.living_set import LivingSetPanel
from alliance_desk.ui.worksheet.needs import FEEDBACK_FIELDS, NeedsPanel
from alliance_desk.ui.worksheet.people import STALE_COLOUR, PeopleList, PersonRow
from alliance_desk.ui.worksheet.print_dialog import INTERVIEWER_KEY, WorksheetPrintDialog
from alliance_desk.ui.worksheet.stakeholder_map import StakeholderMap

KINDS = {
    "stakeholders",
    "alliance_stakeholders",
    "information_needs",
    "need_feedback",
    "worksheet_interviews",
    "alliances",
    "benchmarks",
}
SECTIONS = ["Worksheet", "People", "Information needs", "Stakeholder map", "Not used"]
VALIDATION_FIELDS = ("last_validated_on", "validated_by", "validation_note")


class StakeholdersTab(QWidget):
    """The workspace tab for stakeholders and their worksheets."""

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.reads = selection_reads(context)  # before anything listens to the bridge
        self.alliance: Alliance | None = None
        self.whole_portfolio = False
        self.read_only = context.portfolio.read_only
        self.people: list[Stakeholder] = []
        self.roles: dict[str, str] = {}
        self.person: Stakeholder | None = None
        self._syncing = False
        self._scope_forced = False  # the portfolio is shown only because no alliance is

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.alliance_scope = QRadioButton("This alliance")
        self.portfolio_scope = QRadioButton("Whole portfolio")
        scope = QButtonGroup(self)
        scope.addButton(self.alliance_scope)
        scope.addButton(self.portfolio_scope)
        self.alliance_scope.setChecked(True)
        self.portfolio_scope.toggled.connect(self._scope_toggled)
        self.portfolio_scope.clicked.connect(lambda: setattr(self, "_scope_forced", False))

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in [
            ("new", "New stakeholder…", self.new_stakeholder),
            ("existing", "Add existing…", self.add_existing),
            ("remove", "Remove from alliance…", self.remove_from_alliance),
            ("delete", "Delete stakeholder…", self.delete_stakeholder),
            ("interview", "Record interview…", self.record_interview),
            ("print", "Print worksheet…", self.print_worksheet),
        ]:
            button = QPushButton(text)
            button.setObjectName(f"stakeholders_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {HINT_COLOUR};")
        self.status.setWordWrap(True)

        self.grid = WorksheetGrid(self._commit_cell)
        self.grid.model.validation = self._validation
        self.grid.column_selected.connect(self.set_person)
        self.grid.pick_requested.connect(self.pick_columns)
        self.people_list = PeopleList()
        self.people_list.person_selected.connect(self.set_person)
        self.people_list.stale_months_changed.connect(lambda _m: self.grid.refresh_values())
        self.form = StakeholderForm(context)
        self.form.interview_requested.connect(self.record_interview)
        people_page = QSplitter(Qt.Orientation.Horizontal)
        people_page.setChildrenCollapsible(False)
        people_page.addWidget(self.people_list)
        people_page.addWidget(self.form)
        people_page.setSizes([620, 520])
        self.needs = NeedsPanel(context)
        self.needs.person_chosen.connect(self.set_person)
        self.map = StakeholderMap()
        self.map.person_clicked.connect(self._map_clicked)
        self.living = LivingSetPanel(context)
        self.living.show_requested.connect(self.show_need)

        self.sections = QTabWidget()
        self.sections.setObjectName("StakeholderSections")
        for title, page in zip(
            SECTIONS, [self.grid, people_page, self.needs, self.map, self.living], strict=True
        ):
            self.sections.addTab(page, title)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.alliance_scope)
        top.addWidget(self.portfolio_scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        context.bridge.changed.connect(self._on_changed)
        self.set_read_only(self.read_only)
        self.refresh()

    # --- the WorkspaceTab protocol ---------------------------------------------------------

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.alliance = alliance
        self.alliance_scope.setEnabled(alliance is not None)
        if alliance is None and not self.whole_portfolio:
            self._scope_forced = True
            self.portfolio_scope.setChecked(True)  # nothing else to show
            return
        if alliance is not None and self._scope_forced:
            self._scope_forced = False
            self.alliance_scope.setChecked(True)  # back to what the user had chosen
            return
        self.refresh(living=False)  # the living set covers the portfolio: unchanged

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.grid.set_read_only(read_only)
        self.form.set_read_only(read_only)
        self.needs.set_read_only(read_only)
        self.living.set_read_only(read_only)
        self._update_buttons()

    # --- scope and refresh -----------------------------------------------------------------

    def show_whole_portfolio(self, whole: bool = True) -> None:
        self._scope_forced = False
        (self.portfolio_scope if whole else self.alliance_scope).setChecked(True)

    def _scope_toggled(self, whole: bool) -> None:
        self.whole_portfolio = whole
        self.refresh()

    def scope_alliance(self) -> Alliance | None:
        """The alliance the views are about; None for the whole portfolio."""
        return None if self.whole_portfolio else self.alliance

    def _on_changed(self, change: Change) -> None:
        if change.kind in KINDS or change.op == "reloaded":
            self._timer.start()  # several changes in a row refresh once

    def refresh(self, living: bool = True) -> None:
        portfolio = self.context.portfolio
        if portfolio.closed:
            return
        alliance = self.scope_alliance()
        if alliance is not None:
            links = self.reads.stakeholders_of(alliance)  # the Lifecycle tab's owners too
            self.people = [person for person, _role in links]
            self.roles = {person.id: role for person, role in links}
        else:
            self.people = portfolio.stakeholders()
            self.roles = {
                person_id: "; ".join(f"{a.name}: {role}" if role else a.name for a, role in links)
                for person_id, links in portfolio.roles().items()
            }
        self.people_list.set_rows([PersonRow(p, self.roles.get(p.id, "")) for p in self.people])
        self.grid.set_people(self.people, self.roles)
        self.needs.set_scope(alliance, self.people)
        self.map.set_people(self.people)
        if living:
            self.living.refresh()
        keep = self.person.id if self.person is not None else ""
        current = next((p for p in self.people if p.id == keep), None)
        self.set_person(current or (self.people[0] if self.people else None), force=True)
        self._show_heading()
        self._update_buttons()

    def _show_heading(self) -> None:
        alliance = self.scope_alliance()
        title = (
            f"Stakeholders of {html.escape(alliance.name)}"
            if alliance is not None
            else "All stakeholders in the portfolio"
        )
        count = len(self.people)
        self.heading.setText(
            f"<span style='font-size:15px; font-weight:600'>{title}</span>&nbsp;&nbsp;"
            f"<span style='color:{HINT_COLOUR}'>{count} stakeholder{'s' if count != 1 else ''}"
            "</span>"
        )

    def _update_buttons(self) -> None:
        writable = not self.read_only
        in_alliance = self.scope_alliance() is not None
        has = self.person is not None
        self.buttons["new"].setEnabled(writable)
        self.buttons["existing"].setEnabled(writable and in_alliance)
        self.buttons["remove"].setVisible(in_alliance)
        self.buttons["remove"].setEnabled(writable and has)
        self.buttons["delete"].setVisible(not in_alliance)
        self.buttons["delete"].setEnabled(writable and has)
        self.buttons["interview"].setEnabled(writable and has)

    # --- the current stakeholder -----------------------------------------------------------

    def set_person(self, person: Stakeholder | None, force: bool = False) -> None:
        """Show `person` in every view."""
        if self._syncing:
            return
        same = person is not None and self.person is not None and person.id == self.person.id
        if same and not force:
            return
        self._syncing = True
        try:
            self.person = person
            link = self._link(person)
            self.form.load(person, link, self.alliance.name if link is not None else "")
            self.form.show_history(self.context.portfolio)
            if person is not None:
                self.people_list.select(person.id)
                if self.grid.current_person() is None or self.grid.current_person().id != person.id:
                    self.grid.select_person(person.id)
                self.map.select(person.id)
            shown = self.needs.person  # set_scope may have shown this person already
            if not same and (shown is None or person is None or shown.id != person.id):
                self.needs.show_person(person)
        finally:
            self._syncing = False
        self._update_buttons()

    def _validation(self, person: Stakeholder) -> tuple[str, str | None]:
        """How fresh a worksheet is, for the grid's column headings."""
        state = self.people_list.state_of(person)
        text = validation_text(person.last_validated_on, clock.today())
        colour = ERROR_COLOUR if state == NEVER else STALE_COLOUR if state == STALE else None
        return text.capitalize(), colour

    def _link(self, person: Stakeholder | None) -> AllianceStakeholder | None:
        alliance = self.scope_alliance()
        if person is None or alliance is None:
            return None
        for link in self.reads.links(alliance.id):  # one read per selection, not per person
            if link.stakeholder_id == person.id:
                return link
        return None

    def _map_clicked(self, person: Stakeholder) -> None:
        self.set_person(person)
        self.sections.setCurrentIndex(SECTIONS.index("People"))

    def show_need(self, person: Stakeholder, need) -> None:
        """Show one item in its stakeholder's information needs (from the Not used view)."""
        if all(p.id != person.id for p in self.people):
            self.show_whole_portfolio()
        self.set_person(person)
        self.needs.select(need.id)
        self.sections.setCurrentIndex(SECTIONS.index("Information needs"))

    def select_section(self, title: str) -> None:
        self.sections.setCurrentIndex(SECTIONS.index(title))

    # --- commands --------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.status.setText(message)
        window_status = getattr(self.window(), "status", None)
        if callable(window_status) and message:
            window_status(message)

    def _perform(self, command: PortfolioCommand, title: str) -> bool:
        try:
            perform(self.context.undo_stack, command)
        except (ValidationError, EditFailed) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            prompts_for(self).show_error(message, title)
            return False
        return True

    def _commit_cell(self, person: Stakeholder, field: str, value) -> str | None:
        """One grid cell, as an undoable command; the message when it is refused."""
        text = f"Change the worksheet of “{person.name}”"
        command = EditCommand(self.context.portfolio, person, text, **{field: value})
        try:
            perform(self.context.undo_stack, command)
        except ValidationError as exc:
            return exc.message
        except EditFailed as exc:
            return str(exc)
        self.form.reload()
        return None

    def new_stakeholder(self) -> Stakeholder | None:
        if self.read_only:
            return None
        portfolio, alliance = self.context.portfolio, self.scope_alliance()
        added: list[Stakeholder] = []

        def submit(fields: dict) -> None:
            role = fields.pop("role", "")
            portfolio.check_new(Stakeholder, **fields)

            def work() -> Stakeholder:
                person = portfolio.add(Stakeholder, **fields)
                if alliance is not None:
                    portfolio.link_stakeholder(alliance, person, role)
                return person

            command = SnapshotCommand(portfolio, f"Add stakeholder “{fields['name']}”", work)
            perform(self.context.undo_stack, command)
            added.append(command.result)

        dialog = NewStakeholderDialog(submit, alliance.name if alliance else "", self)
        if not prompts_for(self).run_dialog(dialog) or not added:
            return None
        self.refresh()
        self.set_person(added[0])
        self.say(f"Added “{added[0].name}”.")
        return added[0]

    def add_existing(self) -> bool:
        alliance = self.scope_alliance()
        if alliance is None or self.read_only:
            return False
        portfolio = self.context.portfolio
        members = {p.id for p in self.people}
        roles = portfolio.roles()
        candidates = [
            (p, "; ".join(f"{a.name}: {r}" for a, r in roles.get(p.id, [])))
            for p in portfolio.stakeholders()
            if p.id not in members
        ]

        def submit(fields: dict) -> None:
            person = portfolio.get(Stakeholder, fields["stakeholder_id"])
            command = SnapshotCommand(
                portfolio,
                f"Add “{person.name}” to {alliance.name}",
                lambda: portfolio.link_stakeholder(alliance, person, fields["role"]),
            )
            perform(self.context.undo_stack, command)

        dialog = AddExistingDialog(submit, candidates, alliance.name, self)
        return prompts_for(self).run_dialog(dialog)

    def remove_from_alliance(self) -> bool:
        person, alliance = self.person, self.scope_alliance()
        if person is None or alliance is None or self.read_only:
            return False
        prompts = prompts_for(self)
        if not prompts.confirm(
            "Remove from alliance",
            f"Remove “{person.name}” from {alliance.name}?",
            "They stay in the portfolio with their worksheet. Undo brings the role back.",
            "Remove",
        ):
            return False
        portfolio = self.context.portfolio
        command = SnapshotCommand(
            portfolio,
            f"Remove “{person.name}” from {alliance.name}",
            lambda: portfolio.unlink_stakeholder(alliance, person),
        )
        return self._perform(command, "Could not remove the stakeholder")

    def delete_stakeholder(self) -> bool:
        person = self.person
        if person is None or self.read_only:
            return False
        if not prompts_for(self).confirm(
            "Delete stakeholder",
            f"Delete “{person.name}” and their worksheet?",
            "You can bring them back with Edit ▸ Undo.",
            "Delete",
        ):
            return False
        command = DeleteCommand(self.context.portfolio, person, f"Delete “{person.name}”")
        return self._perform(command, "Could not delete the stakeholder")

    def record_interview(self) -> bool:
        """After the conversation: the date, who ran it, what changed, and the reader's verdict
        on each item; everything in one undoable step."""
        person = self.person
        if person is None or self.read_only:
            return False
        portfolio, alliance = self.context.portfolio, self.scope_alliance()
        needs = portfolio.information_needs(person, alliance, include_retired=False)
        settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)

        def submit(fields: dict) -> None:
            def work():
                interview = portfolio.record_interview(
                    person, fields["held_on"], fields["interviewer"], fields["changes"], alliance
                )
                for need, verdict in fields["feedback"]:
                    portfolio.record_feedback(need, verdict, fields["held_on"], interview=interview)
                alliance_id = alliance.id if alliance is not None else None
                for question in fields["missing"]:
                    portfolio.add_missing_need(
                        person, question, fields["held_on"], alliance_id=alliance_id
                    )
                return interview

            command = SnapshotCommand(
                portfolio,
                f"Record the interview with “{person.name}”",
                work,
                touched=[(person, VALIDATION_FIELDS)] + [(n, FEEDBACK_FIELDS) for n in needs],
            )
            perform(self.context.undo_stack, command)
            settings.setValue(INTERVIEWER_KEY, fields["interviewer"])

        interviewer = str(settings.value(INTERVIEWER_KEY, "") or "")
        dialog = InterviewDialog(submit, person, needs, interviewer, self)
        if not prompts_for(self).run_dialog(dialog):
            return False
        self.say(f"Recorded the interview with “{person.name}”.")
        return True

    def pick_columns(self) -> bool:
        dialog = ColumnsDialog(self.people, [p.id for p in self.grid.shown()], self)
        if prompts_for(self).run_dialog(dialog):
            self.grid.pick(dialog.chosen())
            return True
        self.grid.cancel_pick()
        return False

    def print_worksheet(self) -> str:
        """File ▸ Print worksheet: the grid's columns, ready to print or save."""
        prompts = prompts_for(self)
        chosen = [p.id for p in self.grid.shown()]
        dialog = WorksheetPrintDialog(
            self.context.portfolio, self.scope_alliance(), self.people, chosen, prompts, self
        )
        prompts.run_dialog(dialog)
        if dialog.result_text:
            self.say(dialog.result_text)
        return dialog.result_text
