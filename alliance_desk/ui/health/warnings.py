"""Early warnings as a short list: what moved, when, and the review it calls for.

A change of light proposes a review action due in 14 days; one click creates it (an undoable
edit), and from then on the row shows that action instead of the button, so one transition
never gets two reviews.
"""

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

from alliance_desk.insights.health import EarlyWarning
from alliance_desk.models import ActionItem, Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import HINT_COLOUR, format_date
from alliance_desk.ui.health.lights import TEXT_COLOUR, dot_html
from alliance_desk.ui.undo import EditFailed, PortfolioCommand, perform

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
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        inner = QWidget()
        inner.setStyleSheet(ROW_STYLE)  # once for every row, not a style sheet per row
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(3)
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
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.warnings = list(warnings)
        self.buttons = {}
        portfolio = self.context.portfolio
        names = {}
        if self.show_alliance and self.warnings and not portfolio.closed:
            names = {a.id: a.name for a in portfolio.alliances()}
        for warning in self.warnings[:MAX_SHOWN]:
            self._layout.addWidget(self._row(warning, names.get(warning.alliance_id, "")))
        if len(self.warnings) > MAX_SHOWN:
            more = QLabel(f"… and {len(self.warnings) - MAX_SHOWN} more")
            more.setStyleSheet(f"color: {HINT_COLOUR};")
            self._layout.addWidget(more)
        self._layout.addStretch(1)
        count = len(self.warnings)
        self.heading.setText(
            f"<b>Early warnings</b>&nbsp;&nbsp;<span style='color:{HINT_COLOUR}'>{count} · "
            "a change of light calls for a review within two weeks</span>"
        )
        shown = min(count, self.visible_rows)
        self.scroll.setFixedHeight(int(shown * ROW_HEIGHT) + 2)
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

    def _row(self, warning: EarlyWarning, alliance_name: str) -> QWidget:
        row = QFrame()
        row.setMinimumHeight(ROW_HEIGHT - 3)
        row.setObjectName("warning_row")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(10, 4, 6, 4)
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
        text = QLabel(
            f"{dot_html(warning.severity)}&nbsp; {prefix}"
            f"<span style='color:{TEXT_COLOUR[warning.severity]}'>"
            f"{_escape(warning.text)}</span>{when}"
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.linkActivated.connect(self._link)
        layout.addWidget(text, 1)
        if warning.proposes_review:
            existing = self.context.portfolio.review_action(warning)
            if existing is not None:
                done = (
                    "done" if existing.status == "done" else f"due {format_date(existing.due_date)}"
                )
                note = QLabel(f"Review action {done}")
                note.setStyleSheet(f"color: {HINT_COLOUR};")
                layout.addWidget(note)
            else:
                button = QPushButton("Create review action")
                button.setToolTip("An action to review this change, due in 14 days")
                button.setEnabled(not self.read_only)
                button.clicked.connect(lambda _=False, w=warning: self.create_review(w))
                self.buttons[warning.key] = button
                layout.addWidget(button)
        return row

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
            alliance = self.context.portfolio.get(Alliance, href.split(":", 1)[1])
            if alliance is not None:
                self.alliance_activated.emit(alliance)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
