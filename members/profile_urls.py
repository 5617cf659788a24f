"""Profile URLs, mounted under /profile/: Personal Information, the sign-in email, Recent activity."""

from django.urls import path, register_converter

from members import activity_views
from members import profile_views as views


class ContactKindConverter:
    """The kinds of contact a URL may name; anything else does not resolve (404)."""

    regex = "address|phone|email"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContactKindConverter, "contact_kind")

urlpatterns = [
    path("", views.personal_information, name="profile"),
    path("<contact_kind:kind>/add/", views.contact_add, name="contact_add"),
    path("<contact_kind:kind>/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("<contact_kind:kind>/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("account-email/", views.account_email_change, name="account_email_change"),
    path("account-email/verify/", views.account_email_verify, name="account_email_verify"),
    path("activity/", activity_views.activity, name="activity"),
]
