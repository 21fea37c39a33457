"""The top of the Lifecycle tab: the current stage with "Move to stage…", progress per
checklist, and the stage history. The counts come from Portfolio/insights; this lays them out."""

import html
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.insights.lifecycle import ChecklistGroup, Progress
from alliance_desk.models import Alliance, choices
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, format_date
from alliance_desk.ui.record_tab import (
    RecordTable,
    TableSpec,
    choice_column,
    date_column,
    text_column,
)
from alliance_desk.ui.tracking.reads import selection_reads

DONE_COLOUR = "#2e7d32"
BAR_STYLE = (
    "QProgressBar { border: 1px solid #cfd4dc; border-radius: 3px; background: #f3f4f6;"
    " max-height: 10px; }"
    " QProgressBar::chunk { background: %s; border-radius: 2px; }"
)

STAGE_HISTORY = TableSpec(
    title="Stage history",
    noun=("stage change", "stage changes"),
    loader=lambda portfolio, alliance: portfolio.stage_history(alliance),
    kinds=frozenset({"stage_changes"}),
    wide_column=2,
    sort_column=0,
    sort_order=Qt.SortOrder.DescendingOrder,  # the latest move on top
    columns=[
        date_column("Date", lambda row: row.changed_on),
        choice_column("Stage", lambda row: row.stage, choices.STAGES),
        text_column("Note", lambda row: row.note),
    ],
)


class HistoryTable(RecordTable):
    """The stage history: a handful of rows, so no filter box."""

    def _show_state(self) -> None:
        super()._show_state()
        self.filter.hide()


def progress_bar(progress: Progress | None) -> QProgressBar:
    """A checklist's progress bar (filled later with fill_bar when `progress` is None)."""
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setFixedWidth(150)
    if progress is not None:
        fill_bar(bar, progress)
    return bar


def fill_bar(bar: QProgressBar, progress: Progress) -> None:
    bar.setRange(0, max(progress.total, 1))
    bar.setValue(progress.finished)
    colour = DONE_COLOUR if progress.total and progress.finished == progress.total else "#4f7cc4"
    style = BAR_STYLE % colour
    if bar.styleSheet() != style:  # a new style sheet polishes the bar again
        bar.setStyleSheet(style)
    bar.setToolTip(progress.text())


class LifecycleHeader(QWidget):
    """Stage line and buttons above; progress bars (left) beside the stage history (right)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.alliance: Alliance | None = None
        self.progress_texts: list[str] = []
        self._progress_rows: list[tuple[QLabel, QProgressBar, QLabel]] = []
        self._no_checklist: QLabel | None = None

        self.stage_label = QLabel()
        self.stage_label.setTextFormat(Qt.TextFormat.RichText)
        self.move_button = QPushButton("Move to stage…")
        self.move_button.setToolTip("Record a move to another lifecycle stage (Ctrl+Z undoes it)")
        self.checklist_button = QPushButton("Add checklist…")
        self.checklist_button.setToolTip(
            "Give the alliance another checklist: collaborative culture, growth readiness, "
            "renewal or exit review"
        )
        self.stage_checklist_button = QPushButton()
        self.stage_checklist_button.hide()
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.stage_label, 1)
        top.addWidget(self.stage_checklist_button)
        top.addWidget(self.checklist_button)
        top.addWidget(self.move_button)

        self.progress_box = QFrame()
        self.progress_box.setObjectName("ProgressBox")
        self.progress_box.setMinimumWidth(400)  # the history beside it does not jump
        self.progress_grid = QGridLayout(self.progress_box)
        self.progress_grid.setContentsMargins(0, 0, 0, 0)
        self.progress_grid.setHorizontalSpacing(10)
        self.progress_grid.setVerticalSpacing(4)
        progress_column = QVBoxLayout()
        progress_title = QLabel("<span style='font-size:15px; font-weight:600'>Progress</span>")
        progress_column.addWidget(progress_title)
        progress_column.addWidget(self.progress_box)
        progress_column.addStretch(1)

        self.reads = reads = selection_reads(context)  # the Overview shows the same history
        spec = replace(
            STAGE_HISTORY, loader=lambda _portfolio, alliance: reads.stage_history(alliance)
        )
        self.history = HistoryTable(spec, context)
        self.history.setMaximumHeight(150)
        self.history.view.setMinimumWidth(360)

        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addLayout(progress_column, 0)
        bottom.addWidget(self.history, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.alliance = alliance
        self.history.set_alliance(alliance)
        self.refresh()

    def refresh(self) -> None:
        portfolio = self.context.portfolio
        alliance = self.alliance
        if alliance is not None and not portfolio.closed:
            alliance = portfolio.get(type(alliance), alliance.id)
        if alliance is None or portfolio.closed:
            self.stage_label.setText("")
            self._show_progress([])
            self.stage_checklist_button.hide()
            return
        self.alliance = alliance
        history = self.history.model.rows  # stage_history, read by set_alliance just now
        since = history[-1].changed_on if history else None
        stage = choices.STAGES.get(alliance.stage, alliance.stage)
        when = f" since {format_date(since)}" if since else ""
        self.stage_label.setText(
            f"<span style='font-size:15px'>{html.escape(alliance.name)} is in "
            f"<b>{html.escape(stage)}</b></span>"
            f"<span style='color:{HINT_COLOUR}'>{when}</span>"
        )
        inputs = self.reads.checklist_inputs(alliance.id)  # the table's too
        groups, missing = portfolio.checklist_overview(alliance, inputs)
        self._show_progress(groups)
        if missing is not None:
            self.stage_checklist_button.setText(f"Add the {stage} checklist")
            self.stage_checklist_button.show()
        else:
            self.stage_checklist_button.hide()

    def _show_progress(self, groups: list[ChecklistGroup]) -> None:
        """One row per checklist; rows are kept and filled again for the next alliance (making
        them anew costs more), the ones not needed hidden."""
        self.progress_texts = []
        if self._no_checklist is None:
            self._no_checklist = QLabel("No checklist yet.")
            self._no_checklist.setStyleSheet(f"color: {HINT_COLOUR};")
            self.progress_grid.addWidget(self._no_checklist, 0, 0)
        self._no_checklist.setVisible(not groups)
        while len(self._progress_rows) < len(groups):
            row = len(self._progress_rows)
            label, bar, note = QLabel(), progress_bar(None), QLabel()
            note.setStyleSheet(f"color: {HINT_COLOUR};")
            for column, widget in enumerate((label, bar, note)):
                self.progress_grid.addWidget(widget, row, column)
            self._progress_rows.append((label, bar, note))
        for (label, bar, note), group in zip(self._progress_rows, groups, strict=False):
            progress = group.progress
            self.progress_texts.append(progress.text())
            label.setText(html.escape(progress.title))
            label.setToolTip(group.title)
            fill_bar(bar, progress)
            words = "done" if not progress.not_applicable else "done or n/a"
            counts = f"{progress.finished} of {progress.total} {words}"
            note.setText(counts + (f" · {progress.retired} retired" if progress.retired else ""))
            for widget in (label, bar, note):
                if widget.isHidden():
                    widget.show()
        for widgets in self._progress_rows[len(groups) :]:
            for widget in widgets:
                widget.hide()

    def set_read_only(self, read_only: bool) -> None:
        for button in (self.move_button, self.checklist_button, self.stage_checklist_button):
            button.setEnabled(not read_only)
