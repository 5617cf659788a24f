"""Every email's footer carries the served plan's name, Member Services phone and hours."""

import pytest

from members import rules
from outbox.services import email_queue

PROFILES = ["alliance", "totalcare", "masshealth", "demo"]


@pytest.mark.parametrize("name", PROFILES)
def test_the_footer_names_the_plan_its_phone_and_hours(use_plan, name: str, db: None) -> None:  # type: ignore[no-untyped-def]
    plan = use_plan(name)
    email = email_queue(
        to="ana@example.org",
        template="members/signup_code",
        context={"code": "1", **rules.rules_for_templates()},
        language="en",
    )
    for body in (email.body_text, email.body_html):
        flat = " ".join(body.split())
        assert plan.plan_name in flat
        assert (
            f"Call Member Services at {plan.member_services.number} (TTY {plan.member_services.tty})" in flat
        )
        assert "Monday through Friday, 8 a.m. to" in flat
    assert plan.brand.primary in email.body_html
