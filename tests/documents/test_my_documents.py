"""My Documents: requests for information with their due dates, and the documents the member sent."""

import datetime

import pytest

from documents.models import Document, DocumentKind, DocumentStatus
from tests.households.clients import signed_in
from tests.households.households import Household, marker

pytestmark = pytest.mark.usefixtures("myservices")


def test_requests_and_sent_documents_with_where_they_stand(household: Household) -> None:
    head = household.head
    Document.objects.create(
        member=head,
        document_id="LATE",
        kind=DocumentKind.REQUEST_FOR_INFORMATION,
        title="Proof of residency",
        due_date=datetime.date(2026, 11, 1),
        status=DocumentStatus.REQUESTED,
    )
    html = signed_in(head).get("/my/documents/").content.decode()

    requests = html[html.index("Requests for information") : html.index("Documents you sent")]
    sent = html[html.index("Documents you sent") :]
    # Soonest due first; the one past its due date and not received is flagged.
    assert requests.index("Proof of residency") < requests.index(marker(head, "Request"))
    assert requests.count("Past due") == 1
    assert "Dec. 15, 2026" in requests and "Requested" in requests and "Not yet" in requests
    assert marker(head, "Sent") in sent and "Under review" in sent and "Sept. 20, 2026" in sent


def test_a_request_with_no_due_date_comes_after_those_with_one(household: Household) -> None:
    head = household.head
    for document_id, title, due in (
        ("OPEN", "Proof of income", None),
        ("SOON", "Proof of age", (2026, 10, 1)),
    ):
        Document.objects.create(
            member=head,
            document_id=document_id,
            kind=DocumentKind.REQUEST_FOR_INFORMATION,
            title=title,
            due_date=datetime.date(*due) if due else None,
            status=DocumentStatus.REQUESTED,
        )
    html = signed_in(head).get("/my/documents/").content.decode()

    requests = html[html.index("Requests for information") : html.index("Documents you sent")]
    assert (
        requests.index("Proof of age")
        < requests.index(marker(head, "Request"))
        < requests.index("Proof of income")
    )
