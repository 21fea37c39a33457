"""File ▸ Import…: choose a file and what it holds, correct the column mapping, look at the
preview (bad rows with their row numbers and reasons), then import the good rows at once.

The rules are the core's (reports/importing); this dialog only asks and shows.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Benchmark
from alliance_desk.reports import importing
from alliance_desk.reports.importing import mapping as mappings
from alliance_desk.reports.importing.fields import IMPORT_KINDS
from alliance_desk.ui.fields import HINT_COLOUR
from alliance_desk.ui.transfer.work import Cancelled, FileReader, Stepper
from alliance_desk.ui.undo import EditFailed, RecordedCommand, perform

KIND_LABELS = {
    "alliances": "Alliances",
    "stakeholders": "Stakeholders",
    "actions": "Action items",
    "milestones": "Milestones",
    "risks": "Risks and issues",
    "decisions": "Decisions",
    "payments": "Payments",
    "survey": "Survey responses (one row per respondent)",
}
NOT_IMPORTED = "— not imported —"
ORDER_CHOICES = [
    (None, "Ask me if unclear"),
    ("day", "Day first (3 April)"),
    ("month", "Month first (March 4)"),
]
SOURCE, MAPPING, PREVIEW = range(3)
ERROR_STYLE = "color: #b3261e;"


class ImportDialog(QDialog):
    """Three steps on one dialog: source, mapping, preview. `result` holds the ImportResult."""

    def __init__(
        self,
        portfolio,
        parent: QWidget | None = None,
        kind: str = "actions",
        undo_stack: QUndoStack | None = None,
    ):
        super().__init__(parent)
        self.undo_stack = undo_stack  # the import goes on it as one step (Ctrl+Z takes it back)
        self.setWindowTitle("Import from a spreadsheet")
        self.setObjectName("ImportDialog")
        self.resize(820, 560)
        self.portfolio = portfolio
        self.table: importing.Table | None = None
        self.preview: importing.Preview | None = None
        self.result: importing.ImportResult | None = None
        self._reader: FileReader | None = None
        self._stepper: Stepper | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._source_page(kind))
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("ImportMessage")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.back_button = QPushButton("< &Back")
        self.next_button = QPushButton("&Next >")
        self.import_button = QPushButton("&Import")
        self.cancel_button = QPushButton("Cancel")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._show_page(SOURCE)

    # --- the three pages -----------------------------------------------------------------

    def _source_page(self, kind: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        intro = QLabel(
            "Import rows from an Excel workbook (.xlsx) or a CSV file. The first row must hold "
            "the column headers. Nothing is stored until you press Import on the last step."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("The spreadsheet file")
        self.path_edit.textEdited.connect(lambda _text: self._set_sheets([]))
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        self.kind_combo = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kind_combo.addItem(label, key)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        form.addRow("The rows &are:", self.kind_combo)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setToolTip("The workbook's visible sheets; hidden sheets are not read")
        self.sheet_label = QLabel("&Sheet:")
        self.sheet_label.setBuddy(self.sheet_combo)
        form.addRow(self.sheet_label, self.sheet_combo)
        self.sheet_combo.activated.connect(lambda _index: self.read_file())
        self._set_sheets([])
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.mapping_intro = QLabel()
        self.mapping_intro.setWordWrap(True)
        layout.addWidget(self.mapping_intro)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("MappingTable")
        self.mapping_table.setHorizontalHeaderLabels(["Column", "First values", "Imported as"])
        self.mapping_table.verticalHeader().setVisible(False)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.mapping_table, 1)
        row = QHBoxLayout()
        self.order_combo = QComboBox()
        for value, label in ORDER_CHOICES:
            self.order_combo.addItem(label, value)
        self.order_label = QLabel("&Dates such as 03/04/2026 are:")
        self.order_label.setBuddy(self.order_combo)
        row.addWidget(self.order_label)
        row.addWidget(self.order_combo)
        row.addStretch(1)
        load = QPushButton("&Load mapping…")
        save = QPushButton("Sa&ve mapping…")
        load.clicked.connect(self.load_mapping)
        save.clicked.connect(self.save_mapping)
        row.addWidget(load)
        row.addWidget(save)
        layout.addLayout(row)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("ImportSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems_table = QTableWidget(0, 3)
        self.problems_table.setObjectName("ProblemsTable")
        self.problems_table.setHorizontalHeaderLabels(["Row", "Column", "Why it is skipped"])
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.problems_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.problems_table, 100)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(f"color: {HINT_COLOUR};")
        layout.addWidget(self.notes)
        layout.addStretch(1)  # takes the room when there is no problem to list
        return page

    # --- navigation ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > SOURCE)
        self.next_button.setVisible(index < PREVIEW)
        self.import_button.setVisible(index == PREVIEW)
        counts = self.preview.counts() if self.preview is not None else {}
        self.import_button.setEnabled(bool(counts.get("add") or counts.get("update")))
        if index == PREVIEW:
            self.import_button.setDefault(True)
        else:
            self.next_button.setDefault(True)

    def go_back(self) -> None:
        self.say("")
        self._show_page(max(SOURCE, self.pages.currentIndex() - 1))

    def go_next(self) -> None:
        if self.pages.currentIndex() == SOURCE:
            self.read_file()
        elif self.pages.currentIndex() == MAPPING:
            self.check_rows()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for widget in (self.back_button, self.next_button, self.import_button, self.pages):
            widget.setEnabled(not busy)
        if not busy:
            self._show_page(self.pages.currentIndex())

    # --- step 1: reading the file (on a worker thread) -----------------------------------

    def browse(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.path_edit.setText(str(path))
            self._set_sheets([])

    def choose_file(self) -> Path | None:
        """The file dialog (tests replace this method)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Import from", "", "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"
        )
        return Path(chosen) if chosen else None

    def read_file(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.say("Choose the file to import.", error=True)
            return
        sheet = self.sheet_combo.currentText() if self.sheet_combo.count() > 1 else None
        self.say(f"Reading {Path(text).name}…")
        self._busy(True)
        self._reader = FileReader()  # no parent: it may finish after the dialog closed
        self._reader.progressed.connect(self._read_progress)
        self._reader.finished.connect(self._file_read)
        kind = self.kind
        self._reader.start(
            lambda progress: importing.read_table(text, sheet=sheet, prefer=kind, progress=progress)
        )

    def _read_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _file_read(self, table, error) -> None:
        self._busy(False)
        self._reader = None
        if error is not None:
            self.say(error, error=True)
            return
        self.table = table
        self._set_sheets(table.sheets, table.sheet)
        self._fill_mapping(
            mappings.guess(table.headers, IMPORT_KINDS[self.kind], self._benchmarks())
        )
        self.say("")
        self._show_page(MAPPING)

    @property
    def reading(self) -> bool:
        return self._reader is not None

    def _set_sheets(self, sheets: list[str], current: str = "") -> None:
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        if current:
            self.sheet_combo.setCurrentText(current)
        show = len(sheets) > 1
        self.sheet_combo.setVisible(show)
        self.sheet_label.setVisible(show)

    # --- step 2: the mapping -------------------------------------------------------------

    def _benchmarks(self) -> list[Benchmark]:
        if self.kind != "survey":
            return []
        return [b for b in self.portfolio.all(Benchmark) if b.retired_on is None]

    def _fill_mapping(self, chosen: list[str]) -> None:
        table = self.table
        spec = IMPORT_KINDS[self.kind]
        targets = mappings.targets(spec, self._benchmarks())
        required = {spec.field(name).label for name in spec.required}
        where = f"the sheet '{table.sheet}' of " if table.sheet else ""
        self.mapping_intro.setText(
            f"Columns of {where}{table.source.name}: choose the field each one fills. "
            f"Needed: {', '.join(sorted(required))}. Columns left as '{NOT_IMPORTED}' are ignored."
        )
        self.mapping_table.setRowCount(len(table.headers))
        for index, header in enumerate(table.headers):
            name = QTableWidgetItem(header or f"(column {index + 1})")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(index, 0, name)
            examples = QTableWidgetItem(" · ".join(self._examples(index)))
            examples.setFlags(examples.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(index, 1, examples)
            combo = QComboBox()
            combo.addItem(NOT_IMPORTED, "")
            for target in targets:
                combo.addItem(target.label, target.name)
            found = combo.findData(chosen[index] if index < len(chosen) else "")
            combo.setCurrentIndex(max(0, found))
            self.mapping_table.setCellWidget(index, 2, combo)
        self.mapping_table.resizeColumnToContents(2)

    def _examples(self, index: int, count: int = 3) -> list[str]:
        found = []
        for _, cells in self.table.rows:
            value = cells[index] if index < len(cells) else None
            if value not in (None, ""):
                text = f"{value:%Y-%m-%d}" if hasattr(value, "strftime") else str(value)
                text = text if len(text) <= 30 else text[:29] + "…"
                if text not in found:  # different values say more about a column
                    found.append(text)
                if len(found) == count:
                    break
        return found

    def mapping(self) -> list[str]:
        """The field chosen for each column ('' for not imported)."""
        return [
            self.mapping_table.cellWidget(row, 2).currentData()
            for row in range(self.mapping_table.rowCount())
        ]

    def set_field(self, header: str, field: str) -> None:
        """Choose `field` for the column `header` (as a user picks it in the combo)."""
        for row in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(row, 0).text() == header:
                combo = self.mapping_table.cellWidget(row, 2)
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(header)

    def load_mapping(self) -> None:
        path = self.choose_mapping_file(save=False)
        if path is None or self.table is None:
            return
        try:
            saved = mappings.load(path)
        except (mappings.MappingError, importing.UnreadableFile) as exc:
            self.say(str(exc), error=True)
            return
        self._fill_mapping(saved.apply(self.table.headers))
        if saved.date_order:
            self.order_combo.setCurrentIndex(self.order_combo.findData(saved.date_order))
        self.say(f"Loaded the mapping {path.name}.")

    def save_mapping(self) -> None:
        path = self.choose_mapping_file(save=True)
        if path is None or self.table is None:
            return
        try:
            mappings.save(
                path, self.kind, self.table.headers, self.mapping(), self.order_combo.currentData()
            )
        except OSError as exc:
            self.say(f"Could not write {path}: {exc.strerror or exc}.", error=True)
            return
        self.say(f"Saved the mapping as {path.name}; load it next time for files like this.")

    def choose_mapping_file(self, save: bool) -> Path | None:
        """The file dialog for a mapping (tests replace this method)."""
        if save:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Save mapping", "mapping.json", "Mappings (*.json)"
            )
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, "Load mapping", "", "Mappings (*.json)")
        return Path(chosen) if chosen else None

    # --- step 3: the preview and the import (Portfolio work, on this thread) -------------

    def check_rows(self) -> None:
        self._busy(True)
        self._stepper = Stepper(self.progress)
        self.say("Checking every row…")
        try:
            preview = importing.build_preview(
                self.portfolio,
                self.table,
                self.kind,
                self.mapping(),
                self.order_combo.currentData(),
                self._stepper,
            )
        except (importing.ImportRefused, importing.MappingError) as exc:
            self._busy(False)
            self.say(str(exc), error=True)
            return
        except Cancelled:
            self._busy(False)
            self.say("Stopped; nothing was imported.")
            return
        finally:
            self._stepper = None
        self._busy(False)
        if preview.question is not None:
            self.say(f"{preview.question} Choose below, then Next.", error=True)
            self.order_combo.setFocus()
            return
        self.preview = preview
        self._fill_preview(preview)
        self.say("")
        self._show_page(PREVIEW)

    def _fill_preview(self, preview: importing.Preview) -> None:
        counts = preview.counts()
        good = counts["add"] + counts["update"] + counts["unchanged"]
        parts = [f"{counts['add']} new", f"{counts['update']} to update"]
        parts.append(f"{counts['unchanged']} unchanged")
        text = f"<b>{good} good row{'s' if good != 1 else ''}</b> ({', '.join(parts)})"
        if counts["skipped"]:
            text += f"; <b>{counts['skipped']} bad row(s)</b> will be skipped — listed below."
        else:
            text += "; no bad rows."
        changes = counts["add"] + counts["update"]
        if not changes:
            text += " Nothing in the portfolio would change."
        self.import_button.setText(f"&Import {changes} row{'s' if changes != 1 else ''}")
        self.summary.setText(text)
        shown = preview.problems[:5000]
        self.problems_table.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            for column, value in enumerate((str(problem.row), problem.column, problem.message)):
                self.problems_table.setItem(row, column, QTableWidgetItem(value))
        self.problems_table.setVisible(bool(shown))
        self.notes.setText("\n".join(preview.notes))

    def run_import(self) -> None:
        if self.preview is None:
            return
        self._busy(True)
        self._stepper = Stepper(self.progress)
        self.say("Importing…")
        try:
            self.result = self._import(self.preview, self._stepper)
        except Cancelled:
            self._busy(False)
            self.say("Stopped; nothing was imported.")
            return
        except EditFailed as exc:  # a write failed: the sentence says nothing was changed
            self._busy(False)
            self.say(str(exc), error=True)
            return
        except Exception as exc:  # noqa: BLE001 (the batch rolled back: say so, keep the dialog)
            self._busy(False)
            message = getattr(exc, "message", None) or str(exc)
            self.say(f"The import failed and nothing was stored: {message}", error=True)
            return
        finally:
            self._stepper = None
        self._busy(False)
        self.accept()

    def _import(self, preview: importing.Preview, stepper: Stepper) -> importing.ImportResult:
        def work() -> importing.ImportResult:
            return importing.run_import(self.portfolio, preview, stepper)

        if self.undo_stack is None:
            return work()
        source = Path(self.path_edit.text().strip()).name
        command = RecordedCommand(self.portfolio, f"Import from {source}", work)
        perform(self.undo_stack, command)
        return command.result

    def cancel(self) -> None:
        if self._stepper is not None:
            self._stepper.cancelled = True
            return
        self.reject()
