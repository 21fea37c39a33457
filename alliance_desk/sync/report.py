"""What a merge changed, per kind, in words a user understands."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from alliance_desk.models import KINDS

HIDDEN = {"conflicts", "devices", "sync_peers"}  # bookkeeping, not the user's records
NAMES = {"portfolio_info": ("portfolio name and details", "portfolio name and details")}
SHOWN_BY_NAME = 5  # restored and conflicted rows are named, up to this many


@dataclass(frozen=True)
class RowNote:
    """One row the report names: its kind (a KINDS key), id and a short label."""

    kind: str
    row_id: str
    label: str

    def describe(self) -> str:
        singular = NAMES.get(self.kind, (KINDS[self.kind].singular,))[0]
        return f"{singular} “{self.label}”" if self.label else singular


def count_words(kind: str, count: int) -> str:
    """'1 action item', '3 risks and issues'."""
    singular, plural = NAMES.get(kind, (KINDS[kind].singular, KINDS[kind].plural))
    return f"{count} {singular if count == 1 else plural}"


@dataclass
class MergeReport:
    """Counts per kind of what the target gained, and the rows worth naming."""

    source: str
    target: str
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    restored: Counter = field(default_factory=Counter)
    conflicted: Counter = field(default_factory=Counter)
    restored_rows: list[RowNote] = field(default_factory=list)
    conflict_rows: list[RowNote] = field(default_factory=list)
    rows_written: int = 0  # every row inserted or changed, bookkeeping included
    forced: bool = False
    backup_path: Path | None = None

    @property
    def changed(self) -> bool:
        """True when the merge wrote anything the user would see."""
        return any(
            sum(v for k, v in counter.items() if k not in HIDDEN)
            for counter in (self.added, self.updated, self.deleted, self.restored)
        ) or bool(self.conflict_rows)

    def total(self, what: str) -> int:
        return sum(v for k, v in getattr(self, what).items() if k not in HIDDEN)

    def lines(self) -> list[str]:
        """One sentence per kind of change; a single sentence when nothing changed."""
        result = []
        for title, counter in (
            ("Added", self.added),
            ("Updated", self.updated),
            ("Deleted", self.deleted),
        ):
            parts = _parts(counter)
            if parts:
                result.append(f"{title}: {', '.join(parts)}.")
        if self.restored_rows:
            result.append(
                f"Brought back: {', '.join(_parts(self.restored))} — edited in one copy after "
                f"being deleted in the other{_named(self.restored_rows)}."
            )
        if self.conflict_rows:
            result.append(
                f"Changed in both copies: {', '.join(_parts(self.conflicted))}; the later "
                "version was kept and the other one is in the conflict log, where you can "
                f"restore it{_named(self.conflict_rows)}."
            )
        if not result:
            result.append(f"Nothing to merge: {self.target} already had everything in it.")
        return result

    def summary(self) -> str:
        """One short line, for a status bar."""
        if not self.changed:
            return "Already up to date."
        bits = []
        for what, word in (
            ("added", "added"),
            ("updated", "updated"),
            ("deleted", "deleted"),
            ("restored", "brought back"),
            ("conflicted", "in conflict"),
        ):
            count = self.total(what)
            if count:
                bits.append(f"{count} {word}")
        return ", ".join(bits).capitalize() + "."


def _parts(counter: Counter) -> list[str]:
    return [
        count_words(kind, counter[kind])
        for kind in KINDS
        if counter.get(kind) and kind not in HIDDEN
    ]


def _named(notes: list[RowNote]) -> str:
    """' (alliance “Helios”; risk or issue “Delay”; 3 more)': rows with a name, up to a few."""
    shown = [note.describe() for note in notes if note.label][:SHOWN_BY_NAME]
    if not shown:
        return ""
    more = len(notes) - len(shown)
    if more:
        shown.append(f"{more} more")
    return " (" + "; ".join(shown) + ")"
