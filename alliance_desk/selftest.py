"""`alliance-desk --selftest`: prove this installation works, off-screen, then exit.

Meant above all for the built application (`make dist-test` runs it on `dist/`): each check
exercises something the bundle must carry — package metadata, `resources/`, the Alembic
migration files, the SQLCipher module, python-docx's template, keyring, the Qt plug-ins and
fonts — on a fresh demo portfolio in a temporary folder. One line per check (`ok:`, `FAIL:`, or
`skip:` for a feature not built yet); exit code 0 only when no check failed. The temporary
folder, which also serves as the settings folder for the run, is removed at the end.

Qt is imported only inside the checks that need it, so the core checks run without it.
"""

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from alliance_desk import __version__

HOME_VARIABLE = "ALLIANCE_DESK_HOME"
DEMO_PASSPHRASE = "demo"
NOT_BUILT_YET: list[str] = []
NATIVE_PLATFORM = {"linux": "xcb", "darwin": "cocoa", "win32": "windows"}
LIBRARY_MODULES = {"python-docx": "docx", "pyqtgraph": "pyqtgraph"}  # About box name: module
SKIP_MODULES = ("__main__",)  # it runs the app (the migration scripts, left out too, run Alembic)
MIN_COLOURS = 32  # a blank or text-less window has a handful; the demo's window has hundreds


class CheckFailed(Exception):
    """A check's finding, said as one sentence."""


@dataclass
class Run:
    """What the checks share: the temporary folder and the demo portfolio written into it."""

    folder: Path
    demo: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def demo_file(self) -> Path:
        if self.demo is None:
            raise CheckFailed("there is no demo portfolio (writing it failed above)")
        return self.demo


# --- checks without Qt ---------------------------------------------------------------------------


def check_version(run: Run) -> str:
    return f"version {__version__}"  # a literal in the package: named, not checked


def check_resources(run: Run) -> str:
    from alliance_desk.defaults import benchmark_definitions, checklist_definitions
    from alliance_desk.storage.paths import resource_path

    benchmarks = benchmark_definitions()
    checklists = checklist_definitions()
    icon = resource_path("icons", "alliance-desk.svg")
    if not benchmarks or not checklists:
        raise CheckFailed(f"resources in {resource_path()} hold no benchmarks or no checklists")
    if not icon.is_file():
        raise CheckFailed(f"the icon {icon} is missing")
    return f"resources: {len(benchmarks)} benchmarks, {len(checklists)} checklist templates, icon"


def check_migrations(run: Run) -> str:
    from alliance_desk.storage import migrations

    head = migrations.head()
    if not head:
        raise CheckFailed(f"no migration scripts were found in {migrations.HERE}")
    return f"schema migrations found (head {head})"


def check_modules(run: Run) -> str:
    """Every module of the app imports: none needs a library the build left out."""
    import importlib
    import pkgutil

    import alliance_desk

    names = [
        info.name
        for info in pkgutil.walk_packages(alliance_desk.__path__, "alliance_desk.")
        if not info.name.endswith(SKIP_MODULES) and ".migrations." not in info.name
    ]
    if len(names) < 10:
        raise CheckFailed(f"only {len(names)} modules of the app were found")
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # ImportError above all, but any failure is a finding
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    if broken:
        raise CheckFailed("these modules do not import: " + "; ".join(broken))
    return f"all {len(names)} modules of the app import"


def check_write_demo(run: Run) -> str:
    from alliance_desk.demo import write_demo

    path = run.folder / "Selftest demo.alliance"
    run.counts = write_demo(path, DEMO_PASSPHRASE)
    run.demo = path
    return (
        f"demo portfolio written: {run.counts['alliances']} alliances, "
        f"{run.counts['stakeholders']} stakeholders"
    )


def check_open_demo(run: Run) -> str:
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.storage import migrations

    with Portfolio.open(run.demo_file(), DEMO_PASSPHRASE) as portfolio:
        counts = portfolio.counts()
        revision = portfolio.schema_revision
        findings = portfolio.integrity_findings()
    if counts != run.counts or not counts.get("alliances") or not counts.get("stakeholders"):
        raise CheckFailed(f"the reopened demo counts {counts}, not {run.counts}")
    if revision != migrations.head():
        raise CheckFailed(f"the demo has schema {revision}, not {migrations.head()}")
    if findings:
        raise CheckFailed("the integrity check found: " + "; ".join(findings))
    return "demo portfolio reopened: counts match, integrity, cipher and foreign-key checks clean"


