"""Who was invited to a meeting and who came, and what came out of it (actions, decisions).

Ticking a box is one undoable edit; inviting people adds attendee rows in one transaction.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.insights.tracking import attendance
from alliance_desk.models import Meeting, MeetingAttendee, Stakeholder, choices
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR
from alliance_desk.ui.record_tab import RecordTableModel, text_column
from alliance_desk.ui.tracking.columns import when
from alliance_desk.ui.undo import EditCommand, PortfolioCommand

PERSON, SIDE, INVITED, CAME = range(4)
HEADERS = ["Person", "Side", "Invited", "Came"]


class InviteCommand(PortfolioCommand):
    """Invite people to a meeting (new attendee rows); undo removes the invitations."""

    def __init__(self, portfolio: Portfolio, meeting: Meeting, people: list[Stakeholder]):
        names = people[0].name if len(people) == 1 else f"{len(people)} people"
        super().__init__(f"Invite {names} to “{meeting.title}”")
        self.portfolio = portfolio
        self.meeting = meeting
        self.people = people
        self.rows: list[MeetingAttendee] = []

    def apply(self) -> None:
        with self.portfolio.batch():
            if not self.rows:
                self.rows = [
                    self.portfolio.add(
                        MeetingAttendee,
                        meeting_id=self.meeting.id,
                        stakeholder_id=person.id,
                        invited=True,
                        attended=False,
                    )
                    for person in self.people
                ]
            else:
                for row in self.rows:
                    self.portfolio.restore(row)

    def revert(self) -> None:
        with self.portfolio.batch():
            for row in self.rows:
                self.portfolio.delete(row)


def _without(items: list, places: list[int]) -> list:
    """`items` less those at `places` (ascending): a few slices, not a test per item (a
    meeting invites a dozen out of thousands of people)."""
    kept, start = [], 0
    for place in places:
        kept += items[start:place]
        start = place + 1
    kept += items[start:]
    return kept


class AttendeesModel(QAbstractTableModel):
    """One row per invitation: the person, their side, and two check boxes."""

    toggled = Signal(object, str, bool)  # (MeetingAttendee, field, new value)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[MeetingAttendee, Stakeholder]] = []
        self.editable = True

    def set_rows(self, rows: list[tuple[MeetingAttendee, Stakeholder]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, person = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PERSON:
                return person.name + (" (removed)" if person.deleted_at else "")
            if column == SIDE:
                return choices.SIDES.get(person.side, person.side)
        if role == Qt.ItemDataRole.CheckStateRole and column in (INVITED, CAME):
            value = row.invited if column == INVITED else row.attended
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == CAME
            and row.attended
            and not row.invited
        ):
            return "Came without an invitation: not counted in the attendance rate"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (INVITED, CAME) and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role: int = 0) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (INVITED, CAME):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        row, _person = self.rows[index.row()]
        self.toggled.emit(row, "invited" if index.column() == INVITED else "attended", checked)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class InviteesModel(QAbstractListModel):
    """The people a meeting can still invite (thousands in a big portfolio): plain rows of the
    people index, "Name (Side)" made only for the rows the box shows; the data is their id."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list = []

    def set_people(self, people: list) -> None:
        self.beginResetModel()
        self.people = people
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{person.name} ({choices.SIDES.get(person.side, '')})"
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None


