"""File ▸ Export…: the portfolio or the selected alliance as an Excel workbook, CSV files
(in a .zip) or a calendar (.ics)."""

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Alliance
from alliance_desk.reports import exporting

FORMATS = [  # (key, label, suffix, file-dialog filter)
    ("xlsx", "Excel workbook — one sheet per kind (.xlsx)", ".xlsx", "Excel workbooks (*.xlsx)"),
    ("csv", "CSV files — one per kind, in a .zip archive", ".zip", "Zip archives (*.zip)"),
    (
        "ics",
        "Calendar — due dates, milestones, decisions, payments, meetings (.ics)",
        ".ics",
        "iCalendar files (*.ics)",
    ),
]


class ExportDialog(QDialog):
    """Asks what to export and how much; `choice()` gives (format, alliance or None)."""

    def __init__(self, alliance: Alliance | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setObjectName("ExportDialog")
        layout = QVBoxLayout(self)
        formats = QGroupBox("Format")
        box = QVBoxLayout(formats)
        self.format_buttons = QButtonGroup(self)
        for index, (key, label, _, _) in enumerate(FORMATS):
            button = QRadioButton(label)
            button.setObjectName(f"format-{key}")
            button.setChecked(index == 0)
            self.format_buttons.addButton(button, index)
            box.addWidget(button)
        layout.addWidget(formats)
        scope = QGroupBox("What")
        box = QVBoxLayout(scope)
        self.whole = QRadioButton("The whole &portfolio")
        self.whole.setChecked(True)
        name = alliance.name if alliance is not None else "the selected alliance"
        self.one = QRadioButton(f"Only {name}")
        self.one.setEnabled(alliance is not None)
        box.addWidget(self.whole)
        box.addWidget(self.one)
        layout.addWidget(scope)
        note = QLabel("Exported files are not encrypted: keep them where they belong.")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.alliance = alliance

    def choice(self) -> tuple[str, Alliance | None]:
        key = FORMATS[self.format_buttons.checkedId()][0]
        return key, self.alliance if self.one.isChecked() else None


def suggested_name(portfolio_name: str, key: str, alliance: Alliance | None) -> str:
    stem = alliance.name if alliance is not None else portfolio_name
    stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in stem).strip() or "export"
    return stem + next(suffix for k, _, suffix, _ in FORMATS if k == key)


def write_export(portfolio, key: str, path: Path, alliance: Alliance | None) -> str:
    """Write the export; returns a sentence for the status bar."""
    if key == "xlsx":
        sheets = exporting.write_xlsx(portfolio, path, alliance)
        return f"Exported {sum(sheets.values())} rows on {len(sheets)} sheets to {path.name}."
    if key == "csv":
        files = exporting.write_csv(portfolio, path, alliance)
        return f"Exported {len(files)} CSV files into {path.name}."
    events = exporting.write_ics(portfolio, path, alliance)
    return f"Exported {events} calendar events to {path.name}."


def filter_for(key: str) -> str:
    return next(f for k, _, _, f in FORMATS if k == key)
