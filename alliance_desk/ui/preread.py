"""File ▸ Export pre-read…: the audience, the alliance, the reader, the period and the template,
then the Word file.

The content is read and the charts are drawn on the UI thread (the portfolio's connection and
pyqtgraph belong to it, each step well under a second, with a progress dialog between steps);
the Word file is written on a worker thread. Charts pinned in the chart builder ("Add to next
pre-read") are added at the end and then unpinned.
"""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desk import clock
from alliance_desk.models import Alliance, Stakeholder
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Portfolio
from alliance_desk.reports.preread import (
    AUDIENCES,
    PrereadProblem,
    TemplateProblem,
    build_preread,
    write_preread,
)
from alliance_desk.reports.preread.docx_out import open_template
from alliance_desk.reports.preread.model import Chart
from alliance_desk.ui.dialogs import documents_dir
from alliance_desk.ui.fields import ERROR_COLOUR, HINT_COLOUR, DateField

if TYPE_CHECKING:
    from alliance_desk.ui.main_window import MainWindow


class PrereadDialog(QDialog):
    def __init__(self, portfolio: Portfolio, alliance: Alliance | None, settings, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export pre-read")
        self.portfolio = portfolio
        self.settings = settings
        self.audience = QComboBox()
        for key, title in AUDIENCES.items():
            self.audience.addItem(title, key)
        self.alliance = QComboBox()
        for item in portfolio.alliances(include_archived=False):
            self.alliance.addItem(item.name, item.id)
        if alliance is not None and self.alliance.findData(alliance.id) >= 0:
            self.alliance.setCurrentIndex(self.alliance.findData(alliance.id))
        self.reader = QComboBox()
        self.since = DateField("since", hint="Empty: since the last meeting of that forum")
        self.template = QLineEdit(self._stored_template())
        self.template.setPlaceholderText("The built-in look")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse)
        template_holder = QWidget()
        template_holder.setLayout(template_row)
        self.pinned = QCheckBox()
        self.pinned_specs = _pinned_specs(settings, portfolio)
        self.pinned.setText(
            f"Add the {len(self.pinned_specs)} chart(s) pinned in the chart builder"
        )
        self.pinned.setChecked(bool(self.pinned_specs))
        self.pinned.setVisible(bool(self.pinned_specs))
        self.error = QLabel()
        self.error.setObjectName("preread_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        note = QLabel(
            "The reader's recorded questions (Stakeholders tab) shape the document; without "
            "any it is the standard one for the audience."
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {HINT_COLOUR};")

        form = QFormLayout()
        form.addRow("For", self.audience)
        form.addRow("Alliance", self.alliance)
        form.addRow("Reader", self.reader)
        form.addRow("Changes since", self.since)
        form.addRow("Word template", template_holder)
        buttons = QDialogButtonBox()
        buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pinned)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.alliance.currentIndexChanged.connect(self._fill_readers)
        self._audience_changed()
        self.resize(520, self.sizeHint().height())

    # --- choices --------------------------------------------------------------------------------

    def choice(self) -> dict:
        """What the user picked; raises PrereadProblem with a sentence when it cannot be used."""
        audience = self.audience.currentData()
        alliance = None
        if audience != "board":
            alliance = self.portfolio.get(Alliance, self.alliance.currentData() or "")
            if alliance is None:
                raise PrereadProblem("Choose the alliance the document is about.")
        reader_id = self.reader.currentData()
        reader = self.portfolio.get(Stakeholder, reader_id) if reader_id else None
        try:
            since = self.since.value()
        except ValidationError as exc:  # with the date formats the field understands
            raise PrereadProblem(exc.message) from None
        template = Path(self.template.text().strip()) if self.template.text().strip() else None
        if template is not None:
            try:
                open_template(template)
            except TemplateProblem as exc:
                raise PrereadProblem(str(exc)) from None
        return {
            "audience": audience,
            "alliance": alliance,
            "stakeholder": reader,
            "since": since,
            "template": template,
            "pinned": self.pinned_specs if self.pinned.isChecked() else [],
        }

    def accept(self) -> None:
        try:
            self.choice()
        except PrereadProblem as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.settings.preread_template = self.template.text().strip()
        super().accept()

    def _audience_changed(self) -> None:
        board = self.audience.currentData() == "board"
        self.alliance.setEnabled(not board)
        self._fill_readers()

    def _fill_readers(self) -> None:
        self.reader.clear()
        self.reader.addItem("No one in particular", None)
        if self.audience.currentData() == "board":
            people = [p for p in self.portfolio.stakeholders() if p.group == "board"]
        else:
            alliance = self.portfolio.get(Alliance, self.alliance.currentData() or "")
            people = (
                [p for p, _role in self.portfolio.stakeholders_of(alliance)] if alliance else []
            )
        for person in people:
            self.reader.addItem(person.name, person.id)

    def _stored_template(self) -> str:
        return self.settings.preread_template

    def _choose_template(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Word template", str(documents_dir()), "Word documents (*.docx *.dotx)"
        )
        if chosen:
            self.template.setText(chosen)


