"""The Portfolio service: validation that names the field, stamps, tombstones, announcements."""

from datetime import date, datetime

import pytest

from alliance_desk import clock
from alliance_desk.models import ActionItem, Alliance, Benchmark, Risk, Stakeholder
from alliance_desk.models.validation import ValidationError
from alliance_desk.portfolio import Portfolio
from tests.conftest import PASSPHRASE


@pytest.fixture
def helios(portfolio) -> Alliance:
    return portfolio.find_alliance("helios oncology")


def test_add_with_empty_name_names_the_field(portfolio):
    with pytest.raises(ValidationError) as caught:
        portfolio.add_alliance("   ")
    assert caught.value.field == "name"
    assert caught.value.message == "The name must not be empty."
    assert len(portfolio.alliances()) == 1


def test_renewal_before_start_is_refused(portfolio, helios):
    portfolio.update(helios, start_date=date(2025, 5, 1))
    with pytest.raises(ValidationError) as caught:
        portfolio.update(helios, renewal_date=date(2024, 5, 1))
    assert caught.value.field == "renewal_date"
    assert "before the start date" in caught.value.message
    assert helios.renewal_date is None


def test_score_out_of_scale_is_refused(portfolio, helios):
    with pytest.raises(ValidationError) as caught:
        portfolio.add(ActionItem, alliance_id=helios.id, title="Fix handoffs", impact=7)
    assert caught.value.field == "impact"
    assert "1 to 5" in caught.value.message


def test_unknown_choice_lists_the_valid_ones(portfolio, helios):
    with pytest.raises(ValidationError, match="Formation, Governance"):
        portfolio.update(helios, stage="hibernation")


def test_impossible_dates_and_broken_text_are_refused(portfolio, helios):
    with pytest.raises(ValidationError, match="outside the years"):
        portfolio.update(helios, start_date=date(1066, 10, 14))
    with pytest.raises(ValidationError, match="cannot be stored"):
        portfolio.update(helios, notes="lone surrogate \ud800 here")
    with pytest.raises(ValidationError, match="too long"):
        portfolio.update(helios, name="x" * 501)


def test_hostile_but_valid_text_round_trips(portfolio, portfolio_file, helios):
    text = (
        "R&D <b>bold</b> '; DROP TABLE alliance; -- \u202eevil\u202c 🧪 \x07bell " + "ü" * 100_000
    )
    portfolio.update(helios, notes=text)
    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as again:
        assert again.find_alliance("Helios Oncology").notes == text


def test_link_to_missing_record_is_refused(portfolio):
    with pytest.raises(ValidationError) as caught:
        portfolio.add(ActionItem, alliance_id="no-such-alliance", title="Orphan")
    assert caught.value.field == "alliance_id"


def test_unknown_field_is_refused(portfolio, helios):
    with pytest.raises(ValidationError, match="no field 'colour'"):
        portfolio.update(helios, colour="blue")


def test_benchmark_thresholds_must_lie_on_the_scale(portfolio):
    with pytest.raises(ValidationError) as caught:
        portfolio.add(Benchmark, name="Trust", scale_min=1, scale_max=10, green_at=12)
    assert caught.value.field == "green_at"


