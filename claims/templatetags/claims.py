"""`{{ amount|money }}`: an amount in dollars as the page's language writes it (portal.money)."""

from django import template

from portal.money import money

register = template.Library()

register.filter("money", money)
