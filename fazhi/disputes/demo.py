"""Demo disputes: 丰盛镇 2023 (“全年调处各类矛盾纠纷396起”) with a realistic spread, a few for 木洞镇,
and open cases of the last weeks so that the workbench shows clocks. Created through the services."""

import datetime
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.core import orgs
from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.models import LinkageBody, Village
from fazhi.core.personal import id_number_check_char

from . import services
from .models import AgreementForm, Dispute, Level

CATEGORIES = [("marriage", 18), ("neighbour", 22), ("housing", 12), ("contract", 6), ("business", 4),
              ("damages", 10), ("land", 8), ("expropriation", 3), ("environment", 2), ("labour", 6),
              ("traffic", 4), ("medical", 1), ("consumer", 1), ("property", 1), ("other", 2)]
SOURCES = [("visit", 38), ("grid", 30), ("police", 10), ("court", 5), ("petition", 5), ("hotline", 9), ("other", 3)]
TITLES = {
    "marriage": "家庭赡养纠纷", "neighbour": "邻里排水纠纷", "housing": "宅基地界址纠纷", "contract": "农资买卖合同纠纷",
    "business": "养殖场经营纠纷", "damages": "人身损害赔偿纠纷", "land": "承包地边界纠纷", "expropriation": "征地补偿纠纷",
    "environment": "养殖异味纠纷", "labour": "务工工资纠纷", "traffic": "道路交通事故赔偿纠纷", "medical": "诊所医疗纠纷",
    "consumer": "商品质量纠纷", "property": "小区物业费纠纷", "other": "其他民间纠纷",
}
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林"
GIVEN = ["德明", "秀英", "建华", "玉兰", "国强", "桂芳", "志刚", "红梅", "永福", "淑珍", "文军", "小燕"]
BODY_FOR_SOURCE = {"police": "派出所", "court": "法院", "petition": "信访"}


def _pick(rng, weighted):
    return rng.choices([v for v, _w in weighted], weights=[w for _v, w in weighted])[0]


def _id_number(rng, year):
    first17 = f"500113{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return first17 + id_number_check_char(first17)


