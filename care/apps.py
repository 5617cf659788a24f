from django.utils.translation import gettext_lazy as _

from care import audit_actions
from portal import registry
from portal.registry import CARE_MANAGER, MEMBER_SERVICES, DashboardCard, NavEntry, TabEntry

_PLAN_MODELS = ("careplan", "caregoal", "careactivity", "nursingintervention")


def _all(*models: str) -> list[str]:
    return [f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")]


class CareConfig(registry.PortalApp):
    name = "care"
    verbose_name = _("Care management")

    feature = "care"
    urls = (("care/", "care.urls"),)
    nav_entries = (
        NavEntry(_("Care Plan"), "care_plans", order=40),
        NavEntry(_("Assessments"), "assessments", order=45),
    )
    tab_groups = {"care_plans": _("Care plans")}
    tabs = (
        TabEntry("care_plans", _("Active"), "care_plans", order=0),
        TabEntry("care_plans", _("Completed"), "care_plans_completed", order=10),
    )
    dashboard_cards = (DashboardCard("care/dashboard_card.html", "care.dashboard.care_card", order=20),)
    audit_actions = audit_actions.ALL
    member_records = {
        "caremanagerassignment": "member_id",
        "careplan": "member_id",
        "caregoal": "plan__member_id",
        "careactivity": "goal__plan__member_id",
        "nursingintervention": "plan__member_id",
        "assessment": "member_id",
        "caremanagertask": "assessment__member_id",
    }
    # Member services assign care managers and questionnaires; care managers keep the plans
    # and review finished assessments (answers are the member's: staff only read them).
    staff_permissions = {
        MEMBER_SERVICES: [
            *_all("caremanagerassignment", "caremanagercontact"),
            "view_questionnaire",
            "view_assessment",
            "add_assessment",
            *(f"view_{model}" for model in _PLAN_MODELS),
        ],
        CARE_MANAGER: [
            "view_caremanagerassignment",
            "view_caremanagercontact",
            "view_questionnaire",
            "view_assessment",
            "add_assessment",
            "view_caremanagertask",
            "change_caremanagertask",
            *_all(*_PLAN_MODELS),
        ],
    }
