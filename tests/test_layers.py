"""DESIGN.md §2: the core never imports Qt (checked in a fresh interpreter)."""

import subprocess
import sys

CORE = [
    "alliance_desk.models",
    "alliance_desk.models.kinds",  # the package loads its names lazily (lazy.py)
    "alliance_desk.models.limits",
    "alliance_desk.models.validation",
    "alliance_desk.glance",
    "alliance_desk.glance_statements",
    "alliance_desk.opening",
    "alliance_desk.portfolio_errors",
    "alliance_desk.storage.database",
    "alliance_desk.storage.keychain",
    "alliance_desk.storage.lock",
    "alliance_desk.storage.passphrase",
    "alliance_desk.portfolio",
    "alliance_desk.portfolio_surveys",
    "alliance_desk.portfolio_journal",
    "alliance_desk.portfolio_health",
    "alliance_desk.insights",
    "alliance_desk.sync",
    "alliance_desk.sync.engine",
    "alliance_desk.sync.files",
    "alliance_desk.sync.shared",
    "alliance_desk.sync.conflicted",
    "alliance_desk.sync.conflicts",
    "alliance_desk.sync.command",
    "alliance_desk.reports",
    "alliance_desk.reports.sanitise",
    "alliance_desk.reports.worksheet",
    "alliance_desk.reports.worksheet_html",
    "alliance_desk.reports.worksheet_docx",
    "alliance_desk.reports.output",
    "alliance_desk.reports.importing",
    "alliance_desk.reports.importing.apply",
    "alliance_desk.reports.importing.preview",
    "alliance_desk.reports.importing.reading",
    "alliance_desk.reports.importing.workbook",
    "alliance_desk.reports.importing.survey",
    "alliance_desk.reports.exporting",
    "alliance_desk.reports.transfer_cli",
    "alliance_desk.insights.worksheets",
    "alliance_desk.insights.lifecycle",
    "alliance_desk.portfolio_lifecycle",
    "alliance_desk.insights.practice",
    "alliance_desk.portfolio_practice",
    "alliance_desk.cli",
    "alliance_desk.cli_run",
    "alliance_desk.insights.cuts",
    "alliance_desk.insights.chart_spec",
    "alliance_desk.insights.heat_map",
    "alliance_desk.insights.ask",
    "alliance_desk.insights.ask_reading",
    "alliance_desk.cli_ask",
    "alliance_desk.demo",
]


def test_core_packages_import_no_qt():
    probe = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_headless_commands_run_without_qt(tmp_path):
    probe = (
        "import sys\n"
        "from alliance_desk.cli import main\n"
        f"code = main(['new', {str(tmp_path / 'x.alliance')!r}])\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    env = {"ALLIANCE_DESK_PASSPHRASE": "pw", "ALLIANCE_DESK_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


def test_the_models_package_hands_out_every_name_of_its_registry():
    """`alliance_desk.models` lists its names by hand (they load lazily, lazy.py): a model
    added to kinds.py and not to the list would be missing from `from alliance_desk.models
    import X`."""
    import alliance_desk.models as models
    from alliance_desk.models import kinds

    public = {
        name
        for name, value in vars(kinds).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith(models.__name__)
    }
    assert public <= set(models.__all__)
    assert all(getattr(models, name) is getattr(kinds, name) for name in models.__all__)
