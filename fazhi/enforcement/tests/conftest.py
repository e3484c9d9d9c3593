import datetime
from decimal import Decimal

import pytest

from fazhi.core.models import Unit
from fazhi.enforcement import services
from fazhi.enforcement.models import Circumstance, PartyType, PenaltyType

D = datetime.date.fromisoformat
# A valid GB 11643 number and a valid GB 32100 code for the parties.
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"


@pytest.fixture
def unit(world):
    return Unit.objects.get(town=world.fengsheng, slug="zhifaban")


@pytest.fixture
def officers(users, unit):
    leader = users["fengsheng_leader"]
    make = services.officer_create
    return [
        make(actor=leader, unit=unit, name="王强", certificate_number="渝执500113001",
             valid_from=D("2021-01-01"), valid_until=D("2027-12-31"), user=users["fengsheng_officer"]),
        make(actor=leader, unit=unit, name="何勇", certificate_number="渝执500113002",
             valid_from=D("2021-01-01"), valid_until=D("2027-12-31")),
        make(actor=leader, unit=unit, name="罗平", certificate_number="渝执500113003",
             valid_from=D("2019-01-01"), valid_until=D("2023-06-30")),
    ]


@pytest.fixture
def mudong_officers(users, world):
    unit = Unit.objects.get(town=world.mudong, slug="zhifaban")
    leader = users["mudong_leader"]
    return [services.officer_create(actor=leader, unit=unit, name=f"木洞{i}", certificate_number=f"渝执MD{i}",
                                    valid_from=D("2021-01-01"), valid_until=D("2027-12-31")) for i in (1, 2)]


@pytest.fixture
def matter(users, unit):
    return services.matter_create(actor=users["fengsheng_leader"], unit=unit, name="占道经营",
                                  legal_basis="《城市市容和环境卫生管理条例》第三十六条", power_list_ref="XZCF-001")


@pytest.fixture
def benchmark(users, matter):
    return services.benchmark_create(actor=users["fengsheng_leader"], matter=matter, violation="擅自占道经营",
                                     circumstance=Circumstance.ORDINARY, penalty_type=PenaltyType.FINE,
                                     fine_min=Decimal("500"), fine_max=Decimal("2000"))


@pytest.fixture
def officer_user(users):
    return users["fengsheng_officer"]


@pytest.fixture
def make_case(officer_user, unit, officers, matter):
    def make(**kw):
        args = dict(actor=officer_user, unit=unit, matter=matter, violation="擅自占用道路经营",
                    party_type=PartyType.NATURAL_PERSON, party_name="张三丰", id_number=ID_NUMBER,
                    occurred_date=D("2023-03-01"), filed_date=D("2023-03-06"), officers=officers[:2])
        args.update(kw)
        return services.case_create(**args)

    return make


@pytest.fixture
def notified_case(make_case, officer_user):
    """A case notified on 2023-03-20 of a 1,000-yuan fine (no hearing right)."""
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="现场占道",
                              certificates_shown=True)
    return services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"),
                                penalty_type=PenaltyType.FINE, fine_amount=Decimal("1000"))
