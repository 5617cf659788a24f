"""My Benefits, mounted at /my/benefits/. No URL carries a member's id."""

from django.urls import path

from eligibility import views

urlpatterns = [path("", views.my_benefits, name="my_benefits")]
