"""Merging two copies of a portfolio: scenarios named like sentences (DESIGN.md §4)."""

import json
import shutil
from pathlib import Path

import pytest

from alliance_desk.models import (
    ActionItem,
    Alliance,
    AllianceStakeholder,
    ConflictEntry,
    Stakeholder,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, errors, lock, migrations
from alliance_desk.sync import DifferentPortfolios, SyncError, merge_files
from alliance_desk.sync.errors import SameFile, TargetInUse
from tests.conftest import PASSPHRASE
from tests.sync.support import conflict_versions, copy, data_rows, edit, snapshot

OLD_FILE = Path(__file__).parents[1] / "data" / "schema-0001.alliance"
OLD_PASSPHRASE = "schema-0001"


@pytest.fixture
def pair(portfolio_file) -> tuple[Path, Path]:
    """Two copies of one portfolio: A (edited by laptop-a) and B (laptop-b)."""
    return copy(portfolio_file, "a.alliance"), copy(portfolio_file, "b.alliance")


def helios(portfolio: Portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")


def merge(source: Path, target: Path, **options):
    return merge_files(source, target, PASSPHRASE, PASSPHRASE, **options)


def alliance_names(path: Path, include_deleted: bool = False) -> list[str]:
    with Portfolio.open(path, PASSPHRASE, read_only=True) as portfolio:
        return sorted(a.name for a in portfolio.all(Alliance, include_deleted=include_deleted))


def test_rows_added_in_one_copy_are_added_to_the_other(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.add_alliance("Orion Devices"))
    report = merge(a, b)
    assert alliance_names(b) == ["Helios Oncology", "Orion Devices"]
    assert report.lines()[0] == "Added: 1 alliance, 1 stage change."
    assert not report.conflict_rows


def test_edit_versus_edit_keeps_the_later_version_and_logs_the_other(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="from A"))
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="from B"))
    report = merge(a, b)
    with Portfolio.open(b, PASSPHRASE, read_only=True) as portfolio:
        assert helios(portfolio).notes == "from B"
        (entry,) = portfolio.all(ConflictEntry)
        assert json.loads(entry.losing_row)["notes"] == "from A"
        assert entry.losing_device == "laptop-a" and entry.winning_device == "laptop-b"
        assert entry.losing_updated_at < entry.winning_updated_at
    assert report.conflicted == {"alliances": 1}
    assert "Changed in both copies: 1 alliance" in " ".join(report.lines())
    assert "alliance “Helios Oncology”" in " ".join(report.lines())


def test_the_outcome_does_not_depend_on_which_file_is_the_source(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="from A"))
    edit(b, "laptop-b", 1, lambda p: p.update(helios(p), notes="from B"))  # same moment
    a2, b2 = copy(a, "a2.alliance"), copy(b, "b2.alliance")
    merge(a, b2)
    merge(b, a2)
    assert data_rows(a2) == data_rows(b2)
    assert conflict_versions(a2) == conflict_versions(b2)
    assert len(conflict_versions(a2)) == 1


def test_an_edit_after_a_deletion_in_the_other_copy_brings_the_row_back(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.delete(helios(p)))
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="still going"))
    report = merge(b, a)
    assert alliance_names(a) == ["Helios Oncology"]
    assert report.restored == {"alliances": 1}
    assert "Brought back: 1 alliance" in report.lines()[0]
    assert "alliance “Helios Oncology”" in report.lines()[0]


def test_a_deletion_after_an_edit_wins_and_the_edit_is_kept_in_the_conflict_log(pair):
    a, b = pair
    edit(b, "laptop-b", 1, lambda p: p.update(helios(p), notes="edited first"))
    edit(a, "laptop-a", 2, lambda p: p.delete(helios(p)))
    report = merge(a, b)
    assert alliance_names(b) == []
    assert report.deleted == {"alliances": 1}
    (logged,) = conflict_versions(b)
    assert logged[0] == "alliance" and logged[3] == "laptop-b"


