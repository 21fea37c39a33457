"""The manager's own practice: the "My practice" dialog (View ▸ My practice…)."""
