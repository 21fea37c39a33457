"""The Risks tab: severity from likelihood x impact, scores checked, governance
responsiveness above the table."""

from datetime import date

import pytest

from alliance_desk.models import Risk
from alliance_desk.ui.fields import ERROR_COLOUR
from tests.ui.tracking.conftest import row_titles, select, type_into

SEVERITY = 5


@pytest.fixture
def risks(portfolio, alliance):
    add = portfolio.add
    add(Risk, alliance_id=alliance.id, title="Supply shortfall", likelihood=4, impact=5)
    add(Risk, alliance_id=alliance.id, title="Key person leaves", likelihood=2, impact=3)
    add(
        Risk,
        alliance_id=alliance.id,
        kind="issue",
        title="Minutes late",
        raised_on=date(2026, 1, 1),
        resolved_on=date(2026, 1, 11),
        status="resolved",
    )
    add(
        Risk,
        alliance_id=alliance.id,
        kind="issue",
        title="Invoice disputed",
        raised_on=date(2026, 2, 1),
        resolved_on=date(2026, 3, 3),
        status="closed",
    )
    add(
        Risk,
        alliance_id=alliance.id,
        kind="issue",
        title="Sites late",
        raised_on=date(2026, 5, 1),
        status="escalated",
        escalated_on=date(2026, 5, 20),
        likelihood=5,
        impact=4,
    )
    return alliance


def test_severity_is_the_product_and_high_ones_are_red(open_tab, risks):
    tab = open_tab("Risks")
    assert row_titles(tab)[:2] == ["Supply shortfall", "Sites late"]  # by severity
    model = tab.table.model
    from PySide6.QtCore import Qt

    top = model.index(0, SEVERITY)
    assert model.data(top) == "20"
    assert model.data(top, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOUR
    tab.set_quick_filter("high")
    assert row_titles(tab) == ["Supply shortfall", "Sites late"]
    tab.set_quick_filter("issues")
    assert len(row_titles(tab)) == 3


def test_responsiveness_headline_and_periods(open_tab, risks):
    tab = open_tab("Risks")
    headline = tab.strip.headline.text()
    assert "issues resolved in a median of 20 days" in headline  # 10 and 30 days
    assert "1 issue still open, the oldest raised 45 days ago" in tab.strip.detail.text()
    assert tab.strip.model.periods == ["2026 Q1"]
    assert tab.strip.cell(0, 0) == "20"


def test_score_off_the_scale_is_said_beside_the_field(open_tab, portfolio, risks, qtbot):
    tab = open_tab("Risks")
    select(tab, "Key person leaves")
    likelihood = tab.panel.form.field("likelihood")
    type_into(qtbot, likelihood, "6")
    assert likelihood.error_text() == "The likelihood must be a whole number from 1 to 5."
    type_into(qtbot, likelihood, "4")
    risk = next(r for r in portfolio.all(Risk) if r.title == "Key person leaves")
    assert risk.likelihood == 4
    assert "Severity 12 (medium)" in tab.panel.header.text()


def test_resolving_dates_it_and_a_resolution_before_raising_is_refused(
    open_tab, portfolio, risks, qtbot
):
    tab = open_tab("Risks")
    select(tab, "Sites late")
    resolved = tab.panel.form.field("resolved_on")
    type_into(qtbot, resolved, "1.4.2026")
    assert "must not be before the raised date" in resolved.error_text()
    tab.bulk_status("resolved")
    risk = next(r for r in portfolio.all(Risk) if r.title == "Sites late")
    assert (risk.status, risk.resolved_on) == ("resolved", date(2026, 6, 15))
