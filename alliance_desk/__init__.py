"""Alliance Desk: an offline, encrypted workbench for alliance managers."""

# The one place the version is written: pyproject.toml reads it from here. A literal, because
# asking the package metadata (importlib.metadata) cost every start about 50 ms.
__version__ = "0.1.0"
