"""Services added for the clerk's pages: service items and guides changed/removed, the certificates
replaceable by a commitment (告知承诺) added, changed and stopped. Each refusal changes nothing."""

import datetime

import pytest

from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent
from fazhi.functions import services
from fazhi.functions.figures import figures
from fazhi.functions.models import Certificate, Commitment, ListChange, ServiceGuide, ServiceItem

D = datetime.date
LISTED, GUIDED = D(2023, 1, 10), D(2023, 2, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def service(world, clerk):
    def make(code="GG-001", *, town=None, on=LISTED, **kw):
        values = {"name": "人民调解", "unit": "司法所", "description": "免费调解民间纠纷。", **kw}
        return services.service_item_create(actor=clerk, town=town or world.fengsheng, code=code, effective_on=on,
                                            reason="编制公共服务清单", **values)

    return make


@pytest.fixture
def guide(world, clerk, service):
    def make(code="ZN-001", *, item=None, on=GUIDED, **kw):
        values = {"title": "人民调解申请", "materials": "1.调解申请书\n2.身份证明", "steps": "申请—受理—调解",
                  "place": "司法所", "promised_limit": "15个工作日", **kw}
        if "power_item" not in values:
            values["service_item"] = item or service()
        return services.guide_create(actor=clerk, town=values["service_item"].town if values.get("service_item")
                                     else values["power_item"].town, code=code, effective_on=on, **values)

    return make


def _state():
    """Everything a refusal must leave untouched."""
    return (ListChange.objects.count(), AuditEvent.objects.count(),
            list(ServiceItem.objects.values()), list(ServiceGuide.objects.values()),
            list(Certificate.objects.values()), list(Commitment.objects.values()))


# ---- 公共服务事项 ----

def test_service_item_change_is_a_dated_version_with_an_audit_event(service, clerk):
    item = service()
    item = services.service_item_change(actor=clerk, item=item, reason="服务内容调整", effective_on=D(2023, 5, 1),
                                        description="免费调解民间纠纷,提供上门调解。")
    assert item.changed_on == D(2023, 5, 1)
    change = ListChange.objects.get(kind="service", action="change")
    assert change.before == {"description": "免费调解民间纠纷。"}
    assert change.after == {"description": "免费调解民间纠纷,提供上门调解。"}
    assert change.reason == "服务内容调整" and change.effective_on == D(2023, 5, 1)
    assert AuditEvent.objects.filter(action="serviceitem.change").exists()
    assert item.history.count() == 2


def test_service_item_change_refusals_change_nothing(service, clerk):
    item = service()
    before = _state()
    with pytest.raises(InvalidInput, match="变更理由"):
        services.service_item_change(actor=clerk, item=item, reason=" ", name="新名称")
    with pytest.raises(InvalidInput, match="没有需要调整"):
        services.service_item_change(actor=clerk, item=item, reason="调整", name="人民调解")
    with pytest.raises(InvalidInput, match="早于"):
        services.service_item_change(actor=clerk, item=item, reason="调整", name="新名称", effective_on=D(2022, 1, 1))
    with pytest.raises(InvalidInput, match="实施主体"):
        services.service_item_change(actor=clerk, item=item, reason="调整", unit="")
    assert _state() == before


def test_service_item_with_a_guide_in_use_cannot_be_removed_then_can(service, guide, clerk):
    item = service()
    g = guide(item=item)
    before = _state()
    with pytest.raises(DomainError, match="办事指南"):
        services.service_item_remove(actor=clerk, item=item, reason="上收", effective_on=D(2024, 1, 1))
    assert _state() == before
    services.guide_remove(actor=clerk, guide=g, reason="事项调整", effective_on=D(2024, 1, 1))
    item = services.service_item_remove(actor=clerk, item=item, reason="上收区级", effective_on=D(2024, 1, 1))
    assert item.removed_on == D(2024, 1, 1)
    assert ListChange.objects.filter(kind="service", action="remove", reason="上收区级").exists()
    assert ListChange.objects.filter(kind="guide", action="remove", reason="事项调整").exists()
    assert AuditEvent.objects.filter(action="serviceitem.remove").exists()
    assert AuditEvent.objects.filter(action="serviceguide.remove").exists()
    with pytest.raises(DomainError, match="已取消"):
        services.service_item_change(actor=clerk, item=item, reason="x", name="y")


# ---- 办事指南 ----

def test_guide_change_records_the_version_and_ignores_crlf(guide, clerk):
    g = guide()
    with pytest.raises(InvalidInput) as exc:  # the browser posts the same textarea with CRLF: not a change
        services.guide_change(actor=clerk, guide=g, reason="调整", materials="1.调解申请书\r\n2.身份证明")
    assert exc.value.code == "no_change"
    g = services.guide_change(actor=clerk, guide=g, reason="压缩办理时限", effective_on=D(2023, 6, 1),
                              promised_limit="7个工作日", fees="不收费", contact="023-66400000")
    change = ListChange.objects.get(kind="guide", action="change")
    assert change.before == {"promised_limit": "15个工作日", "contact": ""}
    assert change.after == {"promised_limit": "7个工作日", "contact": "023-66400000"}
    assert g.changed_on == D(2023, 6, 1)
    assert AuditEvent.objects.filter(action="serviceguide.change").exists()


def test_guide_must_stay_linked_to_an_item_of_its_own_town(guide, service, clerk, world):
    g = guide()
    other = service("GG-9", town=world.mudong)
    before = _state()
    with pytest.raises(InvalidInput, match="对应一个"):
        services.guide_change(actor=clerk, guide=g, reason="调整", service_item=None, power_item=None)
    with pytest.raises(InvalidInput, match="不属于本镇"):
        services.guide_change(actor=clerk, guide=g, reason="调整", service_item=other)
    assert _state() == before


def test_removed_guide_cannot_be_changed_or_removed_again(guide, clerk):
    g = services.guide_remove(actor=clerk, guide=guide(), reason="停办", effective_on=D(2023, 3, 1))
    before = _state()
    with pytest.raises(DomainError):
        services.guide_change(actor=clerk, guide=g, reason="x", title="新")
    with pytest.raises(DomainError):
        services.guide_remove(actor=clerk, guide=g, reason="x")
    assert _state() == before


# ---- 告知承诺 certificates ----

def test_certificate_added_is_a_dated_version_of_its_guide(guide, clerk):
    g = guide()
    cert = services.certificate_create(actor=clerk, guide=g, name="无犯罪记录证明", verification="向公安机关核实",
                                       verify_within_days=20, effective_on=D(2023, 4, 1), reason="推行告知承诺制")
    g.refresh_from_db()
    assert g.changed_on == D(2023, 4, 1) and cert.added_on == D(2023, 4, 1)
    change = ListChange.objects.get(kind="guide", action="change")
    assert change.item_code == "ZN-001" and change.reason == "推行告知承诺制" and change.before is None
    assert change.after["certificate"]["name"] == "无犯罪记录证明"
    assert AuditEvent.objects.filter(action="certificate.create").exists()
    services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="村委会核实",
                                effective_on=D(2023, 4, 2))
    assert ListChange.objects.filter(reason="新增告知承诺证明事项:居住证明").exists()


