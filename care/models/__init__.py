"""Care management's records: who a member's care manager is (and was), the member's care plans,
and the assessments (FHIR Questionnaires) the member is asked to fill in."""

from care.models.assessments import Assessment, AssessmentStatus, CareManagerTask, Questionnaire
from care.models.managers import CareManagerAssignment, CareManagerContact
from care.models.plans import (
    CareActivity,
    CareGoal,
    CarePlan,
    CarePlanStatus,
    GoalStatus,
    NursingIntervention,
)

__all__ = [
    "Assessment",
    "AssessmentStatus",
    "CareActivity",
    "CareGoal",
    "CareManagerAssignment",
    "CareManagerContact",
    "CareManagerTask",
    "CarePlan",
    "CarePlanStatus",
    "GoalStatus",
    "NursingIntervention",
    "Questionnaire",
]
