"""Pages that belong to the portal as a whole rather than to one domain."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from members.decorators import MemberRequest, member_required
from members.models import Member, User


@member_required
def home(request: MemberRequest) -> HttpResponse:
    """The member's home page after log-in."""
    return render(request, "portal/home.html")


def floor(request: HttpRequest) -> HttpResponse:
    """The benchmark's floor: the shared base template and exactly one cheap query."""
    return render(request, "portal/floor.html", {"member_count": _members_on_file()})


def _members_on_file() -> int:
    if connection.vendor == "postgresql":
        # COUNT(*) reads the whole table (about 50 ms for a million members), which would make the
        # floor slower than the pages it is the yardstick for; the planner's row estimate is one
        # catalogue row (-1 until the table is first analyzed).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [Member._meta.db_table]
            )
            row = cursor.fetchone()
        return max(int(row[0]), 0) if row else 0
    return Member.objects.count()


def terms(request: HttpRequest) -> HttpResponse:
    """The website terms and conditions that members agree to when they create an account."""
    return render(request, "portal/terms.html")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's own view, which also remembers a signed-in member's choice.

    The stored preference is the language of emails that reach the member outside any page.
    """
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if code in dict(settings.LANGUAGES) and request.user.is_authenticated:
        User.objects.filter(pk=request.user.pk).update(preferred_language=code)
    return response
