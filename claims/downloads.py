"""Download as CSV: the filtered claims list as a spreadsheet, through portal.csvexport (so no
cell can run as a formula), with plain amounts (1234.50) a spreadsheet can add up and ISO dates."""

from collections.abc import Iterator, Sequence

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from claims.models import Claim
from claims.selectors import claims_for_download
from portal.csvexport import csv_download


def _header() -> list[str]:
    return [
        _("Service from"),
        _("Service to"),
        _("Provider"),
        _("Claim number"),
        _("Status"),
        _("Network"),
        _("Billed"),
        _("Allowed"),
        _("Plan paid"),
        _("You may owe"),
    ]


def _rows(claims: QuerySet[Claim]) -> Iterator[Sequence[object]]:
    for claim in claims_for_download(claims):
        yield (
            claim.service_from,
            claim.service_to,
            claim.billing_provider_name,
            claim.claim_number,
            claim.get_status_display(),
            _("In network") if claim.in_network else _("Out of network"),
            claim.billed,
            claim.allowed,
            claim.plan_paid,
            claim.you_may_owe,
        )


def claims_csv(claims: QuerySet[Claim], *, filename: str) -> StreamingHttpResponse:
    return csv_download(filename=filename, header=_header(), rows=_rows(claims))
