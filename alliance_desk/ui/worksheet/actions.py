"""The window's worksheet commands: File ▸ Print worksheet, View ▸ All stakeholders, View ▸
Items nobody uses. They work on the Stakeholders tab, whichever tab is showing."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_desk.ui.worksheet.tab import StakeholdersTab


def stakeholders_tab(window) -> "StakeholdersTab | None":
    from alliance_desk.ui.worksheet.tab import StakeholdersTab  # built (and loaded) on demand

    tab = window.workspace.tab("Stakeholders")
    return tab if isinstance(tab, StakeholdersTab) else None


def print_worksheet(window) -> str:
    """The worksheet of the Stakeholders tab's columns (the selected alliance's people)."""
    tab = stakeholders_tab(window)
    return tab.print_worksheet() if tab is not None else ""


def show_all_stakeholders(window) -> None:
    tab = stakeholders_tab(window)
    if tab is not None:
        window.workspace.select_tab("Stakeholders")
        tab.show_whole_portfolio()
        tab.select_section("People")


def show_unused_items(window) -> None:
    tab = stakeholders_tab(window)
    if tab is not None:
        window.workspace.select_tab("Stakeholders")
        tab.select_section("Not used")
