"""Secure messages, mounted at /messages/. No URL carries a member's id; thread and attachment
ids are looked up within the signed-in member's own messages (404 otherwise)."""

from django.urls import path

from inbox import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.sent_items, name="inbox_sent"),
    path("compose/", views.compose, name="inbox_compose"),
    path("<int:thread_id>/", views.thread, name="inbox_thread"),
    path("attachments/<int:attachment_id>/", views.attachment, name="inbox_attachment"),
]
