"""The limits a stored value keeps and the error that names a broken rule (validation.py has
the rules). No SQLAlchemy here: forms and the window's first modules load this alone.
"""

from datetime import date

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 1_000_000
EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)
# Dates of daily records (due, completed, paid, ...) must be plausible, not just storable:
# a due date in 1900 or 9999 is a typing slip.
TRACKING_EARLIEST = date(1950, 1, 1)
TRACKING_LATEST = date(2100, 12, 31)
MAX_AMOUNT = 1e12


class ValidationError(ValueError):
    """A record broke a rule: `field` is the attribute, `message` a sentence for the user."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def threshold_problem(
    green: float | None, red: float | None, higher_is_better: bool
) -> tuple[str, str] | None:
    """(field, message) when red reaches green (no room for yellow, or the two crossed).

    Higher is better: green at or above `green`, red below `red`, so red must lie below green.
    Lower is better: green at or below `green`, red above `red`, so red must lie above green.
    """
    if green is None or red is None:
        return None
    if higher_is_better and red >= green:
        return (
            "red_below",
            f"Red must be below green: a score under {red:g} is red, so green must start "
            f"above {red:g} (it starts at {green:g}).",
        )
    if not higher_is_better and red <= green:
        return (
            "red_below",
            f"When lower is better, red must be above green: a value over {red:g} is red, so "
            f"green must end below {red:g} (it ends at {green:g}).",
        )
    return None
