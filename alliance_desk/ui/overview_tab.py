"""The Overview tab: every field of the selected alliance, edited in place, plus "At a glance".

Each field is committed on its own when the user finishes it, as one undoable command: a
broken rule or a failed write shows its message under the field and stores nothing (after a
failed write the field shows the stored value again). Edits made elsewhere (undo, the sidebar)
reload the fields through the bridge.
"""

import html
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.insights.status import alliance_counts
from alliance_desk.models import ActionItem, Alliance, Decision, Risk, StageChange, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change, Portfolio
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import (
    ERROR_COLOUR,
    HINT_COLOUR,
    ChoiceField,
    DateField,
    Field,
    LineField,
    NumberField,
    TextField,
    format_date,
)
from alliance_desk.ui.lifecycle.commands import MoveStageCommand
from alliance_desk.ui.tracking.reads import selection_reads
from alliance_desk.ui.undo import EditCommand, EditFailed, PortfolioCommand, perform

EMPTY_TEXT = "Select an alliance on the left, or create one with Ctrl+N."
NARROW_WIDTH = 820  # below this the glance panel moves above the form
GLANCE_KINDS = {"actions", "risks", "decisions", "stage_changes", "alliances"}


def _form_sections() -> list[tuple[str, list[tuple[str, Field]]]]:
    """The form, group by group: (group title, [(label, field), ...])."""
    return [
        (
            "The alliance",
            [
                ("Name", LineField("name", placeholder="e.g. Helios Oncology")),
                ("Partner", LineField("partner", placeholder="The partner company")),
                ("Type", ChoiceField("alliance_type", choices.ALLIANCE_TYPES)),
                (
                    "Business area",
                    LineField("business_area", placeholder="Business or therapeutic area"),
                ),
            ],
        ),
        (
            "Where it stands",
            [
                (
                    "Stage",
                    ChoiceField(
                        "stage",
                        choices.STAGES,
                        hint="Changing the stage records today's date in the history; the first "
                        "time, the stage's checklist is added (Lifecycle tab).",
                    ),
                ),
                ("Status", ChoiceField("status", choices.ALLIANCE_STATUSES)),
                ("Strategic importance", ChoiceField("importance", choices.IMPORTANCE)),
            ],
        ),
        (
            "Why it exists",
            [
                (
                    "Purpose",
                    TextField(
                        "purpose",
                        hint="Both partners should be able to say this in one sentence.",
                        placeholder="The alliance's purpose in one sentence",
                        lines=2,
                        one_paragraph=True,
                    ),
                ),
                (
                    "Value proposition",
                    TextField(
                        "value_proposition",
                        placeholder="What each partner brings and gains",
                        lines=5,
                    ),
                ),
            ],
        ),
        (
            "Terms and dependency",
            [
                ("Start date", DateField("start_date")),
                ("Renewal date", DateField("renewal_date")),
                (
                    "Revenue share",
                    NumberField(
                        "revenue_share",
                        suffix="%",
                        hint="Share of our revenue that comes from this alliance.",
                    ),
                ),
                (
                    "Alternative partners",
                    NumberField(
                        "alternative_partners",
                        integer=True,
                        hint="How many other partners could do what this one does.",
                    ),
                ),
            ],
        ),
        (
            "People",
            [
                ("Our lead", LineField("our_lead", placeholder="Name")),
                ("Partner lead", LineField("partner_lead", placeholder="Name")),
            ],
        ),
        ("Notes", [("", TextField("notes", placeholder="Anything worth remembering", lines=5))]),
    ]


