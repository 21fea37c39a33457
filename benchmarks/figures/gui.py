"""GUI figures in one off-screen process: selecting alliances until the tab on screen and then
every tab is populated, and keystrokes in the Actions tab's filter box over the whole
portfolio's actions.

Tabs are built when first shown and refreshed when next shown, so "every tab" asks each built
tab for itself after the selection (as clicking through them would), until nothing is pending.

Run: QT_QPA_PLATFORM=offscreen python -m benchmarks.figures.gui FILE SELECTS KEYSTROKES
"""

import sys
import time

from benchmarks.common import emit, passphrase

WORD = "review"


def main(path: str, selects: int, keystrokes: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from alliance_desk.portfolio import Portfolio
    from alliance_desk.ui.app import create_application
    from alliance_desk.ui.main_window import MainWindow
    from alliance_desk.ui.workspace_tabs import WORKSPACE_TABS

    app = create_application()
    window = MainWindow(remember=False)
    portfolio = Portfolio.open(path, passphrase(), read_only=True)
    window.set_portfolio(portfolio, passphrase())
    window.resize(1440, 900)
    window.show()
    window.sidebar.select_first()
    app.processEvents()
    for title in WORKSPACE_TABS:  # every tab built once, as a user who has looked at each
        window.workspace.tab(title)
    window.workspace.select_tab("Overview")
    app.processEvents()

    alliances = [a.id for a in portfolio.alliances()]
    step = max(1, len(alliances) // max(1, selects))
    shown_ms, every_ms = [], []
    for ident in (alliances[1::step] + alliances)[:selects]:
        start = time.perf_counter()
        window.sidebar.select_alliance(ident)
        QApplication.processEvents()
        shown_ms.append((time.perf_counter() - start) * 1000)
        for title in WORKSPACE_TABS:
            window.workspace.tab(title)  # a tab not yet showing this alliance catches up
        QApplication.processEvents()
        every_ms.append((time.perf_counter() - start) * 1000)

    tab = window.workspace.tab("Actions")
    window.workspace.select_tab("Actions")
    tab.set_portfolio_wide(True)
    app.processEvents()
    rows = tab.table.model.rowCount()
    box = tab.table.filter
    box.setFocus()
    key_ms = []
    while len(key_ms) < keystrokes:
        for char in WORD:
            start = time.perf_counter()
            QTest.keyClick(box, char)
            QApplication.processEvents()
            key_ms.append((time.perf_counter() - start) * 1000)
        for _ in WORD:
            start = time.perf_counter()
            QTest.keyClick(box, Qt.Key.Key_Backspace)
            QApplication.processEvents()
            key_ms.append((time.perf_counter() - start) * 1000)
    emit(
        {
            "select_ms": every_ms,
            "select_shown_ms": shown_ms,
            "keystroke_ms": key_ms[:keystrokes],
            "filter_rows": rows,
        }
    )
    window.close()
    portfolio.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
