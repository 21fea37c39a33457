"""What the command line runs (cli.py reads it): the window, or a sub-command.

Errors are one plain sentence on stderr with a non-zero exit code.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desk import __version__
from alliance_desk.cli import COMMANDS, DEMO_PASSPHRASE, given_passphrase
from alliance_desk.models.limits import ValidationError
from alliance_desk.opening import RENDER_OPEN, Opening
from alliance_desk.portfolio_errors import PortfolioReadOnly
from alliance_desk.storage import errors, keychain, passphrase, paths
from alliance_desk.storage.database import check_file

if TYPE_CHECKING:  # the window paints before SQLAlchemy loads (glance.py); commands load it
    from alliance_desk.portfolio import Portfolio

HIDDEN_KINDS = {"devices", "portfolio_info", "sync_peers"}


class UserError(Exception):
    """A problem to report as one sentence."""


def _command_parser() -> argparse.ArgumentParser:
    # The sub-commands' modules load here, not with the GUI (python-docx, openpyxl, Ask...).
    from alliance_desk import cli_ask, cli_preread
    from alliance_desk.reports import transfer_cli
    from alliance_desk.sync import command as merge_command

    parser = argparse.ArgumentParser(prog="alliance-desk")
    parser.add_argument("--version", action="version", version=f"Alliance Desk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("path", help="portfolio file")
        return sub

    new = command("new", "Create an empty encrypted portfolio.")
    new.add_argument("--passphrase-file", metavar="FILE")
    new.add_argument("--name", default="", help="portfolio name (default: the file name)")
    command("demo", "Write the demo portfolio (passphrase: demo).")
    for name, text in [
        ("info", "Show the portfolio id, schema version and counts per kind."),
        ("check", "Run the integrity and cipher checks, one line per finding."),
    ]:
        command(name, text).add_argument("--passphrase-file", metavar="FILE")
    passwd = command("passwd", "Change the passphrase.")
    passwd.add_argument("--passphrase-file", metavar="FILE", help="the current passphrase")
    passwd.add_argument("--new-passphrase-file", metavar="FILE", help="the new passphrase")
    sheet = command("worksheet", "Print stakeholder worksheets to a PDF or Word file.")
    sheet.add_argument("--alliance", metavar="NAME", help="the alliance (default: all)")
    sheet.add_argument(
        "--stakeholder", metavar="NAME", nargs="+", action="extend", help="only these, in order"
    )
    sheet.add_argument("-o", "--output", metavar="OUT.pdf|OUT.docx", required=True)
    sheet.add_argument("--interviewer", metavar="NAME", default="", help="printed in the header")
    sheet.add_argument("--passphrase-file", metavar="FILE")
    cli_preread.add_parser(command)
    cli_ask.add_parser(command)
    transfer_cli.add_commands(command)
    merge_command.add_parser(commands)
    return parser


def run_command(argv: list[str]) -> int:
    """A sub-command (argv[0] is one of COMMANDS)."""
    args = _command_parser().parse_args(argv)
    return _reported(lambda: HANDLERS[args.command](args))


def run_gui_start(args: argparse.Namespace, lookup: passphrase.Lookup | None = None) -> int:
    """The window (cli.gui_parser's arguments; `lookup`: cli.py's, started before this module
    loaded)."""
    return _reported(lambda: _run_gui(args, lookup))


def _reported(run) -> int:
    """The exit code of `run()`; a problem for the user is one sentence on stderr."""
    try:
        return run()
    except (
        UserError,
        errors.StorageError,
        passphrase.PassphraseUnavailable,
        PortfolioReadOnly,
    ) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `alliance-desk info F | head -1`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _open(args, read_only: bool = False) -> "Portfolio":
    """Open the portfolio named on the command line; file problems are reported before asking
    for a passphrase."""
    from alliance_desk.portfolio import Portfolio

    path = Path(args.path)
    check_file(path)
    secret = passphrase.resolve(path, getattr(args, "passphrase_file", None))
    return Portfolio.open(path, secret, read_only=read_only)


def cmd_new(args) -> int:
    from alliance_desk.defaults import seed_defaults
    from alliance_desk.portfolio import Portfolio

    path = Path(args.path)
    if path.exists():
        raise errors.AlreadyExists(path)
    secret = passphrase.resolve_new(
        args.passphrase_file, env=passphrase.ENV, option="--passphrase-file"
    )
    with Portfolio.create(path, secret, name=args.name or path.stem) as portfolio:
        seed_defaults(portfolio)
        print(f"Created {path} (portfolio {portfolio.portfolio_id}).")
    return 0


def cmd_demo(args) -> int:
    from alliance_desk.demo import write_demo

    path = Path(args.path)
    if path.exists():
        raise errors.AlreadyExists(path)
    counts = write_demo(path, DEMO_PASSPHRASE)
    print(
        f"Wrote the demo portfolio to {path} (passphrase: {DEMO_PASSPHRASE}): "
        f"{counts['alliances']} alliances, {counts['stakeholders']} stakeholders, "
        f"{counts['survey_scores']} benchmark scores."
    )
    return 0


def cmd_info(args) -> int:
    from alliance_desk.models import KINDS

    with _open(args, read_only=True) as portfolio:
        print(f"Portfolio:      {portfolio.name}")
        print(f"Portfolio id:   {portfolio.portfolio_id}")
        print(f"Schema version: {portfolio.schema_revision}")
        print(f"File:           {portfolio.path.resolve()}")
        for key, count in portfolio.counts().items():
            if key not in HIDDEN_KINDS:
                print(f"{KINDS[key].plural.capitalize() + ':':<26}{count}")
    return 0


def cmd_check(args) -> int:
    with _open(args, read_only=True) as portfolio:
        findings = portfolio.integrity_findings()
    if not findings:
        print("ok: integrity check, cipher check and foreign-key check found no problem")
        return 0
    for line in findings:
        print(line)
    return 2


def cmd_passwd(args) -> int:
    from alliance_desk.portfolio import Portfolio

    check_file(Path(args.path))
    current = passphrase.resolve(Path(args.path), args.passphrase_file)
    with Portfolio.open(args.path, current) as portfolio:
        new = passphrase.resolve_new(args.new_passphrase_file)
        if new == current:
            raise UserError("The new passphrase is the same as the current one; nothing changed.")
        portfolio.change_passphrase(new)
        if keychain.recall(portfolio.path) is not None:
            keychain.remember(portfolio.path, new)
    print(f"Changed the passphrase of {args.path}.")
    return 0


def cmd_worksheet(args) -> int:
    """The worksheet as PDF (Qt, off-screen, imported only here) or Word (python-docx)."""
    from alliance_desk.reports.output import write_atomically
    from alliance_desk.reports.worksheet import NotFound, build_worksheet, choose

    out = Path(args.output)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise UserError(f"The output must be a .pdf or a .docx file, not {out.name}.")
    if not out.parent.is_dir():
        raise UserError(f"There is no folder {out.parent} to write {out.name} into.")
    with _open(args, read_only=True) as portfolio:
        try:
            alliance, people = choose(portfolio, args.alliance, args.stakeholder)
        except NotFound as exc:
            raise UserError(str(exc)) from None
        sheet = build_worksheet(portfolio, alliance, people, interviewer=args.interviewer)
    try:
        if out.suffix.lower() == ".pdf":
            from alliance_desk.ui.worksheet.printing import ensure_gui_application, save_pdf

            ensure_gui_application()
            pages = write_atomically(out, lambda path: save_pdf(sheet, path))
            what = f"{pages} page{'s' if pages != 1 else ''}"
        else:
            from alliance_desk.reports.worksheet_docx import build_docx

            write_atomically(out, lambda path: build_docx(sheet, path))
            what = "Word"
    except OSError as exc:
        raise UserError(f"Could not write {out}: {exc.strerror or exc}.") from None
    people_count = sum(1 for column in sheet.columns if not column.blank)
    print(f"Wrote the worksheet of {people_count} stakeholder(s) to {out} ({what}).")
    return 0


HANDLERS = {
    "new": cmd_new,
    "demo": cmd_demo,
    "info": cmd_info,
    "check": cmd_check,
    "passwd": cmd_passwd,
    "worksheet": cmd_worksheet,
    "preread": lambda args: _module("cli_preread").run(args, _open, UserError),
    "ask": lambda args: _module("cli_ask").run(args, _open, UserError),
    "import": lambda args: _module("reports.transfer_cli").cmd_import(args, _open, UserError),
    "export": lambda args: _module("reports.transfer_cli").cmd_export(args, _open, UserError),
    "merge": lambda args: _module("sync.command").run(args),
}


def _module(name: str):
    return importlib.import_module(f"alliance_desk.{name}")


def _run_gui(args, lookup: passphrase.Lookup | None = None) -> int:
    """Open the main window; with --screenshot render it off-screen and exit."""
    if args.selftest:
        if args.path or args.demo or args.screenshot or args.tab:
            raise UserError("--selftest takes no portfolio and no other option.")
        from alliance_desk.selftest import run_selftest

        return run_selftest()
    if args.tab and not args.screenshot:
        raise UserError("--tab only works together with --screenshot.")
    if args.demo and args.path:
        raise UserError("Give either --demo or a portfolio file, not both.")
    path = Path(args.path) if args.path else None
    if path is not None and not path.exists():
        hint = "" if path.suffix or "/" in args.path else f" Commands: {', '.join(COMMANDS)}."
        raise UserError(f"There is no file at {path}.{hint}")
    if args.demo:
        path = ensure_demo()
    if path is not None and lookup is None:
        lookup = passphrase.Lookup(path, given_passphrase(args))
    secret = None
    if args.screenshot and path is not None:
        secret, _remembered = lookup.passphrase()
        if secret is None:
            raise UserError(
                f"--screenshot needs the passphrase: use --passphrase-file or {passphrase.ENV}."
            )
    opening = None  # the keyring answers, the key is derived and a glance read while Qt loads
    if path is not None:
        options = RENDER_OPEN if args.screenshot else {"check_beside": True}
        opening = Opening(lookup, options, glance=True)
    from alliance_desk.ui.app import run_gui

    return run_gui(
        path=path,
        passphrase=secret,
        screenshot=Path(args.screenshot) if args.screenshot else None,
        tab=args.tab,
        demo=args.demo,
        opening=opening,
    )


def ensure_demo() -> Path:
    """The demo portfolio in the data folder, written the first time it is asked for."""
    from alliance_desk.demo import write_demo

    path = paths.demo_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_demo(path, DEMO_PASSPHRASE)
    return path
