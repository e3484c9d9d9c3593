"""Demo records of 政府信息公开 for 丰盛镇: the 2023 year (proactive items and requests across
several reply types, one with a correction, one with an extension, one carried into 2024), and a
few open cases of the last weeks so that the workbench shows clocks due soon and overdue.
Everything goes through the services, so it carries its audit events. Idempotent."""

import datetime

from django.utils import timezone

from . import services
from .models import DisclosureRequest

D = datetime.date.fromisoformat

PERSONS = [
    ("王建华", "500113198203150018", "13908310001"),
    ("李秀英", "500113197507220027", "13908310002"),
    ("陈德明", "500113196011080035", "13908310003"),
    ("刘芳", "500113199001010046", "13908310004"),
]
COMPANY = ("重庆丰盛建材有限公司", "91500113MA5U1234X0", "023-66451234")


def _fix_id(value: str) -> str:
    from fazhi.core.personal import id_number_check_char

    return value[:17] + id_number_check_char(value[:17])


def _fix_credit(value: str) -> str:
    from fazhi.core.personal import credit_code_check_char

    return value[:17] + credit_code_check_char(value[:17])


def _person(i, **extra):
    name, id_number, phone = PERSONS[i]
    return {"applicant_type": "natural_person", "applicant_name": name, "id_number": _fix_id(id_number),
            "phone": phone, "address": "重庆市巴南区丰盛镇", **extra}


def _company(**extra):
    name, code, phone = COMPANY
    return {"applicant_type": "legal_person", "org_kind": "commercial", "applicant_name": name,
            "credit_code": _fix_credit(code), "phone": phone, **extra}


