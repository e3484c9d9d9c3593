import datetime

import pytest

from fazhi.core import orgs
from fazhi.core.models import Grid, LinkageBody, Village
from fazhi.disputes import services

PARTIES = [
    {"name": "张三", "role": "applicant", "id_number": "110101199003074514", "phone": "13812345678"},
    {"name": "李四", "role": "respondent", "phone": "023-12345678"},
]


@pytest.fixture
def village(world):
    return Village.objects.get(town=world.fengsheng, slug="fengsheng-shequ")


@pytest.fixture
def grid(users):
    return users["fengsheng_grid"].grid


@pytest.fixture
def village_mediator(world, grid):
    return orgs.user_create(username="fs_vmed", password="Fazhi@2023xx", display_name="村调解员",
                            roles=["mediator"], village=grid.village)


@pytest.fixture
def court(world):
    return LinkageBody.objects.get(name="巴南区人民法院")


@pytest.fixture
def make_dispute(users, grid):
    def make(actor="fengsheng_clerk", **kw):
        actor = users[actor] if isinstance(actor, str) else actor
        defaults = dict(town=actor.town, source="visit", category="neighbour",
                        received_date=datetime.date(2026, 11, 2), title="排水沟纠纷",
                        description="两户因排水沟堵塞发生争执。", parties=PARTIES, grid=grid, amount=3000)
        defaults.update(kw)
        return services.dispute_create(actor=actor, **defaults)

    return make


@pytest.fixture
def mediating(make_dispute, users, village_mediator):
    """A dispute accepted 2026-11-03, assigned to the village mediator, one session on 11-05."""
    d = make_dispute()
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=d, date=datetime.date(2026, 11, 3))
    d = services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, mediator=village_mediator,
                                date=datetime.date(2026, 11, 3))
    services.dispute_record_session(actor=village_mediator, dispute=d, record="双方陈述。",
                                    date=datetime.date(2026, 11, 5))
    d.refresh_from_db()
    return d


def other_grid(town):
    return Grid.objects.filter(town=town).order_by("-id").first()
