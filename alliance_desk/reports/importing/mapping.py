"""Which column feeds which field: guessed from the headers (names and common synonyms),
corrected by the user, and saved as a small JSON file to reuse next time.

A mapping is a list aligned with the table's headers: the field name for each column, or ''
for a column that is not imported. The JSON form keys the fields by header text:
    {"kind": "actions", "columns": {"Responsible": "owner", "Deadline": "due_date"},
     "date_order": "day"}
"""

import json
from dataclasses import dataclass
from pathlib import Path

from alliance_desk.models import Benchmark
from alliance_desk.reports.importing.fields import BENCHMARK_PREFIX, IMPORT_KINDS, KindSpec
from alliance_desk.reports.importing.reading import UnreadableFile, normalise
from alliance_desk.reports.importing.values import DAY_FIRST, MONTH_FIRST


class MappingError(Exception):
    """A mapping that cannot be used; the message is one sentence."""


@dataclass(frozen=True)
class Target:
    """A field a column can feed: its name in mappings and the label shown to users."""

    name: str
    label: str


def targets(spec: KindSpec, benchmarks: list[Benchmark] = ()) -> list[Target]:
    """Every field of `spec` (and, for surveys, one per benchmark) a column can be mapped to."""
    result = [Target(f.name, f.label) for f in spec.fields]
    if spec.key == "survey":
        result += [Target(benchmark_field(b), f"Score: {b.name}") for b in benchmarks]
    return result


def benchmark_field(benchmark: Benchmark) -> str:
    return BENCHMARK_PREFIX + (benchmark.key or benchmark.id)


def guess(headers: list[str], spec: KindSpec, benchmarks: list[Benchmark] = ()) -> list[str]:
    """The likeliest field per column: the exact label first, then the field name, then a
    synonym; each field feeds at most one column."""
    words: list[tuple[int, str, str]] = []  # (rank, normalised word, field)
    for field in spec.fields:
        words.append((0, normalise(field.label), field.name))
        words.append((1, normalise(field.name), field.name))
        words += [(2, normalise(s), field.name) for s in field.synonyms]
    if spec.key == "survey":
        for b in benchmarks:
            name = benchmark_field(b)
            words += [(0, normalise(b.name), name), (1, normalise(b.key), name)]
            words += [(2, normalise(b.question), name)] if b.question else []
            words += [(1, normalise(f"Score: {b.name}"), name)]
    result = [""] * len(headers)
    taken: set[str] = set()
    for rank in (0, 1, 2):
        for index, header in enumerate(headers):
            if result[index] or not header:
                continue
            wanted = normalise(header)
            for word_rank, word, field in words:
                if word_rank == rank and word and word == wanted and field not in taken:
                    result[index] = field
                    taken.add(field)
                    break
    return result


def check(mapping: list[str], spec: KindSpec, headers: list[str], known: set[str]) -> None:
    """Refuse a mapping that feeds one field twice, names an unknown field, or leaves a
    required field without a column."""
    seen: dict[str, str] = {}
    for header, field in zip(headers, mapping, strict=False):
        if not field:
            continue
        if field not in known:
            raise MappingError(
                f"The column '{header}' is mapped to '{field}', which is not a field."
            )
        if field in seen:
            raise MappingError(
                f"The columns '{seen[field]}' and '{header}' are both mapped to '{field}'; "
                "map one of them to nothing."
            )
        seen[field] = header
    for field in spec.required:
        if field not in seen:
            label = spec.field(field).label
            raise MappingError(
                f"No column is mapped to '{label}', which {spec.key} need; columns found: "
                f"{', '.join(h for h in headers if h) or 'none'}."
            )
    if spec.key == "survey":
        if not any(f.startswith(BENCHMARK_PREFIX) for f in mapping):
            raise MappingError(
                "No column is mapped to a benchmark score; name the columns after the "
                "benchmarks (e.g. 'Trust') or map them."
            )
        if "round" not in seen and "date" not in seen:
            raise MappingError("A survey needs a 'Round' or a 'Date' column to group responses.")


def save(path: Path | str, kind: str, headers: list[str], mapping: list[str], order=None) -> None:
    """Write the mapping as JSON (header text -> field name; unmapped columns as '')."""
    columns = {h: f for h, f in zip(headers, mapping, strict=False) if h}
    data = {"kind": kind, "columns": columns}
    if order:
        data["date_order"] = order
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class SavedMapping:
    kind: str
    columns: dict[str, str]
    date_order: str | None = None

    def apply(self, headers: list[str]) -> list[str]:
        """The mapping for these headers: by exact header text, then ignoring case and spaces."""
        loose = {normalise(h): f for h, f in self.columns.items()}
        return [self.columns.get(h, loose.get(normalise(h), "")) for h in headers]


def load(path: Path | str) -> SavedMapping:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UnreadableFile(f"There is no mapping file at {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise MappingError(
            f"{path.name} is not a mapping file (JSON) that Alliance Desk wrote."
        ) from None
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise MappingError(f"{path.name} has no 'columns' object of header -> field names.")
    kind = data.get("kind", "")
    if kind and kind not in IMPORT_KINDS:
        raise MappingError(f"{path.name} is a mapping for '{kind}', which is not an import kind.")
    order = data.get("date_order")
    if order not in (None, DAY_FIRST, MONTH_FIRST):
        raise MappingError(f"{path.name}: date_order must be 'day' or 'month'.")
    return SavedMapping(kind, columns, order)
