"""Property-based tests: arbitrary input to every form and every form page never causes a server
error. Each form is fed its own field names with arbitrary values (control characters, NUL,
huge strings, look-alike dates and numbers) and arbitrary extra fields."""

from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from households.forms import ViewingForm
from members.contact_forms import AccountEmailForm, AddressForm, ContactEmailForm, PhoneForm
from members.forms import CodeForm, RecoveryForm, ResetPasswordForm, SignupForm
from members.models import Member, User
from providers.forms import PcpReasonForm, ProviderChoiceForm, ProviderSearchForm

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

values = st.one_of(
    st.text(max_size=300),
    st.from_regex(r"-?\d{1,12}", fullmatch=True),
    st.from_regex(r"\d{1,2}/\d{1,2}/\d{1,5}", fullmatch=True),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    st.sampled_from(["", " ", "\x00", "on", "null", "0" * 5000, "a" * 129, "+1 (831) 555-0143 x9"]),
)


def form_data(field_names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    own = st.fixed_dictionaries(
        {}, optional={name: st.one_of(values, st.lists(values, max_size=3)) for name in field_names}
    )
    extra = st.dictionaries(st.text(min_size=1, max_size=20), values, max_size=3)
    return st.builds(lambda a, b: {**b, **a}, own, extra)


def as_query_dict(data: dict[str, Any]) -> QueryDict:
    """The data as a request brings it: repeated fields are lists, a form reads the last one."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


FORMS: dict[str, Callable[[QueryDict, User], forms.BaseForm]] = {
    "signup": lambda data, user: SignupForm(data, ip="203.0.113.5"),
    "recovery": lambda data, user: RecoveryForm(data, ip="203.0.113.5"),
    "reset": lambda data, user: ResetPasswordForm(data),
    "code": lambda data, user: CodeForm(data),
    "address": lambda data, user: AddressForm(data),
    "phone": lambda data, user: PhoneForm(data),
    "email": lambda data, user: ContactEmailForm(data),
    "account_email": lambda data, user: AccountEmailForm(data, user=user),
    "pcp_search": lambda data, user: ProviderSearchForm(data),
    "pcp_choice": lambda data, user: ProviderChoiceForm(data),
    "pcp_reason": lambda data, user: PcpReasonForm(data),
    "viewing": lambda data, user: ViewingForm(data, household=(Member.objects.get(user=user),)),
}
FIELDS = {
    "signup": list(SignupForm.base_fields),
    "recovery": [*RecoveryForm.base_fields, "forgot_username", "reset_password"],
    "reset": list(ResetPasswordForm.base_fields),
    "code": list(CodeForm.base_fields),
    "address": list(AddressForm.base_fields),
    "phone": list(PhoneForm.base_fields),
    "email": list(ContactEmailForm.base_fields),
    "account_email": list(AccountEmailForm.base_fields),
    "pcp_search": list(ProviderSearchForm.base_fields),
    "pcp_choice": list(ProviderChoiceForm.base_fields),
    "pcp_reason": list(PcpReasonForm.base_fields),
    "viewing": list(ViewingForm.base_fields),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_form_validates_anything_without_raising(name: str, member: Member) -> None:
    assert member.user is not None
    user = member.user

    @FUZZ
    @given(data=form_data(FIELDS[name]))
    def check(data: dict[str, Any]) -> None:
        cache.clear()  # the identity forms' rate limits
        form = FORMS[name](as_query_dict(data), user)
        if form.is_valid():
            assert isinstance(form.cleaned_data, dict)
        else:
            assert form.errors

    check()


# The member's form pages, by URL, with the fields each one reads.
MEMBER_PAGES = {
    "/profile/address/add/": FIELDS["address"],
    "/profile/phone/add/": FIELDS["phone"],
    "/profile/email/add/": FIELDS["email"],
    "/profile/account-email/": FIELDS["account_email"],
    "/providers/change/": FIELDS["pcp_search"] + ["page"],
    "/providers/change/reason/": FIELDS["pcp_reason"] + ["search"],
    "/profile/id-cards/order/": [],
    "/accounts/session/keep-alive/": ["next"],
    "/my/viewing/": FIELDS["viewing"],
}
PUBLIC_PAGES = {
    "/accounts/create/": FIELDS["signup"],
    "/accounts/recover/": FIELDS["recovery"],
    "/accounts/login/": ["login", "password", "remember", "next"],
}


@pytest.mark.parametrize("url", sorted(MEMBER_PAGES))
def test_a_member_form_page_answers_anything_without_a_server_error(url: str, member_client: Client) -> None:
    @FUZZ
    @given(data=form_data(MEMBER_PAGES[url]), method=st.sampled_from(["get", "post"]))
    def check(data: dict[str, Any], method: str) -> None:
        response = getattr(member_client, method)(url, data)
        assert response.status_code < 500, (method, data)

    check()


@pytest.mark.parametrize("url", sorted(PUBLIC_PAGES))
def test_a_public_form_page_answers_anything_without_a_server_error(url: str, client: Client) -> None:
    @FUZZ
    @given(data=form_data(PUBLIC_PAGES[url]))
    def check(data: dict[str, Any]) -> None:
        cache.clear()
        response = client.post(url, data)
        assert response.status_code < 500, data

    check()
