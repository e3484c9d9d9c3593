"""《生产安全事故报告和调查处理条例》第三条 at each threshold (“以上”包括本数,“以下”不包括本数)."""

import datetime
import decimal

import pytest

from fazhi.core.errors import DomainError, InvalidInput
from fazhi.safety import services
from fazhi.safety.figures import figures
from fazhi.safety.models import Grade, grade_for

WAN = decimal.Decimal(10000)


@pytest.mark.parametrize("deaths, injuries, loss, grade", [
    (0, 0, 0, Grade.GENERAL),
    (2, 0, 0, Grade.GENERAL),
    (3, 0, 0, Grade.LARGER),
    (9, 0, 0, Grade.LARGER),
    (10, 0, 0, Grade.MAJOR),
    (29, 0, 0, Grade.MAJOR),
    (30, 0, 0, Grade.EXTRAORDINARY),
    (0, 9, 0, Grade.GENERAL),
    (0, 10, 0, Grade.LARGER),
    (0, 49, 0, Grade.LARGER),
    (0, 50, 0, Grade.MAJOR),
    (0, 99, 0, Grade.MAJOR),
    (0, 100, 0, Grade.EXTRAORDINARY),
    (0, 0, 1000 * WAN - decimal.Decimal("0.01"), Grade.GENERAL),
    (0, 0, 1000 * WAN, Grade.LARGER),
    (0, 0, 5000 * WAN - 1, Grade.LARGER),
    (0, 0, 5000 * WAN, Grade.MAJOR),
    (0, 0, 10000 * WAN - 1, Grade.MAJOR),
    (0, 0, 10000 * WAN, Grade.EXTRAORDINARY),
    # The highest of the three criteria decides.
    (1, 55, 100 * WAN, Grade.MAJOR),
])
def test_grade_thresholds(deaths, injuries, loss, grade):
    assert grade_for(deaths, injuries, loss) == grade


def test_accident_graded_on_create_and_revision(users, world):
    clerk = users["fengsheng_clerk"]
    a = services.accident_create(actor=clerk, town=world.fengsheng, date=datetime.date(2026, 5, 1), title="厂房坍塌",
                                 deaths=2, serious_injuries=1, direct_loss=200000)
    assert a.grade == Grade.GENERAL
    a = services.accident_revise(actor=clerk, accident=a, deaths=3, serious_injuries=1, direct_loss=200000,
                                 reason="一名重伤者经抢救无效死亡")
    assert a.grade == Grade.LARGER
    f = figures(world.fengsheng, 2026)
    assert f["safety.accidents_by_grade"]["较大事故"] == 1
    assert f["safety.major_accidents"] == 0
    services.accident_create(actor=clerk, town=world.fengsheng, date=datetime.date(2026, 6, 1), title="爆炸",
                             deaths=10)
    assert figures(world.fengsheng, 2026)["safety.major_accidents"] == 1


def test_accident_refusals(users, world):
    with pytest.raises(DomainError, match="角色"):
        services.accident_create(actor=users["fengsheng_grid"], town=world.fengsheng, date=None, title="x")
    with pytest.raises(InvalidInput, match="负数"):
        services.accident_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=None, title="x",
                                 deaths=-1)
