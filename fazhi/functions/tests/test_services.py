import datetime

import pytest

from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent
from fazhi.functions import selectors, services
from fazhi.functions.models import Commitment, ListChange, PowerItem, ServiceGuide

D = datetime.date
pytestmark = pytest.mark.django_db


def test_change_is_dated_with_reason_and_keeps_the_previous_version(power, clerk, world):
    item = power()
    item = services.power_item_change(actor=clerk, item=item, reason="上位法修订", effective_on=D(2023, 6, 1),
                                      legal_basis="《城乡规划法》(2019修正)第四十一条")
    assert item.changed_on == D(2023, 6, 1)
    changes = list(ListChange.objects.filter(item_code="XK-001").order_by("effective_on"))
    assert [c.action for c in changes] == ["add", "change"]
    assert changes[1].before == {"legal_basis": "《中华人民共和国城乡规划法》第四十一条"}
    assert changes[1].after == {"legal_basis": "《城乡规划法》(2019修正)第四十一条"}
    assert changes[1].reason == "上位法修订"
    assert item.history.count() == 2
    assert AuditEvent.objects.filter(action="poweritem.change").exists()


def test_change_needs_a_reason_a_real_change_and_a_date_not_before_the_last(power, clerk):
    item = power()
    with pytest.raises(InvalidInput):
        services.power_item_change(actor=clerk, item=item, reason="", name="新名称")
    with pytest.raises(InvalidInput) as exc:
        services.power_item_change(actor=clerk, item=item, reason="调整", name=item.name)
    assert exc.value.code == "no_change"
    with pytest.raises(InvalidInput):
        services.power_item_change(actor=clerk, item=item, reason="调整", name="新名称", effective_on=D(2022, 1, 1))
    assert PowerItem.objects.get(pk=item.pk).name == "乡村建设规划许可证核发"
    assert ListChange.objects.count() == 1


def test_category_must_be_one_of_the_ten(power):
    with pytest.raises(InvalidInput):
        power(category="行政许可")


def test_duplicate_code_is_refused(power):
    power()
    with pytest.raises(DomainError):
        power()


def test_power_item_for_returns_the_current_item_or_none(power, clerk, world):
    assert selectors.power_item_for(world.fengsheng, "XK-001") is None
    assert not selectors.town_has_power_list(world.fengsheng)
    item = power()
    assert selectors.power_item_for(world.fengsheng, "XK-001") == item
    assert selectors.power_item_for(world.mudong, "XK-001") is None
    assert selectors.town_has_power_list(world.fengsheng)
    assert not selectors.town_has_power_list(world.mudong)
    services.power_item_remove(actor=clerk, item=item, reason="事项下放", effective_on=D(2024, 1, 1))
    assert selectors.power_item_for(world.fengsheng, "XK-001") is None


def test_item_with_guides_in_use_cannot_be_removed(power, clerk, world):
    item = power()
    services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-001", title="乡村建设规划许可办事指南",
                          power_item=item, materials="申请书", steps="受理—审查—决定", place="便民服务中心",
                          effective_on=D(2023, 2, 1))
    with pytest.raises(DomainError):
        services.power_item_remove(actor=clerk, item=item, reason="下放", effective_on=D(2024, 1, 1))


def test_guide_must_link_an_item_of_the_same_town(power, clerk, world):
    other = power(town=world.mudong)
    with pytest.raises(InvalidInput):
        services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-001", title="指南", materials="申请书",
                              steps="受理", place="便民服务中心")
    with pytest.raises(InvalidInput):
        services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-001", title="指南", power_item=other,
                              materials="申请书", steps="受理", place="便民服务中心")
    assert not ServiceGuide.objects.exists()


def test_commitment_verification_and_false_commitment_handling(power, clerk, world):
    item = power()
    guide = services.guide_create(actor=clerk, town=world.fengsheng, code="ZN-001", title="指南", power_item=item,
                                  materials="申请书", steps="受理", place="便民服务中心", effective_on=D(2023, 2, 1))
    cert = services.certificate_create(actor=clerk, guide=guide, name="无违法建筑证明", verification="实地核查",
                                       effective_on=D(2023, 2, 1))
    c = services.commitment_record(actor=clerk, certificate=cert, applicant_name="王小明", committed_on=D(2023, 3, 1))
    assert c.verify_due == D(2023, 3, 31)
    event = AuditEvent.objects.get(action="commitment.create")
    assert "王小明" not in str(event.after)
    with pytest.raises(InvalidInput):
        services.commitment_verify(actor=clerk, commitment=c, result="false", date=D(2023, 3, 20))
    c = services.commitment_verify(actor=clerk, commitment=c, result="false", date=D(2023, 3, 20),
                                   handling="撤销许可决定,记入信用记录")
    assert c.result == Commitment.Result.FALSE
    with pytest.raises(DomainError):
        services.commitment_verify(actor=clerk, commitment=c, result="true", date=D(2023, 3, 21))
