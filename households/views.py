"""My Info (the first MyServices tab) and the household switch.

My Info shows the viewed member's contact information as the plan has it, read-only: where the
plan's profile lets members edit their contact details it points to Profile, elsewhere it says,
as MyServices does, that changes cannot be made here and how to report them.
"""

from django.conf.locale import LANG_INFO
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from households import viewing as household_viewing
from households.forms import ViewingForm
from households.viewing import viewing_for
from members.contacts import contacts_of
from members.decorators import MemberRequest, member_required

# Every MyServices tab is under this path; the switch goes back only to one of them.
TABS_PREFIX = "/my/"


@require_GET
@member_required
def my_info(request: MemberRequest) -> HttpResponse:
    viewing = viewing_for(request)
    lists = contacts_of(viewing.member) if viewing.sensitive_shown else None
    code = viewing.member.preferred_language
    # Each language by its own name, as the language switcher writes it.
    language = LANG_INFO.get(code, {}).get("name_local", code)
    return render(
        request, "households/my_info.html", {"viewing": viewing, "contacts": lists, "language": language}
    )


@require_POST
@member_required
def choose_member(request: MemberRequest) -> HttpResponse:
    """Keep the head of household's choice; any other choice (or viewer) answers 404."""
    viewing = viewing_for(request)
    form = ViewingForm(request.POST, household=viewing.household)
    if not viewing.household or not form.is_valid():
        # Only a forged request names someone outside the list the page offered.
        raise Http404
    household_viewing.choose(request, form.chosen())
    back = form.cleaned_data["next"]
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
    return redirect(back if safe and back.startswith(TABS_PREFIX) else "my_info")
