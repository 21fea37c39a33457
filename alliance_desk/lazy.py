"""Names a package hands out but loads only when first asked for (PEP 562).

`alliance_desk.models` and `alliance_desk.sync` keep their usual imports
(`from alliance_desk.models import Alliance`) while a start imports their light submodules
(`models.choices`, `sync.errors`) without SQLAlchemy, so the first window paints before it loads.
"""

from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(
    package: str, homes: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The package's module `__getattr__` and `__dir__`: `homes[name]` is the submodule a name
    is imported from when first asked for (then kept in the package, like any import)."""
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:  # a submodule not imported yet is imported by `from package import x`
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
