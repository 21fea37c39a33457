"""Portfolio ▸ Benchmarks…: the benchmark definitions, and one alliance's own thresholds.

Pick a benchmark on the left. Its definition (name, question, scale, thresholds, stages,
cadence) is saved with "Save definition" as one undoable step, or not at all: a broken rule
(red at or past green, a threshold off the scale) shows beside its field. Below, the selected
alliance's thresholds can replace the definition's ("Save override") or go back to them
("Use the defaults").
"""

from types import SimpleNamespace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alliance_desk.models import Alliance, Benchmark, choices
from alliance_desk.models.limits import ValidationError
from alliance_desk.portfolio import Change
from alliance_desk.ui.context import UiContext
from alliance_desk.ui.fields import (
    HINT_COLOUR,
    ChoiceField,
    Field,
    LineField,
    NumberField,
    TextField,
)
from alliance_desk.ui.lifecycle.commands import OverrideCommand
from alliance_desk.ui.lifecycle.editor import EditorDialog
from alliance_desk.ui.tracking.form import Entry, RecordForm
from alliance_desk.ui.undo import EditCommand

DIRECTIONS = {"higher": "Higher is better", "lower": "Lower is better"}
THRESHOLD_HINTS = {
    True: ("Green at or above this", "Red below this; yellow in between"),
    False: ("Green at or below this", "Red above this; yellow in between"),
}


class StagesField(Field):
    """The lifecycle stages where a benchmark applies: one box per stage, stored as
    'formation,governance,…' in lifecycle order."""

    def __init__(self, name: str):
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        self.boxes: dict[str, QCheckBox] = {}
        for number, (key, label) in enumerate(choices.STAGES.items()):
            box = QCheckBox(label)
            grid.addWidget(box, number // 3, number % 3)
            self.boxes[key] = box
        super().__init__(name, holder)
        for box in self.boxes.values():
            box.toggled.connect(lambda _on: self.committed.emit())

    def text(self) -> str:
        return ",".join(key for key, box in self.boxes.items() if box.isChecked())

    def set_text(self, text: str) -> None:
        wanted = {part.strip() for part in (text or "").split(",")}
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in wanted)
            box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)


def _definition_sections(green_hint: str, red_hint: str):
    return [
        (
            "",
            [
                Entry("Name", LineField("name")),
                Entry("Question", TextField("question", lines=3)),
                Entry("Scale from", NumberField("scale_min")),
                Entry("Scale to", NumberField("scale_max")),
                Entry(
                    "Direction",
                    ChoiceField("direction", DIRECTIONS),
                    names=("higher_is_better",),
                    show=lambda b: "higher" if b.higher_is_better else "lower",
                    store=lambda value: {"higher_is_better": value != "lower"},
                ),
                Entry("Green at", NumberField("green_at", hint=green_hint)),
                Entry("Red below", NumberField("red_below", hint=red_hint)),
                Entry("Applies in", StagesField("stages")),
                Entry("Cadence", ChoiceField("cadence", choices.CADENCES)),
            ],
        )
    ]


