"""Alliance Desk: an offline, encrypted workbench for alliance managers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("alliance-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
