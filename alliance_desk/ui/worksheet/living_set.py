"""Across the portfolio: the report items nobody uses (candidates to stop reporting), and the
items already retired with why and when — DOMAIN.md §1, "a living set"."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import InformationNeed, Stakeholder
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, format_date
from alliance_desk.ui.record_tab import RecordTableModel, date_column, text_column
from alliance_desk.ui.undo import perform
from alliance_desk.ui.worksheet.commands import SnapshotCommand, prompts_for
from alliance_desk.ui.worksheet.dialogs import TextDialog

EXPLANATION = (
    "Items whose reader said they do not use them. Retire what feeds no decision: it leaves "
    "the reports and stays in the history with the reason and the date."
)


@dataclass(frozen=True)
class ItemRow:
    need: InformationNeed
    person: Stakeholder
    alliance: str

    @property
    def id(self) -> str:
        return self.need.id


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    for column, width in enumerate((190, 340, 120, 180)):
        header.resizeSection(column, width)
    return view


class LivingSetPanel(QWidget):
    """The portfolio-wide view of unused items, with Retire, and the retired history."""

    show_requested = Signal(object, object)  # (Stakeholder, InformationNeed)

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.read_only = False
        self.unused = RecordTableModel(
            [
                text_column("Reader", lambda r: r.person.name),
                text_column("Item nobody uses", lambda r: r.need.question),
                date_column("Said so on", lambda r: r.need.feedback_on),
                text_column("Alliance", lambda r: r.alliance),
                text_column("Decision it was meant to support", lambda r: r.need.decision),
            ],
            parent=self,
        )
        self.retired = RecordTableModel(
            [
                text_column("Reader", lambda r: r.person.name),
                text_column("Retired item", lambda r: r.need.question),
                date_column("Retired on", lambda r: r.need.retired_on),
                text_column("Alliance", lambda r: r.alliance),
                text_column("Why", lambda r: r.need.retired_reason),
            ],
            parent=self,
        )
        self.unused_view = _table(self.unused)
        self.retired_view = _table(self.retired)
        self.unused_view.selectionModel().currentRowChanged.connect(lambda *_: self._update())

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel(EXPLANATION)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {HINT_COLOUR};")
        self.retire_button = QPushButton("Retire…")
        self.retire_button.setObjectName("living_retire")
        self.retire_button.clicked.connect(self.retire)
        self.show_button = QPushButton("Show in their information needs")
        self.show_button.clicked.connect(self._show)
        bar = QHBoxLayout()
        bar.addWidget(self.retire_button)
        bar.addWidget(self.show_button)
        bar.addStretch(1)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.heading)
        upper_layout.addWidget(note)
        upper_layout.addWidget(self.unused_view, 1)
        upper_layout.addLayout(bar)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(QLabel("<b>Retired items</b> — the history of what we stopped"))
        lower_layout.addWidget(self.retired_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update()

    def refresh(self) -> None:
        portfolio = self.context.portfolio
        if portfolio.closed:
            return
        names = {a.id: a.name for a in portfolio.alliances()}

        def alliance_of(need: InformationNeed) -> str:
            return names.get(need.alliance_id or "", "All their alliances")

        rows = [ItemRow(n, p, alliance_of(n)) for n, p in portfolio.unused_needs()]
        self.unused.set_rows(rows)
        people = {p.id: p for p in portfolio.stakeholders()}
        retired = [
            ItemRow(n, people[n.stakeholder_id], alliance_of(n))
            for n in portfolio.all(InformationNeed, status="retired")
            if n.stakeholder_id in people
        ]
        retired.sort(key=lambda r: r.need.retired_on or r.need.created_at.date(), reverse=True)
        self.retired.set_rows(retired)
        count = len(rows)
        self.heading.setText(
            f"<span style='font-size:15px; font-weight:600'>Items nobody uses</span>"
            f"&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{count} across the portfolio</span>"
        )
        self._update()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update()

    def rows(self) -> list[ItemRow]:
        return list(self.unused.rows)

    def select(self, need_id: str) -> bool:
        for number, row in enumerate(self.unused.rows):
            if row.id == need_id:
                self.unused_view.selectRow(number)
                return True
        return False

    def current(self) -> ItemRow | None:
        index = self.unused_view.currentIndex()
        return self.unused.row(index.row()) if index.isValid() else None

    def _update(self) -> None:
        row = self.current()
        self.retire_button.setEnabled(row is not None and not self.read_only)
        self.show_button.setEnabled(row is not None)

    def _show(self) -> None:
        row = self.current()
        if row is not None:
            self.show_requested.emit(row.person, row.need)

    def retire(self) -> bool:
        row = self.current()
        if row is None or self.read_only:
            return False
        need, portfolio = row.need, self.context.portfolio
        since = format_date(need.feedback_on)
        suggestion = f"{row.person.name} said on {since} that they do not use it."

        def submit(fields: dict) -> None:
            command = SnapshotCommand(
                portfolio,
                "Retire an unused item",
                lambda: portfolio.retire_need(need, fields["retired_reason"], fields["on"]),
                touched=[(need, ("status", "retired_reason", "retired_on"))],
            )
            perform(self.context.undo_stack, command)

        dialog = TextDialog(
            "Retire an item",
            "Why:",
            "retired_reason",
            submit,
            self,
            text=suggestion,
            ok_text="Retire",
        )
        return prompts_for(self).run_dialog(dialog)
