"""Profile → Personal Information: the member's addresses, phone numbers and email addresses
(Edit and Delete under each, Add New per category), and the account's sign-in email.

Every record is looked up together with `request.member`, so an id of another member's record
answers 404 whatever the URL or form says. The writes are members.contacts' services.
"""

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from audit.services import audit_record
from members import contacts
from members.audit_actions import CONTACT_CHANGED
from members.codes import CodeCheck
from members.contact_forms import CONTACT_FORMS, AccountEmailForm
from members.decorators import MemberRequest, member_required
from members.email_limits import EmailLimitReached
from members.forms import CodeForm, code_resend_wait_message, email_limit_message
from members.limits import client_address
from members.models import User
from members.reauthentication import reauthentication_required
from portal.registry import feature_required

EMAIL_CHANGE_SESSION_KEY = "email_change_code_id"

# Page titles per kind of contact.
TITLES: dict[str, dict[str, str | Promise]] = {
    "address": {
        "add": gettext_lazy("Add New Address"),
        "edit": gettext_lazy("Edit Address"),
        "delete": gettext_lazy("Delete Address"),
    },
    "phone": {
        "add": gettext_lazy("Add New Phone Number"),
        "edit": gettext_lazy("Edit Phone Number"),
        "delete": gettext_lazy("Delete Phone Number"),
    },
    "email": {
        "add": gettext_lazy("Add New Email Address"),
        "edit": gettext_lazy("Edit Email Address"),
        "delete": gettext_lazy("Delete Email Address"),
    },
}


def _user(request: MemberRequest) -> User:
    # member_required lets only a signed-in member through.
    return cast(User, request.user)


@require_http_methods(["GET"])
@member_required
def personal_information(request: MemberRequest) -> HttpResponse:
    lists = contacts.contacts_of(request.member)
    return render(
        request,
        "members/profile/personal_information.html",
        {
            "addresses": lists.addresses,
            "phones": lists.phones,
            "emails": lists.emails,
            "account_email": _user(request).email,
        },
    )


@require_http_methods(["GET", "POST"])
@feature_required("profile_editing")
@member_required
@reauthentication_required
def contact_add(request: MemberRequest, kind: contacts.ContactKind) -> HttpResponse:
    form = CONTACT_FORMS[kind](request.POST or None)
    if request.method == "POST" and form.is_valid():
        contacts.contact_add(member=request.member, actor=_user(request), kind=kind, values=form.cleaned_data)
        return _contact_changed(request, f"{kind} added", _("Your contact information was saved."))
    return _contact_form_page(request, form, kind, "add")


@require_http_methods(["GET", "POST"])
@feature_required("profile_editing")
@member_required
@reauthentication_required
def contact_edit(request: MemberRequest, kind: contacts.ContactKind, pk: int) -> HttpResponse:
    contact = get_object_or_404(contacts.CONTACT_MODELS[kind], pk=pk, member=request.member)
    form = CONTACT_FORMS[kind](request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            contacts.contact_update(
                member=request.member, actor=_user(request), kind=kind, pk=pk, values=form.cleaned_data
            )
        except contacts.LastMailingAddress:
            form.add_error("kind", str(contacts.LastMailingAddress.message))
        except ObjectDoesNotExist as gone:  # deleted in another tab meanwhile
            raise Http404 from gone
        else:
            return _contact_changed(request, f"{kind} edited", _("Your contact information was saved."))
    return _contact_form_page(request, form, kind, "edit")


@require_http_methods(["GET", "POST"])
@feature_required("profile_editing")
@member_required
@reauthentication_required
def contact_delete(request: MemberRequest, kind: contacts.ContactKind, pk: int) -> HttpResponse:
    contact = get_object_or_404(contacts.CONTACT_MODELS[kind], pk=pk, member=request.member)
    refusal = None
    if request.method == "POST":
        try:
            contacts.contact_delete(member=request.member, actor=_user(request), kind=kind, pk=pk)
        except contacts.LastMailingAddress:
            refusal = contacts.LastMailingAddress.message
        except ObjectDoesNotExist as gone:
            raise Http404 from gone
        else:
            return _contact_changed(request, f"{kind} deleted", _("Your contact information was deleted."))
    return render(
        request,
        "members/profile/contact_confirm_delete.html",
        {"contact": contact, "kind": kind, "title": TITLES[kind]["delete"], "refusal": refusal},
    )


@require_http_methods(["GET", "POST"])
@member_required
@reauthentication_required
def account_email_change(request: MemberRequest) -> HttpResponse:
    form = AccountEmailForm(request.POST or None, user=_user(request))
    if request.method == "POST" and form.is_valid():
        try:
            record = contacts.account_email_change_start(
                member=request.member,
                user=_user(request),
                new_email=form.cleaned_data["email"],
                client=client_address(request),
            )
        except EmailLimitReached as refused:
            form.add_error(None, email_limit_message(refused.limit))
        else:
            request.session[EMAIL_CHANGE_SESSION_KEY] = record.pk
            return redirect("account_email_verify")
    return render(
        request,
        "members/profile/account_email_form.html",
        {"form": form, "account_email": _user(request).email},
    )


@require_http_methods(["GET", "POST"])
@member_required
@reauthentication_required
def account_email_verify(request: MemberRequest) -> HttpResponse:
    record_id = request.session.get(EMAIL_CHANGE_SESSION_KEY)
    if record_id is None:
        return redirect("account_email_change")
    if request.method == "POST" and "resend" in request.POST:
        try:
            sent = contacts.account_email_change_resend(
                member=request.member,
                user=_user(request),
                record_id=record_id,
                client=client_address(request),
            )
        except EmailLimitReached as refused:
            messages.error(request, email_limit_message(refused.limit))
        else:
            if sent:
                messages.success(request, _("We sent a new code to your new email address."))
            else:
                messages.error(request, code_resend_wait_message())
        return redirect("account_email_verify")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = contacts.account_email_change_verify(
                member=request.member,
                user=_user(request),
                record_id=record_id,
                code=form.cleaned_data["code"],
            )
        except contacts.AccountEmailTaken:
            del request.session[EMAIL_CHANGE_SESSION_KEY]
            messages.error(
                request, _("This email address is now used by another account. Please choose another.")
            )
            return redirect("account_email_change")
        if result is CodeCheck.OK:
            del request.session[EMAIL_CHANGE_SESSION_KEY]
            return _contact_changed(
                request, "account email changed", _("The email address for your account was changed.")
            )
        form.add_error("code", _code_error(result))
    return render(request, "members/profile/account_email_verify.html", {"form": form})


def _contact_changed(request: MemberRequest, what: str, message: str) -> HttpResponse:
    """After a contact change: the audit event, the confirmation, back to the Profile."""
    # The audit keeps what kind of contact changed, never the value.
    audit_record(request=request, action=CONTACT_CHANGED, member=request.member, detail=what)
    messages.success(request, message)
    return redirect("profile")


def _contact_form_page(
    request: MemberRequest, form: forms.ModelForm, kind: contacts.ContactKind, mode: str
) -> HttpResponse:
    return render(
        request,
        "members/profile/contact_form.html",
        {"form": form, "title": TITLES[kind][mode], "kind": kind},
    )


def _code_error(result: CodeCheck) -> str:
    if result is CodeCheck.EXPIRED:
        return _("This code has expired. Select “Send a new code” to get another one.")
    if result is CodeCheck.DEAD:
        return _("This code can no longer be used. Please start again, or call Member Services.")
    return _("That code is not correct. Check the email we sent you and try again.")