def test_an_edit_in_one_copy_only_is_no_conflict(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="only A"))
    report = merge(a, b)
    assert report.updated == {"alliances": 1} and not report.conflict_rows
    assert conflict_versions(b) == set()


def test_an_edit_made_after_the_copies_met_is_no_conflict(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="A, before meeting"))
    merge(a, b)
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="B, knowing A's edit"))
    report = merge(b, a)
    assert report.updated == {"alliances": 1}
    assert not report.conflict_rows


def test_deleting_and_re_creating_an_alliance_keeps_both_rows_apart(pair):
    a, b = pair

    def recreate(p):
        p.delete(helios(p))
        p.add_alliance("Helios Oncology", partner="New partner")

    edit(a, "laptop-a", 1, recreate)
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="B edits the old one"))
    merge(a, b)
    merge(b, a)
    assert data_rows(a) == data_rows(b)
    assert alliance_names(a) == ["Helios Oncology", "Helios Oncology"]  # B's edit revived it
    assert len(alliance_names(a, include_deleted=True)) == 2


def test_stakeholder_links_travel_with_their_stakeholders(pair):
    a, b = pair

    def link(p):
        person = p.add(Stakeholder, name="Dana Whitfield")
        p.link_stakeholder(helios(p), person, role="Sponsor")

    edit(a, "laptop-a", 1, link)
    report = merge(a, b)
    assert report.added == {"stakeholders": 1, "alliance_stakeholders": 1}

    def change_role(role):
        def work(p):
            ((person, _),) = p.stakeholders_of(helios(p))
            p.link_stakeholder(helios(p), person, role=role)

        return work

    edit(a, "laptop-a", 2, change_role("Executive sponsor"))
    edit(b, "laptop-b", 3, lambda p: p.delete(p.all(AllianceStakeholder)[0]))
    merge(b, a)
    merge(a, b)
    assert data_rows(a) == data_rows(b)
    with Portfolio.open(b, PASSPHRASE, read_only=True) as portfolio:
        assert portfolio.stakeholders_of(helios(portfolio)) == []
    assert {v[0] for v in conflict_versions(b)} == {"alliance_stakeholder"}


def test_copies_with_different_passphrases_merge(pair):
    a, b = pair
    with Portfolio.open(a, PASSPHRASE) as portfolio:
        portfolio.change_passphrase("another one")
    edit(a, "laptop-a", 1, lambda p: p.add_alliance("Orion Devices"), passphrase="another one")
    merge_files(a, b, "another one", PASSPHRASE)
    assert alliance_names(b) == ["Helios Oncology", "Orion Devices"]


def test_a_wrong_source_passphrase_changes_nothing(pair):
    a, b = pair
    before = b.read_bytes()
    with pytest.raises(errors.WrongPassphrase):
        merge_files(a, b, "wrong", PASSPHRASE)
    assert b.read_bytes() == before


def test_an_old_schema_source_is_merged_without_being_changed(tmp_path):
    old = shutil.copyfile(OLD_FILE, tmp_path / "old.alliance")
    current = shutil.copyfile(OLD_FILE, tmp_path / "current.alliance")
    with Portfolio.open(current, OLD_PASSPHRASE) as portfolio:  # upgraded on open
        portfolio.add_alliance("Added after the upgrade")
    before = old.read_bytes()
    report = merge_files(old, current, OLD_PASSPHRASE, OLD_PASSPHRASE)
    assert old.read_bytes() == before
    assert not report.changed
    report = merge_files(current, old, OLD_PASSPHRASE, OLD_PASSPHRASE)
    assert report.added["alliances"] == 1
    opened = database.open_file(old, OLD_PASSPHRASE, read_only=True)
    assert opened.schema_revision == migrations.head()
    opened.close()
    assert list(tmp_path.glob("old.backup-before-upgrade-*")), "the target was backed up first"


