"""The member's home page, mounted at the portal's root."""

from django.urls import path

from members import home_views

urlpatterns = [path("", home_views.home, name="home")]
