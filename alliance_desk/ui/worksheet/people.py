"""The list of stakeholders in scope (one alliance, or the whole portfolio), marking worksheets
that were never validated or are older than a chosen age, beside the form of the one chosen."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.insights.worksheets import (
    DEFAULT_STALE_MONTHS,
    NEVER,
    STALE,
    quadrant,
    validation_state,
    validation_text,
)
from alliance_desk.models import Stakeholder, choices
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, format_date
from alliance_desk.ui.record_tab import (
    Column,
    RecordTableModel,
    SourceSorted,
    choice_column,
    number_column,
    text_column,
)

STALE_COLOUR = "#a15c00"


@dataclass(frozen=True)
class PersonRow:
    """A stakeholder with their role(s) in scope."""

    person: Stakeholder
    role: str

    @property
    def id(self) -> str:
        return self.person.id


class PeopleList(QWidget):
    """A sortable, filterable table of stakeholders with their validation state."""

    person_selected = Signal(object)  # Stakeholder or None
    stale_months_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stale_months = DEFAULT_STALE_MONTHS
        self.model = RecordTableModel(self._columns(), parent=self)
        self.proxy = _ValidationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        for column, width in enumerate((165, 150, 130, 60, 68, 60, 130)):
            header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.months = QSpinBox()
        self.months.setRange(1, 60)
        self.months.setValue(self.stale_months)
        self.months.setSuffix(" months")
        self.months.setToolTip("A worksheet validated longer ago than this needs a new interview")
        self.months.valueChanged.connect(self._months_changed)
        self.only_due = QCheckBox("Only worksheets to validate")
        self.only_due.toggled.connect(self._only_due_toggled)
        self.summary = QLabel()
        self.summary.setObjectName("people_summary")
        self.summary.setStyleSheet(f"color: {HINT_COLOUR};")

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(QLabel("Validate again after"))
        bar.addWidget(self.months)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.only_due)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def _columns(self) -> list[Column]:
        return [
            text_column("Name", lambda row: row.person.name),
            text_column("Role", lambda row: row.role),
            choice_column("Group", lambda row: row.person.group, choices.STAKEHOLDER_GROUPS),
            choice_column("Side", lambda row: row.person.side, choices.SIDES),
            number_column("Influence", lambda row: row.person.influence),
            number_column("Interest", lambda row: row.person.interest),
            Column(
                "Worksheet validated",
                lambda row: format_date(row.person.last_validated_on) or "Never",
                sort_key=lambda row: (
                    row.person.last_validated_on.isoformat() if row.person.last_validated_on else ""
                ),
                colour=self._validation_colour,
                tooltip=lambda row: _validation_tooltip(row.person),
            ),
        ]

    # --- state -----------------------------------------------------------------------------

    def state_of(self, person: Stakeholder) -> str:
        return validation_state(person.last_validated_on, clock.today(), self.stale_months)

    def _validation_colour(self, row: PersonRow) -> str | None:
        state = self.state_of(row.person)
        return ERROR_COLOUR if state == NEVER else STALE_COLOUR if state == STALE else None

    def set_rows(self, rows: list[PersonRow]) -> None:
        selected = self.current()
        # the filter first: the model sorts the new rows and the proxy filters them once
        self.proxy.due = self._due_ids(rows) if self.only_due.isChecked() else None
        self.model.set_rows(rows)
        self._show_summary()
        if selected is not None:
            self.select(selected.id)

    def rows(self) -> list[PersonRow]:
        return list(self.model.rows)

    def visible_people(self) -> list[Stakeholder]:
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).person
            for r in range(self.proxy.rowCount())
        ]

    def current(self) -> Stakeholder | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row()).person

    def select(self, person_id: str) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.id == person_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)
                    return True
        return False

    def _due_ids(self, rows: list[PersonRow] | None = None) -> set[str]:
        rows = self.model.rows if rows is None else rows
        return {r.id for r in rows if self.state_of(r.person) in (NEVER, STALE)}

    def _only_due_toggled(self, on: bool) -> None:
        self.proxy.due = self._due_ids() if on else None
        self.proxy.invalidate()

    def _months_changed(self, months: int) -> None:
        self.stale_months = months
        self.set_rows(self.model.rows)
        self.stale_months_changed.emit(months)

    def _show_summary(self) -> None:
        people = [row.person for row in self.model.rows]
        never = sum(1 for p in people if self.state_of(p) == NEVER)
        stale = sum(1 for p in people if self.state_of(p) == STALE)
        parts = [f"{len(people)} stakeholder{'s' if len(people) != 1 else ''}"]
        if never:
            parts.append(f"{never} never validated")
        if stale:
            parts.append(f"{stale} validated more than {self.stale_months} months ago")
        self.summary.setText(" · ".join(parts))

    def _row_changed(self, current, _previous) -> None:
        self.person_selected.emit(self.current() if current.isValid() else None)


class _ValidationFilter(SourceSorted):
    """The text filter, plus (when `due` is a set) only the stakeholders whose worksheet is
    due for validation."""

    due: set[str] | None = None

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.due is not None:
            row = self.sourceModel().row(source_row)
            if row.id not in self.due:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


def _validation_tooltip(person: Stakeholder) -> str:
    text = validation_text(person.last_validated_on, clock.today()).capitalize()
    where = quadrant(person.influence, person.interest)
    return f"{text}." + (f" On the map: {where.title.lower()}." if where else "")
