"""`alliance-desk`: the GUI by default; sub-commands for headless work (DESIGN.md §8).

This module only reads the command line; cli_run.py does the work. It loads nothing heavy, so
that a start naming a portfolio looks up its passphrase and derives the file's key
(storage/passphrase.Lookup) in a thread while the window's modules load.
"""

import os
import sys
from argparse import ArgumentParser, Namespace
from pathlib import Path

from alliance_desk import __version__
from alliance_desk.storage import passphrase, paths

DEMO_PASSPHRASE = "demo"

COMMANDS = [
    "new",
    "demo",
    "info",
    "check",
    "passwd",
    "worksheet",
    "preread",
    "ask",
    "import",
    "export",
    "merge",
]


def gui_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="alliance-desk",
        description="Alliance Desk: an encrypted, offline workbench for alliance managers. "
        "Sub-commands: new, demo, info, check, passwd, worksheet, preread, ask, import, export, "
        "merge (alliance-desk COMMAND --help).",
    )
    parser.add_argument("path", nargs="?", help="portfolio file to open")
    parser.add_argument("--demo", action="store_true", help="open the demo portfolio")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window and exit")
    parser.add_argument("--tab", metavar="NAME", help="with --screenshot: the tab to show")
    parser.add_argument("--passphrase-file", metavar="FILE")
    parser.add_argument(
        "--selftest", action="store_true", help="check this installation off-screen and exit"
    )
    parser.add_argument("--version", action="version", version=f"Alliance Desk {__version__}")
    return parser


def given_passphrase(args: Namespace) -> str | None:
    """The passphrase a start of the window was given: the demo's, --passphrase-file's, or the
    environment's (with a file named). None: the keyring's, or ask."""
    if args.demo:
        return DEMO_PASSPHRASE
    if args.passphrase_file:
        return passphrase.read_file(args.passphrase_file)
    if args.path and os.environ.get(passphrase.ENV):
        return os.environ[passphrase.ENV]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        from alliance_desk import cli_run

        return cli_run.run_command(argv)
    args = gui_parser().parse_args(argv)
    lookup = _look_up_early(args)
    from alliance_desk import cli_run  # the window loads SQLAlchemy after its first paint

    return cli_run.run_gui_start(args, lookup)


def _look_up_early(args: Namespace) -> passphrase.Lookup | None:
    """For a start naming a file: its passphrase (given, else the keyring's) and key, worked out
    in a thread while cli_run loads. A passphrase file that cannot be read (None) is read again
    by cli_run, which reports why; one that can is read only here (it may be a pipe)."""
    path = paths.demo_path() if args.demo else Path(args.path) if args.path else None
    if args.selftest or path is None or not path.is_file():
        return None
    try:
        secret = given_passphrase(args)
    except passphrase.PassphraseUnavailable:
        return None
    return passphrase.Lookup(path, secret)


if __name__ == "__main__":
    sys.exit(main())