def test_certificate_create_refusals_change_nothing(guide, clerk):
    g = guide()
    services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="村委会核实",
                                effective_on=D(2023, 4, 1))
    before = _state()
    with pytest.raises(DomainError, match="已实行告知承诺"):
        services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="x", effective_on=D(2023, 5, 1))
    with pytest.raises(InvalidInput, match="核查方式"):
        services.certificate_create(actor=clerk, guide=g, name="证明", verification=" ", effective_on=D(2023, 5, 1))
    with pytest.raises(InvalidInput, match="1至365"):
        services.certificate_create(actor=clerk, guide=g, name="证明", verification="x", verify_within_days=0)
    with pytest.raises(InvalidInput, match="早于"):  # before the guide's last version
        services.certificate_create(actor=clerk, guide=g, name="证明", verification="x", effective_on=D(2023, 3, 1))
    assert _state() == before
    g = services.guide_remove(actor=clerk, guide=g, reason="停办", effective_on=D(2023, 6, 1))
    before = _state()
    with pytest.raises(DomainError, match="已停用"):
        services.certificate_create(actor=clerk, guide=g, name="证明", verification="x")
    assert _state() == before


def test_certificate_change_and_its_refusals(guide, clerk):
    g = guide()
    cert = services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="村委会核实",
                                       effective_on=D(2023, 4, 1))
    before = _state()
    with pytest.raises(InvalidInput, match="变更理由"):
        services.certificate_change(actor=clerk, certificate=cert, reason="", verification="信息比对")
    with pytest.raises(InvalidInput, match="没有需要调整"):
        services.certificate_change(actor=clerk, certificate=cert, reason="x", name="居住证明", verify_within_days=30)
    with pytest.raises(InvalidInput, match="早于"):
        services.certificate_change(actor=clerk, certificate=cert, reason="x", verification="y",
                                    effective_on=D(2023, 3, 31))
    assert _state() == before
    cert = services.certificate_change(actor=clerk, certificate=cert, reason="改为信息比对", effective_on=D(2023, 7, 1),
                                       verification="比对户籍信息", verify_within_days=10)
    assert (cert.verification, cert.verify_within_days) == ("比对户籍信息", 10)
    change = ListChange.objects.filter(kind="guide", action="change").first()
    assert change.reason == "改为信息比对" and change.effective_on == D(2023, 7, 1)
    assert change.before["certificate"] == {"name": "居住证明", "verification": "村委会核实", "verify_within_days": 30}
    assert change.after["certificate"] == {"name": "居住证明", "verification": "比对户籍信息", "verify_within_days": 10}
    assert AuditEvent.objects.filter(action="certificate.change").exists()
    g.refresh_from_db()
    assert g.changed_on == D(2023, 7, 1)


