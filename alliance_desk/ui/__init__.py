"""Widgets, dialogs, item models and actions; talks only to Portfolio and friends."""
