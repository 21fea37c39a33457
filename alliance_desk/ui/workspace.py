"""The workspace of an open portfolio: read-only banner, sidebar and the tabs.

Tabs are built the first time they are shown (or asked for), and only the tab on screen
follows a change of alliance at once; the others catch up when they are next shown or asked
for. Opening a big portfolio therefore fills one tab, not eleven.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from alliance_desk.ui.context import UiContext
from alliance_desk.ui.sidebar import Sidebar
from alliance_desk.ui.tracking.reads import new_selection, selection_reads
from alliance_desk.ui.workspace_tabs import PORTFOLIO_TABS, WORKSPACE_TABS, make_tab

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance


TAB_TITLES = [*PORTFOLIO_TABS, *WORKSPACE_TABS]


def find_tab_title(name: str) -> str | None:
    """The tab title matching `name` case-insensitively, or None."""
    wanted = name.strip().casefold()
    return next((title for title in TAB_TITLES if title.casefold() == wanted), None)


class Workspace(QWidget):
    """Sidebar on the left, one tab per concern on the right, a banner above when read-only."""

    tab_changed = Signal(str)
    alliance_activated = Signal(object)  # an Alliance picked in a portfolio tab

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Workspace")
        self.context: UiContext | None = None
        self.alliance: Alliance | None = None
        self._tabs: dict[str, QWidget] = {}  # the tabs built so far, by title
        self._holders: dict[str, QWidget] = {}  # what the tab bar shows, by title
        self._stale: set[str] = set()  # built tabs still showing an earlier alliance
        self._read_only = False
        self._glance = False  # showing a start's Glance, not a portfolio

        self.banner = QLabel()
        self.banner.setObjectName("ReadOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.sidebar = Sidebar()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("WorkspaceTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.currentChanged.connect(self._tab_switched)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("WorkspaceSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 1000])
        self.sidebar.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

    # --- building and tearing down -------------------------------------------------------

    def load(self, context: UiContext, glance: bool = False) -> None:
        """Make room for the tabs of an open portfolio and fill the sidebar. With `glance`, the
        context holds a start's Glance (glance.py): only the Dashboard is built from it."""
        self.clear()
        self.context = context
        self._glance = glance
        selection_reads(context)  # first to hear of changes: the tabs then read afresh
        self.tabs.blockSignals(True)
        for title in TAB_TITLES:
            holder = QWidget()
            holder.setObjectName(f"tab_{title}")
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders[title] = holder
            self.tabs.addTab(holder, title)
        self.tabs.blockSignals(False)
        self.sidebar.set_portfolio(context.portfolio)
        self.set_read_only(context.portfolio.read_only, context.portfolio.read_only_reason)

    def clear(self) -> None:
        self.alliance = None
        self.context = None
        self._glance = False
        self.sidebar.set_portfolio(None)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            for timer in widget.findChildren(QTimer):  # no late refresh of a closed portfolio
                timer.stop()
            widget.blockSignals(True)
            widget.setParent(None)
            widget.deleteLater()
        self.tabs.blockSignals(False)
        self._tabs.clear()
        self._holders.clear()
        self._stale.clear()
        self.banner.hide()

    # --- what is shown -------------------------------------------------------------------

    def tab(self, title: str) -> QWidget | None:
        """The tab titled `title`, built now if it was not yet, showing the current alliance."""
        if title not in self._holders or self.context is None:
            return None
        if self._glance and title not in PORTFOLIO_TABS:
            self._say_opening(title)  # the alliance's tabs wait for the portfolio
            return None
        with self.context.portfolio.reading():  # the tab's reads share one transaction
            if title not in self._tabs:
                self._build(title)
            elif title in self._stale:
                self._stale.discard(title)
                self._tabs[title].set_alliance(self.alliance)
        return self._tabs[title]

    def _say_opening(self, title: str) -> None:
        """A line in the tab's place while a start's glance shows (glance.py)."""
        layout = self._holders[title].layout()
        if layout.count() == 0:
            note = QLabel("Opening the portfolio…")
            note.setObjectName("OpeningNote")
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setEnabled(False)  # greyed: a moment's note, not content
            layout.addWidget(note)

    def built_tabs(self) -> list[str]:
        return list(self._tabs)

    def _build(self, title: str) -> None:
        holder = self._holders[title]
        widget = make_tab(title, self.context, holder)
        holder.layout().addWidget(widget)
        self._tabs[title] = widget
        activated = getattr(widget, "alliance_activated", None)
        if activated is not None:
            activated.connect(self.alliance_activated)
        widget.set_read_only(self._read_only)
        widget.set_alliance(self.alliance)

    def set_alliance(self, alliance: "Alliance | None") -> None:
        """Show `alliance` in the tab on screen now; the others when they are next needed."""
        self.alliance = alliance
        if self.context is not None:
            new_selection(self.context)  # read afresh, even for the same alliance again
        current = self.current_tab_title()
        self._stale.update(self._tabs)  # each built tab catches up when next needed
        if current:
            self.tab(current)

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        self._read_only = read_only
        for widget in self._tabs.values():
            widget.set_read_only(read_only)
        if read_only:
            self.banner.setText(
                f"<b>Read-only:</b> {reason or 'opened read-only'}. Changes are disabled."
            )
        # a glance is read-only for a moment only: no banner that would go when the portfolio
        # comes (and move the tabs up under the pointer)
        self.banner.setVisible(read_only and not self._glance)

    def current_tab_title(self) -> str:
        index = self.tabs.currentIndex()
        return self.tabs.tabText(index) if index >= 0 else ""

    def select_tab(self, name: str) -> bool:
        title = find_tab_title(name)
        if title is None or title not in self._holders:
            return False
        self.tabs.setCurrentWidget(self._holders[title])
        self.tab(title)  # built and up to date even when it was already the current one
        return True

    def on_dashboard(self) -> bool:
        return self.current_tab_title() in PORTFOLIO_TABS

    def _tab_switched(self, index: int) -> None:
        title = self.current_tab_title()
        if title:
            self.tab(title)
        self.tab_changed.emit(title)
