"""The stakeholder map: influence up, interest across, on the 1-5 ratings, in four quadrants
(manage closely, keep satisfied, keep informed, monitor). Click a name to open that person."""

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from alliance_desk.insights.worksheets import (
    HIGH_FROM,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    Quadrant,
)
from alliance_desk.models import Stakeholder
from alliance_desk.ui.fields import HINT_COLOUR

SCALE = range(1, 6)
TINTS = {
    MANAGE_CLOSELY.key: "#fbe3e1",
    KEEP_SATISFIED.key: "#fdf0d7",
    KEEP_INFORMED.key: "#e2eefa",
    MONITOR.key: "#eef1f4",
}
AXIS = 46  # room for the axis labels
INK = "#1f2933"


class MapCanvas(QWidget):
    """The painted grid; `person_clicked` carries the Stakeholder whose name was clicked."""

    person_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.people: list[Stakeholder] = []
        self.selected_id = ""
        self._targets: list[tuple[QRectF, Stakeholder]] = []
        self.setMinimumSize(520, 380)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def set_people(self, people: list[Stakeholder]) -> None:
        self.people = [p for p in people if p.influence and p.interest]
        self.update()

    def cell_of(self, person: Stakeholder) -> tuple[int, int]:
        """(column, row) on the grid: interest across from the left, influence up."""
        return person.interest - 1, 5 - person.influence

    def _grid(self) -> QRectF:
        return QRectF(AXIS, 8, self.width() - AXIS - 10, self.height() - AXIS - 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grid = self._grid()
        cell_w, cell_h = grid.width() / 5, grid.height() / 5
        split_x = grid.left() + (HIGH_FROM - 1) * cell_w
        split_y = grid.top() + (5 - HIGH_FROM + 1) * cell_h
        regions = {
            KEEP_SATISFIED.key: QRectF(
                grid.left(), grid.top(), split_x - grid.left(), split_y - grid.top()
            ),
            MANAGE_CLOSELY.key: QRectF(
                split_x, grid.top(), grid.right() - split_x, split_y - grid.top()
            ),
            MONITOR.key: QRectF(
                grid.left(), split_y, split_x - grid.left(), grid.bottom() - split_y
            ),
            KEEP_INFORMED.key: QRectF(
                split_x, split_y, grid.right() - split_x, grid.bottom() - split_y
            ),
        }
        for key, rect in regions.items():
            painter.fillRect(rect, QColor(TINTS[key]))
        painter.setPen(QPen(QColor("#d5dbe2"), 1))
        for i in range(6):
            painter.drawLine(
                QPointF(grid.left() + i * cell_w, grid.top()),
                QPointF(grid.left() + i * cell_w, grid.bottom()),
            )
            painter.drawLine(
                QPointF(grid.left(), grid.top() + i * cell_h),
                QPointF(grid.right(), grid.top() + i * cell_h),
            )
        painter.setPen(QPen(QColor("#7b8794"), 2))
        painter.drawLine(QPointF(split_x, grid.top()), QPointF(split_x, grid.bottom()))
        painter.drawLine(QPointF(grid.left(), split_y), QPointF(grid.right(), split_y))
        self._quadrant_titles(painter, regions)
        self._axes(painter, grid, cell_w, cell_h)
        self._names(painter, grid, cell_w, cell_h)
        painter.end()

    def _quadrant_titles(self, painter: QPainter, regions: dict[str, QRectF]) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#52606d"))
        quadrants: dict[str, Quadrant] = {
            q.key: q for q in (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)
        }
        for key, rect in regions.items():  # bottom right: names fill cells from the top
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            painter.drawText(rect.adjusted(6, 2, -8, -4), align, quadrants[key].title)

    def _axes(self, painter: QPainter, grid: QRectF, cell_w: float, cell_h: float) -> None:
        painter.setFont(self.font())
        painter.setPen(QColor(HINT_COLOUR))
        for value in SCALE:
            x = grid.left() + (value - 1) * cell_w
            painter.drawText(
                QRectF(x, grid.bottom() + 2, cell_w, 18), Qt.AlignmentFlag.AlignCenter, str(value)
            )
            y = grid.top() + (5 - value) * cell_h
            painter.drawText(
                QRectF(grid.left() - 22, y, 18, cell_h), Qt.AlignmentFlag.AlignCenter, str(value)
            )
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + 20, grid.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            "Interest in the alliance →",
        )
        painter.save()
        painter.translate(12, grid.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-grid.height() / 2, -8, grid.height(), 18),
            Qt.AlignmentFlag.AlignCenter,
            "Influence →",
        )
        painter.restore()

    def _names(self, painter: QPainter, grid: QRectF, cell_w: float, cell_h: float) -> None:
        self._targets = []
        cells: dict[tuple[int, int], list[Stakeholder]] = defaultdict(list)
        for person in sorted(self.people, key=lambda p: p.name.casefold()):
            cells[self.cell_of(person)].append(person)
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing() + 2
        for (column, row), people in cells.items():
            left = grid.left() + column * cell_w + 4
            top = grid.top() + row * cell_h + 4
            room = max(1, int((cell_h - 8) // line))
            shown = people if len(people) <= room else people[: room - 1]
            for index, person in enumerate(shown):
                rect = QRectF(left, top + index * line, cell_w - 8, line - 1)
                selected = person.id == self.selected_id
                painter.fillRect(rect, QColor("#2f6fab" if selected else "#ffffff"))
                painter.setPen(QColor("#ffffff" if selected else INK))
                text = metrics.elidedText(
                    person.name, Qt.TextElideMode.ElideRight, int(rect.width()) - 6
                )
                painter.drawText(rect.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, text)
                self._targets.append((rect, person))
            if len(shown) < len(people):
                painter.setPen(QColor(HINT_COLOUR))
                rect = QRectF(left, top + len(shown) * line, cell_w - 8, line)
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignVCenter, f"+{len(people) - len(shown)} more"
                )

    def person_at(self, point: QPointF) -> Stakeholder | None:
        for rect, person in self._targets:
            if rect.contains(point):
                return person
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        person = self.person_at(event.position())
        if person is not None:
            self.selected_id = person.id
            self.update()
            self.person_clicked.emit(person)
        super().mousePressEvent(event)


class StakeholderMap(QWidget):
    """The canvas, with the stakeholders not rated yet listed under it."""

    person_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = MapCanvas()
        self.canvas.person_clicked.connect(self.person_clicked)
        self.unrated = QLabel()
        self.unrated.setWordWrap(True)
        self.unrated.setStyleSheet(f"color: {HINT_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.unrated)

    def set_people(self, people: list[Stakeholder]) -> None:
        self.canvas.set_people(people)
        missing = [p.name for p in people if not (p.influence and p.interest)]
        self.unrated.setText(
            "Not on the map until influence and interest are rated: " + ", ".join(missing)
            if missing
            else "Ratings from 1 to 5; 4 and 5 count as high."
        )

    def select(self, person_id: str) -> None:
        self.canvas.selected_id = person_id
        self.canvas.update()
