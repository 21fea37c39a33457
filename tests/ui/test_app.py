"""Starting the GUI: the application's name and look, and the off-screen --screenshot render."""

import stat

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desk import cli
from alliance_desk.storage import lock
from alliance_desk.storage.database import writable_problem
from alliance_desk.ui.app import ACCENT, app_icon, create_application, run_gui
from alliance_desk.ui.main_window import MainWindow
from alliance_desk.ui.settings import AppSettings
from alliance_desk.ui.workspace import TAB_TITLES, find_tab_title
from tests.conftest import PASSPHRASE


@pytest.fixture
def grabbed(monkeypatch) -> dict:
    """What the off-screen window showed at the moment it was grabbed for the picture."""
    seen: dict = {}
    grab = MainWindow.grab

    def noting_grab(window, *args):
        workspace = window.workspace
        overview = workspace.tab("Overview")
        seen["tab"] = workspace.current_tab_title()
        seen["banner"] = workspace.banner.isVisible()
        seen["banner_text"] = workspace.banner.text()
        seen["new_alliance"] = window.alliance_actions.new.isEnabled()
        seen["partner_read_only"] = overview.fields["partner"].editor.isReadOnly()
        seen["lock_file"] = window.portfolio and lock.lock_path(window.portfolio.path).exists()
        return grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", noting_grab)
    return seen


def render(path, out, tab=None, passphrase=PASSPHRASE) -> int:
    return run_gui(path=path, passphrase=passphrase, screenshot=out, tab=tab, demo=False)


def sampled_colours(image: QImage) -> set[int]:
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step_x)
        for y in range(0, image.height(), step_y)
    }


def test_app_is_named_styled_and_has_an_icon(qapp):
    app = create_application()
    assert app is QApplication.instance()
    assert QCoreApplication.organizationName() == "Alliance Desk"
    assert QCoreApplication.applicationName() == "Alliance Desk"
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == ACCENT
    assert "#ReadOnlyBanner" in app.styleSheet()
    assert not app_icon().isNull()
    assert not app.windowIcon().isNull()


def test_app_screenshot_writes_a_real_picture(qapp, portfolio_file, tmp_path):
    out = tmp_path / "shot.png"
    assert render(portfolio_file, out, tab="overview") == 0
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    assert len(sampled_colours(image)) > 20
    assert not lock.lock_path(portfolio_file).exists()  # closed again, lock released
    assert AppSettings().recent_files() == []  # a render leaves the user's settings alone


@pytest.mark.parametrize("name", ["Dashboard", "dashboard", "RISKS", "Lifecycle", "overview"])
def test_app_screenshot_accepts_every_tab_in_any_case(
    qapp, portfolio_file, tmp_path, name, grabbed
):
    out = tmp_path / "shot.png"
    assert render(portfolio_file, out, tab=name) == 0
    assert out.exists()
    assert grabbed["tab"] == find_tab_title(name)
    assert grabbed["tab"].casefold() == name.casefold()


def test_app_screenshot_leaves_the_file_and_its_folder_alone(
    qapp, portfolio_file, tmp_path, grabbed
):
    folder = portfolio_file.parent
    out_dir = tmp_path / "shots"
    out_dir.mkdir()
    before = (portfolio_file.read_bytes(), sorted(p.name for p in folder.iterdir()))
    assert render(portfolio_file, out_dir / "shot.png", tab="Overview") == 0
    after = (portfolio_file.read_bytes(), sorted(p.name for p in folder.iterdir()))
    assert after == before
    assert not grabbed["lock_file"]  # not even while the picture was taken
    assert not lock.lock_path(portfolio_file).exists()
    # the file is writable, so the picture shows it as a user opening it would see it
    assert grabbed["banner"] is False
    assert grabbed["new_alliance"] is True
    assert grabbed["partner_read_only"] is False


def test_app_screenshot_of_a_read_only_file_shows_the_banner(
    qapp, portfolio_file, tmp_path, grabbed
):
    portfolio_file.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444
    assert writable_problem(portfolio_file) == "the file is read-only"
    assert render(portfolio_file, tmp_path / "shot.png", tab="Overview") == 0
    assert grabbed["banner"] is True
    assert "the file is read-only" in grabbed["banner_text"]
    assert grabbed["new_alliance"] is False


def test_app_unknown_tab_fails_with_one_sentence(qapp, portfolio_file, tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert render(portfolio_file, out, tab="Gantt") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("There is no tab named 'Gantt'; choose one of: Dashboard, Overview")
    assert err.count("\n") == 0 and err.endswith(".")
    assert not out.exists()


def test_app_screenshot_storage_error_is_one_sentence(qapp, portfolio_file, tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert render(portfolio_file, out, passphrase="wrong") == 1
    assert capsys.readouterr().err.strip() == f"The passphrase for {portfolio_file} is wrong."
    assert not out.exists()


def test_app_screenshot_of_the_welcome_screen(qapp, tmp_path):
    out = tmp_path / "welcome.png"
    assert run_gui(path=None, passphrase=None, screenshot=out, tab=None, demo=False) == 0
    assert len(sampled_colours(QImage(str(out)))) > 5


def test_app_screenshot_through_the_command_line(qapp, portfolio_file, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "cli.png"
    argv = [str(portfolio_file), "--passphrase-file", str(secret), "--screenshot", str(out)]
    assert cli.main([*argv, "--tab", "Dashboard"]) == 0
    assert out.stat().st_size > 20_000


def test_app_screenshot_of_a_file_someone_has_open(qapp, portfolio_file, tmp_path):
    from tests.ui.test_main_window import someone_else_holds

    someone_else_holds(portfolio_file)
    out = tmp_path / "shot.png"
    assert render(portfolio_file, out) == 0
    assert lock.lock_path(portfolio_file).exists()


def test_app_tab_titles_are_found_case_insensitively():
    assert TAB_TITLES[0] == "Dashboard"
    assert find_tab_title(" risks ") == "Risks"
    assert find_tab_title("nope") is None


def test_app_screenshot_through_the_command_line_with_a_wrong_passphrase(
    qapp, portfolio_file, tmp_path, capsys
):
    """The command line starts opening the file before the window's modules load: its error
    still reaches the user as one sentence, and an unknown tab still leaves no file open."""
    secret = tmp_path / "secret.txt"
    secret.write_text("not it\n", encoding="utf-8")
    out = tmp_path / "cli.png"
    argv = [str(portfolio_file), "--passphrase-file", str(secret), "--screenshot", str(out)]
    assert cli.main(argv) == 1
    assert capsys.readouterr().err.strip() == f"The passphrase for {portfolio_file} is wrong."
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert cli.main([*argv, "--tab", "Gantt"]) == 1
    assert "There is no tab named 'Gantt'" in capsys.readouterr().err
    assert not out.exists()