def test_edits_are_stamped_with_time_and_device(portfolio, helios, monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_DEVICE_ID", "device-under-test")
    portfolio.device_id = "device-under-test"
    moment = datetime(2026, 3, 4, 5, 6, 7, 890123)
    clock.freeze(moment)
    try:
        portfolio.update(helios, partner="Brightwave Biologics")
    finally:
        clock.freeze(None)
    assert helios.updated_at == moment
    assert helios.updated_by == "device-under-test"
    assert helios.created_at < moment or helios.created_at > moment  # creation kept its own


def test_delete_leaves_a_tombstone_and_restore_brings_it_back(portfolio, portfolio_file, helios):
    portfolio.delete(helios)
    assert portfolio.alliances() == []
    assert portfolio.get(Alliance, helios.id) is None
    assert portfolio.get(Alliance, helios.id, include_deleted=True).deleted_at is not None
    portfolio.restore(helios)
    assert [a.name for a in portfolio.alliances()] == ["Helios Oncology"]


def test_changes_are_announced_after_commit(portfolio, helios):
    seen = []
    unsubscribe = portfolio.subscribe(seen.append)
    portfolio.update(helios, partner="New partner")
    risk = portfolio.add(Risk, alliance_id=helios.id, title="Key-person dependency", kind="risk")
    portfolio.delete(risk)
    unsubscribe()
    portfolio.update(helios, partner="Unheard")
    assert [(c.kind, c.op) for c in seen] == [
        ("alliances", "updated"),
        ("risks", "added"),
        ("risks", "deleted"),
    ]
    assert seen[0].fields == ("partner",)


def test_failed_edit_is_not_announced_and_stores_nothing(portfolio, portfolio_file, helios):
    seen = []
    portfolio.subscribe(seen.append)
    with pytest.raises(ValidationError):
        portfolio.update(helios, name="")
    assert seen == []
    assert helios.name == "Helios Oncology"


def test_stage_history_records_each_move_with_its_date(portfolio):
    helios = portfolio.add_alliance("Helios II", start_date=date(2024, 9, 1))
    portfolio.set_stage(helios, "governance", on=date(2025, 1, 10))
    portfolio.set_stage(helios, "execution", on=date(2025, 6, 1), note="First patient dosed")
    history = portfolio.stage_history(helios)
    assert [(c.stage, c.changed_on) for c in history] == [
        ("formation", date(2024, 9, 1)),
        ("governance", date(2025, 1, 10)),
        ("execution", date(2025, 6, 1)),
    ]
    assert helios.stage == "execution"


def test_one_stakeholder_serves_several_alliances(portfolio, helios):
    other = portfolio.add_alliance("Orion Diagnostics")
    person = portfolio.add(Stakeholder, name="Mara Lindqvist", side="ours")
    portfolio.link_stakeholder(helios, person, "Executive sponsor")
    portfolio.link_stakeholder(other, person, "JSC member")
    portfolio.link_stakeholder(other, person, "JSC chair")
    assert portfolio.stakeholders_of(helios) == [(person, "Executive sponsor")]
    assert portfolio.stakeholders_of(other) == [(person, "JSC chair")]


def test_archive_hides_from_the_working_list(portfolio, helios):
    portfolio.archive(helios)
    assert portfolio.alliances(include_archived=False) == []
    assert portfolio.alliances() == [helios]
    portfolio.archive(helios, archived=False)
    assert portfolio.alliances(include_archived=False) == [helios]


def test_find_alliance_by_name_case_insensitive_or_exact_id(portfolio, helios):
    assert portfolio.find_alliance("HELIOS ONCOLOGY") is helios
    assert portfolio.find_alliance(helios.id) is helios
    assert portfolio.find_alliance("Helios") is None


def test_portfolio_identity_survives_reopen(portfolio_file):
    with Portfolio.open(portfolio_file, PASSPHRASE) as first:
        ident = first.portfolio_id
        assert first.name == "Template portfolio"
    with Portfolio.open(portfolio_file, PASSPHRASE) as second:
        assert second.portfolio_id == ident
        assert len(ident) == 36


def test_batch_commits_once_and_announces_after(portfolio, portfolio_file, helios):
    seen = []
    portfolio.subscribe(seen.append)
    with portfolio.batch():
        for number in range(3):
            portfolio.add(ActionItem, alliance_id=helios.id, title=f"Step {number}")
        assert seen == []  # nothing announced before the commit
    assert [c.op for c in seen] == ["added"] * 3
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert len(reader.all(ActionItem)) == 3


def test_failed_batch_stores_nothing(portfolio, portfolio_file, helios):
    with pytest.raises(RuntimeError), portfolio.batch():
        portfolio.add(ActionItem, alliance_id=helios.id, title="Half of a bulk edit")
        raise RuntimeError("import interrupted")
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert reader.all(ActionItem) == []


def test_lower_is_better_thresholds(portfolio):
    days = portfolio.add(
        Benchmark,
        name="Days to resolve",
        higher_is_better=False,
        scale_min=0,
        scale_max=365,
        green_at=14,
        red_below=30,
    )
    assert days.green_at == 14
    with pytest.raises(ValidationError, match="lower is better"):
        portfolio.update(days, green_at=45)


def test_failed_write_spoils_the_whole_batch(portfolio, portfolio_file, helios, monkeypatch):
    """An importer that catches a write error and carries on must not store half a batch."""
    from sqlalchemy.exc import OperationalError

    from alliance_desk.portfolio import BatchFailed

    real_flush = portfolio._session.flush
    calls = {"n": 0}

    def flaky_flush(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real_flush(*args, **kwargs)

    monkeypatch.setattr(portfolio._session, "flush", flaky_flush)
    with pytest.raises(BatchFailed), portfolio.batch():
        for title in ("A", "B", "C"):
            try:
                portfolio.add(ActionItem, alliance_id=helios.id, title=title)
            except (OperationalError, BatchFailed):
                continue
    monkeypatch.setattr(portfolio._session, "flush", real_flush)
    assert portfolio.all(ActionItem) == []
    portfolio.add(ActionItem, alliance_id=helios.id, title="After the failed batch")
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert [a.title for a in reader.all(ActionItem)] == ["After the failed batch"]


def test_invalid_row_in_a_batch_can_be_skipped(portfolio, helios):
    with portfolio.batch():
        portfolio.add(ActionItem, alliance_id=helios.id, title="Kept")
        with pytest.raises(ValidationError):
            portfolio.add(ActionItem, alliance_id=helios.id, title="")
        portfolio.add(ActionItem, alliance_id=helios.id, title="Also kept")
    assert [a.title for a in portfolio.all(ActionItem)] == ["Kept", "Also kept"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("revenue_share", "12", "a number"),
        ("start_date", "2024-01-01", "a date"),
        ("alternative_partners", 2.5, "a whole number"),
        ("name", 42, "text"),
    ],
)
def test_wrong_types_are_named_not_crashes(portfolio, helios, field, value, words):
    with pytest.raises(ValidationError) as caught:
        portfolio.update(helios, **{field: value})
    assert caught.value.field == field
    assert f"must be {words}" in caught.value.message


def test_survey_score_must_lie_on_the_benchmark_scale(portfolio, helios):
    from alliance_desk.models import SurveyResponse, SurveyRound, SurveyScore

    trust = portfolio.add(Benchmark, name="Trust", scale_min=1, scale_max=10)
    survey = portfolio.add(SurveyRound, alliance_id=helios.id, held_on=date(2026, 3, 1))
    answer = portfolio.add(SurveyResponse, round_id=survey.id, side="partner")
    portfolio.add(SurveyScore, response_id=answer.id, benchmark_id=trust.id, value=7)
    with pytest.raises(ValidationError) as caught:
        portfolio.add(SurveyScore, response_id=answer.id, benchmark_id=trust.id, value=99)
    assert caught.value.message == "99 is off the Trust scale (1 to 10)."
    with pytest.raises(ValidationError, match="not a valid side"):
        portfolio.add(SurveyResponse, round_id=survey.id, side="martian")


def test_a_failing_listener_does_not_hide_a_stored_edit(portfolio, helios):
    def broken(change):
        raise RuntimeError("view crashed")

    heard = []
    portfolio.subscribe(broken)
    portfolio.subscribe(heard.append)
    portfolio.update(helios, partner="Still stored")
    assert helios.partner == "Still stored"
    assert len(heard) == 1


def other_writer_can_commit(portfolio_file) -> bool:
    """Whether a second connection (another program) can commit now, without waiting: only
    when this portfolio holds no read transaction open."""
    import sqlcipher3

    from alliance_desk.storage import database

    conn = database.connect(portfolio_file, PASSPHRASE, "rw")
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE alliance SET notes = 'from elsewhere'")
        conn.execute("COMMIT")
        return True
    except sqlcipher3.OperationalError:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def test_reads_in_one_reading_block_release_the_file_when_it_ends(portfolio, portfolio_file):
    with portfolio.reading():
        assert [a.name for a in portfolio.alliances()] == ["Helios Oncology"]
        portfolio.all(ActionItem)
        with portfolio.reading():  # a nested block joins the outer one
            portfolio.all(Risk)
        assert not other_writer_can_commit(portfolio_file)  # the shared read is still open
    assert other_writer_can_commit(portfolio_file)
    assert portfolio.alliances()[0].notes == "from elsewhere"  # a new read sees the change


def test_writes_inside_a_reading_block_are_stored(portfolio, portfolio_file, helios):
    with portfolio.reading():
        portfolio.alliances()
        portfolio.update(helios, name="Helios Oncology Partners")
        action = portfolio.add(ActionItem, alliance_id=helios.id, title="Send the term sheet")
        portfolio.all(ActionItem)
        portfolio.delete(action)  # an edit staged on the record before the write
        portfolio.all(Risk)
    assert other_writer_can_commit(portfolio_file)
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert reader.find_alliance(helios.id).name == "Helios Oncology Partners"
        assert reader.all(ActionItem) == []
        assert len(reader.all(ActionItem, include_deleted=True)) == 1


def test_an_edit_inside_a_reading_block_waits_for_another_writer(portfolio, portfolio_file, helios):
    """Another program holding the write lock for a moment: the edit waits its turn (as outside
    a reading block) instead of failing with "database is locked"."""
    import threading

    from alliance_desk.storage import database

    other = database.connect(portfolio_file, PASSPHRASE, "rw")
    other.execute("PRAGMA busy_timeout = 5000")  # its commit waits for our reads, as ours would
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE alliance SET notes = 'from elsewhere'")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    try:
        with portfolio.reading():
            portfolio.alliances()
            portfolio.update(helios, name="Helios Oncology Partners")
            action = portfolio.add(ActionItem, alliance_id=helios.id, title="Call the CMO")
            portfolio.delete(action)
    finally:
        other.close()
    with Portfolio.open(portfolio_file, PASSPHRASE, read_only=True) as reader:
        assert reader.find_alliance(helios.id).name == "Helios Oncology Partners"
        assert reader.all(ActionItem) == []