class AttendancePanel(QWidget):
    """The meeting's attendance (invited, came), and the actions and decisions from it."""

    def __init__(
        self,
        portfolio: Callable[[], Portfolio],
        perform: Callable[[PortfolioCommand], bool],
        new_action: Callable[[], None],
        new_decision: Callable[[], None],
        open_record: Callable[[str, str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.portfolio = portfolio
        self.perform = perform
        self.open_record = open_record
        self.meeting: Meeting | None = None
        self.read_only = False

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = AttendeesModel(self)
        self.model.toggled.connect(self._toggled)
        self.view = QTableView()
        self.view.setObjectName("AttendeesView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PERSON, QHeaderView.ResizeMode.Stretch)
        for column in (SIDE, INVITED, CAME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(150)
        self.invitees = InviteesModel(self)
        self._invitees_from: tuple | None = None  # (people index, their ids, invited ids)
        self.invite_box = QComboBox()
        self.invite_box.setObjectName("InviteBox")
        self.invite_box.setModel(self.invitees)
        self.invite_box.setMinimumContentsLength(18)
        self.invite_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.invite_button = QPushButton("Invite")
        self.invite_button.clicked.connect(self.invite_chosen)
        self.invite_all_button = QPushButton("Invite the alliance's people")
        self.invite_all_button.setToolTip("Everyone with a role in this alliance not invited yet")
        self.invite_all_button.clicked.connect(self.invite_alliance)
        invite_row = QHBoxLayout()
        invite_row.addWidget(self.invite_box, 1)
        invite_row.addWidget(self.invite_button)
        people = QGroupBox("Invited and attending")
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.summary)
        people_layout.addWidget(self.view, 1)
        people_layout.addLayout(invite_row)
        people_layout.addWidget(self.invite_all_button)

        self.outcomes = RecordTableModel(
            [
                text_column("What", lambda item: item[1].title),
                text_column("Kind", lambda item: item[0]),
                text_column("Due", lambda item: when(item[1].due_date)),
                text_column("Status", lambda item: item[2]),
            ],
            parent=self,
        )
        self.outcome_view = QTableView()
        self.outcome_view.setObjectName("OutcomesView")
        self.outcome_view.setModel(self.outcomes)
        self.outcome_view.verticalHeader().hide()
        self.outcome_view.setShowGrid(False)
        self.outcome_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcome_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outcome_view.activated.connect(self._outcome_activated)
        self.outcome_view.setMinimumHeight(120)
        self.new_action_button = QPushButton("New &action from this meeting…")
        self.new_action_button.clicked.connect(new_action)
        self.new_decision_button = QPushButton("New &decision from this meeting…")
        self.new_decision_button.clicked.connect(new_decision)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_action_button)
        buttons.addWidget(self.new_decision_button)
        buttons.addStretch(1)
        came_out = QGroupBox("Came out of this meeting")
        came_layout = QVBoxLayout(came_out)
        came_layout.addWidget(self.outcome_view, 1)
        came_layout.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(people, 1)
        layout.addWidget(came_out, 1)

    def show_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.setVisible(meeting is not None)
        if meeting is None:
            return
        portfolio = self.portfolio()
        rows = portfolio.attendees_of(meeting)
        self.model.set_rows(rows)
        figure = attendance(row for row, _person in rows)
        if figure.invited:
            colour = ERROR_COLOUR if figure.rate is not None and figure.rate < 0.7 else None
            text = f"Attendance {figure.text()}"
            if meeting.status != "held":
                text = f"{figure.invited} invited (not held yet)"
                colour = HINT_COLOUR
            style = f" style='color:{colour}'" if colour else ""
            self.summary.setText(f"<b{style}>{text}</b>")
        else:
            self.summary.setText(f"<span style='color:{HINT_COLOUR}'>Nobody invited yet.</span>")
        invited = frozenset(person.id for _row, person in rows)
        everyone = portfolio.people_index()  # the same list until the people change
        made_from, places, made_without = self._invitees_from or (None, None, None)
        if made_from is not everyone:
            places = {person.id: place for place, person in enumerate(everyone)}
        if made_from is not everyone or made_without != invited:
            self._invitees_from = (everyone, places, invited)
            gaps = sorted(places[ident] for ident in invited if ident in places)
            self.invitees.set_people(_without(everyone, gaps))
        self.invite_box.setCurrentIndex(0 if self.invitees.people else -1)
        actions, decisions = portfolio.meeting_outcomes(meeting)
        items = [("Action", a, choices.ACTION_STATUSES.get(a.status, a.status)) for a in actions]
        items += [
            ("Decision", d, choices.DECISION_STATUSES.get(d.status, d.status)) for d in decisions
        ]
        self.outcomes.set_rows(items)
        self._update_enabled()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.model.editable = not read_only
        self._update_enabled()

    def _update_enabled(self) -> None:
        writable = not self.read_only
        self.invite_button.setEnabled(writable and self.invite_box.count() > 0)
        self.invite_box.setEnabled(writable)
        self.invite_all_button.setEnabled(writable)
        self.new_action_button.setEnabled(writable)
        self.new_decision_button.setEnabled(writable)

    def _toggled(self, row: MeetingAttendee, field: str, value: bool) -> None:
        if self.read_only or self.meeting is None:
            return
        person = self.portfolio().get(Stakeholder, row.stakeholder_id, include_deleted=True)
        verb = {"invited": ("Invite", "Uninvite"), "attended": ("Mark present", "Mark absent")}
        text = f"{verb[field][0 if value else 1]}: {person.name if person else ''}"
        self.perform(EditCommand(self.portfolio(), row, text, **{field: value}))

    def invite_chosen(self) -> None:
        ident = self.invite_box.currentData()
        person = self.portfolio().get(Stakeholder, ident) if ident else None
        if person is not None and self.meeting is not None:
            self.perform(InviteCommand(self.portfolio(), self.meeting, [person]))

    def invite_alliance(self) -> None:
        if self.meeting is None:
            return
        portfolio = self.portfolio()
        alliance = portfolio.find_alliance(self.meeting.alliance_id)
        invited = {person.id for _row, person in portfolio.attendees_of(self.meeting)}
        people = [p for p, _role in portfolio.stakeholders_of(alliance) if p.id not in invited]
        if people:
            self.perform(InviteCommand(portfolio, self.meeting, people))

    def _outcome_activated(self, index: QModelIndex) -> None:
        kind, record, _status = self.outcomes.row(index.row())
        self.open_record("Actions" if kind == "Action" else "Decisions", record.id)
