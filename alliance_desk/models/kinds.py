"""Every mapped class of the domain, and the registry of kinds the rest of the app uses
(alliance_desk.models hands out these names)."""

from dataclasses import dataclass

from alliance_desk.models.alliance import Alliance, Device, PortfolioInfo, StageChange
from alliance_desk.models.base import Base, Tracked, new_id  # noqa: F401 (the package's)
from alliance_desk.models.health import (
    Benchmark,
    BenchmarkOverride,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    PracticeAssessment,
    PracticeScore,
    SurveyResponse,
    SurveyRound,
    SurveyScore,
)
from alliance_desk.models.people import (
    AllianceStakeholder,
    InformationNeed,
    NeedFeedback,
    Stakeholder,
    WorksheetInterview,
)
from alliance_desk.models.sync_log import ConflictEntry, SyncPeer
from alliance_desk.models.tracking import (
    ActionItem,
    Decision,
    Meeting,
    MeetingAttendee,
    Milestone,
    Payment,
    Risk,
)


@dataclass(frozen=True)
class Kind:
    """A kind of record as users name it: 'action item', shown in `info`, reports and merges."""

    key: str
    model: type[Tracked]
    singular: str
    plural: str


KINDS: dict[str, Kind] = {
    k.key: k
    for k in [
        Kind("alliances", Alliance, "alliance", "alliances"),
        Kind("stage_changes", StageChange, "stage change", "stage changes"),
        Kind("stakeholders", Stakeholder, "stakeholder", "stakeholders"),
        Kind("alliance_stakeholders", AllianceStakeholder, "stakeholder role", "stakeholder roles"),
        Kind("information_needs", InformationNeed, "information need", "information needs"),
        Kind("need_feedback", NeedFeedback, "feedback entry", "feedback entries"),
        Kind(
            "worksheet_interviews",
            WorksheetInterview,
            "worksheet interview",
            "worksheet interviews",
        ),
        Kind("actions", ActionItem, "action item", "action items"),
        Kind("milestones", Milestone, "milestone", "milestones"),
        Kind("risks", Risk, "risk or issue", "risks and issues"),
        Kind("decisions", Decision, "decision", "decisions"),
        Kind("meetings", Meeting, "meeting", "meetings"),
        Kind("meeting_attendees", MeetingAttendee, "meeting attendee", "meeting attendees"),
        Kind("payments", Payment, "payment", "payments"),
        Kind("checklist_templates", ChecklistTemplate, "checklist template", "checklist templates"),
        Kind(
            "checklist_template_items",
            ChecklistTemplateItem,
            "checklist template item",
            "checklist template items",
        ),
        Kind("checklist_items", ChecklistItem, "checklist item", "checklist items"),
        Kind("benchmarks", Benchmark, "benchmark", "benchmarks"),
        Kind("benchmark_overrides", BenchmarkOverride, "threshold override", "threshold overrides"),
        Kind("survey_rounds", SurveyRound, "survey round", "survey rounds"),
        Kind("survey_responses", SurveyResponse, "survey response", "survey responses"),
        Kind("survey_scores", SurveyScore, "benchmark score", "benchmark scores"),
        Kind("practice_assessments", PracticeAssessment, "self-assessment", "self-assessments"),
        Kind("practice_scores", PracticeScore, "self-assessment score", "self-assessment scores"),
        Kind("conflicts", ConflictEntry, "merge conflict", "merge conflicts"),
        Kind("devices", Device, "device", "devices"),
        Kind("sync_peers", SyncPeer, "sync peer", "sync peers"),
        Kind("portfolio_info", PortfolioInfo, "portfolio record", "portfolio records"),
    ]
}

KIND_OF_MODEL: dict[type, Kind] = {k.model: k for k in KINDS.values()}
