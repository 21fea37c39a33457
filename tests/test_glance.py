"""A start's first window is read with plain SQL before SQLAlchemy loads (glance.py): it must
show what the Portfolio would, and step aside for any file that needs more than a plain read."""

import time
from datetime import timedelta

import pytest

from alliance_desk import clock
from alliance_desk.glance import Glance
from alliance_desk.glance_sql import STATEMENTS
from alliance_desk.insights.status import COUNTED_FIELDS
from alliance_desk.models import ActionItem, Alliance, Decision, Payment
from alliance_desk.opening import Opening
from alliance_desk.portfolio import Portfolio
from alliance_desk.storage import database, keys, lock
from alliance_desk.storage.passphrase import Lookup
from alliance_desk.ui.dashboard_tab import dashboard_rows
from tests.conftest import PASSPHRASE


def test_the_glance_runs_the_sql_the_portfolio_statements_compile_to():
    from alliance_desk import glance_statements

    assert glance_statements.compiled() == STATEMENTS, (
        "A statement of the first window's reads changed: run "
        "`python -m alliance_desk.glance_statements` to write glance_sql.py again."
    )


@pytest.fixture
def varied_demo(demo_file):
    """The demo with what the first window must leave out or count carefully: an archived and
    a deleted alliance (both with records), a deleted action, a decision due in no time, a
    disputed payment and a decision with no due date."""
    today = clock.today()
    with Portfolio.open(demo_file, "demo") as portfolio:
        first, second, third = portfolio.alliances()[:3]
        portfolio.archive(first)
        portfolio.delete(second)
        action = portfolio.all(ActionItem, alliance_id=third.id)[0]
        portfolio.delete(action)
        portfolio.add(Decision, alliance_id=third.id, title="Go or no-go", due_date=today)
        portfolio.add(Decision, alliance_id=third.id, title="Whenever", due_date=None)
        portfolio.add(
            Payment,
            alliance_id=third.id,
            title="Milestone fee",
            amount=250_000.0,
            due_date=today - timedelta(days=3),
            status="disputed",
        )
    return demo_file


def columns_of(records, names) -> list[tuple]:
    return [tuple(getattr(record, name) for name in names) for record in records]


def test_a_glance_reads_what_the_portfolio_reads(varied_demo):
    today = clock.today()
    glance = Glance.read(varied_demo, "demo", keys.derive(varied_demo, "demo"), today)
    assert glance is not None
    with Portfolio.open(varied_demo, "demo", read_only=True) as portfolio:
        names = STATEMENTS["alliances"][1]
        for archived in (True, False):
            assert columns_of(glance.alliances(archived), names) == columns_of(
                portfolio.alliances(include_archived=archived), names
            )
        assert len(glance.alliances()) == len(glance.alliances(False)) + 1  # the archived one
        for kind in COUNTED_FIELDS:
            assert sorted(map(tuple, glance.counted_rows(kind)), key=repr) == sorted(
                map(tuple, portfolio.counted_rows(kind)), key=repr
            )
        assert sorted(map(tuple, glance.action_groups(today)), key=repr) == sorted(
            map(tuple, portfolio.action_groups(today)), key=repr
        )
        assert glance.payment_flags(today) == portfolio.payment_flags(today)
        assert any(flag.disputed for flag in glance.payment_flags(today).values())
        upcoming = glance.upcoming_decisions()
        assert list(map(tuple, upcoming)) == list(map(tuple, portfolio.upcoming_decisions()))
        assert upcoming[-1].title == "Whenever"  # no due date: last
        assert [r.title for r in glance.upcoming_decisions(within_days=0)] == [
            r.title for r in portfolio.upcoming_decisions(within_days=0)
        ]
        # the Dashboard's rows (its counts by the same rules), health aside: the glance has none
        seen = [
            (row.alliance.id, row.counts, row.decisions_due_soon, row.payments, row.on_time)
            for row in dashboard_rows(glance, today)
        ]
        opened = [
            (row.alliance.id, row.counts, row.decisions_due_soon, row.payments, row.on_time)
            for row in dashboard_rows(portfolio, today)
        ]
        assert seen == opened and len(seen) == len(portfolio.alliances(include_archived=False))
    assert all(row.health is None for row in dashboard_rows(glance, today))
    glance.close()


def test_a_glance_converts_dates_and_times_as_the_portfolio_does(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as portfolio:
        helios = portfolio.find_alliance("Helios Oncology")
        portfolio.update(helios, start_date=clock.today(), renewal_date=None)
        expected = portfolio.get(Alliance, helios.id)
        fields = {name: getattr(expected, name) for name in STATEMENTS["alliances"][1]}
    glance = Glance.read(portfolio_file, PASSPHRASE, None)
    (seen,) = glance.alliances()
    assert seen._asdict() == fields
    assert not seen.is_deleted
    glance.close()


def newer_schema(path) -> None:
    conn = database.connect(path, PASSPHRASE, "rw")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()


def older_schema(path) -> None:
    conn = database.connect(path, PASSPHRASE, "rw")
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()


def hot_journal(path) -> None:
    database.journal_path(path).write_bytes(b"\0" * 512)


@pytest.mark.parametrize(
    "spoil, secret",
    [
        (None, "not the passphrase"),
        (newer_schema, PASSPHRASE),
        (older_schema, PASSPHRASE),
        (hot_journal, PASSPHRASE),
        (lambda path: path.write_bytes(b"\x17" * 8192), PASSPHRASE),
    ],
    ids=["wrong passphrase", "newer schema", "older schema", "journal beside", "not a database"],
)
def test_a_file_that_needs_more_than_a_plain_read_gets_no_glance(portfolio_file, spoil, secret):
    """The start then opens the file as before, and the open says what is wrong (or upgrades
    it): the glance neither reports nor changes anything."""
    if spoil is not None:
        spoil(portfolio_file)
    before = portfolio_file.read_bytes()
    assert Glance.read(portfolio_file, secret, None) is None
    assert portfolio_file.read_bytes() == before


def test_a_glance_that_fails_unexpectedly_only_slows_the_start(portfolio_file, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the glance")

    monkeypatch.setattr(Glance, "read", broken)
    opening = Opening(Lookup(portfolio_file, PASSPHRASE), {}, glance=True)
    assert opening.glance() is None
    # without a glance the file opens at once, beside the window's loading, as before
    deadline = time.monotonic() + 15
    while not lock.is_mine(lock.read(portfolio_file)) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert lock.is_mine(lock.read(portfolio_file))
    with opening.portfolio() as portfolio:
        assert [a.name for a in portfolio.alliances()] == ["Helios Oncology"]
    opening.forget()
