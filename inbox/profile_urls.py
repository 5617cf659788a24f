"""The member's choice of message emails: a tab of Profile, mounted at /profile/message-emails/."""

from django.urls import path

from inbox import views

urlpatterns = [path("", views.email_preference, name="inbox_email_preference")]
