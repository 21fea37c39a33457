"""Charts pinned for the next pre-read: ChartSpecs kept per portfolio in the settings file.

The chart builder adds to the list ("Add to next pre-read"); the pre-read export reads it with
`pinned_chart_specs`, renders each with charts.builder.render_spec_png, then may `clear_pinned`.
"""

import json

from PySide6.QtCore import QSettings

from alliance_desk.insights.cuts import ChartSpec, SpecError

MAX_PINNED = 12


def _qsettings(settings) -> QSettings:
    """AppSettings or a plain QSettings."""
    return getattr(settings, "qsettings", settings)


def pinned_key(portfolio_id: str) -> str:
    return f"preread/charts/{portfolio_id}"


def pinned_chart_specs(settings, portfolio_id: str) -> list[ChartSpec]:
    """The pinned specs, oldest first; unreadable entries are skipped, never raised."""
    raw = _qsettings(settings).value(pinned_key(portfolio_id), "")
    try:
        items = json.loads(str(raw or "[]"))
    except ValueError:
        return []
    specs = []
    for item in items if isinstance(items, list) else []:
        try:
            specs.append(ChartSpec.from_dict(item))
        except SpecError:
            continue
    return specs


def pin_chart(settings, portfolio_id: str, spec: ChartSpec) -> int:
    """Add `spec` (once) to the portfolio's list; returns how many are pinned now."""
    specs = [s for s in pinned_chart_specs(settings, portfolio_id) if s != spec]
    specs = [*specs, spec][-MAX_PINNED:]
    _store(settings, portfolio_id, specs)
    return len(specs)


def clear_pinned(settings, portfolio_id: str) -> None:
    qsettings = _qsettings(settings)
    qsettings.remove(pinned_key(portfolio_id))
    qsettings.sync()


def _store(settings, portfolio_id: str, specs: list[ChartSpec]) -> None:
    qsettings = _qsettings(settings)
    qsettings.setValue(pinned_key(portfolio_id), json.dumps([s.to_dict() for s in specs]))
    qsettings.sync()
