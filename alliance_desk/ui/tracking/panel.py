"""The panel under a tracking tab's table: the selected record's title, a status line, its
form (groups side by side).

Each finished field is stored at once (one undoable edit, see TrackingTab.save_entry).
"""

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Tracked
from alliance_desk.ui.fields import HINT_COLOUR
from alliance_desk.ui.tracking.form import RecordForm

if TYPE_CHECKING:
    from alliance_desk.ui.tracking.tab import TrackingTab


class RecordPanel(QWidget):
    """Nothing selected: a hint. One row: its form. Several: what acts on all of them."""

    def __init__(self, tab: "TrackingTab"):
        super().__init__()
        self.tab = tab
        # what the form shows: the record, or the table's row of it (the same columns, read
        # with the table); the record itself is read when something needs it (an edit)
        self.shown_record: Any = None  # a Tracked record or a tracking_rows row; None: none
        self._record: Tracked | None = None
        self.shown = 0  # how often a record (or none) was shown or reloaded
        self.read_only = False
        self.setMinimumHeight(160)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR}; padding: 24px;")

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("PanelHeader")
        self.header.linkActivated.connect(tab.link_activated)
        self.form = RecordForm(tab.sections(), columns=True)
        self.form.edited.connect(self._edited)
        self.extra = tab.extra_panel_widget()

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.header)
        layout.addWidget(self.form)
        if self.extra is not None:
            layout.addWidget(self.extra)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.show_none(0)

    @property
    def record(self) -> Tracked | None:
        """The record shown, read now if the form was filled from the table's row of it (None
        once the portfolio is closed)."""
        shown = self.shown_record
        if self._record is None and shown is not None and not self.tab.context.portfolio.closed:
            self._record = self.tab.context.portfolio.get(self.tab.model, shown.id)
            if self._record is not None:
                self.shown_record = self._record  # later reloads show the record itself
        return self._record

    def show_record(self, record: Tracked | None) -> None:
        if record is None:
            self.show_none(0)
            return
        self._record = record
        self._show(record)

    def show_row(self, row: Any) -> None:
        """Show the record of one of the table's rows from the row's columns (they are every
        column of the record), without reading the record again."""
        self._record = None
        self._show(row)

    def _show(self, record: Any) -> None:
        self.shown_record = record
        self.shown += 1
        self.tab.prepare_form(self.form, record.alliance_id)
        self.form.load(record)
        self.show_header()
        self.tab.load_extra(record)
        self.stack.setCurrentIndex(1)

    def show_none(self, selected: int) -> None:
        self.shown_record = self._record = None
        self.shown += 1
        singular, plural = self.tab.noun
        if selected > 1:
            text = (
                f"{selected} {plural} selected.\n\nSet status or Delete acts on all of them; "
                "Ctrl+Z undoes it in one step."
            )
        else:
            text = f"Select a row to see and edit the {singular} here.\n\n"
            if not self.read_only:
                keys = f" or {self.tab.new_keys}" if self.tab.new_keys else ""
                text += f"{self.tab.new_label}: Insert{keys}."
        self.hint.setText(text)
        self.stack.setCurrentIndex(0)
        self.tab.load_extra(None)

    def reload(self, names: tuple[str, ...] = ()) -> None:
        """Show stored values again (after undo, or an edit elsewhere)."""
        record = self.record
        if record is None:
            return
        self.shown += 1
        self.form.reload(record, names)
        self.show_header()
        self.tab.load_extra(record)

    def refresh_extra(self) -> None:
        if self.shown_record is not None:
            self.tab.load_extra(self.shown_record)

    def show_header(self) -> None:
        record = self.shown_record
        if record is None:
            return
        self.title.setText(
            f"<div style='font-size:15px; font-weight:600'>{html.escape(record.title)}</div>"
        )
        parts = []
        if self.tab.table.portfolio_wide or self.tab.alliance is None:
            alliance = next(
                (r.alliance_name for r in self.tab.table.model.rows if r.id == record.id), ""
            )
            if alliance:
                parts.append(f"<span style='color:{HINT_COLOUR}'>{html.escape(alliance)}</span>")
        line = self.tab.header_html(record)
        if line:
            parts.append(line)
        self.header.setText("<br>".join(parts))
        self.header.setVisible(bool(parts))

    def focus_form(self, *_args) -> None:
        editor = self.form.first_editor()
        if editor is not None and self.shown_record is not None:
            editor.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.form.set_read_only(read_only)  # the tab makes its extra widget read-only

    def _edited(self, entry) -> None:
        record = self.record
        if record is not None:
            self.tab.save_entry(record, entry)
