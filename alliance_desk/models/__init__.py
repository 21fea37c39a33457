"""The domain as SQLAlchemy ORM classes, and the registry of kinds the rest of the app uses.

`from alliance_desk.models import Alliance, KINDS` works as for any package, but the mapped
classes (kinds.py: SQLAlchemy and every model, about 0.35 s) load with the first such name,
not with the package: the window's first modules import `models.choices` and `models.limits`
alone, so a start paints before SQLAlchemy has loaded (lazy.py).
"""

from alliance_desk.lazy import exports

__all__ = [
    "KINDS",
    "KIND_OF_MODEL",
    "Kind",
    "Base",
    "Tracked",
    "new_id",
    "PortfolioInfo",
    "Device",
    "Alliance",
    "StageChange",
    "Stakeholder",
    "AllianceStakeholder",
    "InformationNeed",
    "NeedFeedback",
    "WorksheetInterview",
    "ActionItem",
    "Milestone",
    "Risk",
    "Decision",
    "Meeting",
    "MeetingAttendee",
    "Payment",
    "ChecklistTemplate",
    "ChecklistTemplateItem",
    "ChecklistItem",
    "Benchmark",
    "BenchmarkOverride",
    "SurveyRound",
    "SurveyResponse",
    "SurveyScore",
    "PracticeAssessment",
    "PracticeScore",
    "ConflictEntry",
    "SyncPeer",
]
__getattr__, __dir__ = exports(__name__, dict.fromkeys(__all__, "kinds"))
