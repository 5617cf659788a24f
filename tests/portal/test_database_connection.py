"""A kept database connection the server dropped (a restart, a failover) is replaced before a
request uses it, once it has sat idle; a busy one is not checked (portal/postgresql/base.py)."""

import time

import psycopg
import pytest
from django.db import OperationalError, close_old_connections, connection
from django.test import override_settings

from members.models import Member

pytestmark = pytest.mark.django_db(transaction=True)


def drop_from_the_server() -> None:
    """What a restart or failover does to the portal's connection: the server ends it."""
    pid = connection.connection.info.backend_pid
    with psycopg.connect(connection.connection.info.dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        # The server signals the process and answers at once; wait until it has gone.
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            time.sleep(0.01)


def a_request_reads_members() -> int:
    close_old_connections()  # as Django does when a request starts
    count = Member.objects.count()
    close_old_connections()  # and when it finishes
    return count


def test_a_connection_dropped_while_idle_is_replaced_before_the_next_request() -> None:
    assert connection.settings_dict["CONN_MAX_AGE"] > 0  # kept between requests, as deployed
    a_request_reads_members()
    drop_from_the_server()
    time.sleep(1.1)  # DATABASE_HEALTH_CHECK_IDLE: 1 second

    assert a_request_reads_members() == 0


@override_settings(DATABASE_HEALTH_CHECK_IDLE=0)
def test_with_no_idle_time_every_request_checks_its_connection_as_django_does() -> None:
    a_request_reads_members()
    drop_from_the_server()

    assert a_request_reads_members() == 0


def test_a_connection_that_just_served_a_request_is_used_without_a_check() -> None:
    # The round trip saved: a drop in the second after a request reaches that request's successor
    # (the cost of the saving, docs/deploy.md), which then closes the connection for the next one.
    a_request_reads_members()
    drop_from_the_server()

    with pytest.raises(OperationalError):
        a_request_reads_members()
    close_old_connections()
    assert a_request_reads_members() == 0
