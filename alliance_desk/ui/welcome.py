"""The welcome screen shown while no portfolio is open: new, open, demo, and recent files."""

from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.cli import DEMO_PASSPHRASE

PathRole = Qt.ItemDataRole.UserRole + 1
MissingRole = Qt.ItemDataRole.UserRole + 2


class ActionCard(QPushButton):
    """A large button with a title and one line saying what it does."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ActionCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(200, 84)
        self.setAccessibleName(title)
        title_label = QLabel(title)
        title_label.setObjectName("CardTitle")
        detail_label = QLabel(detail)
        detail_label.setObjectName("CardDetail")
        detail_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        for label in (title_label, detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)
        self.title = title


class RecentDelegate(QStyledItemDelegate):
    """File name on the left, its folder in grey; a missing file is greyed out entirely."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(300, option.fontMetrics.height() + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect = option.rect.adjusted(2, 1, -2, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or option.state & QStyle.StateFlag.State_MouseOver:
            colour = palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.AlternateBase
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 5, 5)
        path = Path(index.data(PathRole))
        missing = bool(index.data(MissingRole))
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(main) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        if selected:
            muted.setAlpha(190)
        name = path.stem + ("  (missing)" if missing else "")
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(muted if missing else main)
        inner = rect.adjusted(12, 0, -12, 0)
        name_width = min(painter.fontMetrics().horizontalAdvance(name) + 4, inner.width() // 2)
        name = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, name_width)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(inner.left(), inner.top(), name_width, inner.height()), align, name)
        painter.setFont(option.font)
        painter.setPen(muted)
        folder_left = inner.left() + name_width + 16
        folder_rect = QRect(folder_left, inner.top(), inner.right() - folder_left, inner.height())
        folder = painter.fontMetrics().elidedText(
            str(path.parent), Qt.TextElideMode.ElideMiddle, folder_rect.width()
        )
        painter.drawText(folder_rect, align, folder)
        painter.restore()


class WelcomePage(QWidget):
    """What the window shows with no portfolio open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)
    recent_removed = Signal(Path)

    def __init__(self, icon: QIcon | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("WelcomePage")

        logo = QLabel()
        if icon is not None and not icon.isNull():
            logo.setPixmap(icon.pixmap(56, 56))
        title = QLabel("Alliance Desk")
        title.setObjectName("WelcomeTitle")
        tagline = QLabel(
            "Every partnership in one encrypted file: stakeholders, actions, risks, "
            "decisions and health — ready for the next steering committee."
        )
        tagline.setObjectName("WelcomeTagline")
        tagline.setWordWrap(True)

        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(title)
        words.addWidget(tagline)
        words.addStretch(1)
        heading.addLayout(words, 1)

        self.new_card = ActionCard("New portfolio…", "Start an empty, encrypted portfolio file.")
        self.open_card = ActionCard("Open portfolio…", "Open a .alliance file from disk.")
        self.demo_card = ActionCard(
            "Open the demo portfolio",
            f"Explore realistic sample alliances. Passphrase: {DEMO_PASSPHRASE}",
        )
        self.new_card.clicked.connect(self.new_requested)
        self.open_card.clicked.connect(self.open_requested)
        self.demo_card.clicked.connect(self.demo_requested)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for card in (self.new_card, self.open_card, self.demo_card):
            cards.addWidget(card, 1)

        recent_heading = QLabel("Recent portfolios")
        recent_heading.setObjectName("SectionHeading")
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("RecentList")
        self.recent_list.setItemDelegate(RecentDelegate(self.recent_list))
        self.recent_list.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_list.setMouseTracking(True)
        self.recent_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        remove = QAction("Remove from this list", self.recent_list)
        remove.triggered.connect(self._remove_current)
        self.recent_list.addAction(remove)
        self.no_recent = QLabel("No recent portfolios yet. Create one, or open the demo.")
        self.no_recent.setObjectName("Hint")

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addLayout(heading)
        column.addSpacing(12)
        column.addLayout(cards)
        column.addSpacing(18)
        column.addWidget(recent_heading)
        column.addWidget(self.recent_list)
        column.addWidget(self.no_recent)
        column.addStretch(1)

        panel = QWidget()
        panel.setObjectName("WelcomePanel")
        panel.setMaximumWidth(780)
        panel.setLayout(column)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 48, 40, 32)
        outer.addStretch(1)
        outer.addWidget(panel, 4)
        outer.addStretch(1)

    def set_recent(self, files: list[Path]) -> None:
        self.recent_list.clear()
        for path in files:
            item = QListWidgetItem(path.stem)
            item.setData(PathRole, str(path))
            missing = not path.exists()
            item.setData(MissingRole, missing)
            item.setToolTip(f"{path}  (missing)" if missing else str(path))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(files))
        self.no_recent.setVisible(not files)
        rows = max(1, len(files))
        row_height = self.recent_list.sizeHintForRow(0) if files else 0
        self.recent_list.setFixedHeight(rows * row_height + 2 * self.recent_list.frameWidth() + 10)

    def recent_paths(self) -> list[Path]:
        return [
            Path(self.recent_list.item(row).data(PathRole))
            for row in range(self.recent_list.count())
        ]

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(PathRole)))

    def _remove_current(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self.recent_removed.emit(Path(item.data(PathRole)))
