"""F1 start (a whole process): import PySide6, open the encrypted file with sqlcipher3 and the
passphrase, read the action rows, show a QMainWindow with a QTableView over a minimal
QAbstractTableModel, process events, print "painted" on the event pass after the window's first
paint (the harness times the start up to that line, as for the app), save the window as PNG
(as --screenshot does), exit.

With --with-models it first imports SQLAlchemy with our models and Portfolio, and does the
rest alike: not a floor, but the least a start costs while the first window is built on
SQLAlchemy's ORM, as DESIGN.md has it (the harness reports it for information).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/floors/f1_start.py FILE OUT.png [--with-models]
(passphrase in ALLIANCE_DESK_PASSPHRASE)
"""

import os
import sys

import sqlcipher3
from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

COLUMNS = ("title", "owner_name", "due_date", "status", "side")


class Rows(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=None):  # noqa: N802 (Qt's name)
        return len(self.rows)

    def columnCount(self, parent=None):  # noqa: N802
        return len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class SayPainted(QObject):
    """Prints "painted" on the event pass after the watched window's first paint, as the app's
    screenshot path does (when ALLIANCE_DESK_MARK_PAINTED is set)."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if os.environ.get("ALLIANCE_DESK_MARK_PAINTED"):
                QTimer.singleShot(0, lambda: print("painted", flush=True))
        return False


def main(path: str, out: str, with_models: bool = False) -> int:
    if with_models:
        import alliance_desk.portfolio  # noqa: F401 (SQLAlchemy, its ORM and our models)

        print("models imported", flush=True)  # the harness checks it ran this way
    conn = sqlcipher3.connect(path)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(os.environ["ALLIANCE_DESK_PASSPHRASE"])
    rows = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM action_item WHERE deleted_at IS NULL"
    ).fetchall()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QTableView()
    view.setModel(Rows(rows))
    window.setCentralWidget(view)
    window.resize(1440, 900)
    painted = SayPainted()
    view.installEventFilter(painted)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.grab().save(out)
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], "--with-models" in sys.argv[3:]))