def _pinned_specs(settings, portfolio: Portfolio) -> list:
    """Charts the chart builder pinned for the next pre-read (none when it is not there)."""
    try:
        from alliance_desk.ui.pinned_charts import pinned_chart_specs
    except ImportError:
        return []
    return list(pinned_chart_specs(settings, portfolio.portfolio_id))


def _clear_pinned(settings, portfolio: Portfolio) -> None:
    try:
        from alliance_desk.ui.pinned_charts import clear_pinned
    except ImportError:
        return
    clear_pinned(settings, portfolio.portfolio_id)


class _Writer(QObject):
    """Writes the .docx on a worker thread: python-docx only, no portfolio, no Qt drawing."""

    finished = Signal(str)  # "" on success, else a sentence

    def __init__(self, preread, target: Path, template: Path | None):
        super().__init__()
        self.preread, self.target, self.template = preread, target, template

    def run(self) -> None:
        try:
            write_preread(self.preread, self.target, self.template)
        except TemplateProblem as exc:
            self.finished.emit(str(exc))
        except OSError as exc:
            self.finished.emit(f"Could not write {self.target.name}: {exc.strerror or exc}.")
        else:
            self.finished.emit("")


def make_document(window, choice: dict, today: date | None = None):
    """The pre-read with its charts drawn (UI thread), ready to be written anywhere."""
    from alliance_desk.charts.for_reports import render_request

    portfolio = window.portfolio
    extra = []
    left_out = []
    for spec in choice["pinned"]:
        from alliance_desk.charts.builder import render_spec_png  # the chart builder's charts
        from alliance_desk.insights.cuts import SpecError

        try:
            extra.append((spec.title, render_spec_png(portfolio, spec, 900, 420)))
        except SpecError:  # a pinned chart that no longer fits the data (a removed benchmark)
            left_out.append(spec.title)
    window.preread_left_out = left_out
    preread = build_preread(
        portfolio,
        choice["audience"],
        choice["alliance"],
        choice["stakeholder"],
        since=choice["since"],
        today=today,
        extra_charts=extra,
    )
    for section in preread.sections:
        for index, block in enumerate(section.blocks):
            if isinstance(block, Chart) and block.png is None and block.request is not None:
                section.blocks[index] = Chart(
                    block.request, render_request(block.request), block.caption
                )
    return preread


def export_preread(window: "MainWindow", target: Path | None = None) -> Path | None:
    """The whole command: dialog, file name, content, charts, then the file on a worker."""
    portfolio = window.portfolio
    if portfolio is None:
        return None
    dialog = PrereadDialog(portfolio, window.workspace.alliance, window.settings, window)
    if not window.run_dialog(dialog):
        return None
    choice = dialog.choice()
    subject = choice["alliance"].name if choice["alliance"] else portfolio.name
    if target is None:
        suggested = documents_dir() / _file_name(subject, choice["audience"])
        target = window.choose_save_path("Export pre-read", suggested, "Word documents (*.docx)")
        if target is None:
            return None
    if target.suffix.lower() != ".docx":
        target = target.with_suffix(".docx")
    progress = QProgressDialog("Reading the portfolio…", "", 0, 3, window)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setWindowTitle("Export pre-read")
    progress.setValue(0)
    preread = make_document(window, choice)
    progress.setLabelText("Writing the Word file…")
    progress.setValue(2)
    outcome = _write_on_worker(preread, target, choice["template"])
    progress.setValue(3)
    progress.close()
    if outcome:
        window.show_error(outcome, "Cannot export the pre-read")
        return None
    if choice["pinned"]:
        _clear_pinned(window.settings, portfolio)
    message = f"Saved the {AUDIENCES[choice['audience']].lower()} to {target}."
    if getattr(window, "preread_left_out", None):
        message += " Left out, no longer drawable: " + ", ".join(window.preread_left_out) + "."
    window.status(message)
    return target


def _write_on_worker(preread, target: Path, template: Path | None) -> str:
    from PySide6.QtCore import QEventLoop

    thread = QThread()
    writer = _Writer(preread, target, template)
    writer.moveToThread(thread)
    outcome: list[str] = []
    loop = QEventLoop()
    writer.finished.connect(lambda message: (outcome.append(message), loop.quit()))
    thread.started.connect(writer.run)
    thread.start()
    if not outcome:
        loop.exec()
    thread.quit()
    thread.wait()
    return outcome[0] if outcome else "The pre-read was not written."


def _file_name(subject: str, audience: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in subject)
    words = "-".join(keep.split())[:60] or "portfolio"
    return f"{words}-{audience}-{clock.today().isoformat()}.docx"
