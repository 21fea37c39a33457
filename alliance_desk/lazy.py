"""Names a package hands out but loads only when first asked for (PEP 562).

`alliance_desk.models` and `alliance_desk.sync` keep their usual imports
(`from alliance_desk.models import Alliance`) while a start imports their light submodules
(`models.choices`, `sync.errors`) without SQLAlchemy, so the first window paints before it loads.
"""

from collections.abc import Callable
from importlib import import_module
from importlib.util import find_spec
from typing import Any


def exports(package: str, homes: dict[str, str] | str) -> Callable[[str], Any]:
    """The package's module `__getattr__`: a name is imported from its home submodule
    (`homes[name]`, or the one submodule `homes` for any name that is not a submodule)."""
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        if isinstance(homes, str):
            home = None if find_spec(f"{package}.{name}") else homes
        else:
            home = homes.get(name)
        if home is not None and not name.startswith("__"):
            value = getattr(import_module(f"{package}.{home}"), name, namespace)
            if value is not namespace:
                namespace[name] = value
                return value
        # a submodule (`from alliance_desk.models import choices`) is imported by the caller
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
