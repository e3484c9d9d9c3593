"""The audit chain: append-only, hash-linked, verifiable, with personal data masked."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from fazhi.core import audit, orgs
from fazhi.core.models import AuditEvent


def _tamper(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_every_org_create_is_an_audit_event(world):
    assert AuditEvent.objects.filter(action="town.create").count() == 2
    assert AuditEvent.objects.filter(action="user.create", object_repr="刘建国").exists()


def test_chain_links_each_event_to_the_previous(world):
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].prev_hash == audit.GENESIS
    for prev, event in zip(events, events[1:]):
        assert event.prev_hash == prev.hash
    assert audit.verify()[0] is True


def test_verify_audit_command_passes_on_a_whole_chain(world, capsys):
    call_command("verify_audit")
    assert "审计链完整" in capsys.readouterr().out


def test_an_edited_event_is_named_by_verify_audit(world):
    victim = AuditEvent.objects.order_by("id")[5]
    _tamper("UPDATE core_auditevent SET object_repr = %s WHERE id = %s", ["改过的", victim.pk])
    whole, bad_id, _checked, _reason = audit.verify()
    assert not whole and bad_id == victim.pk
    with pytest.raises(CommandError, match=f"#{victim.pk}"):
        call_command("verify_audit")


def test_a_deleted_event_breaks_the_link_of_the_next(world):
    events = list(AuditEvent.objects.order_by("id")[:8])
    _tamper("DELETE FROM core_auditevent WHERE id = %s", [events[3].pk])
    assert audit.verify()[1] == events[4].pk


def test_a_deleted_last_event_is_noticed(world):
    last = AuditEvent.objects.order_by("-id").first()
    _tamper("DELETE FROM core_auditevent WHERE id = %s", [last.pk])
    whole, bad_id, _c, _r = audit.verify()
    assert not whole and bad_id == last.pk


def test_the_orm_refuses_to_change_or_delete_events(world):
    event = AuditEvent.objects.first()
    event.note = "x"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(note="x")


def test_actor_is_a_snapshot_that_outlives_the_user(world):
    actor = orgs.user_create(username="temp_clerk", password="Qwer!2345", display_name="临时", town=world.fengsheng)
    event = audit.record(actor=actor, action="test.touch", obj=world.fengsheng)
    actor.delete()
    event.refresh_from_db()
    assert event.actor_label == "临时(temp_clerk)"
    assert audit.verify()[0]


def test_personal_data_is_masked_in_audit_events(world):
    user = orgs.user_create(username="with_phone", password="Qwer!2345", town=world.fengsheng, mobile="13812345678")
    event = AuditEvent.objects.filter(action="user.create", object_id=str(user.pk)).get()
    assert event.after["mobile"] == "138****5678"
    assert "13812345678" not in str(event.before) + str(event.after) + event.note


def test_event_carries_the_town_for_scoping(world):
    village = world.fengsheng.villages.first()
    event = AuditEvent.objects.filter(action="village.create", object_id=str(village.pk)).get()
    assert event.town_id == world.fengsheng.pk
