"""The writer the crash tests kill: one process imports the app once, then forks a child per run.

Importing the app costs ~2 s, so a fresh interpreter per kill would blow the time budget. This
script reads one JSON job per line on stdin, forks a child for it and prints, on stdout:

    child PID           the child that does the job (the test SIGKILLs it)
    ready               the child opened its file and starts writing
    ack WHAT            a commit (or a finished step) the app acknowledged, printed after it
    exit STATUS         the child ended (killed or not), waited for by this process

Each line is one write() shorter than PIPE_BUF, so lines of parent and child never interleave.
"""

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from alliance_desk.portfolio import Portfolio  # noqa: E402
from alliance_desk.sync import shared  # noqa: E402


def say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def edits(job: dict) -> None:
    """Add alliances and change notes, one committed transaction each, acknowledging each."""
    rng = random.Random(job["seed"])
    with Portfolio.open(job["path"], job["passphrase"], take_over_lock=True) as portfolio:
        say("ready")
        for number in range(job.get("count", 10_000)):
            try:
                edit(portfolio, rng, job["seed"], number)
            except Exception as exc:
                if not job.get("tolerant"):
                    raise
                say(f"refused {type(exc).__name__}: {exc}".replace("\n", " ")[:500])


def edit(portfolio: Portfolio, rng: random.Random, seed: int, number: int) -> None:
    if number % 3 == 2:
        alliance = rng.choice(portfolio.alliances())
        text = f"note {seed}-{number} " * rng.randint(1, 400)
        portfolio.update(alliance, notes=text)
        say(f"ack note {alliance.id} {seed}-{number}")
    else:
        alliance = portfolio.add_alliance(f"Kill {seed}-{number}")
        say(f"ack alliance {alliance.id}")


def rekey(job: dict) -> None:
    """Change the passphrase back and forth, with an edit between; acknowledge each step."""
    phrases = job["passphrases"]
    current = job["passphrase"]
    with Portfolio.open(job["path"], current, take_over_lock=True) as portfolio:
        say("ready")
        for number in range(10_000):
            following = phrases[(phrases.index(current) + 1) % len(phrases)]
            say(f"rekeying {phrases.index(following)}")
            portfolio.change_passphrase(following)
            current = following
            say(f"ack key {phrases.index(current)}")
            alliance = portfolio.add_alliance(f"Rekey {job['seed']}-{number}")
            say(f"ack alliance {alliance.id}")


def migrate(job: dict) -> None:
    """Open an old-schema file (backup, then upgrade), then edit it."""
    say("ready")
    with Portfolio.open(job["path"], job["passphrase"], take_over_lock=True) as portfolio:
        say("ack migrated")
        for number in range(10_000):
            alliance = portfolio.add_alliance(f"Migrated {job['seed']}-{number}")
            say(f"ack alliance {alliance.id}")


def sync(job: dict) -> None:
    """Edit the working copy and sync with the shared file, again and again."""
    say("ready")
    for number in range(10_000):
        with Portfolio.open(job["path"], job["passphrase"], take_over_lock=True) as portfolio:
            alliance = portfolio.add_alliance(f"Synced {job['seed']}-{number}")
        say(f"ack alliance {alliance.id}")
        shared.sync_with_shared(job["path"], job["passphrase"], job["shared"], wait=30)
        say(f"ack synced {alliance.id}")


JOBS = {"edits": edits, "rekey": rekey, "migrate": migrate, "sync": sync}


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.environ["ALLIANCE_DESK_DEVICE_ID"] = job.get("device", "crash-writer")
                JOBS[job["mode"]](job)
            except BaseException as exc:  # noqa: BLE001 (reported; the test decides)
                say(f"error {type(exc).__name__}: {exc}".replace("\n", " ")[:3000])
                code = 1
            os._exit(code)
        say(f"child {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {status}")


if __name__ == "__main__":
    main()
