"""Demo records of 丰盛镇: the 2023 catalogue and its major decisions, each through public
participation, the legal counsel's opinion and the 丰盛司法所's review (seed 一(四)), and open 2026
decisions whose clocks show on the workbench. Created through the services; idempotent."""

import datetime

from django.utils import timezone

from . import services
from .models import Decision

D = datetime.date
COUNSEL = "重庆渝万律师事务所(镇法律顾问)"


def _walk(town, u, *, title, category, unit, start, upto="archived", expert=True, risk=True):
    clerk, reviewer, leader = u["fengsheng_clerk"], u["fengsheng_reviewer"], u["fengsheng_leader"]
    day = lambda n: start + datetime.timedelta(days=n)  # noqa: E731
    d = services.decision_create(actor=clerk, town=town, title=title, category=category, started_on=start,
                                 sponsor_unit=unit)
    d = services.decision_open_consultation(actor=clerk, decision=d, start=day(3), end=day(35), date=day(3))
    if upto == "consulting":
        return d
    if expert:
        d = services.decision_expert_opinion(actor=clerk, decision=d, date=day(20),
                                             opinion="组织3名专家论证,方案技术可行,建议分步实施。")
    else:
        d = services.decision_expert_opinion(actor=clerk, decision=d, date=day(20), not_required="事项专业性、技术性不强。")
    if risk:
        d = services.decision_risk_assessment(actor=clerk, decision=d, date=day(25), level="低",
                                              opinion="社会稳定风险评估为低风险,可以实施。")
    else:
        d = services.decision_risk_assessment(actor=clerk, decision=d, date=day(25), not_required="不涉及群众切身利益调整。")
    d = services.decision_close_consultation(actor=clerk, decision=d, date=day(36), comments_received=12,
                                             comments_adopted=5, reply="采纳5条,未采纳意见已逐条说明理由。")
    d = services.decision_counsel_opinion(actor=clerk, decision=d, date=day(38), counsel=COUNSEL,
                                          opinion="决策事项在本镇职权范围内,程序符合规定,建议完善补偿条款。")
    d = services.decision_submit_review(actor=clerk, decision=d, date=day(40))
    if upto == "reviewing":
        return d
    d = services.decision_legality_review(actor=reviewer, decision=d, result="pass", date=day(47),
                                          opinion="主体适格、程序完备、内容合法,同意提交集体讨论。")
    d = services.decision_collective_discussion(actor=leader, decision=d, result="pass", date=day(52),
                                                meeting="镇政府常务会议", minutes="与会人员一致同意;无不同意见。")
    d = services.decision_decide(actor=leader, decision=d, date=day(53), text="同意实施。")
    d = services.decision_publish(actor=clerk, decision=d, date=day(56), channel="巴南区政府网站丰盛镇专栏")
    d = services.decision_archive(actor=clerk, decision=d, date=day(70))
    return d


def load(world):
    town = world.fengsheng
    if Decision.objects.filter(town=town).exists():
        return
    u = world.users
    clerk = u["fengsheng_clerk"]
    catalogue = services.catalogue_create(actor=clerk, town=town, year=2023, note="经镇党委会议研究同意")
    services.catalogue_approve(actor=clerk, catalogue=catalogue, date=D(2023, 2, 10))
    services.catalogue_publish(actor=clerk, catalogue=catalogue, date=D(2023, 2, 15))
    _walk(town, u, title="丰盛古镇保护与旅游开发规划(2023—2030年)", category="plan", unit="经济发展办公室",
          start=D(2023, 3, 1))
    _walk(town, u, title="丰盛场镇污水管网改造工程", category="project", unit="建设管理环保办", start=D(2023, 5, 8))
    _walk(town, u, title="丰盛镇农村生活垃圾分类收运实施方案", category="policy", unit="市政中队", start=D(2023, 8, 1),
          expert=False)
    today = timezone.localdate()
    _walk(town, u, title="丰盛镇2027年民生实事项目", category="other", unit="党政办公室",
          start=today - datetime.timedelta(days=20), upto="consulting", risk=False)
    _walk(town, u, title="丰盛镇场镇停车秩序管理方案", category="policy", unit="综合行政执法办公室",
          start=today - datetime.timedelta(days=48), upto="reviewing", risk=False)
