"""The benchmark's floor, served only under bench/settings.py: the portal's middleware and base
template (with the member navigation, as a member page has it) and exactly one cheap query."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from members.models import Member
from portal.registry import navigation_context


def floor(request: HttpRequest) -> HttpResponse:
    nav = navigation_context(request.path_info) if request.user.is_authenticated else {}
    return render(request, "bench/floor.html", {"member_count": _members_on_file(), **nav})


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
