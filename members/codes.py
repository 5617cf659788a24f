"""One-time verification codes: issued, re-sent and checked by the account flows.

Codes come from `secrets`, are stored only as a keyed hash (so a database copy does not reveal
them), are single use, expire after rules.CODE_LIFETIME and die after rules.CODE_TRIES wrong tries.
"""

import secrets
from dataclasses import dataclass
from enum import Enum

from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from members import rules
from members.models import CodePurpose, Member, VerificationCode
from outbox.services import email_queue

CODE_DIGITS = 6


def _hash(code: str, row_salt: str) -> str:
    return salted_hmac("members.codes", f"{row_salt}:{code}", algorithm="sha256").hexdigest()


def _new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


@dataclass(frozen=True)
class IssuedCode:
    record: VerificationCode
    code: str  # the plain code, only ever put into the email


def code_issue(
    *, member: Member, purpose: CodePurpose, email: str, payload: dict[str, object] | None = None
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
    )
    return IssuedCode(record=record, code=code)


def code_can_resend(record: VerificationCode) -> bool:
    return record.used_at is None and timezone.now() >= record.sent_at + rules.CODE_RESEND_COOL_DOWN


def code_reissue(*, record: VerificationCode) -> IssuedCode | None:
    """A new code for the same request, after the cool-down; the wrong-try count carries over.

    Returns None when the request is used up, dead, or still cooling down.
    """
    if not code_can_resend(record) or record.wrong_tries >= rules.CODE_TRIES:
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
        language=translation.get_language(),
        member=record.member,
    )


@transaction.atomic
def code_resend(*, record_id: int, purpose: CodePurpose, member: Member | None = None) -> bool:
    """ "Send a new code": False while cooling down, or when the request is used up or unknown.

    With `member`, only that member's request counts, so a tampered session cannot resend
    someone else's code.
    """
    records = (
        VerificationCode.objects.select_for_update()
        .select_related("member")
        .filter(pk=record_id, purpose=purpose)
    )
    if member is not None:
        records = records.filter(member=member)
    record = records.first()
    issued = code_reissue(record=record) if record else None
    if issued is None:
        return False
    code_send(issued)
    return True


class CodeCheck(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    DEAD = "dead"  # used, or too many wrong tries


def code_check(
    *, record_id: int | None, purpose: CodePurpose, code: str
) -> tuple[CodeCheck, VerificationCode | None]:
    """Check `code` against the request `record_id`, consuming it on success.

    Locks the row so two tries at once cannot both use one code or both slip past the limit.
    An unknown id answers DEAD, exactly like a used code.
    """
    with transaction.atomic():
        record = (
            VerificationCode.objects.select_for_update().filter(pk=record_id, purpose=purpose).first()
            if record_id
            else None
        )
        if record is None or record.used_at is not None or record.wrong_tries >= rules.CODE_TRIES:
            return CodeCheck.DEAD, None
        if timezone.now() >= record.expires_at:
            return CodeCheck.EXPIRED, record
        salt, _, expected = record.code_hash.partition("$")
        if not constant_time_compare(_hash(code.strip(), salt), expected):
            record.wrong_tries += 1
            record.save(update_fields=["wrong_tries"])
            return (CodeCheck.DEAD if record.wrong_tries >= rules.CODE_TRIES else CodeCheck.WRONG), record
        record.used_at = timezone.now()
        record.save(update_fields=["used_at"])
        return CodeCheck.OK, record
