import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_lists_are_seen_by_own_town_and_district_only(power, world, client_as, users):
    power(name="丰盛的事项")
    assert "丰盛的事项" in client_as("fengsheng_officer").get("/functions/").content.decode()
    assert "丰盛的事项" not in client_as("mudong_clerk").get("/functions/").content.decode()
    assert "丰盛的事项" in client_as("banan_supervisor").get("/functions/").content.decode()


def test_import_is_for_clerks_and_leaders(client_as):
    assert client_as("fengsheng_officer").get("/functions/powers/import/").status_code == 403
    assert client_as("fengsheng_leader").get("/functions/powers/import/").status_code == 200


def test_power_detail_of_another_town_is_404(power, world, client_as):
    item = power(town=world.mudong)
    assert client_as("fengsheng_clerk").get(f"/functions/powers/{item.pk}/").status_code == 404
    assert client_as("mudong_clerk").get(f"/functions/powers/{item.pk}/").status_code == 200


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_page_and_portal_query_counts_do_not_grow(power, client_as, client):
    staff = client_as("fengsheng_clerk")
    for i in range(3):
        power(f"P-{i}")
    _count(staff, "/functions/")
    few, few_portal = _count(staff, "/functions/"), _count(client, "/portal/fengsheng/lists/")
    for i in range(3, 30):
        power(f"P-{i}", category=["penalty", "licensing", "other"][i % 3])
    assert _count(staff, "/functions/") == few
    assert _count(client, "/portal/fengsheng/lists/") == few_portal


def test_power_item_is_changed_and_removed_from_its_page(power, client_as):
    item = power()
    client = client_as("fengsheng_clerk")
    page = client.get(f"/functions/powers/{item.pk}/").content.decode()
    assert "保存调整" in page
    r = client.post(f"/functions/powers/{item.pk}/change/", {
        "name": "乡村建设规划许可", "category": "licensing", "unit": "便民服务中心", "reason": "名称规范",
        "effective_on": "2023-05-01"})
    assert r.status_code == 302
    item.refresh_from_db()
    assert item.name == "乡村建设规划许可" and item.changed_on.isoformat() == "2023-05-01"
    client.post(f"/functions/powers/{item.pk}/change/", {"op": "remove", "reason": "下放", "effective_on": "2023-06-01"})
    item.refresh_from_db()
    assert item.removed_on.isoformat() == "2023-06-01"
    assert "保存调整" not in client.get(f"/functions/powers/{item.pk}/").content.decode()
    officer = client_as("fengsheng_officer")
    assert officer.post(f"/functions/powers/{item.pk}/change/", {"reason": "x"}).status_code == 403


def test_commitment_recorded_from_the_page(power, clerk, world, client_as):
    import datetime

    from fazhi.functions import services
    from fazhi.functions.models import Commitment

    guide = services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-1", title="宅基地审批", power_item=power(),
                                  materials="申请表", steps="申请—审批", place="便民服务中心",
                                  effective_on=datetime.date(2023, 1, 5))
    cert = services.certificate_create(actor=clerk, guide=guide, name="证明", verification="比对",
                                       effective_on=datetime.date(2023, 1, 5))
    client = client_as("fengsheng_clerk")
    r = client.post("/functions/commitments/new/", {"certificate": cert.pk, "applicant_name": "李四",
                                                    "committed_on": "2026-11-02"})
    assert r.status_code == 302
    c = Commitment.objects.get()
    r = client.post(f"/functions/commitments/{c.pk}/verify/", {"result": "true", "date": "2026-11-20"})
    c.refresh_from_db()
    assert c.result == "true"
