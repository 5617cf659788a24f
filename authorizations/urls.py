"""Referrals and Authorizations, mounted at /authorizations/. No URL carries a member's id."""

from django.urls import path

from authorizations import views

urlpatterns = [
    path("", views.authorizations, name="authorizations"),
    path("<uuid:public_id>/", views.authorization, name="authorization"),
]
