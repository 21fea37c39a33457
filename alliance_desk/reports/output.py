"""Writing an export so that a reader never sees half a file."""

import os
from collections.abc import Callable
from pathlib import Path


def write_atomically[T](target: Path, write: Callable[[Path], T]) -> T:
    """Call `write(temporary path)` beside `target`, then move the result into place.

    If writing fails, the temporary file is removed and an existing `target` is left as it was.
    """
    target = Path(target)
    draft = target.with_name(f".{target.name}.part")
    try:
        result = write(draft)
        if not draft.exists():
            raise OSError(f"nothing was written to {draft}")
        os.replace(draft, target)
    finally:
        draft.unlink(missing_ok=True)
    return result
