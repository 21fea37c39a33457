"""How fresh a worksheet's validation is, and where a person sits on the stakeholder map."""

from datetime import date, timedelta

from alliance_desk.insights.worksheets import (
    CURRENT,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    NEVER,
    STALE,
    quadrant,
    validation_state,
    validation_text,
)

TODAY = date(2026, 11, 23)


def test_validation_state_never_stale_or_current():
    assert validation_state(None, TODAY, 6) == NEVER
    assert validation_state(TODAY - timedelta(days=100), TODAY, 6) == CURRENT
    assert validation_state(TODAY - timedelta(days=190), TODAY, 6) == STALE
    assert validation_state(TODAY - timedelta(days=190), TODAY, 12) == CURRENT


def test_validation_text_reads_like_a_person_says_it():
    assert validation_text(None, TODAY) == "never validated"
    assert validation_text(TODAY, TODAY) == "validated today"
    assert validation_text(TODAY - timedelta(days=1), TODAY) == "validated 1 day ago"
    assert validation_text(TODAY - timedelta(days=21), TODAY) == "validated 3 weeks ago"
    assert validation_text(TODAY - timedelta(days=240), TODAY) == "validated 8 months ago"
    assert validation_text(TODAY - timedelta(days=800), TODAY) == "validated 2 years ago"


def test_quadrants_of_the_stakeholder_map():
    assert quadrant(5, 5) is MANAGE_CLOSELY
    assert quadrant(4, 3) is KEEP_SATISFIED
    assert quadrant(3, 4) is KEEP_INFORMED
    assert quadrant(1, 1) is MONITOR
    assert quadrant(None, 5) is None