def load(world):
    town = world.fengsheng
    if DisclosureRequest.objects.filter(town=town).exists():
        return
    u = world.users
    clerk, leader, reviewer = u["fengsheng_clerk"], u["fengsheng_leader"], u["fengsheng_reviewer"]

    # --- 2023 proactive items (第二十六条) --------------------------------------------------
    items = [
        ("丰盛镇2023年部门预算公开", "budget", "2023-02-10", "2023-02-20", ""),
        ("丰盛镇2023年惠民惠农财政补贴资金发放情况(第一批)", "subsidies", "2023-04-03", "2023-04-14",
         "发放对象:户主:张大山,补贴金额1200元;联系电话13800001234。"),
        ("丰盛镇综合行政执法权力事项清单", "enforcement", "2023-05-08", "2023-05-19", ""),
        ("丰盛镇2023年公益性岗位招聘公告", "recruitment", "2023-06-01", "2023-06-05", ""),
        ("丰盛镇2022年度部门决算公开", "budget", "2023-08-14", "2023-09-25", ""),  # late: 20 WD end 09-11
        ("丰盛镇防汛抗旱应急预案", "emergency", "2023-09-04", "2023-09-08", ""),
    ]
    for title, category, formed, published, content in items:
        item = services.item_create(actor=clerk, town=town, title=title, category=category, formed_date=D(formed),
                                    content=content or f"{title}全文。")
        services.item_publish(actor=clerk, item=item, date=D(published))

    # --- 2023 requests --------------------------------------------------------------------
    def reg(data):
        return services.request_register(actor=clerk, town=town, data=data)

    # 予以公开, in person.
    r = reg(_person(0, channel="in_person", received_date=D("2023-03-06"), content="丰盛镇2022年农村道路硬化项目招标结果"))
    services.request_reply(actor=clerk, request=r, date=D("2023-03-20"), reply_type="disclosed",
                           released_text="中标单位:重庆某路桥公司;项目负责人:赵国庆,电话13700002222。")
    services.request_deliver(actor=clerk, request=r, date=D("2023-03-21"), method="post")
    services.request_close(actor=clerk, request=r, date=D("2023-03-28"))

    # 补正 → 收到补正 → 予以公开 (第三十条).
    r = reg(_person(1, channel="post", arrived_date=D("2023-04-10"), received_date=D("2023-04-11"),
                    content="关于我村土地的文件"))
    services.request_request_correction(actor=clerk, request=r, date=D("2023-04-14"),
                                        items="请写明所需文件的名称、文号或所涉地块的村组名称。", deadline=D("2023-04-28"))
    services.request_receive_correction(actor=clerk, request=r, date=D("2023-04-24"))
    services.request_reply(actor=clerk, request=r, date=D("2023-05-15"), reply_type="disclosed",
                           explanation="已提供白鹤村三组土地承包经营权确权公示结果。")
    services.request_deliver(actor=clerk, request=r, date=D("2023-05-16"), method="post")

    # 延长 (第三十三条第二款) → 部分公开 after a third-party consultation (第三十二条).
    r = reg(_company(channel="online", arrived_date=D("2023-06-05"), received_date=D("2023-06-06"),
                     content="丰盛镇2022年采石场安全生产检查记录"))
    services.request_consult(actor=clerk, request=r, date=D("2023-06-12"), kind="third_party",
                             party="重庆丰盛石材开采有限公司")
    services.request_consult_replied(actor=clerk, request=r, date=D("2023-06-26"), opinion="object")
    services.request_extend(actor=leader, request=r, date=D("2023-07-10"), workdays=15,
                            reason="涉及多个年度检查档案,需调取整理")
    services.request_reply(actor=clerk, request=r, date=D("2023-07-25"), reply_type="partial",
                           explanation="涉及第三方商业秘密的部分不予公开。", released_text="检查记录(节选)……")
    services.request_deliver(actor=clerk, request=r, date=D("2023-07-26"), method="email")

    # 不予公开 after the legal review.
    r = reg(_person(2, channel="in_person", received_date=D("2023-08-07"), content="镇党委会议讨论征地补偿方案的会议记录"))
    services.request_review_refusal(actor=reviewer, request=r, date=D("2023-08-21"), reason="process", agreed=True,
                                    opinion="会议记录属于过程性信息,同意不予公开。")
    services.request_reply(actor=clerk, request=r, date=D("2023-08-25"), reply_type="withheld", reason="process")

    # 无法提供: not held.
    r = reg(_person(3, channel="post", arrived_date=D("2023-09-11"), received_date=D("2023-09-12"),
                    content="巴南区2023年城市规划修编文件"))
    services.request_reply(actor=clerk, request=r, date=D("2023-09-26"), reply_type="unavailable", reason="not_held",
                           explanation="该信息由巴南区规划和自然资源局制作和保存。",
                           responsible_agency="重庆市巴南区规划和自然资源局")

    # 不予处理: a duplicate of the first request.
    r = reg(_person(0, channel="in_person", received_date=D("2023-10-16"), content="丰盛镇2022年农村道路硬化项目招标结果"))
    services.request_reply(actor=clerk, request=r, date=D("2023-10-23"), reply_type="not_processed", reason="duplicate",
                           explanation="本机关已于2023年3月20日就相同内容作出答复。")

    # 逾期不补正 → 视为放弃.
    r = reg(_person(1, channel="in_person", received_date=D("2023-11-06"), content="那个文件"))
    services.request_request_correction(actor=clerk, request=r, date=D("2023-11-08"),
                                        items="请写明所需政府信息的名称或特征性描述。", deadline=D("2023-11-17"))
    services.request_abandon(actor=clerk, request=r, date=D("2023-11-20"))

    # Withdrawn.
    r = reg(_company(channel="fax", arrived_date=D("2023-11-13"), received_date=D("2023-11-14"),
                     content="丰盛镇2023年政府采购合同"))
    services.request_withdraw(actor=clerk, request=r, date=D("2023-11-21"), note="申请人书面撤回")

    # A large request: processing fee by pages (国办函〔2020〕109号: 50 pages → 20 × 10 元 = 200 元), paid.
    r = reg(_company(channel="in_person", received_date=D("2023-12-04"), content="丰盛镇2018—2023年全部建设工程竣工验收资料"))
    services.request_fee_notice(actor=clerk, request=r, date=D("2023-12-06"), method="page", pages=50)
    services.request_fee_paid(actor=clerk, request=r, date=D("2023-12-11"))
    services.request_reply(actor=clerk, request=r, date=D("2023-12-22"), reply_type="disclosed")

    # Received late in 2023, replied in 2024: carried over.
    r = reg(_person(2, channel="in_person", received_date=D("2023-12-20"), content="丰盛镇2023年低保对象名单"))
    services.request_reply(actor=clerk, request=r, date=D("2024-01-12"), reply_type="partial",
                           released_text="低保对象:户主:陈小兵,身份证500113198001010011。")

    # --- open cases of the last weeks (workbench clocks due soon / overdue) -----------------
    today = timezone.localdate()
    reg(_person(3, channel="in_person", received_date=today - datetime.timedelta(days=33),
                content="丰盛镇2026年农村危房改造补助名单"))  # overdue
    reg(_company(channel="post", arrived_date=today - datetime.timedelta(days=22),
                 received_date=today - datetime.timedelta(days=21), content="丰盛镇2026年场镇管网改造工程合同"))
    late = reg(_person(1, channel="in_person", received_date=today - datetime.timedelta(days=12),
                       content="桥上村2026年集体经济收益分配方案"))
    services.request_consult(actor=clerk, request=late, date=today - datetime.timedelta(days=6),
                             kind="other_agency", party="巴南区农业农村委员会")
    services.request_register(actor=services.PUBLIC_ACTOR, town=town, data=_person(
        2, channel="online", arrived_date=today - datetime.timedelta(days=1), received_date=None,
        content="丰盛镇2026年秸秆禁烧巡查记录"))
    services.item_create(actor=clerk, town=town, title="丰盛镇2026年第三季度财政收支情况", category="budget",
                         formed_date=today - datetime.timedelta(days=30))
    services.item_create(actor=clerk, town=town, title="丰盛镇冬季森林防火通告", category="emergency",
                         formed_date=today - datetime.timedelta(days=3))
