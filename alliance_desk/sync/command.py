"""`alliance-desk merge SOURCE TARGET [--force]`: merge one copy into another, say what changed.

TARGET's passphrase: --passphrase-file, $ALLIANCE_DESK_PASSPHRASE, the keyring, a prompt.
SOURCE's passphrase: --source-passphrase-file, $ALLIANCE_DESK_SOURCE_PASSPHRASE, the keyring;
otherwise TARGET's passphrase is tried (copies usually share it), then a prompt.
"""

import os
import sys
from pathlib import Path

from alliance_desk.storage import database, errors, keychain, passphrase
from alliance_desk.sync.errors import SyncError
from alliance_desk.sync.files import merge_files


def add_parser(commands) -> None:
    """Register the sub-command on the CLI's sub-parsers."""
    text = "Merge SOURCE (another copy of the portfolio) into TARGET; prints what changed."
    sub = commands.add_parser("merge", help=text, description=text)
    sub.add_argument("source", help="the copy to merge from (it is not changed)")
    sub.add_argument("path", metavar="target", help="the portfolio to merge into")
    sub.add_argument(
        "--force", action="store_true", help="merge even when they are different portfolios"
    )
    sub.add_argument("--passphrase-file", metavar="FILE", help="TARGET's passphrase")
    sub.add_argument("--source-passphrase-file", metavar="FILE", help="SOURCE's passphrase")


def run(args) -> int:
    source, target = Path(args.source), Path(args.path)
    database.check_file(source)
    database.check_file(target)
    target_secret = passphrase.resolve(target, args.passphrase_file)
    source_secret = _source_passphrase(source, args.source_passphrase_file)
    try:
        try:
            report = merge_files(
                source, target, source_secret or target_secret, target_secret, force=args.force
            )
        except errors.WrongPassphrase as exc:
            if source_secret is not None or exc.path.resolve() != source.resolve():
                raise
            how = f"--source-passphrase-file FILE or set {passphrase.SOURCE_ENV}"
            secret = passphrase.prompt(f"Passphrase for {source}: ", how)
            report = merge_files(source, target, secret, target_secret, force=args.force)
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(f"Merged {source} into {target}.")
    for line in report.lines():
        print(line)
    if report.forced:
        print("The two files were different portfolios; their records are now in one.")
    if report.backup_path is not None:
        print(f"A copy of {target.name} from before the merge is at {report.backup_path}.")
    return 0


def _source_passphrase(source: Path, file: str | None) -> str | None:
    """SOURCE's own passphrase when one is given or remembered; None means: try TARGET's."""
    if file:
        return passphrase.read_file(file)
    if os.environ.get(passphrase.SOURCE_ENV):
        return os.environ[passphrase.SOURCE_ENV]
    return keychain.recall(source)