def check_encrypted(run: Run) -> str:
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.storage import errors
    from alliance_desk.storage.database import cipher_version

    path = run.demo_file()
    if path.read_bytes()[:16] == b"SQLite format 3\0":
        raise CheckFailed(f"{path.name} is a plain SQLite file, not encrypted")
    try:
        Portfolio.open(path, "not the passphrase", read_only=True).close()
    except errors.WrongPassphrase:
        return f"file encrypted (SQLCipher {cipher_version()}); a wrong passphrase is refused"
    raise CheckFailed("a wrong passphrase opened the demo portfolio")


def check_keyring(run: Run) -> str:
    import keyring

    from alliance_desk.storage import keychain  # noqa: F401 (the app's own use of it imports)

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith("keyring.backends.fail"):
        return "keyring imports; no keyring on this computer (passphrases are asked each time)"
    return f"keyring imports; backend {name}"


def check_docx_template(run: Run) -> str:
    import docx

    document = docx.Document()  # python-docx's own default template, a data file in the bundle
    document.styles["Heading 1"]
    return "python-docx default template opens"


# --- checks with Qt ------------------------------------------------------------------------------


def check_platform_plugin(run: Run) -> str:
    from PySide6.QtCore import QCoreApplication, QDir, QPluginLoader

    _application()
    name = NATIVE_PLATFORM.get(sys.platform)
    if name is None:
        return f"no native Qt platform plug-in is known for {sys.platform}"
    folders = QCoreApplication.libraryPaths()
    for folder in folders:
        platforms = QDir(folder + "/platforms")
        for entry in platforms.entryList([f"*q{name}.*"], QDir.Filter.Files):
            loader = QPluginLoader(platforms.absoluteFilePath(entry))
            if not loader.load():
                raise CheckFailed(f"the Qt plug-in {entry} does not load: {loader.errorString()}")
            return f"Qt platform plug-in '{name}' loads (for a desktop session)"
    raise CheckFailed(f"the Qt platform plug-in '{name}' is not in {', '.join(folders)}")


def check_fonts(run: Run) -> str:
    from PySide6.QtGui import QFontDatabase

    _application()
    families = QFontDatabase.families()
    if not families:
        raise CheckFailed("Qt finds no fonts, so the window would have no text")
    return f"fonts: {len(families)} families"


def check_icon(run: Run) -> str:
    from alliance_desk.ui.app import app_icon

    _application()
    image = app_icon().pixmap(64, 64).toImage()
    if image.isNull() or image.pixelColor(32, 32).alpha() == 0:
        raise CheckFailed("the application icon (SVG) does not render: Qt's SVG plug-ins?")
    return "application icon renders from its SVG"


def check_about_box(run: Run) -> str:
    from importlib.util import find_spec

    from alliance_desk.ui.dialogs import about_html, version_lines

    _application()
    if f"<td>{__version__}</td>" not in about_html():
        raise CheckFailed(f"the About box does not show version {__version__}")
    for name, value in version_lines():
        module = LIBRARY_MODULES.get(name)
        if value == "not installed" and module and find_spec(module) is not None:
            raise CheckFailed(f"the About box says {name} is not installed, yet it is here")
    return f"About box shows version {__version__} and the libraries' versions"


def check_main_window(run: Run) -> str:
    from PySide6.QtGui import QImage

    from alliance_desk.ui.app import SCREENSHOT_SIZE, run_gui

    _application()
    out = run.folder / "main-window.png"
    code = run_gui(run.demo_file(), DEMO_PASSPHRASE, screenshot=out, tab=None, demo=False)
    image = QImage(str(out))
    if code != 0 or image.isNull():
        raise CheckFailed(f"rendering the main window failed (exit code {code})")
    if (image.width(), image.height()) != SCREENSHOT_SIZE:
        raise CheckFailed(f"the render is {image.width()}×{image.height()}, not {SCREENSHOT_SIZE}")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    if len(colours) < MIN_COLOURS:
        raise CheckFailed(f"the rendered window is nearly blank ({len(colours)} colours)")
    size = f"{image.width()}×{image.height()}"
    return f"main window rendered off-screen to PNG ({size}, {len(colours)} colours)"


