"""Development-only URLs; portal/urls.py includes them under /dev/ only when settings.DEBUG."""

from django.urls import path

from outbox import dev_views

urlpatterns = [
    path("mailbox/", dev_views.mailbox, name="dev_mailbox"),
    path("mailbox/<int:email_id>/", dev_views.mailbox_email, name="dev_mailbox_email"),
]