def _parties(rng):
    return [
        {"name": rng.choice(SURNAMES) + rng.choice(GIVEN), "role": "applicant",
         "id_number": _id_number(rng, rng.randint(1950, 1995)), "phone": f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"},
        {"name": rng.choice(SURNAMES) + rng.choice(GIVEN), "role": "respondent",
         "phone": f"15{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"},
    ]


def _village_mediators(town):
    out = {}
    for village in Village.objects.filter(town=town).order_by("id"):
        out[village.pk] = orgs.user_ensure(
            username=f"{town.slug}_mediator_{village.slug}", password=DEMO_PASSWORD,
            display_name=f"{village.name}调解员", roles=["mediator"], village=village)
    return out


def _body(town, kind_word):
    qs = LinkageBody.objects.filter(district=town.district)
    return qs.filter(name__contains=kind_word).filter(Q(town=town) | Q(town__isnull=True)).order_by("-town").first()


def _one(rng, *, town, clerk, town_mediator, mediators, grids, received, settle=True, level=Level.VILLAGE,
         close=True, form=None):
    grid = rng.choice(grids)
    source = _pick(rng, SOURCES)
    category = _pick(rng, CATEGORIES)
    d = services.dispute_create(
        actor=clerk, town=town, source=source, category=category, received_date=received,
        title=TITLES[category], description=f"{grid}群众反映的{TITLES[category]}。", parties=_parties(rng),
        grid=grid, amount=rng.choice([0, 500, 2000, 5000, 12000, 30000]), people_involved=rng.randint(2, 6),
        risk_level=rng.choices(["low", "attention", "escalating"], weights=[85, 12, 3])[0],
        source_body=_body(town, BODY_FOR_SOURCE[source]) if source in BODY_FOR_SOURCE else None)
    day = received + datetime.timedelta(days=rng.randint(0, 1))
    d = services.dispute_accept(actor=clerk, dispute=d, date=day)
    village_mediator = mediators[grid.village_id]
    d = services.dispute_assign(actor=clerk, dispute=d, mediator=village_mediator, date=day)
    mediator = village_mediator
    if level in (Level.TOWN, Level.LINKAGE):
        day += datetime.timedelta(days=rng.randint(1, 4))
        services.dispute_record_session(actor=village_mediator, dispute=d, record="村调委会组织双方协商,未达成一致。",
                                        date=day)
        d = services.dispute_escalate(actor=village_mediator, dispute=d, reason="村级调解未果,涉及面较广",
                                      mediator=town_mediator, date=day)
        mediator = town_mediator
    if level == Level.LINKAGE:
        body = _body(town, "人力资源" if category == "labour" else "法院")
        d = services.dispute_escalate(actor=town_mediator, dispute=d, reason="需区级部门联动调解",
                                      mediator=town_mediator, linkage_body=body, date=day)
    day += datetime.timedelta(days=rng.randint(1, 8))
    services.dispute_record_session(actor=mediator, dispute=d, record="听取双方陈述,释法说理,促成协商。",
                                    place="调解室", date=day)
    if settle is None:
        return d
    day += datetime.timedelta(days=rng.randint(0, 6))
    if settle:
        amount = d.amount
        d = services.dispute_settle(actor=mediator, dispute=d, facts="双方因琐事产生矛盾,经查明各有过错。",
                                    terms="双方自愿和解,互相谅解,今后和睦相处。" + (f"一方支付另一方{amount}元。" if amount else ""),
                                    performance="协议签订之日起十日内履行完毕。", agreement_amount=amount,
                                    form=form or ("written" if rng.random() < 0.85 else "oral"), date=day)
        if d.agreement_form == AgreementForm.WRITTEN and rng.random() < 0.08:
            d = services.dispute_apply_confirmation(actor=mediator, dispute=d, date=day + datetime.timedelta(days=3))
    else:
        d = services.dispute_fail(actor=mediator, dispute=d, guided_to=rng.choice(["litigation", "arbitration",
                                                                                   "administrative"]),
                                  reason="双方分歧较大,无法达成一致。", date=day)
    if close:
        visit = day + datetime.timedelta(days=rng.randint(7, 28))
        services.dispute_return_visit(actor=mediator, dispute=d, performed=True if settle else None,
                                      note="电话回访,当事人表示协议已履行。", date=visit)
        # Closed once the 30-day window for 司法确认 has lapsed.
        d = services.dispute_close(actor=clerk, dispute=d, date=day + datetime.timedelta(days=rng.randint(46, 60)))
    return d


def _year(rng, world, slug, count, year, ctx):
    start = datetime.date(year, 1, 3)
    span = (datetime.date(year, 12, 5) - start).days
    for i in range(count):
        received = start + datetime.timedelta(days=span * i // count)
        level = rng.choices([Level.VILLAGE, Level.TOWN, Level.LINKAGE], weights=[72, 23, 5])[0]
        _one(rng, received=received, level=level, settle=rng.random() < 0.965, **ctx)


@transaction.atomic
def load(world):
    if Dispute.objects.filter(town=world.fengsheng).exists():
        return
    rng = random.Random(2023)
    for slug, count in (("fengsheng", 396), ("mudong", 12)):
        town = world.towns[slug]
        ctx = dict(town=town, clerk=world.users[f"{slug}_clerk"], town_mediator=world.users[f"{slug}_mediator"],
                   mediators=_village_mediators(town), grids=list(town.grids.select_related("village").order_by("id")))
        _year(rng, world, slug, count, 2023, ctx)
    # Open cases of the last weeks (today is late November 2026): clocks due soon and overdue.
    town = world.fengsheng
    ctx = dict(town=town, clerk=world.users["fengsheng_clerk"], town_mediator=world.users["fengsheng_mediator"],
               mediators=_village_mediators(town), grids=list(town.grids.select_related("village").order_by("id")))
    today = timezone.localdate()
    ago = lambda n: today - datetime.timedelta(days=n)  # noqa: E731
    _one(rng, received=ago(40), settle=None, **ctx)            # mediating, one-month period overdue
    _one(rng, received=ago(26), settle=None, level=Level.TOWN, **ctx)  # escalated, due in days
    _one(rng, received=ago(20), settle=True, close=False, form="written", **ctx)  # 司法确认 window running
    clerk = ctx["clerk"]
    d = services.dispute_create(actor=clerk, town=town, source="visit", category="land", received_date=ago(3),
                                title="承包地界址争议,双方多次冲突", description="双方因承包地界址多次发生肢体冲突。",
                                parties=_parties(rng), grid=ctx["grids"][2], people_involved=8, risk_level="escalating")
    services.dispute_accept(actor=clerk, dispute=d, date=ago(2))
    services.dispute_create(actor=None, town=town, source="portal", category="neighbour", received_date=ago(1),
                            title="邻居装修噪音", description="邻居夜间装修。", parties=_parties(rng),
                            village=ctx["grids"][0].village)