def check_worksheet_pdf(run: Run) -> str:
    from PySide6.QtCore import QFile, QIODevice

    from alliance_desk.portfolio import Portfolio
    from alliance_desk.reports.worksheet import build_worksheet
    from alliance_desk.ui.worksheet.printing import save_pdf

    _application()
    out = run.folder / "worksheet.pdf"
    with Portfolio.open(run.demo_file(), DEMO_PASSPHRASE, read_only=True) as portfolio:
        alliance = portfolio.alliances()[0]
        sheet = build_worksheet(portfolio, alliance)
        names = [person.name for person, _role in portfolio.stakeholders_of(alliance)]
    pages = save_pdf(sheet, out)
    handle = QFile(str(out))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise CheckFailed("the worksheet PDF was not written")
    head = bytes(handle.read(5).data())
    handle.close()
    if head != b"%PDF-" or pages < 1:
        raise CheckFailed(f"the worksheet is not a PDF ({pages} pages, starts {head!r})")
    return f"stakeholder worksheet PDF: {len(names)} stakeholders of {alliance.name}, {pages} pages"


def check_preread(run: Run) -> str:
    """A JSC pre-read with its charts drawn off-screen (pyqtgraph) and embedded in Word."""
    import zipfile

    from alliance_desk.charts.for_reports import render_request
    from alliance_desk.portfolio import Portfolio
    from alliance_desk.reports.preread import build_preread, write_preread

    _application()
    out = run.folder / "pre-read.docx"
    with Portfolio.open(run.demo_file(), DEMO_PASSPHRASE, read_only=True) as portfolio:
        alliance = portfolio.alliances()[0]
        preread = build_preread(portfolio, "jsc", alliance)
    write_preread(preread, out, renderer=render_request)
    with zipfile.ZipFile(out) as package:
        pictures = [n for n in package.namelist() if n.startswith("word/media/")]
    if not pictures:
        raise CheckFailed("the pre-read was written without its charts")
    return (
        f"JSC pre-read of {alliance.name}: {len(preread.sections)} sections, {len(pictures)} charts"
    )


def _application():
    """The QApplication the Qt checks share (the app's own, styled as the user sees it)."""
    from alliance_desk.ui.app import create_application

    return create_application()


CHECKS: list[Callable[[Run], str]] = [
    check_version,
    check_resources,
    check_migrations,
    check_modules,
    check_write_demo,
    check_open_demo,
    check_encrypted,
    check_keyring,
    check_docx_template,
    check_platform_plugin,
    check_fonts,
    check_icon,
    check_about_box,
    check_main_window,
    check_worksheet_pdf,
    check_preread,
]


def run_selftest(out=None) -> int:
    """Run every check, one line each on `out`; 0 when none failed, else 1."""
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a self-test never shows a window
    failed = passed = 0

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    previous_home = os.environ.get(HOME_VARIABLE)
    folder = Path(tempfile.mkdtemp(prefix="alliance-desk-selftest-"))
    os.environ[HOME_VARIABLE] = str(folder / "home")  # settings and device id stay in here
    try:
        run = Run(folder)
        for check in CHECKS:
            try:
                say(f"ok: {check(run)}")
                passed += 1
            except Exception as exc:  # a check that breaks is a finding, not a crash
                say(f"FAIL: {check.__name__.removeprefix('check_')}: {_sentence(exc)}")
                failed += 1
        for feature in NOT_BUILT_YET:
            say(f"skip: {feature}: not built yet")
    finally:
        _restore(HOME_VARIABLE, previous_home)
        _remove(folder)
    if folder.exists():
        say(f"FAIL: the temporary folder {folder} could not be removed")
        failed += 1
    else:
        say("ok: temporary folder removed")
        passed += 1
    if failed:
        say(f"Self-test FAILED: {failed} of {failed + passed} checks failed.")
        return 1
    missing = len(NOT_BUILT_YET)
    later = f"{missing} feature{'s' if missing != 1 else ''} not built yet"
    say(f"Self-test passed: all {passed} checks ok, {later}.")
    return 0


def _sentence(exc: Exception) -> str:
    """The exception as one line (SQLAlchemy's messages run to several, with the SQL)."""
    text = (str(exc).strip().splitlines() or [""])[0] or type(exc).__name__
    return text if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {text}"


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
