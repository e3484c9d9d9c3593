import datetime

import pytest

from fazhi.functions import services

D = datetime.date
LISTED = D(2023, 1, 10)



@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def power(world, clerk):
    def make(code="XK-001", *, town=None, on=LISTED, **kw):
        values = {"name": "乡村建设规划许可证核发", "category": "licensing", "unit": "建设管理环保办",
                  "legal_basis": "《中华人民共和国城乡规划法》第四十一条", "responsibilities": "受理、审查、决定、送达、事后监管",
                  "accountability": "不依法受理、审查的", **kw}
        return services.power_item_create(actor=clerk, town=town or world.fengsheng, code=code, effective_on=on,
                                          reason="编制权责清单", **values)

    return make
