"""The account rules every page may state (members/rules.py), so no template types a number."""

from django.http import HttpRequest

from members import rules


def account_rules(request: HttpRequest) -> dict[str, int]:
    return rules.rules_for_templates()
