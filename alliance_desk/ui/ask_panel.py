"""The answer under the Ask box: a non-modal panel with the items that matter most (click one to
open it), the ranking rule, and for a chart answer the chart with a way into the chart builder.
The answering itself is insights/ask.py."""

from html import escape

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.charts.builder import draw
from alliance_desk.charts.render import ChartView
from alliance_desk.insights import ask, cuts
from alliance_desk.insights.ask import Answer, AnswerItem

PANEL_WIDTH = 640
REASON_COLOUR = "#546e7a"
ITEM_ROLE = Qt.ItemDataRole.UserRole


class AskPanel(QFrame):
    """Shown under the Ask box; Escape or Close hides it; it never blocks the window."""

    def __init__(self, window: QWidget):
        super().__init__(window, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("AskPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#AskPanel { background: palette(base); border: 1px solid palette(mid); }"
        )
        self.main_window = window
        self.answer: Answer | None = None
        stack = getattr(window, "stack", None)
        if stack is not None:  # a portfolio closed or another opened: the answer is stale
            stack.currentChanged.connect(lambda _index: self.hide())
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.items = QListWidget()
        self.items.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid palette(midlight); }"
        )
        self.items.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.items.setToolTip("Click an item to open it")
        self.items.itemClicked.connect(self._open_item)
        self.items.itemActivated.connect(self._open_item)
        self.chart = ChartView()
        self.chart.setMinimumHeight(250)
        self.details = QLabel()
        self.details.setObjectName("Hint")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.builder_button = QPushButton("Open in the chart builder")
        self.builder_button.clicked.connect(self.open_in_builder)
        close = QPushButton("Close")
        close.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.builder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)

    def show_answer(self, answer: Answer, anchor: QWidget | None = None) -> None:
        self.answer = answer
        self.heading.setText(answer.heading)
        self.lead.setText("\n".join(answer.lead))
        self.lead.setVisible(bool(answer.lead))
        self.items.clear()
        for number, item in enumerate(answer.items, 1):
            self._add_item(number, item, show_alliance=not answer.one_alliance)
        self.items.setVisible(bool(answer.items))
        self.items.setCurrentRow(-1)
        rows = sum(self.items.sizeHintForRow(i) for i in range(self.items.count()))
        self.items.setFixedHeight(rows + 2 * self.items.frameWidth() + 2)
        result = None
        if answer.chart is not None and not self.main_window.portfolio.closed:
            try:
                result = cuts.evaluate(self.main_window.portfolio, answer.chart)
            except cuts.SpecError:
                result = None
        if result is not None:
            self.chart.rebuild(lambda plot: draw(plot, result))
        self.chart.setVisible(result is not None)
        self.builder_button.setVisible(result is not None)
        details = []
        if answer.rule:
            details.append(f"Ranked by: {answer.rule}.")
        details.extend(line.strip() for line in answer.notes)
        if result is not None:
            details.append(result.counted)
        self.details.setText("\n".join(details))
        self.details.setVisible(bool(details))
        self.resize(PANEL_WIDTH, self.sizeHint().height())
        if anchor is not None:
            place = anchor.mapToGlobal(QPoint(anchor.width() - PANEL_WIDTH, anchor.height() + 4))
            self.move(max(place.x(), 0), place.y())
        self.show()
        self.raise_()

    def _add_item(self, number: int, item: AnswerItem, show_alliance: bool) -> None:
        where = f" — {escape(item.alliance_name)}" if show_alliance and item.alliance_name else ""
        label = QLabel(
            f"<b>{number}. {escape(item.title)}</b>{where}<br>"
            f"<span style='color:{REASON_COLOUR}'>{escape(item.reason)}</span>"
        )
        label.setWordWrap(True)
        label.setContentsMargins(8, 6, 8, 6)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QListWidgetItem()
        row.setData(ITEM_ROLE, item)
        row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{number}. {item.title}. {item.reason}")
        row.setToolTip(f"Open in the {item.tab} tab")
        width = PANEL_WIDTH - 40
        label.setFixedWidth(width)
        row.setSizeHint(QSize(width, label.heightForWidth(width) + 4))
        self.items.addItem(row)
        self.items.setItemWidget(row, label)

    def item_texts(self) -> list[str]:
        """The items as plain text (title line, then the reason)."""
        return [
            self.items.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
            for i in range(self.items.count())
        ]

    def _open_item(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if isinstance(item, AnswerItem):
            open_item(self.main_window, item)

    def open_in_builder(self) -> None:
        if self.answer is None or self.answer.chart is None:
            return
        workspace = self.main_window.workspace
        workspace.select_tab("Dashboard")
        dashboard = workspace.tab("Dashboard")
        if dashboard is not None:
            dashboard.show_chart(self.answer.chart)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.main_window.ask_edit.setFocus()
            return
        super().keyPressEvent(event)


def open_item(window, item: AnswerItem) -> None:
    """Select the item's alliance, then show its tab with the record selected."""
    from alliance_desk.ui.tracking.navigation import open_record

    if item.alliance_id and not window.sidebar.select_alliance(item.alliance_id):
        return
    workspace = window.workspace
    if item.record_id:
        page = workspace.tab(item.tab)
        if page is not None and open_record(page, item.tab, item.record_id):
            return
    workspace.select_tab(item.tab)


def show_answer(window) -> AskPanel | None:
    """Answer the Ask box's question in the panel under it (made once per window)."""
    portfolio = window.portfolio
    if portfolio is None or portfolio.closed:
        return None
    question = window.ask_edit.text()
    result = ask.answer(portfolio, question)
    panel = getattr(window, "ask_panel", None)
    if panel is None:
        panel = AskPanel(window)
        window.ask_panel = panel
    panel.show_answer(result, window.ask_edit)
    return panel
