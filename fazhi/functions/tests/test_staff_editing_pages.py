"""The clerk's pages for 公共服务清单, 办事指南 and 告知承诺 certificates: forms work through the
services, versions are recorded and shown on the portal; other towns 404, other roles refused."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.functions import services
from fazhi.functions.models import Certificate, ListChange, ServiceGuide, ServiceItem

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def service_item(world, clerk):
    def make(code="GG-001", town=None):
        return services.service_item_create(actor=clerk, town=town or world.fengsheng, code=code, name="人民调解",
                                            unit="司法所", effective_on=D(2023, 1, 10))

    return make


@pytest.fixture
def guide(service_item, clerk):
    def make(code="ZN-001", town=None):
        item = service_item(code="GG-" + code, town=town)
        return services.guide_create(actor=clerk, town=item.town, code=code, title="人民调解申请", service_item=item,
                                     materials="1.调解申请书\n2.身份证明", steps="申请—受理—调解", place="司法所",
                                     promised_limit="15个工作日", effective_on=D(2023, 2, 1))

    return make


@pytest.fixture
def certificate(guide, clerk):
    def make(town=None, of=None):
        return services.certificate_create(actor=clerk, guide=of or guide(town=town), name="居住证明",
                                           verification="村委会核实", effective_on=D(2023, 3, 1))

    return make


GUIDE_POST = {"title": "人民调解申请", "materials": "1.调解申请书\r\n2.身份证明", "steps": "申请—受理—调解",
              "place": "司法所", "promised_limit": "15个工作日", "fees": "", "legal_limit": "", "hours": "",
              "contact": "", "legal_basis": ""}


# ---- permissions ----

def test_pages_of_another_town_are_404(world, service_item, guide, certificate, client_as):
    item, g, cert = service_item("GG-X", town=world.mudong), guide("ZN-X", town=world.mudong), \
        certificate(town=world.mudong)
    client = client_as("fengsheng_clerk")
    assert client.get(f"/functions/services/{item.pk}/").status_code == 404
    assert client.get(f"/functions/guides/{g.pk}/").status_code == 404
    assert client.post(f"/functions/services/{item.pk}/change/", {"name": "x", "unit": "y", "reason": "z"}) \
        .status_code == 404
    assert client.post(f"/functions/guides/{g.pk}/change/", {**GUIDE_POST, "reason": "z"}).status_code == 404
    assert client.post(f"/functions/guides/{g.pk}/certificates/new/", {"cert-name": "x"}).status_code == 404
    assert client.post(f"/functions/certificates/{cert.pk}/change/", {"op": "remove", "r-reason": "x"}) \
        .status_code == 404
    assert ListChange.objects.filter(town=world.mudong, action="change").count() == 1  # the certificate only
    assert client_as("mudong_clerk").get(f"/functions/guides/{g.pk}/").status_code == 200


def test_a_guide_may_not_be_linked_to_another_towns_item(world, guide, service_item, client_as):
    g = guide()
    other = service_item("GG-M", town=world.mudong)
    r = client_as("fengsheng_clerk").post(f"/functions/guides/{g.pk}/change/",
                                          {**GUIDE_POST, "service_item": other.pk, "reason": "改挂"})
    assert r.status_code == 400
    g.refresh_from_db()
    assert g.service_item.town == world.fengsheng


@pytest.mark.parametrize("username", ["fengsheng_officer", "fengsheng_mediator", "banan_supervisor"])
def test_other_roles_read_but_cannot_edit(username, guide, certificate, client_as):
    g = guide()
    cert = certificate(of=g)
    client = client_as(username)
    if username != "banan_supervisor":
        page = client.get(f"/functions/guides/{g.pk}/")
        assert page.status_code == 200 and "保存调整" not in page.content.decode()
    assert client.get("/functions/services/new/").status_code == 403
    assert client.get("/functions/guides/new/").status_code == 403
    assert client.post(f"/functions/services/{g.service_item_id}/change/", {"name": "x", "unit": "y",
                                                                            "reason": "z"}).status_code == 403
    assert client.post(f"/functions/guides/{g.pk}/change/", {**GUIDE_POST, "service_item": g.service_item_id,
                                                              "promised_limit": "1天", "reason": "z"}).status_code == 403
    assert client.post(f"/functions/guides/{g.pk}/certificates/new/", {
        "cert-name": "x", "cert-verification": "y", "cert-verify_within_days": 5}).status_code == 403
    assert client.post(f"/functions/certificates/{cert.pk}/change/", {"op": "remove", f"r{cert.pk}-reason": "x"}) \
        .status_code == 403
    assert ListChange.objects.filter(action="remove").count() == 0
    assert Certificate.objects.count() == 1


def test_leader_may_edit(guide, client_as):
    g = guide()
    r = client_as("fengsheng_leader").post(f"/functions/guides/{g.pk}/change/", {
        **GUIDE_POST, "service_item": g.service_item_id, "promised_limit": "10个工作日", "reason": "领导审定"})
    assert r.status_code == 302
    assert ListChange.objects.get(kind="guide", action="change").actor_label


# ---- views ----

def test_index_and_item_pages_link_the_new_pages(guide, client_as, world, clerk):
    from fazhi.functions.models import PowerItem

    g = guide()
    power = services.power_item_create(actor=clerk, town=world.fengsheng, code="XK-1", name="许可", category="licensing",
                                       unit="办", effective_on=D(2023, 1, 1))
    assert isinstance(power, PowerItem)
    client = client_as("fengsheng_clerk")
    html = client.get("/functions/").content.decode()
    for url in ["/functions/services/new/", "/functions/guides/new/", f"/functions/guides/{g.pk}/",
                f"/functions/services/{g.service_item_id}/"]:
        assert url in html
    html = client.get(f"/functions/services/{g.service_item_id}/").content.decode()
    assert f"/functions/guides/{g.pk}/" in html and f"/functions/guides/new/?service={g.service_item_id}" in html
    html = client.get(f"/functions/powers/{power.pk}/").content.decode()
    assert f"/functions/guides/new/?power={power.pk}" in html
    assert "/functions/services/new/" not in client_as("fengsheng_officer").get("/functions/").content.decode()


def test_service_item_added_changed_and_removed_from_the_pages(client_as, client):
    staff = client_as("fengsheng_clerk")
    assert staff.get("/functions/services/new/").status_code == 200
    r = staff.post("/functions/services/new/", {"code": "GG-010", "name": "法律咨询", "unit": "司法所",
                                                 "effective_on": "2026-01-05"})
    assert r.status_code == 302
    item = ServiceItem.objects.get(code="GG-010")
    assert r.url == f"/functions/services/{item.pk}/" and item.added_on == D(2026, 1, 5)
    r = staff.post("/functions/services/new/", {"code": "GG-010", "name": "重复", "unit": "司法所"})
    assert r.status_code == 200 and "已在清单中" in r.content.decode()
    r = staff.post(f"/functions/services/{item.pk}/change/", {"name": "公共法律服务咨询", "unit": "司法所",
                                                              "effective_on": "2026-03-01", "reason": "名称规范"})
    assert r.status_code == 302
    item.refresh_from_db()
    assert item.name == "公共法律服务咨询" and item.changed_on == D(2026, 3, 1)
    page = staff.get(f"/functions/services/{item.pk}/").content.decode()
    assert "名称规范" in page and "法律咨询 → 公共法律服务咨询" in page
    # A refusal (no reason given / date before the last change) shows on the form and changes nothing.
    r = staff.post(f"/functions/services/{item.pk}/change/", {"name": "X", "unit": "司法所",
                                                              "effective_on": "2026-02-01", "reason": "倒签"})
    assert r.status_code == 400 and "日期不能早于上次变更日期" in r.content.decode()
    item.refresh_from_db()
    assert item.name == "公共法律服务咨询"
    r = staff.post(f"/functions/services/{item.pk}/change/", {"op": "remove", "remove-reason": "上收区级",
                                                              "remove-effective_on": "2026-06-01"})
    assert r.status_code == 302
    item.refresh_from_db()
    assert item.removed_on == D(2026, 6, 1)
    portal = client.get("/portal/fengsheng/lists/").content.decode()
    assert "上收区级" in portal and "名称规范" in portal
    assert "保存调整" not in staff.get(f"/functions/services/{item.pk}/").content.decode()


def test_service_item_with_a_guide_is_not_removed_and_the_page_says_why(guide, client_as):
    g = guide()
    r = client_as("fengsheng_clerk").post(f"/functions/services/{g.service_item_id}/change/",
                                          {"op": "remove", "remove-reason": "上收"})
    assert r.status_code == 400 and "仍有在用的办事指南" in r.content.decode()
    assert ServiceItem.objects.get(pk=g.service_item_id).removed_on is None


def test_guide_created_changed_and_shown_with_its_history_on_the_portal(service_item, client_as, client):
    item = service_item()
    staff = client_as("fengsheng_clerk")
    form = staff.get(f"/functions/guides/new/?service={item.pk}").content.decode()
    assert f'<option value="{item.pk}" selected>' in form
    r = staff.post("/functions/guides/new/", {**GUIDE_POST, "code": "ZN-100", "service_item": item.pk,
                                              "effective_on": "2026-02-01"})
    assert r.status_code == 302, r.content.decode()
    g = ServiceGuide.objects.get(code="ZN-100")
    r = staff.post("/functions/guides/new/", {**GUIDE_POST, "code": "ZN-101"})
    assert r.status_code == 200 and "请选择对应的权力事项或公共服务事项" in r.content.decode()
    # The unchanged textarea comes back with CRLF: only the time limit is a change.
    r = staff.post(f"/functions/guides/{g.pk}/change/", {**GUIDE_POST, "service_item": item.pk,
                                                         "promised_limit": "5个工作日", "effective_on": "2026-03-02",
                                                         "reason": "压缩办理时限"})
    assert r.status_code == 302
    change = ListChange.objects.get(kind="guide", action="change")
    assert change.after == {"promised_limit": "5个工作日"} and change.effective_on == D(2026, 3, 2)
    r = staff.post(f"/functions/guides/{g.pk}/change/", {**GUIDE_POST, "service_item": item.pk,
                                                         "promised_limit": "5个工作日", "reason": "再存一次"})
    assert r.status_code == 400 and "没有需要调整的内容" in r.content.decode()
    portal = client.get(f"/portal/fengsheng/guides/{g.pk}/").content.decode()
    assert "5个工作日" in portal and "2026-03-02" in portal and "压缩办理时限" in portal
    assert "承诺时限:15个工作日 → 5个工作日" in portal
    staff_page = staff.get(f"/functions/guides/{g.pk}/").content.decode()
    assert "压缩办理时限" in staff_page and f"/portal/fengsheng/guides/{g.pk}/" in staff_page
    r = staff.post(f"/functions/guides/{g.pk}/change/", {"op": "remove", "remove-reason": "并入一窗通办"})
    assert r.status_code == 302
    assert client.get(f"/portal/fengsheng/guides/{g.pk}/").status_code == 404
    assert "并入一窗通办" in client.get("/portal/fengsheng/lists/").content.decode()


def test_certificates_managed_from_the_guide_page(guide, client_as, client):
    g = guide()
    staff = client_as("fengsheng_clerk")
    r = staff.post(f"/functions/guides/{g.pk}/certificates/new/", {
        "cert-name": "无犯罪记录证明", "cert-verification": "向公安机关核实", "cert-verify_within_days": "20",
        "cert-effective_on": "2026-04-01", "cert-reason": "推行告知承诺制"})
    assert r.status_code == 302
    cert = Certificate.objects.get()
    assert cert.verify_within_days == 20 and cert.added_on == D(2026, 4, 1)
    portal = client.get(f"/portal/fengsheng/guides/{g.pk}/").content.decode()
    assert "无犯罪记录证明" in portal and "推行告知承诺制" in portal
    r = staff.post(f"/functions/guides/{g.pk}/certificates/new/", {
        "cert-name": "无犯罪记录证明", "cert-verification": "x", "cert-verify_within_days": "20"})
    assert r.status_code == 400 and "已实行告知承诺" in r.content.decode()
    r = staff.post(f"/functions/certificates/{cert.pk}/change/", {
        f"c{cert.pk}-name": "无犯罪记录证明", f"c{cert.pk}-verification": "信息共享核查",
        f"c{cert.pk}-verify_within_days": "10", f"c{cert.pk}-reason": "改为信息共享"})
    assert r.status_code == 302
    cert.refresh_from_db()
    assert cert.verification == "信息共享核查"
    assert "事后核查方式:向公安机关核实" in client.get(f"/portal/fengsheng/guides/{g.pk}/").content.decode()
    r = staff.post(f"/functions/certificates/{cert.pk}/change/", {"op": "remove", f"r{cert.pk}-reason": "证明取消"})
    assert r.status_code == 302
    cert.refresh_from_db()
    assert cert.removed_on is not None
    portal = client.get(f"/portal/fengsheng/guides/{g.pk}/").content.decode()
    assert 'data-testid="certificate"' not in portal and "证明取消" in portal
    api = staff.get("/api/v1/service-guides/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert [r["certificates"] for r in rows] == [[]]
    # No commitment may be recorded for it any more: it is no longer offered.
    assert "无犯罪记录证明" not in staff.get("/functions/commitments/").content.decode()


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_guide_page_query_count_does_not_grow_with_versions(guide, client_as, clerk):
    g = guide()
    client = client_as("fengsheng_clerk")
    services.guide_change(actor=clerk, guide=g, reason="r1", promised_limit="10个工作日", effective_on=D(2023, 3, 1))
    few = _count(client, f"/functions/guides/{g.pk}/")
    for n in range(2, 12):
        g.refresh_from_db()
        services.guide_change(actor=clerk, guide=g, reason=f"r{n}", promised_limit=f"{n}个工作日",
                              effective_on=D(2023, 3, n))
    assert _count(client, f"/functions/guides/{g.pk}/") == few


def test_a_refusal_on_a_removed_guide_is_still_explained(guide, client_as, clerk):
    g = services.guide_remove(actor=clerk, guide=guide(), reason="停办", effective_on=D(2023, 3, 1))
    r = client_as("fengsheng_clerk").post(f"/functions/guides/{g.pk}/change/", {
        **GUIDE_POST, "service_item": g.service_item_id, "promised_limit": "1天", "reason": "x"})
    assert r.status_code == 400 and "该事项已取消,不能再调整" in r.content.decode()
    g.refresh_from_db()
    assert g.promised_limit == "15个工作日"


def test_false_commitment_is_verified_from_the_page_with_its_handling(certificate, client_as, clerk):
    from fazhi.functions.models import Commitment

    c = services.commitment_record(actor=clerk, certificate=certificate(), applicant_name="王小明",
                                   committed_on=D(2023, 4, 1))
    client = client_as("fengsheng_clerk")
    client.post(f"/functions/commitments/{c.pk}/verify/", {"result": "false", "date": "2023-04-20"})
    c.refresh_from_db()
    assert c.result == Commitment.Result.PENDING
    client.post(f"/functions/commitments/{c.pk}/verify/", {"result": "false", "date": "2023-04-20",
                                                           "handling": "撤销办理决定,记入信用记录"})
    c.refresh_from_db()
    assert c.result == Commitment.Result.FALSE and c.handling == "撤销办理决定,记入信用记录"
    assert client_as("mudong_clerk").post(f"/functions/commitments/{c.pk}/verify/", {"result": "true"}) \
        .status_code == 404
