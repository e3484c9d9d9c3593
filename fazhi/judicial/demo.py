"""Demo records of 丰盛镇: none of interference, litigation, reconsideration, adjudication or
arbitration in 2023 (seed 一(五)(六)), with every unit's quarterly zero-report; a few of each in
2022 and 2024, so that "none in 2023" is a computed answer; and open cases of the last weeks so
that the workbench shows their clocks."""

import datetime

from django.db import transaction

from fazhi.core import clocks
from fazhi.core.models import Unit

from . import services
from .models import LitigationCase, ZeroReport
from .selectors import quarter_bounds

D = datetime.date


def _zero_reports(actor, town, year, skip=(), upto=None):
    for unit in Unit.objects.filter(town=town).order_by("name"):
        for quarter in (1, 2, 3, 4):
            last = quarter_bounds(year, quarter)[1]
            if (unit.slug, quarter) in skip or (upto and last >= upto):
                continue
            services.zero_report_confirm(actor=actor, town=town, unit=unit, year=year, quarter=quarter,
                                         on=last + datetime.timedelta(days=3))


@transaction.atomic
def load(world):
    town = world.fengsheng
    if LitigationCase.objects.filter(town=town).exists() or ZeroReport.objects.filter(town=town).exists():
        return
    clerk = world.users["fengsheng_clerk"]
    unit = {u.slug: u for u in Unit.objects.filter(town=town)}

    # --- 2022 -----------------------------------------------------------------------------
    services.interference_record(
        actor=clerk, town=town, unit=unit["shizheng"], occurred_on=D(2022, 8, 16), official_name="某村干部",
        official_position="村委会副主任", case_reference="(2022)渝0113民初3312号 相邻关系纠纷",
        conduct="为一方当事人向承办法官打招呼、过问案件进展", handling="notified",
        handling_detail="如实记录并报区纪委监委,在全镇干部大会上通报", handled_on=D(2022, 8, 25))
    _zero_reports(clerk, town, 2022, skip={("shizheng", 3)})
    case = services.litigation_create(actor=clerk, town=town, court="重庆市巴南区人民法院",
                                      case_number="(2022)渝0113行初58号", plaintiff="陈某", cause="不服限期拆除决定",
                                      served_date=D(2022, 5, 10))
    services.litigation_answer(actor=clerk, case=case, on=D(2022, 5, 20))
    services.litigation_hear(actor=clerk, case=case, hearing_date=D(2022, 6, 28), appearance="principal",
                             appearer_name="刘建国", appearer_position="镇长")
    services.litigation_close(actor=clerk, case=case, closed_on=D(2022, 8, 3), outcome="maintained",
                              result_detail="驳回原告诉讼请求")
    recon = services.reconsideration_create(actor=clerk, town=town, authority="重庆市巴南区人民政府",
                                            case_number="巴南府复〔2022〕41号", applicant="周某",
                                            act_challenged="政府信息公开申请答复", procedure="summary",
                                            concerns_disclosure=True, served_date=D(2022, 9, 13))
    services.reconsideration_reply(actor=clerk, case=recon, on=D(2022, 9, 19))
    services.reconsideration_decide(actor=clerk, case=recon, decided_on=D(2022, 10, 20), outcome="maintained",
                                    decision_detail="维持原答复")
    adj = services.resolution_create(actor=clerk, town=town, kind="adjudication", case_number="丰府裁〔2022〕1号",
                                     body="丰盛镇人民政府", parties="双碑村甲组、乙组", matter="林地使用权权属争议",
                                     received_on=D(2022, 3, 8))
    services.resolution_conclude(actor=clerk, case=adj, concluded_on=D(2022, 5, 30), result="作出处理决定,确认归甲组使用")

    # --- 2023: nothing to record, every unit confirms every quarter -------------------------------
    _zero_reports(clerk, town, 2023)

    # --- 2024 -----------------------------------------------------------------------------
    services.interference_record(
        actor=clerk, town=town, unit=unit["zhifaban"], occurred_on=D(2024, 4, 9), official_name="某站所负责人",
        official_position="站长", case_reference="(2024)渝0113民初1208号 劳务合同纠纷",
        conduct="以单位名义向法院出具说情函", handling="accountable",
        handling_detail="记录在案,移送区纪委监委,给予诫勉谈话", handled_on=D(2024, 5, 6))
    _zero_reports(clerk, town, 2024, skip={("zhifaban", 2)})
    lost = services.litigation_create(actor=clerk, town=town, court="重庆市巴南区人民法院",
                                      case_number="(2024)渝0113行初112号", plaintiff="某建材公司", party_is_organisation=True,
                                      cause="不服责令停产停业决定", served_date=D(2024, 9, 20))
    services.litigation_answer(actor=clerk, case=lost, on=D(2024, 10, 8))
    services.litigation_hear(actor=clerk, case=lost, hearing_date=D(2024, 11, 19), appearance="staff",
                             appearer_name="王强", appearer_position="综合行政执法办公室执法队员",
                             absence_reason="duty", absence_detail="镇长当日参加区防汛抗旱紧急会议,已提交盖章说明")
    services.litigation_close(actor=clerk, case=lost, closed_on=D(2024, 12, 20), outcome="corrected", lost=True,
                              result_detail="撤销被诉决定(程序违法)")
    ogi = services.litigation_create(actor=clerk, town=town, court="重庆市巴南区人民法院",
                                     case_number="(2024)渝0113行初140号", plaintiff="周某",
                                     cause="政府信息公开", served_date=D(2024, 11, 25), concerns_disclosure=True,
                                     after_reconsideration=True)
    services.litigation_answer(actor=clerk, case=ogi, on=D(2024, 12, 6))
    services.litigation_hear(actor=clerk, case=ogi, hearing_date=D(2025, 1, 14), appearance="deputy",
                             appearer_name="张副镇长", appearer_position="副镇长")
    services.litigation_close(actor=clerk, case=ogi, closed_on=D(2025, 2, 27), outcome="maintained")
    recon = services.reconsideration_create(actor=clerk, town=town, authority="重庆市巴南区人民政府",
                                            case_number="巴南府复〔2024〕77号", applicant="周某",
                                            act_challenged="政府信息公开申请答复(不予公开)", procedure="summary",
                                            concerns_disclosure=True, served_date=D(2024, 9, 27))
    services.reconsideration_reply(actor=clerk, case=recon, on=D(2024, 10, 10))
    services.reconsideration_decide(actor=clerk, case=recon, decided_on=D(2024, 10, 28), outcome="maintained")
    arb = services.resolution_create(actor=clerk, town=town, kind="arbitration", case_number="渝巴劳人仲案字〔2024〕633号",
                                     body="巴南区劳动人事争议仲裁委员会", parties="李某与丰盛镇某养殖场",
                                     matter="追索劳动报酬", received_on=D(2024, 6, 3))
    services.resolution_conclude(actor=clerk, case=arb, concluded_on=D(2024, 7, 26), result="调解结案")

    # --- open cases of the last weeks: their clocks show on the workbench -------------------------
    today = clocks.today()
    _zero_reports(clerk, town, today.year, upto=today - datetime.timedelta(days=40))
    services.litigation_create(actor=clerk, town=town, court="重庆市巴南区人民法院",
                               case_number=f"({today.year})渝0113行初{300 + today.month}号", plaintiff="黄某",
                               cause="不服房屋征收补偿决定", served_date=today - datetime.timedelta(days=9))
    services.reconsideration_create(actor=clerk, town=town, authority="重庆市巴南区人民政府",
                                    case_number=f"巴南府复〔{today.year}〕{200 + today.month}号", applicant="吴某",
                                    act_challenged="责令限期拆除违法建筑决定",
                                    served_date=today - datetime.timedelta(days=18))
