"""Staff see the outbox read-only; only superusers read bodies; failed emails can be re-queued."""

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpRequest
from django.test import RequestFactory
from django.utils import timezone

from members.models import User
from outbox.admin import EmailAdmin
from outbox.models import Email, EmailStatus
from outbox.services import email_queue

pytestmark = pytest.mark.django_db


def request_by(user: User) -> HttpRequest:
    request = RequestFactory().get("/admin/outbox/email/")
    request.user = user
    request.session = {}  # type: ignore[assignment]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


@pytest.fixture
def staff() -> User:
    user = User.objects.create_user(username="agent", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_email"))
    return User.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def email_admin() -> EmailAdmin:
    return EmailAdmin(Email, admin.site)


def queue() -> Email:
    return email_queue(
        to="jose@example.com",
        template="members/account_created",
        context={"first_name": "José", "login_url": "/accounts/login/"},
        language="en",
    )


def test_staff_see_emails_but_not_their_bodies(email_admin: EmailAdmin, staff: User) -> None:
    request = request_by(staff)
    fields = email_admin.get_fields(request)
    assert "to" in fields and "status" in fields and "last_error" in fields
    assert "body_text" not in fields and "body_html" not in fields
    assert email_admin.has_view_permission(request)
    assert not email_admin.has_change_permission(request)
    assert not email_admin.has_add_permission(request)
    assert not email_admin.has_delete_permission(request)


def test_superusers_read_bodies_but_cannot_edit(email_admin: EmailAdmin) -> None:
    request = request_by(User.objects.create_superuser(username="root", password="x"))
    assert {"body_text", "body_html"} <= set(email_admin.get_fields(request))
    assert set(email_admin.get_readonly_fields(request)) == set(email_admin.get_fields(request))
    assert not email_admin.has_change_permission(request)


def test_requeue_needs_the_change_permission(email_admin: EmailAdmin, staff: User) -> None:
    assert "requeue_failed" not in email_admin.get_actions(request_by(staff))
    staff.user_permissions.add(Permission.objects.get(codename="change_email"))
    staff = User.objects.get(pk=staff.pk)
    assert "requeue_failed" in email_admin.get_actions(request_by(staff))


def test_requeue_puts_only_failed_emails_back_in_the_queue(email_admin: EmailAdmin, settings: Any) -> None:
    failed, sent = queue(), queue()
    Email.objects.filter(pk=failed.pk).update(
        status=EmailStatus.FAILED, attempts=settings.OUTBOX_MAX_ATTEMPTS
    )
    Email.objects.filter(pk=sent.pk).update(status=EmailStatus.SENT)
    request = request_by(User.objects.create_superuser(username="root", password="x"))

    before = timezone.now()
    email_admin.requeue_failed(request, Email.objects.all())

    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.dispatched_at) == (EmailStatus.QUEUED, 0, None)
    assert failed.next_attempt_at >= before
    assert Email.objects.get(pk=sent.pk).status == EmailStatus.SENT
    assert [str(m) for m in request._messages] == ["1 email re-queued."]  # type: ignore[attr-defined]
