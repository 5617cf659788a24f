"""One-time verification codes: issued, re-sent and checked by the account flows.

Codes come from `secrets`, are stored only as a keyed hash (so a database copy does not reveal
them), are single use, expire after rules.CODE_LIFETIME and die after rules.CODE_TRIES wrong tries.
A member who has entered WRONG_CODES_PER_DAY wrong codes in a day, over all their codes, gets
no further code accepted until the day is over: with fresh codes one after another, the tries
per code would otherwise add up without bound. How many codes may be sent is
members/email_limits.py's business.
"""

import datetime
import secrets
from dataclasses import dataclass
from enum import Enum

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from members import rules
from members.models import CodePurpose, Member, RecoveryRequest, VerificationCode, email_language
from outbox.services import email_queue

CODE_DIGITS = 6
# What a request without a code is compared with: a salt and a hash no code can match.
_NO_CODE = "0" * 16 + "$"
# Wrong codes one member may enter in a day, over every code and flow. NIST SP 800-63B §5.2.2
# allows at most 100 consecutive failures; a 6-digit code guessed 20 times a day falls to a
# given member about once in 137 years.
WRONG_CODES_PER_DAY = 20
BUDGET_WINDOW = datetime.timedelta(days=1)


def _hash(code: str, row_salt: str) -> str:
    return salted_hmac("members.codes", f"{row_salt}:{code}", algorithm="sha256").hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


@dataclass(frozen=True)
class IssuedCode:
    record: VerificationCode
    code: str  # the plain code, only ever put into the email


def code_issue(
    *,
    member: Member,
    purpose: CodePurpose,
    email: str,
    payload: dict[str, object] | None = None,
    recovery: RecoveryRequest | None = None,
) -> IssuedCode:
    """Start a new code for `member`; earlier unused codes for the same purpose stop working."""
    now = timezone.now()
    VerificationCode.objects.filter(member=member, purpose=purpose, used_at__isnull=True).update(used_at=now)
    code = _new_code()
    salt = secrets.token_hex(8)
    record = VerificationCode.objects.create(
        member=member,
        purpose=purpose,
        email=email,
        code_hash=f"{salt}${_hash(code, salt)}",
        payload=payload or {},
        sent_at=now,
        expires_at=now + rules.CODE_LIFETIME,
        recovery=recovery,
    )
    return IssuedCode(record=record, code=code)


def code_can_resend(record: VerificationCode) -> bool:
    """Whether "Send a new code" may send one now: the request is alive and cooled down."""
    return (
        record.used_at is None
        and record.wrong_tries < rules.CODE_TRIES
        and timezone.now() >= record.sent_at + rules.CODE_RESEND_COOL_DOWN
    )


def code_reissue(*, record: VerificationCode) -> IssuedCode | None:
    """A new code for the same request, after the cool-down; the wrong-try count carries over.

    Returns None when the request is used up, dead, or still cooling down.
    """
    if not code_can_resend(record):
        return None
    code = _new_code()
    salt = secrets.token_hex(8)
    now = timezone.now()
    record.code_hash = f"{salt}${_hash(code, salt)}"
    record.sent_at = now
    record.expires_at = now + rules.CODE_LIFETIME
    record.save(update_fields=["code_hash", "sent_at", "expires_at"])
    return IssuedCode(record=record, code=code)


# The email that carries a code on its own (a reset code travels in the recovery email instead).
CODE_EMAIL_TEMPLATES = {
    CodePurpose.SIGNUP: "members/signup_code",
    CodePurpose.EMAIL_CHANGE: "members/email_change_code",
}


def code_send(issued: IssuedCode) -> None:
    """Queue the email with the code, in the language of the page the member is on."""
    record = issued.record
    email_queue(
        to=record.email,
        template=CODE_EMAIL_TEMPLATES[CodePurpose(record.purpose)],
        context={
            "first_name": record.member.first_name,
            "code": issued.code,
            "code_lifetime_minutes": rules.code_lifetime_minutes(),
        },
        # Asked for on a page, read at once: in that page's language, whoever the account is.
        language=email_language(None),
        member=record.member,
    )


def _wrong_codes_since(since: datetime.datetime) -> Subquery:
    """The wrong tries of the member's codes sent since `since`, for an OuterRef("member")."""
    return Subquery(
        VerificationCode.objects.filter(member=OuterRef("member"), sent_at__gte=since)
        .order_by()
        .values("member")
        .annotate(total=Sum("wrong_tries"))
        .values("total")[:1]
    )


def wrong_codes_today(member: Member) -> int:
    """How many wrong codes `member` entered in the last day, over all their codes."""
    since = timezone.now() - BUDGET_WINDOW
    total = VerificationCode.objects.filter(member=member, sent_at__gte=since).aggregate(
        total=Sum("wrong_tries")
    )["total"]
    return int(total or 0)


class CodeCheck(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    DEAD = "dead"  # used, too many wrong tries, or the member's wrong codes for the day used up


def code_check(
    *, purpose: CodePurpose, code: str, record_id: int | None = None, recovery_id: int | None = None
) -> tuple[CodeCheck, VerificationCode | None]:
    """Check `code` against the request `record_id` (or the code of the recovery request
    `recovery_id`), consuming it on success.

    Locks the row so two tries at once cannot both use one code or both slip past the limit.
    A request without a code answers DEAD, exactly like a used code, and costs exactly what a
    wrong code costs: the same two statements and one keyed hash. A recovery that matched
    nobody has no code, and its wrong code must not answer faster than an account's.
    """
    if record_id is None and recovery_id is None:
        return CodeCheck.DEAD, None
    lookup = Q(pk=record_id) if record_id is not None else Q(recovery_id=recovery_id)
    now = timezone.now()
    with transaction.atomic():
        record = (
            VerificationCode.objects.select_for_update()
            .filter(lookup, purpose=purpose)
            .annotate(wrong_today=_wrong_codes_since(now - BUDGET_WINDOW))
            .first()
        )
        salt, _, expected = (record.code_hash if record else _NO_CODE).partition("$")
        matches = constant_time_compare(_hash(code.strip(), salt), expected)
        if (
            record is None
            or record.used_at is not None
            or record.wrong_tries >= rules.CODE_TRIES
            or (record.wrong_today or 0) >= WRONG_CODES_PER_DAY
        ):
            result = CodeCheck.DEAD
        elif now >= record.expires_at:
            result = CodeCheck.EXPIRED
        elif matches:
            record.used_at = now
            record.save(update_fields=["used_at"])
            return CodeCheck.OK, record
        else:
            result = CodeCheck.DEAD if record.wrong_tries + 1 >= rules.CODE_TRIES else CodeCheck.WRONG
        # Every answer but OK is a try on the code; without one the statement matches no row.
        try_on = Q(pk=record.pk) if record is not None else Q(pk__isnull=True)
        VerificationCode.objects.filter(try_on).update(wrong_tries=F("wrong_tries") + 1)
        if record is not None:
            record.wrong_tries += 1
        return result, record
