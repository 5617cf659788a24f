"""seed_demo's claims: a realistic spread over the two years the portal shows, totals that are
their lines' sums, and the demo member's claims of every kind."""

import datetime
from collections import Counter
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db.models import Sum

from claims.models import AMOUNT_FIELDS, Claim, ClaimLine
from demo.members import DEMO_MEMBER
from members.models import Member

TODAY = datetime.date(2026, 11, 22)


def seed(members: int) -> None:
    args = ["--members", str(members), "--providers", "20", "--today", TODAY.isoformat()]
    call_command("seed_demo", *args, stdout=StringIO())


def test_most_members_have_a_few_claims(db: None) -> None:
    seed(600)
    per_member = Counter(Claim.objects.values_list("member_id", flat=True))
    members = Member.objects.count()
    without = members - len(per_member)
    assert 0.05 * members < without < 0.3 * members
    assert sorted(per_member.values())[len(per_member) // 2] <= 6  # the median member: a few
    lines = ClaimLine.objects.count()
    assert 5 < lines / members < 20  # about ten lines a member
    assert set(Claim.objects.values_list("claim_type", flat=True)) == {
        "medical",
        "pharmacy",
        "dental",
        "vision",
    }
    statuses = Counter(ClaimLine.objects.values_list("line_status", flat=True))
    assert statuses["paid"] > 0.7 * lines and statuses["denied"] > 0
    assert ClaimLine.objects.filter(line_status="denied").exclude(denial_reason="").exists()
    oldest = Claim.objects.order_by("service_from").values_list("service_from", flat=True).first()
    assert oldest is not None and oldest > TODAY - datetime.timedelta(days=731)


def test_a_claims_totals_are_its_lines_sums(db: None) -> None:
    seed(60)
    for claim in Claim.objects.all()[:50]:
        sums = claim.lines.aggregate(**{name: Sum(name) for name in AMOUNT_FIELDS})
        assert {name: getattr(claim, name) for name in AMOUNT_FIELDS} == sums
        assert claim.billed is not None and claim.billed > Decimal(0)


def test_the_demo_member_has_claims_of_every_kind(db: None) -> None:
    seed(60)
    claims = Claim.objects.filter(member__member_id=DEMO_MEMBER.member_id)
    assert claims.count() == 30
    assert set(claims.values_list("claim_type", flat=True)) == {"medical", "pharmacy", "dental", "vision"}
    assert claims.filter(sensitive=True).exists()
    # The id sequence was moved past the ids the builder numbered: a new claim gets a free one.
    new = Claim.objects.create(
        member=claims[0].member,
        claim_number="NEW",
        claim_type="medical",
        status="paid",
        billing_provider_npi="1234567893",
        billing_provider_name="x",
        in_network=True,
        received_date=TODAY,
    )
    assert new.pk > max(Claim.objects.exclude(pk=new.pk).values_list("pk", flat=True))


def test_the_same_seed_gives_the_same_claims(db: None) -> None:
    def claims() -> list[tuple[object, ...]]:
        rows = Claim.objects.order_by("member__member_id", "service_from", "billed", "claim_type")
        return list(rows.values_list("member__member_id", "claim_type", "status", "service_from", "billed"))

    seed(60)
    first = claims()
    call_command(
        "seed_demo",
        "--reset",
        "--members",
        "60",
        "--providers",
        "20",
        "--today",
        TODAY.isoformat(),
        stdout=StringIO(),
    )
    assert claims() == first
