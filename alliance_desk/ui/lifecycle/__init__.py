"""The Lifecycle tab (tab.py) and the portfolio's checklist-template and benchmark editors.

This package imports nothing itself, so the window's menus load without the tab.
"""
