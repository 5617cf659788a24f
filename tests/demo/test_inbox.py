"""The bench's message volume: care managers' notes to members without an account, up to the
number asked for, written once."""

from collections.abc import Callable

from demo.inbox import write_bench_message_volume
from inbox.models import Message, Thread
from members.models import Member


def test_the_bench_volume_fills_up_to_the_number_asked_once(make_member: Callable[..., Member]) -> None:
    members = [make_member() for _ in range(3)]

    assert write_bench_message_volume(messages=24) == 24  # two passes: two conversations each
    assert Thread.objects.filter(member__in=members).count() == 6
    assert set(Message.objects.values_list("from_member", flat=True)) == {False}
    assert all(m.member_id == m.thread.member_id for m in Message.objects.select_related("thread"))
    assert write_bench_message_volume(messages=24) == 0
    assert Message.objects.count() == 24