class BenchmarksDialog(EditorDialog):
    """The definitions (left: the list; right: the form) and the alliance's override."""

    def __init__(
        self, context: UiContext, alliance: Alliance | None = None, parent: QWidget | None = None
    ):
        super().__init__(context, "Benchmarks", parent)
        self.alliance = alliance
        self.benchmarks: list[Benchmark] = []

        self.benchmark_list = QListWidget()
        self.benchmark_list.setMinimumWidth(230)
        self.benchmark_list.currentRowChanged.connect(self._benchmark_changed)

        self.source = QLabel()
        self.source.setStyleSheet(f"color: {HINT_COLOUR};")
        self.form = RecordForm(_definition_sections(*THRESHOLD_HINTS[True]), draft=True)
        self.form.field("direction").committed.connect(self._direction_changed)
        self.save_button = QPushButton("Save definition")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_definition)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self._load_definition)
        definition_buttons = QHBoxLayout()
        definition_buttons.addStretch(1)
        definition_buttons.addWidget(self.revert_button)
        definition_buttons.addWidget(self.save_button)
        definition = QGroupBox("Definition (the whole portfolio)")
        definition_layout = QVBoxLayout(definition)
        definition_layout.addWidget(self.source)
        definition_layout.addWidget(self.form)
        definition_layout.addLayout(definition_buttons)

        self.override_box = QGroupBox()
        self.effective = QLabel()
        self.effective.setWordWrap(True)
        self.override_form = RecordForm(
            [
                (
                    "",
                    [
                        Entry("Green at", NumberField("green_at", hint="Empty: the default")),
                        Entry("Red below", NumberField("red_below", hint="Empty: the default")),
                    ],
                )
            ],
            draft=True,
        )
        self.override_button = QPushButton("Save override")
        self.override_button.clicked.connect(self.save_override)
        self.clear_button = QPushButton("Use the defaults")
        self.clear_button.clicked.connect(self.clear_override)
        override_buttons = QHBoxLayout()
        override_buttons.addStretch(1)
        override_buttons.addWidget(self.clear_button)
        override_buttons.addWidget(self.override_button)
        override_layout = QVBoxLayout(self.override_box)
        override_layout.addWidget(self.effective)
        override_layout.addWidget(self.override_form)
        override_layout.addLayout(override_buttons)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(8, 0, 8, 0)
        page_layout.addWidget(definition)
        page_layout.addWidget(self.override_box)
        page_layout.addWidget(self.message)
        page_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)

        splitter = QSplitter()
        splitter.addWidget(self.benchmark_list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 720])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 760)
        self._load_list()

    # --- showing -----------------------------------------------------------------------------

    def _load_list(self) -> None:
        current = self.current()
        self.benchmarks = self.portfolio.benchmarks()
        self.benchmark_list.blockSignals(True)
        self.benchmark_list.clear()
        for benchmark in self.benchmarks:
            self.benchmark_list.addItem(benchmark.name)
        self.benchmark_list.blockSignals(False)
        ids = [b.id for b in self.benchmarks]
        row = ids.index(current.id) if current is not None and current.id in ids else 0
        self.benchmark_list.setCurrentRow(row)
        self._benchmark_changed()

    def current(self) -> Benchmark | None:
        row = self.benchmark_list.currentRow()
        return self.benchmarks[row] if 0 <= row < len(self.benchmarks) else None

    def select(self, key: str) -> None:
        for row, benchmark in enumerate(self.benchmarks):
            if benchmark.key == key:
                self.benchmark_list.setCurrentRow(row)

    def _benchmark_changed(self, *_args) -> None:
        self._load_definition()
        self._load_override()

    def _load_definition(self) -> None:
        benchmark = self.current()
        if benchmark is None:
            return
        self.form.load(benchmark)
        self.form.clear_errors()
        source = choices.BENCHMARK_SOURCES.get(benchmark.source, benchmark.source)
        unit = f" · unit: {benchmark.unit}" if benchmark.unit else ""
        self.source.setText(f"{source}{unit}")
        self._direction_changed()
        self.form.set_read_only(self.read_only)
        self.save_button.setEnabled(not self.read_only)

    def _direction_changed(self) -> None:
        higher = self.form.field("direction").value() != "lower"
        green_hint, red_hint = THRESHOLD_HINTS[higher]
        self.form.labels["red_below"].setText("Red below" if higher else "Red above")
        for name, hint in (("green_at", green_hint), ("red_below", red_hint)):
            self.form.field(name).hint.setText(hint)

    def _load_override(self) -> None:
        benchmark = self.current()
        alliance = self.alliance
        self.override_box.setVisible(benchmark is not None and alliance is not None)
        if benchmark is None or alliance is None:
            return
        self.override_box.setTitle(f"Thresholds for {alliance.name}")
        thresholds = self.portfolio.effective_thresholds(alliance, benchmark)
        override = self.portfolio.override_for(alliance, benchmark)
        whose = "its own" if thresholds.overridden else "the definition's"
        self.effective.setText(
            f"{alliance.name} uses {whose} thresholds: {thresholds.describe(benchmark.unit)}."
        )
        self.override_form.load(
            override if override is not None else SimpleNamespace(green_at=None, red_below=None)
        )
        self.override_form.clear_errors()
        higher = benchmark.higher_is_better
        self.override_form.labels["red_below"].setText("Red below" if higher else "Red above")
        writable = not self.read_only
        self.override_form.set_read_only(not writable)
        self.override_button.setEnabled(writable)
        self.clear_button.setEnabled(writable and override is not None)

    def _on_changed(self, change: Change) -> None:
        if change.op == "reloaded" or change.kind == "benchmarks":
            self._load_list()
        elif change.kind == "benchmark_overrides":
            self._load_override()

    # --- commands ----------------------------------------------------------------------------

    def save_definition(self) -> bool:
        """Store the edited definition as one step, or show what is wrong beside the field."""
        benchmark = self.current()
        if benchmark is None or self.read_only:
            return False
        self.form.clear_errors()
        values = self.form.collect()
        if values is None:
            return False
        changes = {k: v for k, v in values.items() if getattr(benchmark, k) != v}
        if not changes:
            self.say("Nothing to save: the definition is as stored.")
            return True
        try:
            self.portfolio.check(benchmark, **changes)
        except ValidationError as error:
            self.form.show_error(error)
            return False
        text = f"Change the {benchmark.name} benchmark"
        return self.run(
            EditCommand(self.portfolio, benchmark, text, **changes), self.form.show_error
        )

    def save_override(self) -> bool:
        benchmark, alliance = self.current(), self.alliance
        if benchmark is None or alliance is None or self.read_only:
            return False
        self.override_form.clear_errors()
        values = self.override_form.collect()
        if values is None:
            return False
        command = OverrideCommand(
            self.portfolio, alliance, benchmark, values["green_at"], values["red_below"]
        )
        return self.run(command, self.override_form.show_error)

    def clear_override(self) -> bool:
        benchmark, alliance = self.current(), self.alliance
        if benchmark is None or alliance is None or self.read_only:
            return False
        return self.run(OverrideCommand(self.portfolio, alliance, benchmark, None, None))


__all__ = ["BenchmarksDialog", "StagesField"]
