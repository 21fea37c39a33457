"""Importing rows of records: mapping, row-level checks, all-or-nothing, re-import updates."""

from datetime import date

import pytest

from alliance_desk.models import (
    ActionItem,
    Alliance,
    AllianceStakeholder,
    Payment,
    Risk,
    Stakeholder,
)
from alliance_desk.reports.importing import (
    DAY_FIRST,
    MONTH_FIRST,
    ImportRefused,
    build_preview,
    read_table,
    run_import,
)
from alliance_desk.reports.importing import mapping as mappings
from alliance_desk.reports.importing.fields import ACTIONS
from tests.reports.import_support import write_csv, write_xlsx


def preview_of(portfolio, path, kind, **options):
    return build_preview(portfolio, read_table(path, prefer=kind), kind, **options)


def test_headers_are_matched_by_name_and_common_synonyms():
    headers = ["Alliance", "Task", "Responsible", "Deadline", "State", "Whatever"]
    assert mappings.guess(headers, ACTIONS) == [
        "alliance",
        "title",
        "owner",
        "due_date",
        "status",
        "",
    ]
    assert mappings.guess(["Target date", "Owner"], ACTIONS) == ["due_date", "owner"]


def test_each_bad_row_is_reported_with_its_spreadsheet_row_number_and_reason(portfolio, tmp_path):
    rows = [
        ["Alliance", "Title", "Due", "Status", "Impact"],
        ["Helios Oncology", "Good one", "2026-03-01", "Open", 3],
        ["Nowhere Bio", "Unknown alliance", "2026-03-01", "Open", 3],
        ["Helios Oncology", "Bad date", "31/02/2026", "Open", 3],
        ["Helios Oncology", "Off the scale", "2026-03-01", "Open", 9],
        ["Helios Oncology", None, "2026-03-01", "Open", 3],
        ["Helios Oncology", "Bad choice", "2026-03-01", "Maybe", 3],
        [None, None, None, None, None],
        ["Helios Oncology", "Second good one", date(2026, 4, 2), "in progress", None],
    ]
    preview = preview_of(portfolio, write_xlsx(tmp_path / "a.xlsx", rows), "actions")
    shown = [str(p) for p in preview.problems]
    assert shown == [
        "Row 3 (Alliance): There is no alliance 'Nowhere Bio' in this portfolio.",
        "Row 4 (Due): '31/02/2026' is not a date.",
        "Row 5 (Impact): The impact must be a whole number from 1 to 5.",
        "Row 6 (Title): The title must not be empty.",
        "Row 7 (Status): 'Maybe' is not a valid status (Open, In progress, Done, Cancelled).",
    ]
    assert preview.counts() == {"add": 2, "update": 0, "unchanged": 0, "skipped": 5}
    assert portfolio.all(ActionItem) == []  # the preview stores nothing
    result = run_import(portfolio, preview)
    assert (result.added, result.skipped) == (2, 5)
    stored = sorted(portfolio.all(ActionItem), key=lambda a: a.title)
    assert [(a.title, a.status, a.due_date) for a in stored] == [
        ("Good one", "open", date(2026, 3, 1)),
        ("Second good one", "in_progress", date(2026, 4, 2)),
    ]


def test_ambiguous_text_dates_are_a_question_until_the_order_is_chosen(portfolio, tmp_path):
    text = "Alliance,Title,Deadline\nHelios Oncology,A,03/04/2026\nHelios Oncology,B,05/06/2026\n"
    path = write_csv(tmp_path / "a.csv", text)
    preview = preview_of(portfolio, path, "actions")
    assert not preview.ready and preview.planned == []
    assert preview.question.columns == ("Deadline",)
    assert "03/04/2026" in str(preview.question)
    with pytest.raises(ImportRefused):
        run_import(portfolio, preview)
    day = preview_of(portfolio, path, "actions", date_order=DAY_FIRST)
    month = preview_of(portfolio, path, "actions", date_order=MONTH_FIRST)
    assert day.planned[0].fields["due_date"] == date(2026, 4, 3)
    assert month.planned[0].fields["due_date"] == date(2026, 3, 4)


def test_a_column_with_a_day_above_twelve_reads_day_first_without_asking(portfolio, tmp_path):
    text = "Alliance,Title,Deadline\nHelios Oncology,A,03/04/2026\nHelios Oncology,B,25/06/2026\n"
    preview = preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "actions")
    assert preview.ready
    assert [p.fields["due_date"] for p in preview.planned] == [date(2026, 4, 3), date(2026, 6, 25)]
    assert "Dates in 'Deadline' read day-first." in preview.notes


