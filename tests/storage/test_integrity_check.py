"""A big file's pages are checked beside the work (in a thread) instead of before open returns;
damage found that way is still reported with the backup to turn to, and in the main window the
damaged file is closed with that sentence."""

import pytest

from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import backups, database, errors


@pytest.fixture
def damaged_demo(demo_file, tmp_path):
    """The demo with one flipped byte in its last page: the schema and the portfolio's own row
    still read, so only the whole-file check notices."""
    data = bytearray(demo_file.read_bytes())
    data[-100] ^= 0x10
    path = tmp_path / "damaged.alliance"
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def check_every_file_beside(monkeypatch):
    monkeypatch.setattr(database, "CHECK_BESIDE_FROM", 0)


def test_a_file_checked_before_open_returns_refuses_to_open(damaged_demo):
    with pytest.raises(errors.Corrupt):
        Portfolio.open(damaged_demo, "demo")


def test_damage_found_beside_the_work_names_the_backup(damaged_demo, check_every_file_beside):
    backup = backups.backup(damaged_demo, "before-merge")
    with Portfolio.open(damaged_demo, "demo", check_beside=True) as portfolio:
        assert portfolio.alliances()  # usable while the check runs
        problem = portfolio.damage(wait=True)
    assert isinstance(problem, errors.Corrupt)
    assert f"Its latest backup is {backup}" in problem.message


def test_a_sound_file_checked_beside_reports_nothing(demo_file, check_every_file_beside):
    with Portfolio.open(demo_file, "demo", check_beside=True) as portfolio:
        assert portfolio.damage(wait=True) is None
        assert not portfolio.checking


def test_a_small_file_is_checked_before_open_returns_even_when_asked_to_check_beside(
    damaged_demo,
):
    assert damaged_demo.stat().st_size < database.CHECK_BESIDE_FROM
    with pytest.raises(errors.Corrupt):
        Portfolio.open(damaged_demo, "demo", check_beside=True)


def test_closing_during_the_check_stops_it_without_a_false_alarm(demo_file):
    check = database.IntegrityCheck(demo_file, "demo")
    check.start()
    check.cancel()
    assert check.finished
    assert check.problem() is None
    never_started = database.IntegrityCheck(demo_file, "demo")
    never_started.cancel()
    assert never_started.wait() is None and not never_started.finished  # it never runs


def test_a_file_that_needs_an_upgrade_is_checked_before_it_is_changed(
    tmp_path, check_every_file_beside
):
    from pathlib import Path

    sample = sorted((Path(__file__).parent.parent / "data").glob("schema-0001.alliance"))[0]
    path = tmp_path / "old.alliance"
    data = bytearray(sample.read_bytes())
    data[-100] ^= 0x10
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(errors.Corrupt):
        Portfolio.open(path, sample.stem, check_beside=True)
    assert path.read_bytes() == before  # not upgraded, not touched


def test_the_main_window_closes_a_file_whose_check_finds_damage(
    damaged_demo, check_every_file_beside, qtbot
):
    from tests.ui.shell_support import make_window

    shown: list[str] = []
    window = make_window(qtbot, shown)
    assert window.open_path(damaged_demo, "demo")
    qtbot.waitUntil(lambda: window.portfolio is None, timeout=10_000)
    assert len(shown) == 1 and "damaged" in shown[0].lower(), shown
    assert window.stack.currentWidget() is window.welcome


def test_the_main_window_keeps_a_sound_big_file_open(demo_file, check_every_file_beside, qtbot):
    from tests.ui.shell_support import make_window

    shown: list[str] = []
    window = make_window(qtbot, shown)
    assert window.open_path(demo_file, "demo")
    qtbot.waitUntil(lambda: not window.beside_timer.isActive(), timeout=10_000)
    assert window.portfolio is not None and shown == []
