"""MyServices in each of the masshealth profile's six languages: every tab loads with its own name."""

from django.utils import translation

from portal.plans import PlanProfile
from tests.households.clients import signed_in
from tests.households.households import Household

TABS = {
    "/my/": "My Info",
    "/my/benefits/": "My Benefits",
    "/my/documents/": "My Documents",
    "/my/notices/": "My Notices",
}


def test_every_tab_in_every_masshealth_language(myservices: PlanProfile, household: Household) -> None:
    assert len(myservices.languages) == 6
    client = signed_in(household.head)
    for language in myservices.languages:
        for url, name in TABS.items():
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            with translation.override(language):
                heading = translation.gettext(name)
            html = response.content.decode()
            assert response.status_code == 200, (language, url)
            assert f"<h1>{heading}</h1>" in html, (language, url)
            assert language == "en" or heading != name, f"{name} is not translated into {language}"
