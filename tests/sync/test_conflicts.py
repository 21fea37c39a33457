"""The conflict log for people: both versions, and restoring the losing one (undoably)."""

import socket

from alliance_desk.models import Alliance
from alliance_desk.portfolio import Portfolio
from alliance_desk.sync import merge_files
from alliance_desk.sync.conflicts import conflicts, restore, undo_restore
from tests.conftest import PASSPHRASE
from tests.sync.support import copy, edit


def _conflicted_pair(portfolio_file, delete_later: bool = False):
    theirs = copy(portfolio_file, "theirs.alliance")
    helios = lambda p: p.find_alliance("Helios Oncology")  # noqa: E731
    edit(theirs, "laptop-kim", 1, lambda p: p.update(helios(p), notes="Kim's notes"))
    if delete_later:
        edit(portfolio_file, "laptop-me", 2, lambda p: p.delete(helios(p)))
    else:
        edit(portfolio_file, "laptop-me", 2, lambda p: p.update(helios(p), notes="My notes"))
    merge_files(theirs, portfolio_file, PASSPHRASE, PASSPHRASE)


def test_a_conflict_shows_both_versions_and_who_made_them(portfolio_file):
    _conflicted_pair(portfolio_file)
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        (view,) = conflicts(portfolio)
        assert (view.kind, view.label) == ("alliance", "Helios Oncology")
        assert view.losing["notes"] == "Kim's notes"
        assert view.current_values()["notes"] == "My notes"
        assert view.differing() == ["notes"]
        assert view.losing_device == f"{socket.gethostname()} (laptop-k)"
        assert view.winning_device == f"{socket.gethostname()} (laptop-m)"
        assert not view.restored


def test_restoring_the_losing_version_is_an_edit_that_can_be_undone(portfolio_file):
    _conflicted_pair(portfolio_file)
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        (view,) = conflicts(portfolio)
        done = restore(portfolio, view)
        alliance = portfolio.find_alliance("Helios Oncology")
        assert alliance.notes == "Kim's notes"
        assert alliance.updated_by == portfolio.device_id  # a fresh edit: it syncs onwards
        assert conflicts(portfolio)[0].restored
        undo_restore(portfolio, done)
        assert portfolio.find_alliance("Helios Oncology").notes == "My notes"
        assert not conflicts(portfolio)[0].restored


def test_restoring_an_edit_that_lost_to_a_deletion_brings_the_record_back(portfolio_file):
    _conflicted_pair(portfolio_file, delete_later=True)
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        assert portfolio.alliances() == []
        (view,) = conflicts(portfolio)
        done = restore(portfolio, view)
        (alliance,) = portfolio.alliances()
        assert alliance.notes == "Kim's notes"
        undo_restore(portfolio, done)
        assert portfolio.all(Alliance) == []
