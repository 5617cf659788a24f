"""Messages from Django and django-allauth that members read, copied here so our catalogues hold them.

`makemessages` collects only from our own code, and Django and allauth ship no catalogue for some
of the languages the plans serve (Hmong, Haitian Creole; allauth has no Vietnamese). Naming each
message here with gettext_noop puts it in locale/*/django.po; because LOCALE_PATHS come before
the packages' own catalogues, a member sees our translation in every language. Nothing imports
this module: it exists for makemessages. The msgids must match the packages' source exactly.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Forms (django.forms, django.core.validators).
gettext_noop("This field is required.")
gettext_noop("Enter a valid date.")
gettext_noop("Enter a valid email address.")
gettext_noop("Enter a whole number.")
gettext_noop("Select a valid choice. %(value)s is not one of the available choices.")
ngettext_lazy(
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    "limit_value",
)

# Password validators (django.contrib.auth.password_validation) and the user fields they name.
ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
gettext_noop("This password is too common.")
gettext_noop("The password is too similar to the %(verbose_name)s.")
gettext_noop("username")
gettext_noop("first name")
gettext_noop("last name")
gettext_noop("email address")

# Log-in and log-out (allauth.account).
gettext_noop("The username and/or password you specified are not correct.")
gettext_noop("This account is currently inactive.")
gettext_noop("Username")
gettext_noop("Password")
gettext_noop("Successfully signed in as %(name)s.")
gettext_noop("You have signed out.")

# Month names in dates (django.utils.dates): "F" in DATE_FORMAT, "N" in the English formats.
gettext_noop("January")
gettext_noop("February")
gettext_noop("March")
gettext_noop("April")
gettext_noop("May")
gettext_noop("June")
gettext_noop("July")
gettext_noop("August")
gettext_noop("September")
gettext_noop("October")
gettext_noop("November")
gettext_noop("December")
