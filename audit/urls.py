"""Profile → Recent activity, mounted at /profile/activity/. No URL carries an id."""

from django.urls import path

from audit import views

urlpatterns = [path("", views.activity, name="activity")]
