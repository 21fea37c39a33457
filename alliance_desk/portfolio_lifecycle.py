"""The lifecycle part of the Portfolio service: stage checklists per alliance, the living set
of checklist templates, and benchmark definitions with per-alliance thresholds.
Mixed into `Portfolio`."""


class LifecycleCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""
