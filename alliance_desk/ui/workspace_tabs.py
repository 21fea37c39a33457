"""The workspace tabs of DESIGN.md §6, built by one factory so the main window stays small.

(Placeholder implementations; the real tabs replace them.)
"""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from alliance_desk.models import Alliance
from alliance_desk.ui.context import UiContext

WORKSPACE_TABS = [
    "Overview",
    "Stakeholders",
    "Actions",
    "Milestones",
    "Risks",
    "Decisions",
    "Meetings",
    "Payments",
    "Health",
    "Lifecycle",
]
PORTFOLIO_TABS = ["Dashboard"]


class _Placeholder(QWidget):
    def __init__(self, title: str, context: UiContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.label = QLabel(title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def set_alliance(self, alliance: Alliance | None) -> None:
        self.label.setText(alliance.name if alliance else "No alliance selected")

    def set_read_only(self, read_only: bool) -> None:
        pass


def make_tab(title: str, context: UiContext, parent: QWidget | None = None) -> QWidget:
    """The widget for one tab title (from WORKSPACE_TABS or PORTFOLIO_TABS)."""
    return _Placeholder(title, context, parent)
