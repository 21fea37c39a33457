"""Nothing leaks: after a working session with marker strings, no marker is readable in the
portfolio file, its journal, its backups, the shared copy, the app's settings, logs or temp
folders; the passphrase is in none of them; exports leave no temp files; and "Forget
passphrase" leaves no keyring entry."""

import logging
import tempfile
from pathlib import Path

import pytest

from alliance_desk.models import Alliance, Stakeholder
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import backups, keychain
from alliance_desk.sync.files import merge_files
from alliance_desk.sync.shared import sync_with_shared
from tests.reliability.figures import count, note

PART = "nothing leaks"
SECRET = "Leak-Test passphrase: ölig 🔑 7c3f"
NEW_SECRET = "Second leak-test passphrase 5d2a"
MARKERS = [
    "ZEBRAFISH-TERM-SHEET-7731",
    "Cobalt upfront 41 million",
    "Confidential: Okafor distrusts the CFO",
]


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def findings(files: list[Path], secrets: list[str]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            if any(form in data for form in encodings(secret)):
                found.append(f"{secret!r} in {path}")
    return found


@pytest.fixture
def private_temp(tmp_path, monkeypatch) -> Path:
    """Temp files of this test land here (TMPDIR), so leftovers can be seen."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_working_session_leaves_no_marker_and_no_passphrase_behind(
    tmp_path, app_home, private_temp, memory_keyring, qtbot, caplog
):
    from alliance_desk.reports.exporting.spreadsheet import write_xlsx
    from alliance_desk.reports.worksheet import build_worksheet
    from alliance_desk.reports.worksheet_docx import build_docx
    from alliance_desk.ui.worksheet.printing import save_pdf
    from tests.ui.shell_support import make_window

    caplog.set_level(logging.DEBUG)
    work = tmp_path / "Work"
    work.mkdir()
    path = work / "Deals.alliance"
    with Portfolio.create(path, SECRET, name=MARKERS[0]) as portfolio:
        alliance = portfolio.add_alliance(MARKERS[0], partner=MARKERS[1], notes=MARKERS[2] * 5)
        person = portfolio.add(Stakeholder, name=MARKERS[1], priorities=MARKERS[2])
        portfolio.link_stakeholder(alliance, person, MARKERS[0])
    cloud = tmp_path / "Cloud" / "Team.alliance"
    cloud.parent.mkdir()
    sync_with_shared(path, SECRET, cloud)
    other = tmp_path / "Other" / "copy.alliance"
    other.parent.mkdir()
    other.write_bytes(path.read_bytes())
    with Portfolio.open(other, SECRET) as portfolio:
        portfolio.update(portfolio.all(Alliance)[0], notes=MARKERS[2] + " merged")
    merge_files(other, path, SECRET, SECRET)  # leaves a backup of the target beside it
    assert backups.backups_of(path), "the merge wrote no backup"

    shown: list[str] = []
    window = make_window(qtbot, shown)
    assert window.open_path(path, SECRET)
    window._remember(path, SECRET)
    assert keychain.recall(path) == SECRET
    portfolio = window.portfolio
    portfolio.update(portfolio.all(Alliance)[0], name=MARKERS[0] + " renamed")
    portfolio.change_passphrase(NEW_SECRET)
    window._passphrase = NEW_SECRET
    exports = tmp_path / "Exports"
    exports.mkdir()
    sheet = build_worksheet(portfolio, portfolio.all(Alliance)[0])
    build_docx(sheet, exports / "worksheet.docx")
    save_pdf(sheet, exports / "worksheet.pdf")
    write_xlsx(portfolio, exports / "portfolio.xlsx")
    window.forget_passphrase()
    assert memory_keyring.secrets == {}, "Forget passphrase left a keyring entry"
    count(PART, "keyring entries left after Forget passphrase", len(memory_keyring.secrets))
    window.close_portfolio()
    window.close()
    assert shown == []

    # exports are plaintext by the user's choice; they must leave no temp file behind
    assert sorted(p.name for p in exports.iterdir()) == [
        "portfolio.xlsx",
        "worksheet.docx",
        "worksheet.pdf",
    ]
    leftovers = files_under(private_temp)
    count(PART, "temp files left by exports", len(leftovers))
    assert leftovers == [], leftovers

    scanned = files_under(work, cloud.parent, other.parent, app_home, private_temp)
    assert any(".backup-" in p.name for p in scanned)
    assert any(p.suffix in (".ini", ".conf") or "settings" in p.name.lower() for p in scanned) or (
        files_under(app_home)
    ), "the session wrote no settings to scan"
    note(PART, "markers found")
    note(PART, "passphrases found")
    marker_hits = findings(scanned, MARKERS)
    secret_hits = findings(scanned, [SECRET, NEW_SECRET])
    count(PART, "files scanned", len(scanned))
    count(PART, "markers found", len(marker_hits))
    count(PART, "passphrases found", len(secret_hits))
    assert marker_hits == []
    assert secret_hits == []
    log_text = caplog.text
    for secret in [SECRET, NEW_SECRET]:
        assert secret not in log_text
    count(PART, "log records checked", len(caplog.records))
