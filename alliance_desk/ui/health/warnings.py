"""Early warnings as a short list: what moved, when, and the review it calls for.

A change of light proposes a review action due in 14 days; one click creates it (an undoable
edit), and from then on the row shows that action instead of the button, so one transition
never gets two reviews.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import models
from alliance_desk.insights.health import EarlyWarning
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, format_date
from alliance_desk.ui.health.lights import TEXT_COLOUR, dot_html
from alliance_desk.ui.undo import EditFailed, PortfolioCommand, perform

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import ActionItem
    from alliance_desk.portfolio import Portfolio


MAX_SHOWN = 40
ROW_HEIGHT = 36  # one warning row, for sizing the visible part of the list
ROW_STYLE = (
    "QFrame#warning_row { background: #fbfbfc; border: 1px solid #e5e7eb; border-radius: 6px; }"
)


class CreateReviewActionCommand(PortfolioCommand):
    """The review action of a warning; undo deletes it, redo brings the same one back."""

    def __init__(self, portfolio: Portfolio, warning: EarlyWarning):
        super().__init__("Create review action")
        self.portfolio = portfolio
        self.warning = warning
        self.action: ActionItem | None = None

    def apply(self) -> None:
        if self.action is None:
            self.action = self.portfolio.create_review_action(self.warning)
        else:
            self.portfolio.restore(self.action)

    def revert(self) -> None:
        self.portfolio.delete(self.action)


class WarningRow(QFrame):
    """One warning: its text, then the review action it led to or the button that creates it.
    Rows are kept and filled again for the next warnings (making them anew costs more)."""

    def __init__(self, owner: WarningList):
        super().__init__()
        self.warning: EarlyWarning | None = None
        self.setMinimumHeight(ROW_HEIGHT - 3)
        self.setObjectName("warning_row")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.linkActivated.connect(owner._link)
        layout.addWidget(self.text, 1)
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {HINT_COLOUR};")
        layout.addWidget(self.note)
        self.button = QPushButton("Create review action")
        self.button.setToolTip("An action to review this change, due in 14 days")
        self.button.clicked.connect(lambda _=False: owner.create_review(self.warning))
        layout.addWidget(self.button)


class WarningList(QWidget):
    """Warnings, one row each; `show_alliance` prefixes each with its alliance (portfolio view)."""

    alliance_activated = Signal(object)  # an Alliance, when its name is clicked
    failed = Signal(str)

    def __init__(
        self,
        context: UiContext,
        show_alliance: bool = False,
        visible_rows: float = 3.5,
        parent=None,
    ):
        super().__init__(parent)
        self.context = context
        self.show_alliance = show_alliance
        self.visible_rows = visible_rows
        self.read_only = False
        self.warnings: list[EarlyWarning] = []
        self.buttons: dict[str, QPushButton] = {}
        self._rows: list[WarningRow] = []  # the first len(warnings) are shown, the rest hidden
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        inner = QWidget()
        inner.setStyleSheet(ROW_STYLE)  # once for every row, not a style sheet per row
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(3)
        self._more = QLabel()
        self._more.setStyleSheet(f"color: {HINT_COLOUR};")
        self._more.hide()
        self._layout.addWidget(self._more)
        self._layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self.heading)
        outer.addWidget(self.scroll)

    def set_warnings(self, warnings: list[EarlyWarning]) -> None:
        self.warnings = list(warnings)
        self.buttons = {}
        portfolio = self.context.portfolio
        names = {}
        if self.show_alliance and self.warnings and not portfolio.closed:
            names = {a.id: a.name for a in portfolio.alliances()}
        reviews: dict[str, dict] = {}  # alliance id -> its review actions, read once
        shown = self.warnings[:MAX_SHOWN]
        while len(self._rows) < len(shown):
            row = WarningRow(self)
            self._layout.insertWidget(len(self._rows), row)
            self._rows.append(row)
        for row, warning in zip(self._rows, shown, strict=False):
            self._fill(row, warning, names.get(warning.alliance_id, ""), reviews)
            if row.isHidden():
                row.show()
        for row in self._rows[len(shown) :]:
            row.warning = None
            row.hide()
        hidden = len(self.warnings) - MAX_SHOWN
        self._more.setText(f"… and {hidden} more" if hidden > 0 else "")
        self._more.setVisible(hidden > 0)
        count = len(self.warnings)
        self.heading.setText(
            f"<b>Early warnings</b>&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{count} · "
            "a change of light calls for a review within two weeks</span>"
        )
        visible = min(count, self.visible_rows)
        self.scroll.setFixedHeight(int(visible * ROW_HEIGHT) + 2)
        self.setVisible(bool(self.warnings))

    def set_pending(self, text: str) -> None:
        """No warnings to show yet: the heading says they are being worked out."""
        self.set_warnings([])
        self.heading.setText(
            f"<b>Early warnings</b>&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{text}</span>"
        )
        self.scroll.setFixedHeight(0)
        self.setVisible(True)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.buttons.values():
            button.setEnabled(not read_only)

    def _fill(
        self,
        row: WarningRow,
        warning: EarlyWarning,
        alliance_name: str,
        reviews: dict[str, dict],
    ) -> None:
        row.warning = warning
        prefix = ""
        if alliance_name:
            prefix = (
                f"<a href='alliance:{warning.alliance_id}'><b>{_escape(alliance_name)}</b></a> — "
            )
        when = (
            f" <span style='color:{HINT_COLOUR}'>· {format_date(warning.on)}</span>"
            if warning.on
            else ""
        )
        row.text.setText(
            f"{dot_html(warning.severity)}&nbsp; {prefix}"
            f"<span style='color:{TEXT_COLOUR[warning.severity]}'>"
            f"{_escape(warning.text)}</span>{when}"
        )
        existing = None
        if warning.proposes_review:
            if warning.alliance_id not in reviews:
                reviews[warning.alliance_id] = self.context.portfolio.review_actions(
                    warning.alliance_id
                )
            existing = reviews[warning.alliance_id].get((warning.benchmark_id, warning.round_id))
        if existing is not None:
            done = "done" if existing.status == "done" else f"due {format_date(existing.due_date)}"
            row.note.setText(f"Review action {done}")
        else:
            row.note.setText("")
        row.note.setVisible(existing is not None)
        offers = warning.proposes_review and existing is None
        if offers:
            row.button.setEnabled(not self.read_only)
            self.buttons[warning.key] = row.button
        row.button.setVisible(offers)

    def create_review(self, warning: EarlyWarning) -> ActionItem | None:
        command = CreateReviewActionCommand(self.context.portfolio, warning)
        try:
            perform(self.context.undo_stack, command)
        except EditFailed as error:
            self.failed.emit(str(error))
            return None
        return command.action

    def _link(self, href: str) -> None:
        if href.startswith("alliance:"):
            alliance = self.context.portfolio.get(models.Alliance, href.split(":", 1)[1])
            if alliance is not None:
                self.alliance_activated.emit(alliance)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
