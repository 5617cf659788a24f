"""Resources, mounted at /resources/: the page and its files (an id names content, never a member)."""

from django.urls import path

from resources import views

urlpatterns = [
    path("", views.resources, name="resources"),
    path("files/<int:pk>/", views.resource_file, name="resource_file"),
]
