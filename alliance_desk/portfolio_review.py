"""The review actions of the Portfolio service: early warnings that propose a review (a change
of traffic light, DOMAIN.md §3) become one action each, due within two weeks; their completion
dates mark the health trend. Mixed into `Portfolio`."""

from datetime import date, timedelta

from alliance_desk import clock
from alliance_desk.insights import health as rules
from alliance_desk.insights.health import EarlyWarning
from alliance_desk.models import ActionItem, Alliance, Benchmark
from alliance_desk.models.limits import ValidationError


class ReviewCommands:
    """Methods of `Portfolio` (they use its add/get/all plumbing)."""

    def review_action(self, warning: EarlyWarning) -> ActionItem | None:
        """The review action already created for this warning's transition, if any."""
        if not warning.proposes_review:
            return None
        return self.review_actions(warning.alliance_id).get(
            (warning.benchmark_id, warning.round_id)
        )

    def review_actions(self, alliance_id: str) -> dict[tuple[str | None, str | None], ActionItem]:
        """The alliance's review actions by (benchmark id, round id), the first of each: what
        `review_action` finds for each of its warnings, in one read."""
        found: dict[tuple[str | None, str | None], ActionItem] = {}
        for action in self.all(ActionItem, alliance_id=alliance_id, source="health_review"):
            found.setdefault((action.benchmark_id, action.source_id), action)
        return found

    def create_review_action(
        self, warning: EarlyWarning, owner_name: str = "", today: date | None = None
    ) -> ActionItem:
        """The review DOMAIN.md §3 asks for, due in 14 days; never two for one transition."""
        existing = self.review_action(warning)
        if existing is not None:
            return existing
        if not warning.proposes_review:
            raise ValidationError("kind", "Only a change of traffic light proposes a review.")
        today = today or clock.today()
        benchmark = self.get(Benchmark, warning.benchmark_id)
        name = benchmark.name if benchmark else ""
        alliance = self.get(Alliance, warning.alliance_id)
        return self.add(
            ActionItem,
            alliance_id=warning.alliance_id,
            title=warning.review_title(name)[:300],
            description=(
                "Proposed by an early warning: review what moved and agree actions with an "
                "owner and a deadline."
            ),
            owner_name=owner_name or (alliance.our_lead if alliance else ""),
            due_date=max(today, warning.on or today) + timedelta(days=rules.REVIEW_WITHIN_DAYS),
            source="health_review",
            source_id=warning.round_id,
            benchmark_id=warning.benchmark_id,
        )

    def review_completions(self, alliance_id: str) -> list[tuple[date, str, str | None]]:
        """Completed review actions (date, title, benchmark id), to mark on the trend."""
        return sorted(
            (a.completed_on, a.title, a.benchmark_id)
            for a in self.all(ActionItem, alliance_id=alliance_id, source="health_review")
            if a.status == "done" and a.completed_on is not None
        )
