"""The alerts' words: a fixed set of messages, each a title and what to do, in every language.

The plan's alert file names a message by its key; a key not listed here is an error on its line,
so a member never sees text the portal has not translated.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AlertMessage:
    title: Promise
    what_to_do: Promise


MESSAGES: dict[str, AlertMessage] = {
    "renewal_due": AlertMessage(
        _("Renew your coverage"),
        _("Fill out and send back your renewal form so your coverage does not stop."),
    ),
    "proof_of_income": AlertMessage(
        _("Send proof of income"),
        _("Send us a recent pay stub or other proof of your income."),
    ),
    "proof_of_residency": AlertMessage(
        _("Send proof of where you live"),
        _("Send us a lease, a utility bill or other proof of your address."),
    ),
    "proof_of_identity": AlertMessage(
        _("Send proof of identity"),
        _("Send us a copy of a driver's license, state ID or other proof of who you are."),
    ),
    "update_address": AlertMessage(
        _("Update your address"),
        _("Mail to your address came back to us. Tell us your current address."),
    ),
    "new_notice": AlertMessage(
        _("You have a new notice"),
        _("Read the notice in My Notices."),
    ),
    "eligibility_decided": AlertMessage(
        _("Your eligibility was decided"),
        _("See the decision in My Benefits."),
    ),
}
