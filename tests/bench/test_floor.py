"""The benchmark's floor page: served only under the bench's settings, with one query."""

import pytest
from django.test import Client


@pytest.mark.urls("bench.urls")
def test_floor_page_makes_one_query(client: Client, db: None, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(1):
        response = client.get("/floor/")
    assert response.status_code == 200


def test_the_portal_itself_has_no_floor_page(client: Client, db: None) -> None:
    assert client.get("/floor/").status_code == 404
