"""Sharing and merging in the window (File ▸ Merge another file…, Sync with a shared file…,
Conflicts…, and the Sync button). `install(window)` is the one hook the main window calls."""

from alliance_desk.ui.sync.controller import SyncController


def install(window) -> SyncController:
    """Add the sharing actions, menu entries and Sync button to `window`."""
    window.sync_controller = SyncController(window)
    return window.sync_controller


__all__ = ["SyncController", "install"]
