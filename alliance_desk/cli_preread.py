"""`alliance-desk preread`: a Word pre-read for the board, a sponsor or the JSC (DESIGN.md §8).

Charts need Qt (pyqtgraph off-screen); it is imported here, when a document is written, and
never by reports/ itself.
"""

import argparse
from datetime import date
from pathlib import Path

from alliance_desk.reports.preread import (
    AUDIENCES,
    PrereadProblem,
    TemplateProblem,
    build_preread,
    write_preread,
)
from alliance_desk.reports.worksheet import NotFound, choose


def add_parser(command) -> None:
    """Register the sub-command; `command(name, help)` makes a parser with PATH."""
    sub = command(
        "preread", "Write a Word pre-read: board one-pager, sponsor brief or JSC pre-read."
    )
    sub.add_argument("--audience", choices=list(AUDIENCES), required=True)
    sub.add_argument("--alliance", metavar="NAME", help="the alliance (not for --audience board)")
    sub.add_argument(
        "--stakeholder", metavar="NAME", help="the reader: their recorded questions shape it"
    )
    sub.add_argument("--template", metavar="T.docx", help="a Word template with your styles")
    sub.add_argument("--since", metavar="YYYY-MM-DD", help="what changed since this date")
    sub.add_argument("-o", "--output", metavar="OUT.docx", required=True)
    sub.add_argument("--passphrase-file", metavar="FILE")


def run(args: argparse.Namespace, open_portfolio, user_error: type[Exception]) -> int:
    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        raise user_error(f"The output must be a .docx file, not {out.name}.")
    if not out.parent.is_dir():
        raise user_error(f"There is no folder {out.parent} to write {out.name} into.")
    since = _since(args.since, user_error)
    if args.audience == "board" and args.alliance:
        raise user_error("The board one-pager covers the whole portfolio: leave out --alliance.")
    with open_portfolio(args, read_only=True) as portfolio:
        try:
            alliance, people = choose(
                portfolio, args.alliance, [args.stakeholder] if args.stakeholder else None
            )
            preread = build_preread(
                portfolio,
                args.audience,
                alliance,
                people[0] if people else None,
                since=since,
            )
        except (NotFound, PrereadProblem) as exc:
            raise user_error(str(exc)) from None
    from alliance_desk.charts.for_reports import render_request

    try:
        write_preread(preread, out, Path(args.template) if args.template else None, render_request)
    except TemplateProblem as exc:
        raise user_error(str(exc)) from None
    except OSError as exc:
        raise user_error(f"Could not write {out}: {exc.strerror or exc}.") from None
    print(f"Wrote the {AUDIENCES[args.audience].lower()} to {out}.")
    return 0


def _since(text: str | None, user_error) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise user_error(f"--since needs a date like 2026-10-01, not “{text}”.") from None
