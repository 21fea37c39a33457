"""Meeting attendance: invited people who came, per meeting, side and period, and its trend."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from alliance_desk.insights.periods import percent, period_label, period_range, period_start

TREND_WINDOW = 3  # meetings compared: the latest three against the three before
TREND_THRESHOLD = 0.10  # a change of ten percentage points or more is a trend


@dataclass(frozen=True)
class Attendance:
    """Invited people who came, out of those invited (walk-ins do not raise the rate)."""

    invited: int = 0
    attended: int = 0

    @property
    def rate(self) -> float | None:
        return self.attended / self.invited if self.invited else None

    def __add__(self, other: "Attendance") -> "Attendance":
        return Attendance(self.invited + other.invited, self.attended + other.attended)

    def text(self) -> str:
        if self.rate is None:
            return "—"
        return f"{percent(self.rate)} ({self.attended} of {self.invited})"

    def short(self) -> str:
        """'75 % (6/8)' for narrow table cells."""
        if self.rate is None:
            return "—"
        return f"{percent(self.rate)} ({self.attended}/{self.invited})"


def attendance(attendees: Iterable[Any]) -> Attendance:
    """Attendance of one meeting from its attendee rows (`invited`, `attended`)."""
    invited = [a for a in attendees if a.invited]
    return Attendance(len(invited), sum(1 for a in invited if a.attended))


@dataclass(frozen=True)
class AttendanceTrend:
    """The latest meetings' attendance against the ones before: 'falling', 'rising', 'steady'
    or 'unknown' (fewer than two held meetings with invitations)."""

    direction: str
    recent: float | None
    earlier: float | None

    def text(self) -> str:
        if self.direction == "unknown":
            return "Not enough meetings yet for a trend."
        recent, earlier = percent(self.recent), percent(self.earlier)
        if self.direction == "steady":
            return f"steady ({earlier} before, {recent} in the latest meetings)"
        return f"{self.direction} from {earlier} to {recent} in the latest meetings"


def attendance_trend(
    rates: Iterable[float | None], window: int = TREND_WINDOW, threshold: float = TREND_THRESHOLD
) -> AttendanceTrend:
    """Compare the mean rate of the last `window` meetings (oldest first in `rates`) with the
    `window` before them; with fewer meetings, the halves. A change of exactly `threshold`
    counts as a trend."""
    known = [r for r in rates if r is not None]
    if len(known) < 2:
        return AttendanceTrend("unknown", None, None)
    size = min(window, len(known) // 2)
    recent_part = known[-size:]
    earlier_part = known[-2 * size : -size]
    recent = sum(recent_part) / len(recent_part)
    earlier = sum(earlier_part) / len(earlier_part)
    change = round(recent - earlier, 9)
    if change <= -threshold:
        direction = "falling"
    elif change >= threshold:
        direction = "rising"
    else:
        direction = "steady"
    return AttendanceTrend(direction, recent, earlier)


@dataclass(frozen=True)
class PeriodAttendance:
    start: date
    label: str
    overall: Attendance
    by_side: dict[str, Attendance]


def attendance_by_period(
    meetings: Iterable[Any], period: str = "quarter"
) -> list[PeriodAttendance]:
    """Attendance of held meetings per period, summed over their invitations, per side.

    Each meeting needs `held_on`, `status` and `attendance_by_side` ({'ours': Attendance, ...}).
    """
    held = [m for m in meetings if m.status == "held" and m.held_on is not None]
    if not held:
        return []
    days = [m.held_on for m in held]
    grouped: dict[date, list[Any]] = {
        start: [] for start in period_range(min(days), max(days), period)
    }
    for meeting in held:
        grouped[period_start(meeting.held_on, period)].append(meeting)
    result = []
    for start, group in grouped.items():
        by_side = {side: Attendance() for side in ("ours", "partner")}
        for meeting in group:
            for side, figure in meeting.attendance_by_side.items():
                by_side[side] = by_side.get(side, Attendance()) + figure
        overall = sum(by_side.values(), Attendance())
        result.append(PeriodAttendance(start, period_label(start, period), overall, by_side))
    return result


@dataclass(frozen=True)
class MeetingAttendance:
    """A meeting (row or record) with its attendance per side ('ours', 'partner')."""

    meeting: Any
    attendance_by_side: dict[str, Attendance]

    @property
    def overall(self) -> Attendance:
        return sum(self.attendance_by_side.values(), Attendance())

    @property
    def id(self) -> str:
        return self.meeting.id

    @property
    def status(self) -> str:
        return self.meeting.status

    @property
    def held_on(self) -> date | None:
        return self.meeting.held_on
