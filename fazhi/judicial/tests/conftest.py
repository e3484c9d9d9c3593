import datetime

import pytest
from django.utils import timezone

from fazhi.judicial import services


@pytest.fixture
def today(monkeypatch):
    """today(date) freezes "today" for the clocks and for the action dates."""

    def freeze(day: datetime.date):
        monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
        return day

    return freeze


@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def town(world):
    return world.fengsheng


@pytest.fixture
def make_litigation(clerk, town):
    def make(served=datetime.date(2024, 9, 20), number="(2024)渝0113行初1号", **kw):
        return services.litigation_create(actor=kw.pop("actor", clerk), town=kw.pop("town", town),
                                          court="巴南区人民法院", case_number=number,
                                          plaintiff=kw.pop("plaintiff", "张某"), cause="行政强制",
                                          served_date=served, **kw)

    return make


@pytest.fixture
def make_reconsideration(clerk, town):
    def make(served=datetime.date(2024, 9, 27), number="巴南府复〔2024〕1号", **kw):
        return services.reconsideration_create(actor=kw.pop("actor", clerk), town=kw.pop("town", town),
                                               authority="巴南区人民政府", case_number=number,
                                               applicant=kw.pop("applicant", "李某"),
                                               act_challenged="政府信息公开答复", served_date=served, **kw)

    return make
