"""An import is one step to undo: the Portfolio records what it did (portfolio_journal.py), then
takes all of it back, or does it again with the same records, each in one transaction."""

from datetime import date

import pytest

from alliance_desk.models import (
    ActionItem,
    Alliance,
    AllianceStakeholder,
    Benchmark,
    Payment,
    StageChange,
    Stakeholder,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
)
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.importing import build_preview, read_table, run_import
from tests.conftest import PASSPHRASE
from tests.reports.import_support import write_csv, write_xlsx


@pytest.fixture
def alliance(portfolio) -> Alliance:
    return portfolio.find_alliance("Helios Oncology")


def recorded_import(portfolio, path, kind):
    preview = build_preview(portfolio, read_table(path, prefer=kind), kind)
    with portfolio.recording() as journal:
        run_import(portfolio, preview)
    return journal


def titles(portfolio, model=ActionItem) -> list[str]:
    return sorted(record.title for record in portfolio.all(model))


def test_undo_deletes_what_an_import_added_and_redo_brings_the_same_records_back(
    portfolio, portfolio_file, tmp_path, alliance
):
    portfolio.add(ActionItem, alliance_id=alliance.id, title="Already here")
    text = "Alliance,Title\nHelios Oncology,Call Ann\nHelios Oncology,Send the plan\n"
    journal = recorded_import(portfolio, write_csv(tmp_path / "a.csv", text), "actions")
    held = [a for a in portfolio.all(ActionItem) if a.title != "Already here"]  # as a view holds
    added = {a.id for a in held}
    assert len(journal) == 2

    portfolio.undo_recorded(journal)
    assert titles(portfolio) == ["Already here"]
    assert all(a.deleted_at is not None for a in held)  # what views hold follows
    assert [portfolio.get(ActionItem, a.id) for a in held] == [None, None]
    gone = portfolio.all(ActionItem, include_deleted=True)
    assert {a.id for a in gone if a.deleted_at is not None} == added  # tombstones: merges see it

    portfolio.redo_recorded(journal)
    assert titles(portfolio) == ["Already here", "Call Ann", "Send the plan"]
    assert [portfolio.get(ActionItem, a.id) for a in held] == held
    assert {a.id for a in portfolio.all(ActionItem)} - added == {
        a.id for a in portfolio.all(ActionItem) if a.title == "Already here"
    }
    portfolio.undo_recorded(journal)
    portfolio.close()
    with Portfolio.open(portfolio_file, PASSPHRASE) as reopened:  # stored, not only in memory
        assert titles(reopened) == ["Already here"]


def test_undo_puts_changed_fields_back_and_takes_a_stage_move_with_its_history_row(
    portfolio, tmp_path, alliance
):
    portfolio.add(Payment, alliance_id=alliance.id, title="Upfront", amount=5.0, currency="USD")
    text = "Alliance,Title,Amount\nHelios Oncology,Upfront,7\n"
    payments = recorded_import(portfolio, write_csv(tmp_path / "p.csv", text), "payments")
    moves = recorded_import(
        portfolio,
        write_csv(tmp_path / "al.csv", "Name,Stage\nHelios Oncology,Execution\n"),
        "alliances",
    )
    history = [c.stage for c in portfolio.stage_history(alliance)]
    assert (portfolio.get(Alliance, alliance.id).stage, history) == (
        "execution",
        ["formation", "execution"],
    )

    portfolio.undo_recorded(moves)
    portfolio.undo_recorded(payments)
    assert portfolio.get(Alliance, alliance.id).stage == "formation"
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation"]
    (payment,) = portfolio.all(Payment)
    assert (payment.amount, payment.currency) == (5.0, "USD")

    portfolio.redo_recorded(payments)
    portfolio.redo_recorded(moves)
    assert portfolio.all(Payment)[0].amount == 7.0
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation", "execution"]
    assert len(portfolio.all(StageChange, include_deleted=True)) == 2  # the same row came back


def test_undo_of_a_stakeholder_import_takes_the_people_and_their_roles(
    portfolio, tmp_path, alliance
):
    known = portfolio.add(Stakeholder, name="Ann Lee", organisation="Helios")
    portfolio.link_stakeholder(alliance, known, "Sponsor")
    people = (
        "Name,Organisation,Side,Alliance,Role\n"
        "Ann Lee,Helios,Ours,Helios Oncology,JSC co-chair\n"
        "Bob Ray,Brightwave Bio,Partner,Helios Oncology,Alliance manager\n"
    )
    journal = recorded_import(portfolio, write_csv(tmp_path / "s.csv", people), "stakeholders")
    roles = {p.name: role for p, role in portfolio.stakeholders_of(alliance)}
    assert roles == {"Ann Lee": "JSC co-chair", "Bob Ray": "Alliance manager"}

    portfolio.undo_recorded(journal)
    assert [(p.id, role) for p, role in portfolio.stakeholders_of(alliance)] == [
        (known.id, "Sponsor")
    ]
    assert [p.name for p in portfolio.all(Stakeholder)] == ["Ann Lee"]
    assert len(portfolio.all(AllianceStakeholder)) == 1


