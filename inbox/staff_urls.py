"""The staff pages of secure messages, mounted at /admin/messages/ beside the admin, each behind
its sign-in (password and one-time code) and a permission of the role."""

from django.contrib import admin
from django.urls import path

from inbox import staff_views

urlpatterns = [
    path("", admin.site.admin_view(staff_views.queue), name="inbox_staff_queue"),
    path("<int:thread_id>/", admin.site.admin_view(staff_views.thread), name="inbox_staff_thread"),
    path("<int:thread_id>/handled/", admin.site.admin_view(staff_views.handled), name="inbox_staff_handled"),
    path(
        "attachments/<int:attachment_id>/",
        admin.site.admin_view(staff_views.attachment),
        name="inbox_staff_attachment",
    ),
    path("supervisor/", admin.site.admin_view(staff_views.supervisor), name="inbox_staff_supervisor"),
]
