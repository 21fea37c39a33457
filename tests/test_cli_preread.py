"""`alliance-desk preread PATH --audience board|sponsor|jsc [--alliance] [--stakeholder] …`."""

import docx
import pytest

from alliance_desk.cli import main


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("ALLIANCE_DESK_PASSPHRASE", "demo")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_sponsor_brief_for_a_named_reader(capsys, demo_file, tmp_path):
    out = tmp_path / "brief.docx"
    code, said, err = run(
        capsys,
        "preread",
        demo_file,
        "--audience",
        "sponsor",
        "--alliance",
        "corvane cv-214 co-development",
        "--stakeholder",
        "dr. paul okafor",
        "--since",
        "2026-09-01",
        "-o",
        out,
    )
    assert (code, err) == (0, "")
    assert said == f"Wrote the executive sponsor brief to {out}.\n"
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Corvane CV-214 co-development — executive sponsor brief"
    assert "Dr. Paul Okafor's questions" in [p.text for p in document.paragraphs]


def test_a_jsc_pre_read_carries_its_charts(capsys, demo_file, tmp_path):
    out = tmp_path / "jsc.docx"
    args = [
        "preread",
        demo_file,
        "--audience",
        "jsc",
        "--alliance",
        "Corvane CV-214 co-development",
    ]
    assert run(capsys, *args, "-o", out)[0] == 0
    assert len(docx.Document(str(out)).inline_shapes) == 3  # drawn off-screen, embedded as PNG


def test_the_board_page_covers_the_portfolio(capsys, demo_file, tmp_path):
    out = tmp_path / "board.docx"
    assert run(capsys, "preread", demo_file, "--audience", "board", "-o", out)[0] == 0
    names = [row.cells[0].text for row in docx.Document(str(out)).tables[0].rows[1:]]
    assert "Vendrix Nordic distribution" in names and len(names) == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audience", "jsc"], "The jsc pre-read is about one alliance: name it."),
        (
            ["--audience", "board", "--alliance", "Corvane CV-214 co-development"],
            "The board one-pager covers the whole portfolio: leave out --alliance.",
        ),
        (["--audience", "jsc", "--alliance", "Nowhere"], "No alliance is called “Nowhere”."),
        (
            ["--audience", "board", "--since", "last week"],
            "--since needs a date like 2026-10-01, not “last week”.",
        ),
        (
            ["--audience", "board", "--template", "missing.docx"],
            "The template missing.docx does not exist.",
        ),
    ],
)
def test_bad_requests_get_one_sentence_and_no_file(capsys, demo_file, tmp_path, args, message):
    out = tmp_path / "out.docx"
    code, said, err = run(capsys, "preread", demo_file, *args, "-o", out)
    assert code == 1 and said == ""
    assert err.strip() == message
    assert not out.exists()


def test_only_docx_output_is_written(capsys, demo_file, tmp_path):
    code, _, err = run(
        capsys, "preread", demo_file, "--audience", "board", "-o", tmp_path / "x.pdf"
    )
    assert code == 1 and "must be a .docx file" in err
