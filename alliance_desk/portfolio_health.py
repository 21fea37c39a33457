"""The health part of the Portfolio service: survey rounds, benchmark values, traffic lights,
health status and early warnings (the rules themselves live in insights/health.py).
Mixed into `Portfolio`."""


class HealthCommands:
    """Methods of `Portfolio` (they use its add/update/_read plumbing)."""
