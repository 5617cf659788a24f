"""Template filters for showing a member's contact details the way people read them."""

from django import template

from portal.phones import phone_national

register = template.Library()


register.filter("phone_national", phone_national)


@register.filter
def contact_text(contact: object) -> str:
    """One line naming an address, phone number or email address (for link labels)."""
    number = getattr(contact, "number", None)
    return phone_national(number) if isinstance(number, str) else str(contact)