class OverviewTab(QWidget):
    """Edit every field of one alliance; a panel beside it summarises what needs attention."""

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.reads = selection_reads(context)  # before anything listens to the bridge
        self.alliance: Alliance | None = None
        self.read_only = False
        self.fields: dict[str, Field] = {}
        self.labels: dict[str, str] = {}

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 15px;")
        self.glance = GlancePanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._glance_timer = QTimer(self, singleShot=True, interval=0)
        self._glance_timer.timeout.connect(self._refresh_glance)
        context.bridge.changed.connect(self._on_changed)
        self.set_read_only(context.portfolio.read_only)
        self.set_alliance(None)

    # --- the WorkspaceTab protocol ---------------------------------------------------------

    def set_alliance(self, alliance: Alliance | None) -> None:
        same = (
            alliance is not None and self.alliance is not None and alliance.id == self.alliance.id
        )
        self.alliance = alliance
        self.stack.setCurrentIndex(0 if alliance is None else 1)
        if same:  # shown again (e.g. re-selected after a rename): keep what is being typed
            self._reload(())
            self._refresh_glance()
        elif alliance is not None:
            self.load(alliance)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for field in self.fields.values():
            field.set_read_only(read_only)

    # --- load and save ---------------------------------------------------------------------

    def load(self, alliance: Alliance) -> None:
        """Show every stored field of `alliance`, dropping unsaved text and messages."""
        for name, field in self.fields.items():
            field.set_value(getattr(alliance, name))
        self._show_heading()
        self._refresh_glance()

    def save(self, name: str) -> bool:
        """Store the value of one field if the core accepts it; else show why under the field."""
        field = self.fields[name]
        if self.alliance is None or self.read_only or self.context.portfolio.closed:
            return False
        stored = getattr(self.alliance, name)
        try:
            value = field.value()
            if value == stored:
                field.set_value(value)  # tidy the text (e.g. a date typed another way)
                return True
            perform(self.context.undo_stack, self._command(name, value))
        except ValidationError as error:
            field.show_error(error.message)  # the typed text stays, to be corrected
            return False
        except EditFailed as error:
            field.set_value(stored)  # nothing was written: show what the file holds
            field.show_error(str(error))
            return False
        field.set_value(getattr(self.alliance, name))
        return True

    def _command(self, name: str, value: Any) -> PortfolioCommand:
        portfolio = self.context.portfolio
        if name == "stage":
            return MoveStageCommand(portfolio, self.alliance, value)  # with its checklist
        text = f"Change {self.labels[name].lower()} of “{self.alliance.name}”"
        return EditCommand(portfolio, self.alliance, text, **{name: value})

    # --- reacting to changes ---------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if self.alliance is None:
            return
        if change.kind == "alliances" and self.alliance.id in change.ids:
            if change.op in ("updated", "restored", "reloaded"):
                self._reload(change.fields)
        elif change.op == "reloaded":
            self._reload(())
        if change.kind in GLANCE_KINDS or change.op == "reloaded":
            self._glance_timer.start()

    def _reload(self, names: tuple[str, ...]) -> None:
        """Show stored values again, keeping text the user is typing and fields not touched."""
        for name in names or tuple(self.fields):
            field = self.fields.get(name)
            if field is not None and not field.is_editing():
                field.set_value(getattr(self.alliance, name))
        self._show_heading()

    def _refresh_glance(self) -> None:
        if self.alliance is not None and not self.context.portfolio.closed:
            reads, ident = self.reads, self.alliance.id  # what other tabs list too: read once
            records = [reads.tracking_rows(m, ident) for m in (ActionItem, Risk, Decision)]
            history = reads.stage_history(self.alliance)
            self.glance.show_alliance(self.context.portfolio, self.alliance, history, records)

    # --- building --------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        """Heading on top; the form with "At a glance" beside it (above it when narrow)."""
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        glance_column = QVBoxLayout()
        glance_column.addWidget(self.glance, 0, Qt.AlignmentFlag.AlignLeft)
        glance_column.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(18)
        self.columns.addWidget(self._build_form(), 1)
        self.columns.addLayout(glance_column, 0)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_form(self) -> QWidget:
        form_column = QVBoxLayout()
        form_column.setContentsMargins(0, 0, 0, 0)
        form_column.setSpacing(12)
        labels: list[QLabel] = []
        for title, rows in _form_sections():
            group = QGroupBox(title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(14)
            form.setVerticalSpacing(8)
            for label_text, field in rows:
                self.fields[field.name] = field
                self.labels[field.name] = label_text or title
                if not label_text:  # the group title names it; the field takes the full width
                    form.addRow(field)
                else:
                    label = QLabel(label_text)
                    label.setContentsMargins(0, 4, 0, 0)
                    label.setBuddy(field.editor)
                    labels.append(label)
                    form.addRow(label, field)
                field.committed.connect(partial(self.save, field.name))
            form_column.addWidget(group)
        form_column.addStretch(1)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # one label column across all groups
            label.setMinimumWidth(width)
        holder = QWidget()
        holder.setLayout(form_column)
        holder.setMaximumWidth(720)
        return holder

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH
        direction = QBoxLayout.Direction.BottomToTop if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def _show_heading(self) -> None:
        alliance = self.alliance
        if alliance is None:
            return
        details = [
            f"with {html.escape(alliance.partner)}" if alliance.partner else "",
            choices.STAGES.get(alliance.stage, alliance.stage),
            choices.ALLIANCE_STATUSES.get(alliance.status, alliance.status),
        ]
        line = " · ".join(part for part in details if part)
        self.heading.setText(
            f"<div style='font-size:20px; font-weight:600'>{html.escape(alliance.name)}</div>"
            f"<div style='color:{HINT_COLOUR}'>{line}</div>"
        )


class GlancePanel(QGroupBox):
    """Read-only: counts that need attention and the stage history of one alliance."""

    TILES = [  # explicit line breaks: wrapped labels make the panel's height unreliable
        ("open_actions", "Open\nactions"),
        ("overdue_actions", "Overdue\nactions"),
        ("open_risks", "Open\nrisks"),
        ("pending_decisions", "Pending\ndecisions"),
    ]

    def __init__(self, parent: QWidget | None = None):
        super().__init__("At a glance", parent)
        self.setFixedWidth(300)
        # never squeezed below its natural height (a scroll area lays out at minimum sizes)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        grid = QHBoxLayout()
        grid.setSpacing(8)
        self.numbers: dict[str, QLabel] = {}
        for key, caption in self.TILES:
            tile = QVBoxLayout()
            tile.setSpacing(0)
            number = QLabel("0")
            number.setObjectName(f"glance_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(caption)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 11px;")
            tile.addWidget(number)
            tile.addWidget(text)
            grid.addLayout(tile, 1)
            self.numbers[key] = number
        layout.addLayout(grid)
        self.next_decision = QLabel()
        layout.addWidget(self.next_decision)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        history_title = QLabel("<b>Stage history</b>")
        layout.addWidget(history_title)
        self.history = QLabel()
        self.history.setObjectName("glance_history")
        self.history.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.history)

    def show_alliance(
        self,
        portfolio: Portfolio,
        alliance: Alliance,
        history: list[StageChange] | None = None,
        records: list[list] | None = None,
    ) -> None:
        """The counts and the stage history; `history` (stage_history) and `records` (the
        alliance's tracking_rows of actions, risks and decisions) when read already."""
        if records is None:
            dated = ("status", "due_date")  # plain rows of the columns counted, not records
            records = [
                portfolio.tracking_rows(ActionItem, alliance.id, fields=dated),
                portfolio.tracking_rows(Risk, alliance.id, fields=("status",)),
                portfolio.tracking_rows(Decision, alliance.id, fields=dated),
            ]
        counts = alliance_counts(*records, clock.today())
        for key, _caption in self.TILES:
            value = getattr(counts, key)
            alarming = key == "overdue_actions" and value > 0
            colour = f"color: {ERROR_COLOUR};" if alarming else ""
            self.numbers[key].setText(str(value))
            style = f"font-size: 22px; font-weight: 600; {colour}"
            if self.numbers[key].styleSheet() != style:  # a new style sheet polishes again
                self.numbers[key].setStyleSheet(style)
        if counts.next_decision_due is not None:
            self.next_decision.setText(
                f"Next decision due <b>{format_date(counts.next_decision_due)}</b>"
            )
        else:
            self.next_decision.setText("No pending decision has a due date.")
        if history is None:
            history = portfolio.stage_history(alliance)
        self.history.setText(_history_html(history))

    def count(self, key: str) -> int:
        return int(self.numbers[key].text())


def _history_html(history: list[StageChange]) -> str:
    if not history:
        return f"<span style='color:{HINT_COLOUR}'>No stage recorded yet.</span>"
    rows = []
    for index, change in enumerate(history):
        stage = html.escape(choices.STAGES.get(change.stage, change.stage))
        if index == len(history) - 1:
            stage = f"<b>{stage}</b> (current)"
        when = format_date(change.changed_on) or "—"
        rows.append(
            f"<tr><td style='color:{HINT_COLOUR}; padding-right:12px'>{when}</td>"
            f"<td>{stage}</td></tr>"
        )
    return "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