def test_amounts_with_thousand_separators_and_suffixes_are_numbers(portfolio, tmp_path):
    text = (
        "Alliance;Payment;Amount;Currency\n"
        'Helios Oncology;Upfront;"1,234.50";EUR\n'
        "Helios Oncology;Milestone 1;1.234,50;USD\n"
        "Helios Oncology;Milestone 2;1.9m;\n"
        "Helios Oncology;Royalty;€250k;\n"
        "Helios Oncology;Broken;lots;\n"
    )
    preview = preview_of(portfolio, write_csv(tmp_path / "p.csv", text, "cp1252"), "payments")
    assert [str(p) for p in preview.problems] == ["Row 6 (Amount): 'lots' is not an amount."]
    run_import(portfolio, preview)
    stored = {p.title: (p.amount, p.currency) for p in portfolio.all(Payment)}
    assert stored == {
        "Upfront": (1234.5, "EUR"),
        "Milestone 1": (1234.5, "USD"),
        "Milestone 2": (1_900_000.0, "EUR"),
        "Royalty": (250_000.0, "EUR"),
    }


def test_reimporting_the_same_file_adds_nothing_and_updates_what_changed(portfolio, tmp_path):
    rows = [
        ["Alliance", "Risk", "Likelihood", "Impact", "Owner"],
        ["Helios Oncology", "Supply gap", 3, 4, "Ann"],
        ["Helios Oncology", "Key person leaves", 2, 5, "Bob"],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", rows)
    assert str(run_import(portfolio, preview_of(portfolio, path, "risks"))) == (
        "2 added, 0 updated, 0 unchanged, 0 skipped"
    )
    rows[1][2] = 5
    path = write_xlsx(tmp_path / "r.xlsx", rows)
    again = run_import(portfolio, preview_of(portfolio, path, "risks"))
    assert str(again) == "0 added, 1 updated, 1 unchanged, 0 skipped"
    risks = {r.title: r.likelihood for r in portfolio.all(Risk)}
    assert risks == {"Supply gap": 5, "Key person leaves": 2}


def test_an_id_column_matches_the_record_even_when_its_title_changed(portfolio, tmp_path, alliance):
    action = portfolio.add(ActionItem, alliance_id=alliance.id, title="Old title")
    rows = [["Id", "Alliance", "Title"], [action.id, "Helios Oncology", "New title"]]
    preview = preview_of(portfolio, write_xlsx(tmp_path / "a.xlsx", rows), "actions")
    assert str(run_import(portfolio, preview)) == "0 added, 1 updated, 0 unchanged, 0 skipped"
    assert [a.title for a in portfolio.all(ActionItem)] == ["New title"]


def test_the_same_natural_key_twice_in_one_file_imports_only_the_first(portfolio, tmp_path):
    text = "Alliance,Title\nHelios Oncology,Call Ann\nhelios oncology,call ann \n"
    preview = preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "actions")
    assert [str(p) for p in preview.problems] == [
        "Row 3: Same alliance and title as row 2; only the first is imported."
    ]


def test_an_owner_who_is_a_stakeholder_is_linked_by_name(portfolio, tmp_path):
    person = portfolio.add(Stakeholder, name="Ann Lee")
    text = "Alliance,Action,Responsible\nHelios Oncology,Call,ann lee\nHelios Oncology,Write,Zed\n"
    run_import(portfolio, preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "actions"))
    owners = {a.title: (a.owner_id, a.owner_name) for a in portfolio.all(ActionItem)}
    assert owners == {"Call": (person.id, "ann lee"), "Write": (None, "Zed")}


def test_alliances_and_stakeholders_with_their_roles_import(portfolio, tmp_path):
    alliances = "Name,Partner,Stage\nCorvane,Corvane Bio,Execution\n"
    run_import(
        portfolio, preview_of(portfolio, write_csv(tmp_path / "al.csv", alliances), "alliances")
    )
    corvane = portfolio.find_alliance("corvane")
    assert (corvane.partner, corvane.stage) == ("Corvane Bio", "execution")
    assert [c.stage for c in portfolio.stage_history(corvane)] == ["execution"]
    people = (
        "Name,Organisation,Side,Alliance,Role\n"
        "Ann Lee,Corvane Bio,Partner,Corvane,JSC co-chair\n"
        "Ann Lee,Corvane Bio,Partner,Helios Oncology,Sponsor\n"
        "Bob Ray,Us,Ours,,\n"
    )
    path = write_csv(tmp_path / "p.csv", people)
    first = run_import(portfolio, preview_of(portfolio, path, "stakeholders"))
    assert (first.added, first.skipped) == (2, 0)
    ann = next(p for p in portfolio.all(Stakeholder) if p.name == "Ann Lee")
    roles = {
        portfolio.get(Alliance, link.alliance_id).name: link.role
        for link in portfolio.all(AllianceStakeholder)
        if link.stakeholder_id == ann.id
    }
    assert roles == {"Corvane": "JSC co-chair", "Helios Oncology": "Sponsor"}
    again = preview_of(portfolio, path, "stakeholders")
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 3, "skipped": 0}


