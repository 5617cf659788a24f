"""Health Care Coverage, mounted at /coverage/. No URL carries a member's id."""

from django.urls import path

from coverage import views

urlpatterns = [
    path("", views.active, name="coverage"),
    path("inactive/", views.inactive, name="coverage_inactive"),
]
