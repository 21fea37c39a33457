"""Import PySide6 through here, first: after it, every import in the process is cheaper.

Importing PySide6 installs an import hook (for its opt-in `from __feature__ import ...`) that
asks of every module imported later whether its source mentions "PySide6", through
`inspect.getsource`: each module's file is read, decoded, split into lines and kept in
linecache. That cost the start about 35-45 ms (136 modules) and the first chart as much again
(234 modules, pyqtgraph and NumPy). Here the same question gets the same answer from the file's
bytes. Should PySide6 change that hook, this module leaves it as it is.
"""

import sys

import PySide6.QtCore  # noqa: F401 (installs the hook)


def _quicker(ask):
    """`ask` (PySide's check, module -> bool), answered from the source file's bytes."""

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return ask(module)  # built in, compiled only or native: PySide's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return ask(module)

    uses_pyside.quicker = True
    return uses_pyside


_feature = sys.modules.get("shibokensupport.feature")
_ask = getattr(_feature, "_mod_uses_pyside", None)
if callable(_ask) and not getattr(_ask, "quicker", False):
    _feature._mod_uses_pyside = _quicker(_ask)
