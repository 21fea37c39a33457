"""The toolbar of a tracking tab: New, Delete, Set status, the quick filters, the alliance box
and the "Whole portfolio" switch. Built into the tab (its widgets become tab attributes)."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
)

from alliance_desk.insights.tracking import DONE_STATUS

if TYPE_CHECKING:
    from alliance_desk.ui.tracking.tab import TrackingTab


def build_bar(tab: "TrackingTab") -> QHBoxLayout:
    """The row of buttons and filters above the table."""
    done = DONE_STATUS.get(tab.kind, "done")
    new_button = QPushButton(tab.new_label)
    new_button.setToolTip(tab.new_action.toolTip())
    new_button.clicked.connect(tab.new_record)
    delete_button = QToolButton()
    delete_button.setDefaultAction(tab.delete_action)
    tab.status_button = QToolButton()
    tab.status_button.setText("Set status")
    tab.status_button.setToolTip(f"Change the status of the selected rows ({done}: Ctrl+D)")
    tab.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(tab.status_button)
    for key, label in tab.statuses.items():
        menu.addAction(label, lambda k=key: tab.bulk_status(k))
    tab.status_button.setMenu(menu)

    tab.filter_group = QButtonGroup(tab)
    tab.filter_group.setExclusive(True)
    filter_row = QHBoxLayout()
    filter_row.setSpacing(0)
    for number, quick in enumerate(tab.filters):
        button = QToolButton()
        button.setText(quick.label)
        button.setToolTip(quick.tip)
        button.setCheckable(True)
        button.setObjectName(f"filter_{quick.key}")
        button.setProperty("segment", True)
        tab.filter_group.addButton(button, number)
        filter_row.addWidget(button)
    if tab.filters:
        tab.filter_group.button(0).setChecked(True)
    tab.filter_group.idClicked.connect(lambda _id: tab.apply_filters())
    tab.alliance_filter = QComboBox()
    tab.alliance_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    tab.alliance_filter.setToolTip("Show one alliance's rows")
    tab.alliance_filter.currentIndexChanged.connect(lambda _i: tab.apply_filters())
    tab.alliance_filter.hide()
    tab.portfolio_box = QCheckBox("Whole portfolio")
    tab.portfolio_box.setToolTip("List every alliance's records, not only the selected one's")
    tab.portfolio_box.toggled.connect(tab.set_portfolio_wide)

    bar = QHBoxLayout()
    bar.setSpacing(6)
    bar.addWidget(new_button)
    bar.addWidget(delete_button)
    bar.addWidget(tab.status_button)
    bar.addSpacing(16)
    show = QLabel("Show:")
    bar.addWidget(show)
    bar.addLayout(filter_row)
    for widget in tab.bar_extras():
        bar.addWidget(widget)
    bar.addWidget(tab.alliance_filter)
    bar.addStretch(1)
    bar.addWidget(tab.portfolio_box)
    return bar
