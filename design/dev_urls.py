"""Development-only URLs; portal/urls.py includes them under /dev/ only when settings.DEBUG."""

from django.urls import path

from design import views

urlpatterns = [
    path("styleguide/", views.styleguide, name="dev_styleguide"),
]
