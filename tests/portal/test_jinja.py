"""The Jinja2 parts of pages (portal/jinja.py) write what Django's engine wrote: escaped, in the
page's language and the plan's time zone."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.http import HttpResponse
from django.template import engines
from django.urls import NoReverseMatch, path, register_converter, reverse
from django.utils import translation
from django.utils.html import escape

from claims.models import Claim, ClaimStatus, ClaimType
from portal.jinja import environment


def render_django(source: str, **values: object) -> str:
    return engines["django"].from_string(source).render(values)


def test_a_claim_row_escapes_what_the_plan_sent() -> None:
    claim = Claim(
        pk=7,
        claim_number="C<1>",
        status=ClaimStatus.PAID,
        billing_provider_name="Smith & <b>Jones</b>",
        service_from=datetime.date(2026, 11, 3),
        service_to=datetime.date(2026, 11, 3),
        plan_paid=Decimal("12.50"),
    )
    labels = {name: "x" for name in ("date", "provider", "number", "status", "paid", "owe")}
    html = render_django(
        '{% load jinja %}{% jinja "claims/claim_rows.jinja" claims=claims date_label=l.date '
        "provider_label=l.provider number_label=l.number status_label=l.status paid_label=l.paid "
        "owe_label=l.owe %}",
        claims=[claim],
        l=labels,
    )
    assert "Smith &amp; &lt;b&gt;Jones&lt;/b&gt;" in html and "<b>" not in html
    assert 'href="/claims/claim/7/">C&lt;1&gt;</a>' in html
    assert "$12.50" in html and "Nov. 3, 2026" in html and " \u2013 " not in html, "one day, no range"


@pytest.mark.parametrize(
    ("jinja_filter", "django_filter", "in_english"),
    [
        ("datetime", 'date:"DATETIME_FORMAT"', "Dec. 1, 2026, 7:30 p.m."),
        ("time", 'time:"TIME_FORMAT"', "7:30 p.m."),
    ],
)
def test_a_moment_is_written_in_the_plans_time_and_the_pages_language(
    jinja_filter: str, django_filter: str, in_english: str
) -> None:
    # 03:30 UTC on 2 December is 7:30 p.m. on 1 December in California (a message sent, an
    # expedited decision due).
    moment = datetime.datetime(2026, 12, 2, 3, 30, tzinfo=datetime.UTC)
    jinja = environment().from_string(f"{{{{ moment|{jinja_filter} }}}}")
    for language in ("en", "es", "ar"):
        with translation.override(language):
            django = render_django(f"{{{{ moment|{django_filter} }}}}", moment=moment)
            assert jinja.render(moment=moment) == django, language
    with translation.override("en"):
        assert jinja.render(moment=moment) == in_english


def test_a_moments_day_is_the_plans_day_as_in_djangos_filter() -> None:
    # A grievance received at 03:30 UTC on 2 December was received on 1 December, plan's time.
    received = datetime.datetime(2026, 12, 2, 3, 30, tzinfo=datetime.UTC)
    with translation.override("es"):
        jinja = environment().from_string("{{ received|long_date }}").render(received=received)
        assert jinja == render_django("{% load design %}{{ received|long_date }}", received=received)
        assert jinja == "1 de diciembre de 2026"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("claim", 42),
        ("inbox_thread", 0),
        ("care_plan", 7),
        ("appeals_case", "G261103-9DZ289L4"),
        ("authorization", uuid.UUID("12345678-1234-5678-1234-567812345678")),
        ("claim_list", "medical"),
        ("claim_list", ClaimType.PHARMACY),  # a tab's kind, as the view hands it
        ("plan_theme", "a b"),  # to be quoted: reverse() writes it
    ],
)
def test_a_row_s_link_is_the_one_django_reverses(name: str, value: object) -> None:
    link = environment().from_string("{{ url(name, value) }}").render(name=name, value=value)
    assert link == str(escape(reverse(name, args=[value])))


def test_an_id_a_url_does_not_take_is_refused_as_django_refuses_it() -> None:
    with pytest.raises(NoReverseMatch):
        environment().from_string("{{ url('claim', -1) }}").render()
    with pytest.raises(NoReverseMatch):
        environment().from_string("{{ url('claim', 'abc') }}").render()
    with pytest.raises(NoReverseMatch):  # a case reference has its own pattern
        environment().from_string("{{ url('appeals_case', 'G26') }}").render()
    two = environment().from_string("{{ url('contact_edit', 'phone', 3) }}").render()
    assert two == reverse("contact_edit", args=["phone", 3])
    with pytest.raises(NoReverseMatch):  # nor a kind of claim the plan does not have
        environment().from_string("{{ url('claim_list', 'medicalx') }}").render()


class SpellingConverter:
    """A converter that writes some values as something else (an "x" as "ks"), though the ids a
    probe would try come out as themselves: the fast path must leave it to reverse()."""

    regex = "[A-Za-z0-9_-]+"

    def to_python(self, value: str) -> str:
        return value.replace("ks", "x")

    def to_url(self, value: str) -> str:
        return value.replace("x", "ks")


register_converter(SpellingConverter, "test_spelling")
urlpatterns = [path("words/<test_spelling:word>/", lambda request: HttpResponse(), name="word")]


@pytest.mark.urls("tests.portal.test_jinja")
def test_a_url_whose_converter_rewrites_the_id_is_reversed_by_django() -> None:
    assert environment().from_string("{{ url('word', 'box') }}").render() == "/words/boks/"
