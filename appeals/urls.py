"""Grievances and Appeals, mounted at /appeals/. No URL carries a member's id; a case is named by
its reference number, looked up among the signed-in member's own."""

from django.urls import path

from appeals import views

urlpatterns = [
    path("", views.appeals, name="appeals"),
    path("grievances/", views.grievances, name="grievances"),
    path("new/", views.choose, name="appeals_new"),
    path("new/appeal/", views.new_appeal, name="appeals_new_appeal"),
    path("new/grievance/", views.new_grievance, name="appeals_new_grievance"),
    path("case/<str:reference>/", views.case, name="appeals_case"),
    path("case/<str:reference>/withdraw/", views.withdraw, name="appeals_withdraw"),
    path("case/<str:reference>/letter/<int:event_id>/", views.letter, name="appeals_letter"),
    path("case/<str:reference>/file/<uuid:file_id>/", views.case_file, name="appeals_file"),
]
