"""Providers pages, mounted under /providers/."""

from django.urls import path

from providers import views

urlpatterns = [
    path("", views.providers, name="providers"),
    path("change/", views.pcp_change, name="pcp_change"),
    path("change/reason/", views.pcp_change_reason, name="pcp_change_reason"),
]
