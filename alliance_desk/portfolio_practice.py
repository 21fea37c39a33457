"""The manager's own practice: dated self-assessments against the seven habits and the four
strategic deliverables (DOMAIN.md §4). Mixed into `Portfolio`."""


class PracticeCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""
