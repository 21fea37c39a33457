"""Starting the GUI: the QApplication with its look, the main window, and off-screen renders."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desk import __version__
from alliance_desk.opening import RENDER_OPEN, Opening
from alliance_desk.storage import errors
from alliance_desk.storage.database import writable_problem
from alliance_desk.storage.passphrase import Lookup
from alliance_desk.storage.paths import resource_path
from alliance_desk.ui.workspace import TAB_TITLES, find_tab_title

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow

APP_NAME = "Alliance Desk"
SCREENSHOT_SIZE = (1440, 900)
# set in the environment, the screenshot path prints "painted" once the window is first painted
PAINTED_MARK = "ALLIANCE_DESK_MARK_PAINTED"

ACCENT = "#2f6fab"
STYLE_SHEET = f"""
#Sidebar {{ background: #eceff3; }}
#AllianceList {{ background: #eceff3; }}
#SidebarHeading {{ font-weight: 600; color: #3e4c59; font-size: 11pt; }}
#SidebarCount {{ color: #6b7785; }}
#AllianceHeader {{ background: #ffffff; border-bottom: 1px solid #e1e5ea; }}
#AllianceTitle {{ font-size: 15pt; font-weight: 600; color: #1f2933; }}
#AllianceDetail {{ color: #52606d; }}
#ReadOnlyBanner {{
    background: #fff3bf; color: #5c4400; border-bottom: 1px solid #e6cf7a; padding: 8px 14px;
}}
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QTextEdit[readOnly="true"] {{
    background: #f1f3f5; color: #323f4b;
}}
#WelcomePage {{ background: #f4f5f7; }}
#WelcomeTitle {{ font-size: 24pt; font-weight: 600; color: #1f2933; }}
#WelcomeTagline {{ font-size: 11pt; color: #52606d; }}
#SectionHeading {{ font-size: 11pt; font-weight: 600; color: #3e4c59; }}
#ActionCard {{
    background: #ffffff; border: 1px solid #d5dbe2; border-radius: 8px; text-align: left;
}}
#ActionCard:hover {{ border-color: {ACCENT}; background: #f5f9fd; }}
#ActionCard:pressed {{ background: #e8f0f8; }}
#ActionCard:focus {{ border-color: {ACCENT}; }}
#CardTitle {{ font-size: 11pt; font-weight: 600; color: #1f2933; }}
#CardDetail, #Hint {{ color: #6b7785; }}
#RecentList {{ background: #ffffff; border: 1px solid #e1e5ea; border-radius: 8px; padding: 4px; }}
#MainToolbar {{ spacing: 6px; padding: 4px 8px; border-bottom: 1px solid #dde2e8; }}
#AskBox {{
    border: 1px solid #c9d0d8; border-radius: 14px; padding: 4px 12px; background: #ffffff;
}}
#AskBox:focus {{ border-color: {ACCENT}; }}
QStatusBar {{ color: #52606d; }}
"""


def calm_palette() -> QPalette:
    """Fusion with soft greys, dark slate text and one blue accent."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f4f5f7",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eef2f6",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.Button: "#f7f8fa",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#6b7785",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e9ecf0",
        QPalette.ColorRole.Mid: "#c9d0d8",
        QPalette.ColorRole.Dark: "#a0aab5",
        QPalette.ColorRole.Shadow: "#7b8794",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#9aa5b1"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#b8c4d0"))
    return palette


def app_icon() -> QIcon:
    path = resource_path("icons", "alliance-desk.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def create_application() -> QApplication:
    """The one QApplication, named and styled (reused when one exists, as in tests)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    app.setPalette(calm_palette())
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(app_icon())
    if hasattr(app, "setDesktopFileName"):
        app.setDesktopFileName("alliance-desk")
    return app


def run_gui(
    path: Path | None,
    passphrase: str | None,
    screenshot: Path | None,
    tab: str | None,
    demo: bool,
    opening: Opening | None = None,
) -> int:
    """The GUI entry point called by the CLI; returns the process exit code. `opening`: the
    file's opening, started already (opening.py), with the passphrase it worked out
    (`passphrase` is then not needed)."""
    app = create_application()
    if screenshot is not None:
        return render_screenshot(path, passphrase, screenshot, tab, opening)
    from alliance_desk.ui.main_window import MainWindow

    window = MainWindow()
    glance = opening.glance() if opening is not None else None
    if glance is not None:  # painted first; the portfolio opens once it is on screen
        window.show_glance(glance, lambda: window.open_path(path, passphrase, opening))
    window.show()
    if path is not None and glance is None:
        window.open_path(path, passphrase, opening)
    try:
        return app.exec()
    finally:
        if opening is not None:  # a window closed before its glance was painted: let it go
            opening.discard()


def render_screenshot(
    path: Path | None,
    passphrase: str | None,
    out: Path,
    tab: str | None = None,
    opening: Opening | None = None,
) -> int:
    """Open `path` off-screen, show the first alliance and `tab`, save the window as PNG."""
    title = find_tab_title(tab) if tab else None
    if tab and title is None:
        print(
            f"There is no tab named '{tab}'; choose one of: {', '.join(TAB_TITLES)}.",
            file=sys.stderr,
        )
        if opening is not None:
            opening.discard()
        return 1
    if path is not None and opening is None:  # opened while the window is built
        opening = Opening(Lookup(path, passphrase or ""), RENDER_OPEN)
    from alliance_desk.ui.main_window import MainWindow
    from alliance_desk.ui.start_glance import open_failure

    window = MainWindow(remember=False)
    said = False
    shown = QEventLoop()
    problem: list[str] = []
    done: list[bool] = []  # show_portfolio has run

    def say_painted() -> None:  # the benchmark times the start up to here
        nonlocal said
        if not said and os.environ.get(PAINTED_MARK):
            said = True
            print("painted", flush=True)

    def say_opened() -> None:  # and, for information, up to the portfolio on screen
        say_painted()
        if os.environ.get(PAINTED_MARK):
            print("opened", flush=True)

    def show_portfolio() -> None:
        try:
            window.set_portfolio(opening.portfolio(), opening.passphrase()[0])
            opening.forget()
            window.workspace.select_tab(title or "Dashboard")
            window.sidebar.select_first()
            _picture_as_opened(window, Path(path))
        except errors.StorageError as exc:
            problem.append(exc.message)
        except Exception as exc:  # noqa: BLE001 - the render ends, saying why, never hangs
            problem.append(open_failure(Path(path), exc))
        finally:
            done.append(True)
            shown.exit()

    window.glance_painted.connect(say_painted)  # a start's first window, from its glance
    window.first_painted.connect(say_opened)  # before the work left for after the first paint
    try:
        glance = opening.glance() if opening is not None else None
        if glance is not None:  # painted first, then the portfolio (as a start shows it)
            window.show_glance(glance, show_portfolio)
        elif path is not None:
            show_portfolio()
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        for _ in range(3):  # layouts settle over a few passes; charts may lay out late
            QApplication.processEvents()
        if glance is not None and not done:
            shown.exec()  # until the glance is on screen and the portfolio replaced it
        if problem:
            print(problem[0], file=sys.stderr)
            return 1
        say_painted()  # if first_painted has not said it (a window without a portfolio)
        problem_beside = window.wait_beside()
        if problem_beside is not None:
            print(problem_beside.message, file=sys.stderr)
            return 1
        for _ in range(3):  # what was worked out beside the first paint is shown
            QApplication.processEvents()
        if not window.grab().save(str(out)):
            print(f"Could not write the screenshot to {out}.", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def _picture_as_opened(window: "MainWindow", path: Path) -> None:
    """Show the window as opening `path` would: read-only only if the file itself is.

    The render opens every file read-only; that is how it works, not something to picture.
    """
    problem = writable_problem(path)
    window.workspace.set_read_only(bool(problem), problem)
    if not problem:
        window.saved_label.show()
        window.alliance_actions.new.setEnabled(True)
        window.status(f"Opened {path.name}.")
