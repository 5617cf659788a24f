"""Care management, mounted at /care/. Ids in URLs are looked up within the signed-in member's
own records (404 otherwise); no URL carries a member's id."""

from django.urls import path

from care import assessment_views, views

urlpatterns = [
    path("plans/", views.active_plans, name="care_plans"),
    path("plans/completed/", views.completed_plans, name="care_plans_completed"),
    path("plans/<int:plan_id>/", views.care_plan, name="care_plan"),
    path("plans/<int:plan_id>/nursing-interventions/", views.interventions, name="care_plan_interventions"),
    path("assessments/", assessment_views.assessments, name="assessments"),
    path("assessments/<int:assessment_id>/", assessment_views.answer, name="assessment"),
    path(
        "assessments/<int:assessment_id>/section/<int:section>/",
        assessment_views.answer,
        name="assessment_section",
    ),
]