def test_a_file_from_a_newer_app_is_refused(pair):
    a, b = pair
    opened = database.open_file(a, PASSPHRASE)
    opened.connection.execute("UPDATE alembic_version SET version_num = '9999'")
    opened.close()
    before = b.read_bytes()
    with pytest.raises(errors.NewerSchema):
        merge(a, b)
    assert b.read_bytes() == before


def test_different_portfolios_are_refused_unless_forced(pair, tmp_path):
    a, _ = pair
    other = tmp_path / "other.alliance"
    with Portfolio.create(other, PASSPHRASE, name="Another portfolio") as portfolio:
        portfolio.add_alliance("Orion Devices")
        other_id = portfolio.portfolio_id
    before = other.read_bytes()
    with pytest.raises(DifferentPortfolios, match="different portfolios"):
        merge(a, other)
    assert other.read_bytes() == before
    report = merge(a, other, force=True)
    assert report.forced
    assert alliance_names(other) == ["Helios Oncology", "Orion Devices"]
    with Portfolio.open(other, PASSPHRASE, read_only=True) as portfolio:
        assert portfolio.portfolio_id == other_id
        assert portfolio.name == "Another portfolio"


def test_merging_twice_changes_nothing(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="A"))
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="B"))
    merge(a, b)
    before = b.read_bytes()
    report = merge(a, b)
    assert report.rows_written == 0 and not report.changed
    assert report.lines() == ["Nothing to merge: b.alliance already had everything in it."]
    assert b.read_bytes() == before
    assert report.backup_path is None


def test_a_merge_backs_up_the_target_first(pair):
    a, b = pair
    before = b.read_bytes()
    edit(a, "laptop-a", 1, lambda p: p.add_alliance("Orion Devices"))
    report = merge(a, b)
    assert report.backup_path is not None and report.backup_path.read_bytes() == before


def test_a_merge_that_fails_half_way_changes_nothing(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.add_alliance("Orion Devices"))
    edit(a, "laptop-a", 2, lambda p: p.add(ActionItem, alliance_id=helios(p).id, title="x"))
    opened = database.open_file(a, PASSPHRASE)  # break the source: an action of no alliance
    opened.connection.execute("PRAGMA foreign_keys = OFF")
    opened.connection.execute("UPDATE action_item SET alliance_id = 'nowhere'")
    opened.close()
    before = data_rows(b)
    with pytest.raises(SyncError, match="was not changed"):
        merge(a, b)
    assert data_rows(b) == before
    assert not list(b.parent.glob("b.backup-*"))


def test_a_target_open_elsewhere_is_refused(pair):
    a, b = pair
    lock.lock_path(b).write_text(
        '{"host": "far-away", "user": "kim", "pid": 1, "time": "2999-01-01T00:00:00"}'
    )
    with pytest.raises(TargetInUse, match="kim on far-away"):
        merge(a, b)


def test_a_file_cannot_be_merged_into_itself(pair):
    a, _ = pair
    with pytest.raises(SameFile):
        merge(a, a)


def test_devices_of_both_copies_are_kept(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.add_alliance("Orion Devices"))
    edit(b, "laptop-b", 1, lambda p: p.add_alliance("Vega Health"))
    merge(a, b)
    devices = set(snapshot(b).tables["device"].rows)
    assert {"laptop-a", "laptop-b"} <= devices


def test_two_copies_that_logged_the_same_conflict_merge_without_duplicates(pair):
    a, b = pair
    edit(a, "laptop-a", 1, lambda p: p.update(helios(p), notes="A"))
    edit(b, "laptop-b", 2, lambda p: p.update(helios(p), notes="B"))
    a2, b2 = copy(a, "a2.alliance"), copy(b, "b2.alliance")
    merge(b, a2)
    merge(a, b2)  # both now hold the same conflict-log entry, written apart
    merge(a2, b2)
    merge(b2, a2)
    assert len(snapshot(a2).tables["conflict_log"].rows) == 1
    assert conflict_versions(a2) == conflict_versions(b2)
    assert data_rows(a2) == data_rows(b2)
