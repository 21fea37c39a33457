"""The demo portfolio's content: a fictional mid-size drug company, Talvora Pharma, and its
seven alliances. Pure data; `alliance_desk.demo` turns it into records.

Dates are offsets from the day the demo is written (negative = in the past), so "overdue" and
"due this week" stay true whenever it is built. Every company and person here is invented.
The tables are laid out by hand (`# fmt: off`): a record per few lines reads better than one
field per line; the NamedTuple above each table names the fields.
"""

from alliance_desk.demo_data.alliances import *  # noqa: F403
from alliance_desk.demo_data.health import *  # noqa: F403
from alliance_desk.demo_data.people import *  # noqa: F403
from alliance_desk.demo_data.records import *  # noqa: F403
