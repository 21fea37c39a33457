"""Rules about stakeholder worksheets: how fresh a validation is, where a person sits on the map.

Pure functions over plain values, so the Stakeholders tab, the printout and the CLI agree.
"""

from dataclasses import dataclass
from datetime import date

DEFAULT_STALE_MONTHS = 6
DAYS_PER_MONTH = 30.44

NEVER = "never"
STALE = "stale"
CURRENT = "current"


def validation_state(last_validated_on: date | None, today: date, stale_after_months: int) -> str:
    """'never' (no interview yet), 'stale' (older than the chosen age) or 'current'."""
    if last_validated_on is None:
        return NEVER
    age_days = (today - last_validated_on).days
    return STALE if age_days > stale_after_months * DAYS_PER_MONTH else CURRENT


def validation_text(last_validated_on: date | None, today: date) -> str:
    """'never validated', 'validated today', '3 weeks ago', '7 months ago' ..."""
    if last_validated_on is None:
        return "never validated"
    days = (today - last_validated_on).days
    if days < 0:
        return "validated (date in the future)"
    if days == 0:
        return "validated today"
    if days < 14:
        return f"validated {days} day{'s' if days != 1 else ''} ago"
    if days < 61:
        return f"validated {days // 7} weeks ago"
    months = round(days / DAYS_PER_MONTH)
    if months < 24:
        return f"validated {months} months ago"
    return f"validated {days // 365} years ago"


# --- the stakeholder map (influence x interest) ----------------------------------------------

HIGH_FROM = 4  # on the 1-5 scales, 4 and 5 are high; 1 to 3 are not


@dataclass(frozen=True)
class Quadrant:
    key: str
    title: str
    advice: str


MANAGE_CLOSELY = Quadrant(
    "manage_closely", "Manage closely", "High influence, high interest: involve them."
)
KEEP_SATISFIED = Quadrant(
    "keep_satisfied", "Keep satisfied", "High influence, less interest: brief, don't burden."
)
KEEP_INFORMED = Quadrant(
    "keep_informed", "Keep informed", "Less influence, high interest: keep them in the loop."
)
MONITOR = Quadrant("monitor", "Monitor", "Less influence, less interest: light touch.")
QUADRANTS = [KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR, KEEP_INFORMED]  # reading order on the map


def quadrant(influence: int | None, interest: int | None) -> Quadrant | None:
    """The quadrant of the stakeholder map for two 1-5 ratings; None until both are rated."""
    if influence is None or interest is None:
        return None
    high_influence = influence >= HIGH_FROM
    high_interest = interest >= HIGH_FROM
    if high_influence:
        return MANAGE_CLOSELY if high_interest else KEEP_SATISFIED
    return KEEP_INFORMED if high_interest else MONITOR
