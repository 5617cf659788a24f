"""My Documents and My Notices, mounted at /my/. A notice's URL carries its id, looked up
together with the viewed member (404 for anyone else's)."""

from django.urls import path

from documents import views

urlpatterns = [
    path("documents/", views.my_documents, name="my_documents"),
    path("notices/", views.my_notices, name="my_notices"),
    path("notices/<int:pk>/", views.notice_file, name="notice_file"),
]