def test_stopped_certificate_takes_no_new_commitment_but_old_ones_are_verified(guide, clerk, world):
    g = guide()
    cert = services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="村委会核实",
                                       effective_on=D(2023, 4, 1))
    c = services.commitment_record(actor=clerk, certificate=cert, applicant_name="王小明", committed_on=D(2023, 5, 10))
    before = _state()
    with pytest.raises(DomainError, match="之后已有告知承诺"):
        services.certificate_remove(actor=clerk, certificate=cert, reason="证明取消", effective_on=D(2023, 5, 10))
    assert _state() == before
    cert = services.certificate_remove(actor=clerk, certificate=cert, reason="证明事项取消", effective_on=D(2023, 6, 1))
    assert cert.removed_on == D(2023, 6, 1)
    assert ListChange.objects.filter(kind="guide", reason="证明事项取消").get().before["certificate"]["name"] == "居住证明"
    assert AuditEvent.objects.filter(action="certificate.remove").exists()
    before = _state()
    with pytest.raises(DomainError, match="停止告知承诺"):
        services.commitment_record(actor=clerk, certificate=cert, applicant_name="李四", committed_on=D(2023, 6, 2))
    with pytest.raises(DomainError, match="已停止"):
        services.certificate_remove(actor=clerk, certificate=cert, reason="x")
    with pytest.raises(DomainError, match="已停止"):
        services.certificate_change(actor=clerk, certificate=cert, reason="x", verification="y")
    assert _state() == before
    services.commitment_verify(actor=clerk, commitment=c, result="true", date=D(2023, 6, 5))
    f23 = figures(world.fengsheng, 2023)
    assert f23["functions.commitment_certificates"] == 0 and f23["functions.commitments_true"] == 1
    assert figures(world.fengsheng, 2022)["functions.commitment_certificates"] == 0


def test_a_new_certificate_name_already_in_use_is_refused(guide, clerk):
    g = guide()
    services.certificate_create(actor=clerk, guide=g, name="居住证明", verification="x", effective_on=D(2023, 4, 1))
    other = services.certificate_create(actor=clerk, guide=g, name="收入证明", verification="x",
                                        effective_on=D(2023, 4, 1))
    before = _state()
    with pytest.raises(DomainError, match="已实行"):
        services.certificate_change(actor=clerk, certificate=other, reason="x", name="居住证明")
    assert _state() == before