def test_a_required_field_without_a_column_is_refused_in_one_sentence(portfolio, tmp_path):
    path = write_csv(tmp_path / "a.csv", "Alliance,Owner\nHelios Oncology,Ann\n")
    with pytest.raises(ImportRefused, match="No column is mapped to 'Title', which actions need"):
        preview_of(portfolio, path, "actions")


def test_a_mapping_is_saved_as_json_and_loaded_for_the_next_file(portfolio, tmp_path):
    path = write_csv(
        tmp_path / "a.csv", "Partnership,What to do,Person\nHelios Oncology,Call,Ann\n"
    )
    table = read_table(path)
    chosen = ["alliance", "title", "owner"]
    mappings.save(tmp_path / "m.json", "actions", table.headers, chosen, DAY_FIRST)
    saved = mappings.load(tmp_path / "m.json")
    assert (saved.kind, saved.date_order) == ("actions", DAY_FIRST)
    assert saved.apply(["partnership", "What to do", "Person", "Extra"]) == chosen + [""]
    preview = build_preview(portfolio, table, "actions", saved.apply(table.headers))
    assert preview.planned[0].fields["owner_name"] == "Ann"


def test_a_broken_mapping_file_is_refused_in_one_sentence(tmp_path):
    (tmp_path / "m.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(mappings.MappingError, match="is not a mapping file"):
        mappings.load(tmp_path / "m.json")


def test_a_failure_during_the_import_stores_nothing(portfolio, tmp_path):
    text = "Alliance,Title\n" + "".join(f"Helios Oncology,Action {i}\n" for i in range(3000))
    preview = preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "actions")

    def cancel(done, total):
        if done >= 2000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_import(portfolio, preview, cancel)
    assert portfolio.all(ActionItem) == []


def test_a_big_import_is_announced_as_one_reload(portfolio, tmp_path):
    changes = []
    portfolio.subscribe(changes.append)
    text = "Alliance,Title\n" + "".join(f"Helios Oncology,Action {i}\n" for i in range(500))
    run_import(portfolio, preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "actions"))
    assert [c.op for c in changes] == ["reloaded"]
    changes.clear()
    small = write_csv(tmp_path / "b.csv", "Alliance,Title\nHelios Oncology,One more\n")
    run_import(portfolio, preview_of(portfolio, small, "actions"))
    assert [(c.kind, c.op) for c in changes] == [("actions", "added")]


def test_a_50000_row_sheet_is_read_and_checked_with_progress(portfolio, tmp_path):
    lines = ["Alliance,Title,Due"]
    lines += [
        f"{'Helios Oncology' if i % 5000 == 0 else 'Atlantis'},Action {i},2026-03-01"
        for i in range(50_000)
    ]
    path = write_csv(tmp_path / "big.csv", "\n".join(lines) + "\n", "utf-8-sig")
    calls = []
    table = read_table(path, progress=lambda done, total: calls.append(done))
    assert len(table.rows) == 50_000 and table.rows[-1][0] == 50_001
    preview = build_preview(portfolio, table, "actions", progress=lambda d, t: calls.append(d))
    assert len(calls) > 50
    assert preview.counts() == {"add": 10, "update": 0, "unchanged": 0, "skipped": 49_990}
    assert str(preview.problems[-1]) == (
        "Row 50001 (Alliance): There is no alliance 'Atlantis' in this portfolio."
    )
    assert run_import(portfolio, preview).added == 10
    assert len(portfolio.all(ActionItem)) == 10


def test_updates_keep_what_empty_cells_cannot_say_and_record_stage_moves(
    portfolio, tmp_path, alliance
):
    portfolio.add(Payment, alliance_id=alliance.id, title="Upfront", amount=5.0, currency="USD")
    text = "Alliance,Title,Amount,Currency\nHelios Oncology,Upfront,7,\n"
    result = run_import(
        portfolio, preview_of(portfolio, write_csv(tmp_path / "p.csv", text), "payments")
    )
    assert str(result) == "0 added, 1 updated, 0 unchanged, 0 skipped"
    (payment,) = portfolio.all(Payment)
    assert (payment.amount, payment.currency) == (7.0, "USD")
    text = "Name,Stage\nHelios Oncology,Execution\n"
    run_import(portfolio, preview_of(portfolio, write_csv(tmp_path / "a.csv", text), "alliances"))
    assert [c.stage for c in portfolio.stage_history(alliance)] == ["formation", "execution"]