def test_undo_of_a_survey_import_takes_its_round_responses_and_scores(portfolio, tmp_path):
    portfolio.add(Benchmark, key="trust", name="Trust", scale_min=1, scale_max=10)
    rows = [
        ["Alliance", "Survey", "Date", "Side", "Trust"],
        ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Ours", 8],
        ["Helios Oncology", "Q1 pulse", date(2026, 3, 1), "Partner", 6],
    ]
    journal = recorded_import(portfolio, write_xlsx(tmp_path / "s.xlsx", rows), "survey")
    assert len(portfolio.all(SurveyScore)) == 2

    portfolio.undo_recorded(journal)
    for model in (SurveyRound, SurveyResponse, SurveyScore):
        assert portfolio.all(model) == []
    portfolio.redo_recorded(journal)
    assert sorted(s.value for s in portfolio.all(SurveyScore)) == [6.0, 8.0]


def test_undoing_a_big_import_is_one_reload_for_the_views(portfolio, tmp_path):
    text = "Alliance,Title\n" + "".join(f"Helios Oncology,Action {i}\n" for i in range(1200))
    journal = recorded_import(portfolio, write_csv(tmp_path / "a.csv", text), "actions")
    changes = []
    portfolio.subscribe(changes.append)
    portfolio.undo_recorded(journal)
    assert [c.op for c in changes] == ["reloaded"]
    assert portfolio.all(ActionItem) == []
    assert portfolio.tracking_rows(ActionItem) == []
    portfolio.redo_recorded(journal)
    assert len(portfolio.tracking_rows(ActionItem)) == 1200


def test_a_failed_block_leaves_nothing_recording(portfolio, tmp_path):
    text = "Alliance,Title\n" + "".join(f"Helios Oncology,Action {i}\n" for i in range(3000))
    preview = build_preview(portfolio, read_table(write_csv(tmp_path / "a.csv", text)), "actions")

    def cancel(done, total):
        if done >= 2000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), portfolio.recording():
        run_import(portfolio, preview, cancel)
    assert portfolio.all(ActionItem) == []
    with portfolio.recording() as journal:  # free to record again
        portfolio.add(ActionItem, alliance_id=portfolio.alliances()[0].id, title="One")
    assert len(journal) == 1


def test_what_changed_since_by_other_means_stays(portfolio, tmp_path, alliance):
    """A merge or a sync between the import and its undo: their values and deletions win."""
    portfolio.add(Payment, alliance_id=alliance.id, title="Upfront", amount=5.0, currency="USD")
    text = "Alliance,Title,Amount\nHelios Oncology,Upfront,7\nHelios Oncology,Milestone 1,3\n"
    text += "Helios Oncology,Milestone 2,4\n"
    journal = recorded_import(portfolio, write_csv(tmp_path / "p.csv", text), "payments")
    upfront = next(p for p in portfolio.all(Payment) if p.title == "Upfront")
    portfolio.update(upfront, amount=9.0, currency="EUR")  # not on the undo stack, as a merge
    first = next(p for p in portfolio.all(Payment) if p.title == "Milestone 1")
    portfolio.delete(first)

    portfolio.undo_recorded(journal)
    assert [(p.title, p.amount, p.currency) for p in portfolio.all(Payment)] == [
        ("Upfront", 9.0, "EUR")
    ]
    portfolio.redo_recorded(journal)
    assert sorted((p.title, p.amount) for p in portfolio.all(Payment)) == [
        ("Milestone 2", 4.0),
        ("Upfront", 9.0),
    ]  # the one deleted meanwhile stays deleted


def test_undo_puts_back_what_was_stored_even_when_a_rule_changed_since(portfolio, alliance):
    trust = portfolio.add(Benchmark, key="trust", name="Trust", scale_min=1, scale_max=10)
    survey = portfolio.add(SurveyRound, alliance_id=alliance.id, held_on=date(2026, 3, 1))
    response = portfolio.add(SurveyResponse, round_id=survey.id, side="ours")
    score = portfolio.add(SurveyScore, response_id=response.id, benchmark_id=trust.id, value=8)
    with portfolio.recording() as journal:
        portfolio.update(score, value=4)
    portfolio.update(trust, scale_max=5)  # 8 is off today's scale
    portfolio.undo_recorded(journal)
    assert portfolio.get(SurveyScore, score.id).value == 8


def test_many_changed_records_are_put_back_in_bulk(portfolio, tmp_path):
    count = 1200  # more than one read of 500
    rows = "".join(f"Helios Oncology,Action {i},open\n" for i in range(count))
    recorded_import(
        portfolio, write_csv(tmp_path / "a.csv", "Alliance,Title,Status\n" + rows), "actions"
    )
    done = rows.replace(",open\n", ",done\n")
    journal = recorded_import(
        portfolio, write_csv(tmp_path / "b.csv", "Alliance,Title,Status\n" + done), "actions"
    )
    assert len(journal.edits) == count
    changes = []
    portfolio.subscribe(changes.append)
    portfolio.undo_recorded(journal)
    assert {a.status for a in portfolio.all(ActionItem)} == {"open"}
    assert [c.op for c in changes] == ["reloaded"]
    portfolio.redo_recorded(journal)
    assert {a.status for a in portfolio.all(ActionItem)} == {"done"}
