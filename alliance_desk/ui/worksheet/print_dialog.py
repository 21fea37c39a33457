"""File ▸ Print worksheet: choose the stakeholders, the interviewer and the date, then preview,
print, or save as PDF or Word. Every modal box (print dialog, preview, file chooser) goes through
the prompts object, so tests answer them without a user."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.models import Alliance, Stakeholder
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.output import write_atomically
from alliance_desk.reports.worksheet import Worksheet, build_worksheet
from alliance_desk.reports.worksheet_docx import build_docx
from alliance_desk.storage import paths
from alliance_desk.ui.dialogs import FieldError, documents_dir
from alliance_desk.ui.fields import DateField, LineField
from alliance_desk.ui.worksheet import printing

ID_ROLE = Qt.ItemDataRole.UserRole
INTERVIEWER_KEY = "worksheet/interviewer"


def _settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def safe_file_name(text: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else " " for c in text)
    return " ".join(kept.split())[:80] or "worksheet"


class WorksheetPrintDialog(QDialog):
    """Who goes on the worksheet, who interviews, when; then Preview, Print, PDF or Word."""

    def __init__(
        self,
        portfolio: Portfolio,
        alliance: Alliance | None,
        people: Sequence[Stakeholder],
        chosen: Sequence[str],
        prompts,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Print worksheet")
        self.setMinimumWidth(520)
        self.portfolio = portfolio
        self.alliance = alliance
        self.prompts = prompts
        self.result_text = ""

        self.list = QListWidget()
        self.list.setMinimumHeight(200)
        by_id = {p.id: p for p in people}
        ordered = [by_id[i] for i in chosen if i in by_id]
        ordered += [p for p in people if p.id not in chosen]
        for person in ordered:
            item = QListWidgetItem(person.name)
            item.setData(ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = person.id in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.interviewer = LineField("interviewer", placeholder="Left blank to fill in by hand")
        self.interviewer.set_value(str(_settings().value(INTERVIEWER_KEY, "") or ""))
        self.date = DateField("printed_on")
        self.date.set_value(clock.today())
        self.per_page = QSpinBox()
        self.per_page.setRange(1, 4)
        self.per_page.setValue(printing.COLUMNS_PER_PAGE)
        self.per_page.setSuffix(" per page")
        self.per_page.setToolTip("How many stakeholders side by side on a landscape page")
        self.failure = FieldError()

        form = QFormLayout()
        subject = alliance.name if alliance is not None else "the whole portfolio"
        form.addRow(QLabel(f"Stakeholders of {subject} (ticked ones are printed, in this order):"))
        form.addRow(self.list)
        form.addRow("Interviewer:", self.interviewer)
        form.addRow("Date:", self.date)
        form.addRow("Side by side:", self.per_page)

        self.preview_button = QPushButton("Preview…")
        self.print_button = QPushButton("Print…")
        self.pdf_button = QPushButton("Save as PDF…")
        self.word_button = QPushButton("Save as Word…")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button, self.word_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.failure)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.print_button.setDefault(True)

    # --- what is printed -------------------------------------------------------------------

    def chosen_ids(self) -> list[str]:
        return [
            self.list.item(r).data(ID_ROLE)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]

    def worksheet(self) -> Worksheet | None:
        """The worksheet as set up; None (with the message shown) when a field is wrong."""
        self.failure.say("")
        try:
            on = self.date.value() or clock.today()
        except ValidationError as exc:
            self.date.show_error(exc.message)
            return None
        self.date.clear_error()
        interviewer = self.interviewer.value()
        _settings().setValue(INTERVIEWER_KEY, interviewer)
        by_id = {p.id: p for p in self.portfolio.stakeholders()}
        people = [by_id[i] for i in self.chosen_ids() if i in by_id]
        return build_worksheet(self.portfolio, self.alliance, people, interviewer, on)

    def _suggested(self, sheet: Worksheet, suffix: str) -> Path:
        name = safe_file_name(f"Worksheet {sheet.people or sheet.subject}")
        return documents_dir() / f"{name}{suffix}"

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(printing.landscape_layout())
        return printer

    def _done(self, text: str) -> None:
        self.result_text = text
        self.accept()

    # --- the four ways out -----------------------------------------------------------------

    def preview(self) -> None:
        sheet = self.worksheet()
        if sheet is None:
            return
        per_page = self.per_page.value()
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Worksheet preview")
        dialog.paintRequested.connect(
            lambda device: printing.paint(
                sheet, device, printing.lay_out(sheet, device.pageLayout(), per_page)
            )
        )
        self.prompts.run_print_preview(dialog)

    def print_(self) -> None:
        sheet = self.worksheet()
        if sheet is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print worksheet")
        if not self.prompts.run_print_dialog(dialog):
            return
        try:
            laid_out = printing.lay_out(sheet, printer.pageLayout(), self.per_page.value())
            pages = printing.paint(sheet, printer, laid_out)
        except OSError as exc:
            self.failure.say(f"The worksheet could not be printed ({exc}).")
            return
        self._done(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")

    def save_pdf(self) -> None:
        sheet = self.worksheet()
        if sheet is None:
            return
        path = self.prompts.choose_save_path(
            "Save worksheet as PDF", self._suggested(sheet, ".pdf"), "PDF files (*.pdf)"
        )
        if path is None:
            return
        path = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        per_page = self.per_page.value()
        try:
            pages = write_atomically(
                path, lambda p: printing.save_pdf(sheet, p, columns_per_page=per_page)
            )
        except OSError as exc:
            self.failure.say(f"Could not save {path.name}: {exc.strerror or exc}.")
            return
        self._done(f"Saved the worksheet ({pages} pages) to {path}.")

    def save_word(self) -> None:
        sheet = self.worksheet()
        if sheet is None:
            return
        path = self.prompts.choose_save_path(
            "Save worksheet as Word", self._suggested(sheet, ".docx"), "Word documents (*.docx)"
        )
        if path is None:
            return
        path = path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")
        letter = printing.default_page_size().id() == printing.QPageSize.PageSizeId.Letter
        per_page = self.per_page.value()
        try:
            write_atomically(
                path, lambda p: build_docx(sheet, p, columns_per_page=per_page, letter=letter)
            )
        except OSError as exc:
            self.failure.say(f"Could not save {path.name}: {exc.strerror or exc}.")
            return
        self._done(f"Saved the worksheet to {path}.")
