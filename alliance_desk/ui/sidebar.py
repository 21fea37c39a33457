"""The portfolio sidebar: alliances with partner, stage and a health dot, and the filters.

The list is a view over AllianceListModel (alliance_list.py) behind its filter proxy.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.changes import HEALTH_KINDS, Change
from alliance_desk.models.choices import STAGES
from alliance_desk.ui.alliance_list import (
    AllianceFilterProxy,
    AllianceListModel,
    AllianceRole,
    PaintRole,
)

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint (glance.py)
    from alliance_desk.models import Alliance
    from alliance_desk.portfolio import Portfolio


NO_HEALTH = QColor("#b8bec6")  # archived alliances, and before a portfolio is open
DOT_OUTLINE = QColor(0, 0, 0, 40)
# looked up once: Qt's flags are Python enums, slow to combine in a paint called per row
SELECTED = QStyle.StateFlag.State_Selected.value
HOVERED = QStyle.StateFlag.State_MouseOver.value
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ELIDE = Qt.TextElideMode.ElideRight


class AllianceDelegate(QStyledItemDelegate):
    """Two lines per alliance: the name, then partner · stage; a health dot on the left."""

    PAD = 10
    DOT = 10

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fonts: dict[tuple[str, bool], tuple[QFont, QFont]] = {}  # (font, archived) ->

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 2 * self.PAD + 2)

    def _fonts_for(self, font: QFont, archived: bool) -> tuple[QFont, QFont]:
        """The name's and the detail's fonts, made once per view font (a row is painted
        for every row shown, each time the list scrolls)."""
        key = (font.key(), archived)
        fonts = self._fonts.get(key)
        if fonts is None:
            name_font = QFont(font)
            name_font.setWeight(QFont.Weight.DemiBold)
            name_font.setItalic(archived)
            detail_font = QFont(font)
            detail_font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            fonts = self._fonts[key] = (name_font, detail_font)
        return fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 2, -4, -2)
        state = option.state.value
        selected = bool(state & SELECTED)
        hovered = bool(state & HOVERED)
        palette = option.palette
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        elif hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(rect, 6, 6)

        name, partner, stage, archived, dot = index.data(PaintRole) or ("", "", "", False, None)
        dot = dot or NO_HEALTH
        dot_x = rect.left() + self.PAD
        line_height = option.fontMetrics.height()
        dot_y = rect.top() + self.PAD + (line_height - self.DOT) // 2
        painter.setPen(DOT_OUTLINE)
        painter.setBrush(dot)
        painter.drawEllipse(QRect(dot_x, dot_y, self.DOT, self.DOT))

        text_left = dot_x + self.DOT + self.PAD
        text_width = rect.right() - text_left - self.PAD
        if selected:
            main = palette.color(QPalette.ColorRole.HighlightedText)
            muted = QColor(main)
            muted.setAlpha(200)
        else:
            main = palette.color(QPalette.ColorRole.Text)
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if archived and not selected:
            main = muted

        name_font, detail_font = self._fonts_for(option.font, archived)
        painter.setFont(name_font)
        painter.setPen(main)
        name_rect = QRect(text_left, rect.top() + self.PAD, text_width, line_height)
        name = painter.fontMetrics().elidedText(name or "(unnamed)", ELIDE, text_width)
        painter.drawText(name_rect, LEFT, name)

        painter.setFont(detail_font)
        painter.setPen(muted)
        bits = [partner, stage]
        if archived:
            bits.append("Archived")
        detail = " · ".join(b for b in bits if b)
        detail_rect = QRect(text_left, name_rect.bottom() + 2, text_width, line_height)
        detail = painter.fontMetrics().elidedText(detail, ELIDE, text_width)
        painter.drawText(detail_rect, LEFT, detail)
        painter.restore()


class Sidebar(QWidget):
    """The alliance list with its filters; emits `alliance_selected` for a new current row."""

    alliance_selected = Signal(object)  # Alliance
    alliance_activated = Signal(object)  # Alliance (double-click or Enter)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.model = AllianceListModel(self)
        self.proxy = AllianceFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name or partner")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.installEventFilter(self)

        self.stage_combo = QComboBox()
        self.stage_combo.addItem("All stages", "")
        for key, label in STAGES.items():
            self.stage_combo.addItem(label, key)
        self.stage_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_stage(self.stage_combo.currentData() or "")
        )

        self.view = QListView()
        self.view.setObjectName("AllianceList")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(AllianceDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)

        self.count_label = QLabel()
        self.count_label.setObjectName("SidebarCount")
        self.show_archived_box = QCheckBox("Show archived")
        self.show_archived_box.toggled.connect(self.set_show_archived)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 8)
        layout.setSpacing(8)
        heading = QLabel("Alliances")
        heading.setObjectName("SidebarHeading")
        layout.addWidget(heading)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.stage_combo)
        layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.show_archived_box)
        layout.addLayout(footer)
        self._update_count()

    # --- content -------------------------------------------------------------------------

    def set_portfolio(self, portfolio: "Portfolio | None") -> None:
        self.model.set_portfolio(portfolio)
        self._update_count()

    def apply(self, change: Change) -> None:
        if change.kind == "alliances" or change.op == "reloaded":
            self.model.apply(change)
            self._update_count()
        if change.kind in HEALTH_KINDS or change.op == "reloaded":
            self.view.viewport().update()  # the health dots follow the edit

    def set_context_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            self.view.addAction(action)

    def set_show_archived(self, show: bool) -> None:
        if self.show_archived_box.isChecked() != show:
            self.show_archived_box.setChecked(show)  # re-enters through toggled
            return
        self.proxy.set_show_archived(show)
        self._update_count()

    # --- selection -----------------------------------------------------------------------

    def current_alliance(self) -> "Alliance | None":
        index = self.view.currentIndex()
        return index.data(AllianceRole) if index.isValid() else None

    def visible_alliances(self) -> "list[Alliance]":
        return [self.proxy.index(row, 0).data(AllianceRole) for row in range(self.proxy.rowCount())]

    def select_alliance(self, alliance_id: str) -> bool:
        """Make the alliance current, clearing filters that hide it; False if it is not there."""
        row = self.model.row_of(alliance_id)
        if row < 0:
            return False
        source = self.model.index(row)
        alliance = source.data(AllianceRole)
        if not self.proxy.accepts(alliance):
            self.filter_edit.clear()
            self.stage_combo.setCurrentIndex(0)
            if alliance.archived_at is not None:
                self.set_show_archived(True)
        index = self.proxy.mapFromSource(source)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def select_first(self) -> bool:
        if self.proxy.rowCount() == 0:
            return False
        self.view.setCurrentIndex(self.proxy.index(0, 0))
        return True

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # A row hidden by the filter makes the index invalid: keep showing what was shown.
        if current.isValid():
            self.alliance_selected.emit(current.data(AllianceRole))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.alliance_activated.emit(index.data(AllianceRole))

    def _update_count(self, *args) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        noun = "alliance" if total == 1 else "alliances"
        if shown == total:
            self.count_label.setText(f"{total} {noun}")
        else:
            self.count_label.setText(f"{shown} of {total} {noun}")

    def eventFilter(self, watched, event) -> bool:
        """Down or Enter in the filter box moves into the list (keyboard-only filtering)."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.proxy.rowCount():
                    current = self.view.currentIndex()
                    if not current.isValid() or event.key() != Qt.Key.Key_Down:
                        current = self.proxy.index(0, 0)
                    self.view.setCurrentIndex(current)
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return super().eventFilter(watched, event)
