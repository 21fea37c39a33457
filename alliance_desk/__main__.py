"""`python -m alliance_desk` is the same entry point as `alliance-desk`."""

import sys

from alliance_desk.cli import main

sys.exit(main())
