"""Demo records of 丰盛镇: the enforcing units of the seed report (综合行政执法办公室, 应急办,
市政中队, 文化服务中心), their officers, matters and benchmarks, 2023 cases of both procedures
with published decisions, an inspection, and a few open cases of the last weeks so that the
workbench shows clocks due soon and overdue. Everything goes through the services."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fazhi.core.models import Unit
from fazhi.core.personal import credit_code_check_char, id_number_check_char

from . import services
from .models import Case, Circumstance, Matter, Outcome, PartyType, PenaltyType

D = datetime.date.fromisoformat

OFFICERS = {
    "zhifaban": [("王强", "渝执5001130001"), ("何勇", "渝执5001130002"), ("罗平", "渝执5001130003")],
    "yingjiban": [("陈刚", "渝执5001130011"), ("周磊", "渝执5001130012")],
    "shizheng": [("杨帆", "渝执5001130021"), ("吴浩", "渝执5001130022")],
    "wenhua": [("黄丽", "渝执5001130031"), ("徐静", "渝执5001130032")],
}

MATTERS = [
    ("shizheng", "对擅自占用城市道路经营的处罚", "《城市市容和环境卫生管理条例》第三十六条", "XZCF-0101", False),
    ("shizheng", "对随意倾倒、抛撒生活垃圾的处罚", "《重庆市市容环境卫生管理条例》第五十七条", "XZCF-0102", False),
    ("yingjiban", "对生产经营单位未开展安全生产教育培训的处罚", "《中华人民共和国安全生产法》第九十七条", "XZCF-0201", True),
    ("wenhua", "对网吧接纳未成年人的处罚", "《互联网上网服务营业场所管理条例》第三十一条", "XZCF-0301", False),
    ("zhifaban", "对违法建设的责令停止建设、限期拆除", "《中华人民共和国城乡规划法》第六十五条", "XZCF-0401", True),
]


def _id(first17):
    return first17 + id_number_check_char(first17)


def _credit(first17):
    return first17 + credit_code_check_char(first17)


def load(world):
    town = world.fengsheng
    if Case.objects.filter(town=town).exists():
        return
    with transaction.atomic():
        _load(world)


def _evidence(officer, case, day, title):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(f"{title}.txt", f"{case.number} {title}(演示)".encode())
    services.case_add_evidence(actor=officer, case=case, upload=upload, title=title, date=D(day))


def _load(world):
    town = world.fengsheng
    leader, officer = world.users["fengsheng_leader"], world.users["fengsheng_officer"]
    reviewer = world.users["fengsheng_reviewer"]
    units = {u.slug: u for u in Unit.objects.filter(town=town)}
    people = {}
    for slug, rows in OFFICERS.items():
        for _i, (name, number) in enumerate(rows):
            people[name] = services.officer_create(
                actor=leader, unit=units[slug], name=name, certificate_number=number, valid_from=D("2021-01-01"),
                # 罗平's certificate runs out soon: the warning on the list page.
                valid_until=D("2026-12-31") if name == "罗平" else D("2028-12-31"),
                user=officer if name == "王强" else None)
    mudong_units = Unit.objects.get(town=world.mudong, slug="zhifaban")
    for name, number in (("郑军", "渝执5001130101"), ("许亮", "渝执5001130102")):
        services.officer_create(actor=world.users["mudong_leader"], unit=mudong_units, name=name,
                                certificate_number=number, valid_from=D("2022-01-01"), valid_until=D("2028-12-31"))
    matters = {}
    for slug, name, basis, ref, review in MATTERS:
        matters[name[:8]] = services.matter_create(actor=leader, unit=units[slug], name=name, legal_basis=basis,
                                                   power_list_ref=ref, requires_legal_review=review)
    road = Matter.objects.get(town=town, power_list_ref="XZCF-0101")
    garbage = Matter.objects.get(town=town, power_list_ref="XZCF-0102")
    safety = Matter.objects.get(town=town, power_list_ref="XZCF-0201")
    cafe = Matter.objects.get(town=town, power_list_ref="XZCF-0301")
    bm_road = services.benchmark_create(actor=leader, matter=road, violation="擅自占用城市道路经营",
                                        circumstance=Circumstance.ORDINARY, penalty_type=PenaltyType.FINE,
                                        fine_min=Decimal("500"), fine_max=Decimal("2000"),
                                        description="经责令改正拒不改正的")
    services.benchmark_create(actor=leader, matter=road, violation="擅自占用城市道路经营",
                              circumstance=Circumstance.MINOR, penalty_type=PenaltyType.WARNING,
                              description="初次违法、及时改正的,可以不予处罚(首违不罚)")
    services.benchmark_create(actor=leader, matter=safety, violation="未按规定开展安全生产教育和培训",
                              circumstance=Circumstance.ORDINARY, penalty_type=PenaltyType.FINE,
                              fine_min=Decimal("10000"), fine_max=Decimal("50000"))
    sz = [people["杨帆"], people["吴浩"]]
    yj = [people["陈刚"], people["周磊"]]
    wh = [people["黄丽"], people["徐静"]]
    zf = [people["王强"], people["何勇"]]

    # 1. General procedure, fine paid, published on time (市政中队).
    c = services.case_create(actor=officer, unit=units["shizheng"], matter=road, violation="在丰盛老街擅自占道摆摊经营,经责令改正拒不改正",
                             party_type=PartyType.NATURAL_PERSON, party_name="张德顺",
                             id_number=_id("50011319700312123"), occurred_date=D("2023-03-02"),
                             filed_date=D("2023-03-06"), officers=sz, place="丰盛老街")
    _evidence(officer, c, "2023-03-08", "现场检查笔录")
    services.case_investigate(actor=officer, case=c, date=D("2023-03-10"), findings="现场检查笔录、照片证实占道经营",
                              certificates_shown=True)
    services.case_notify(actor=officer, case=c, date=D("2023-03-15"), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("1000"), benchmark=bm_road)
    services.case_decide(actor=officer, case=c, date=D("2023-03-24"), party_statement="当事人未提出陈述申辩")
    services.case_publish(actor=officer, case=c, date=D("2023-03-28"))
    services.case_record_payment(actor=officer, case=c, date=D("2023-04-03"), amount=Decimal("1000"))
    services.case_close(actor=officer, case=c, date=D("2023-04-04"))
    services.case_archive(actor=officer, case=c, date=D("2023-04-10"))

    # 2. Safety training case: on the town's review list, hearing held, legal review, collective discussion.
    c = services.case_create(actor=officer, unit=units["yingjiban"], matter=safety,
                             violation="未按规定对从业人员进行安全生产教育和培训",
                             party_type=PartyType.LEGAL_PERSON, party_name="重庆丰盛建材有限公司",
                             credit_code=_credit("91500113MA5U8K2X1"), occurred_date=D("2023-05-08"),
                             filed_date=D("2023-05-10"), officers=yj)
    _evidence(officer, c, "2023-05-15", "询问笔录")
    services.case_investigate(actor=officer, case=c, date=D("2023-05-19"), findings="培训档案缺失,12名从业人员未经培训上岗",
                              certificates_shown=True)
    services.case_notify(actor=officer, case=c, date=D("2023-05-25"), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("60000"), complex_case=True,
                         benchmark=None)
    services.case_request_hearing(actor=officer, case=c, date=D("2023-05-29"))
    services.case_hold_hearing(actor=officer, case=c, date=D("2023-06-12"), notice_date=D("2023-06-01"),
                               chair="刘建国", record="当事人对事实无异议,请求从轻处罚")
    services.case_legal_review(actor=reviewer, case=c, date=D("2023-06-14"), passed=True,
                               opinion="主体合法、事实清楚、程序合法、适用依据正确", qualification="A20155001130001")
    services.case_collective_discussion(actor=leader, case=c, date=D("2023-06-16"), conclusion="同意罚款六万元")
    services.case_decide(actor=leader, case=c, date=D("2023-06-19"), party_present=False)
    services.case_serve(actor=officer, case=c, date=D("2023-06-21"), method="直接送达")
    services.case_publish(actor=officer, case=c, date=D("2023-06-26"))
    services.case_record_payment(actor=officer, case=c, date=D("2023-07-05"), amount=Decimal("60000"))
    services.case_close(actor=officer, case=c, date=D("2023-07-06"))

    # 3. 首违不罚 (第三十三条), 文化服务中心.
    c = services.case_create(actor=officer, unit=units["wenhua"], matter=cafe, violation="网吧接纳未成年人进入(初次)",
                             party_type=PartyType.OTHER_ORG, party_name="丰盛镇星空网吧",
                             credit_code=_credit("92500113MA60QW3E2"), occurred_date=D("2023-07-14"),
                             filed_date=D("2023-07-17"), officers=wh)
    services.case_investigate(actor=officer, case=c, date=D("2023-07-20"), findings="初次违法,当场改正,未造成危害后果",
                              certificates_shown=True)
    services.case_decide(actor=officer, case=c, date=D("2023-07-24"), outcome=Outcome.FIRST_OFFENCE,
                         education_note="对经营者进行法治教育,签订守法承诺书")
    services.case_close(actor=officer, case=c, date=D("2023-07-25"))

    # 4. Outside the benchmark, with a written reason; decision later revoked and withdrawn.
    c = services.case_create(actor=officer, unit=units["shizheng"], matter=road, violation="占用镇区主干道堆放建材经营",
                             party_type=PartyType.NATURAL_PERSON, party_name="李秀英",
                             id_number=_id("50011319820521234"), occurred_date=D("2023-08-21"),
                             filed_date=D("2023-08-22"), officers=sz)
    _evidence(officer, c, "2023-08-23", "执法记录仪视频说明")
    services.case_investigate(actor=officer, case=c, date=D("2023-08-25"), findings="占道面积约40平方米",
                              certificates_shown=True)
    services.case_notify(actor=officer, case=c, date=D("2023-08-28"), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("3000"), benchmark=bm_road,
                         outside_benchmark_reason="占道面积大、影响交通安全,且两次责令改正拒不改正")
    services.case_decide(actor=officer, case=c, date=D("2023-09-06"))
    services.case_publish(actor=officer, case=c, date=D("2023-09-08"))
    services.case_record_payment(actor=officer, case=c, date=D("2023-09-15"), amount=Decimal("3000"))
    services.case_revoke_decision(actor=officer, case=c, date=D("2023-10-16"), kind="changed",
                                  reason="行政复议决定变更罚款数额")
    services.case_withdraw_publication(actor=officer, case=c, date=D("2023-10-17"),
                                       reason="原处罚决定已被行政复议机关依法变更")

    # 5–8. Simple procedure (当场处罚).
    for day, name, penalty, amount, matter_, place in [
        ("2023-04-18", "赵大海", PenaltyType.FINE, "100", garbage, "丰盛场镇"),
        ("2023-06-07", "钱小兰", PenaltyType.WARNING, None, garbage, "双碑村"),
        ("2023-09-20", "孙志刚", PenaltyType.FINE, "200", road, "丰盛老街"),
        ("2023-11-09", "周美玲", PenaltyType.FINE, "50", garbage, "白鹤村"),
    ]:
        c = services.case_create_simple(
            actor=officer, unit=units["shizheng"], matter=matter_, violation="随意倾倒生活垃圾"
            if matter_ == garbage else "占道经营", party_type=PartyType.NATURAL_PERSON, party_name=name,
            occurred_date=D(day), decided_date=D(day), officers=sz, penalty_type=penalty,
            fine_amount=Decimal(amount) if amount else None, place=place)
        services.case_publish(actor=officer, case=c, date=D(day) + datetime.timedelta(days=2))
        if amount:
            services.case_record_payment(actor=officer, case=c, date=D(day), amount=Decimal(amount))
        services.case_close(actor=officer, case=c, date=D(day) + datetime.timedelta(days=3))

    # An inspection that found a violation, and one that found none.
    insp = services.inspection_plan(actor=officer, unit=units["yingjiban"], kind="planned",
                                    subject_name="丰盛镇桥上砖厂", planned_date=D("2023-10-10"), matter=safety,
                                    officers=yj, place="桥上村")
    services.inspection_record(actor=officer, inspection=insp, date=D("2023-10-10"), findings="安全台账齐全")
    insp = services.inspection_plan(actor=officer, unit=units["zhifaban"], kind="adhoc", subject_name="丰盛加油站",
                                    planned_date=D("2023-11-20"), officers=zf, place="丰盛场镇")
    c = services.inspection_open_case(actor=officer, inspection=insp, date=D("2023-11-20"),
                                  violation="未按规定设置安全警示标志", party_type=PartyType.LEGAL_PERSON,
                                  party_name="重庆丰盛能源有限公司", credit_code=_credit("91500113MA5YH7L31"),
                                  occurred_date=D("2023-11-20"))
    _evidence(officer, c, "2023-11-20", "现场照片说明")
    services.case_investigate(actor=officer, case=c, date=D("2023-11-22"), findings="加油区未设置禁止烟火警示标志",
                              certificates_shown=True)
    services.case_notify(actor=officer, case=c, date=D("2023-11-24"), penalty_type=PenaltyType.WARNING)
    services.case_decide(actor=officer, case=c, date=D("2023-12-01"))
    services.case_publish(actor=officer, case=c, date=D("2023-12-05"))
    services.case_close(actor=officer, case=c, date=D("2023-12-06"))

    _recent(world, units, officer, sz, zf, road, garbage)


def _recent(world, units, officer, sz, zf, road, garbage):
    """Open cases of the last weeks, so that the workbench shows clocks due soon and overdue."""
    today = timezone.localdate()
    days = lambda n: today - datetime.timedelta(days=n)  # noqa: E731
    # Decided, party absent, not served, not published: service and publicity clocks overdue.
    c = services.case_create(actor=officer, unit=units["shizheng"], matter=road, violation="占道设置广告牌",
                             party_type=PartyType.NATURAL_PERSON, party_name="马建华",
                             id_number=_id("50011319750101123"), occurred_date=days(40), filed_date=days(38),
                             officers=sz)
    services.case_investigate(actor=officer, case=c, date=days(35), findings="广告牌占道", certificates_shown=True)
    services.case_notify(actor=officer, case=c, date=days(30), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("800"))
    services.case_decide(actor=officer, case=c, date=days(16), party_present=False)
    # Simple-procedure fine of last week: payment and publicity due soon.
    services.case_create_simple(actor=officer, unit=units["shizheng"], matter=garbage, violation="随意倾倒生活垃圾",
                                party_type=PartyType.NATURAL_PERSON, party_name="刘小军",
                                occurred_date=days(4), decided_date=days(4), officers=sz,
                                penalty_type=PenaltyType.FINE, fine_amount=Decimal("100"))
    # Filed recently, under investigation.
    services.case_create(actor=officer, unit=units["zhifaban"], violation="未经批准擅自搭建构筑物",
                         party_type=PartyType.NATURAL_PERSON, party_name="陈国富",
                         id_number=_id("50011319680815123"), occurred_date=days(12), filed_date=days(10),
                         officers=zf)
