"""Template filters for showing a member's contact details the way people read them."""

from django import template

from portal.phones import phone_national

register = template.Library()


register.filter("phone_national", phone_national)
