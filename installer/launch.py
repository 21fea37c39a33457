"""The frozen application's entry point: the same `main` as the `alliance-desk` command."""

import sys

from alliance_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
