"""Demo records of 丰盛镇: documents issued before 2023 still in force, no document issued in 2023
(seed 一(三): 2023年未制订行政规范性文件), one cleanup round in 2023, and open 2026 documents whose
review and filing clocks show on the workbench. Created through the services; idempotent."""

import datetime

from django.utils import timezone

from . import services
from .models import NormativeDocument

D = datetime.date


def _walk(town, clerk, reviewer, leader, *, title, unit, drafted, number, upto="in_force", trial=False, summary=""):
    step = datetime.timedelta
    doc = services.document_create(actor=clerk, town=town, title=title, drafting_unit=unit, drafted_on=drafted,
                                   trial=trial, summary=summary)
    doc = services.document_submit_review(actor=clerk, document=doc, date=drafted + step(days=5))
    if upto == "reviewing":
        return doc
    doc = services.document_review(actor=reviewer, document=doc, result="pass", date=drafted + step(days=12),
                                   authority="以镇政府名义制定,属本镇职权范围。", procedure="已公开征求意见,程序完备。",
                                   content="未设定行政许可、处罚、强制,未减损权利或增加义务。", opinion="同意提交集体审议。")
    doc = services.document_deliberate(actor=leader, document=doc, date=drafted + step(days=15), meeting="镇政府常务会议")
    doc = services.document_publish(actor=clerk, document=doc, doc_number=number, date=drafted + step(days=18))
    if upto == "published":
        return doc
    doc = services.document_file(actor=clerk, document=doc, date=drafted + step(days=25))
    doc = services.document_filing_result(actor=clerk, document=doc, result="approved", date=drafted + step(days=50))
    return doc


def load(world):
    town = world.fengsheng
    if NormativeDocument.objects.filter(town=town).exists():
        return
    u = world.users
    clerk, reviewer, leader = u["fengsheng_clerk"], u["fengsheng_reviewer"], u["fengsheng_leader"]
    a = _walk(town, clerk, reviewer, leader, title="丰盛镇农村人居环境整治村规民约指导规定", unit="党政办公室",
              drafted=D(2019, 4, 8), number="丰府发〔2019〕12号")
    b = _walk(town, clerk, reviewer, leader, title="丰盛镇集镇市容和环境卫生管理办法", unit="市政中队",
              drafted=D(2022, 1, 10), number="丰府发〔2022〕1号")
    c = _walk(town, clerk, reviewer, leader, title="丰盛镇临时救助实施细则(试行)", unit="社会事务办公室",
              drafted=D(2022, 5, 9), number="丰府发〔2022〕9号", trial=True)
    old = _walk(town, clerk, reviewer, leader, title="丰盛镇农村土坯房改造补助管理办法", unit="社会事务办公室",
                drafted=D(2019, 1, 7), number="丰府发〔2019〕2号")
    # The 2023 cleanup round (规范性文件定期清理, RULES.md §5 [NF-37-5]).
    cleanup = services.cleanup_round_create(actor=clerk, town=town, title="2023年度行政规范性文件清理", date=D(2023, 10, 9))
    for doc in (a, b, c):
        services.document_clean_up(actor=clerk, document=doc, decision="keep", date=D(2023, 10, 20), round=cleanup)
    services.document_clean_up(actor=clerk, document=old, decision="repeal", date=D(2023, 10, 20), round=cleanup,
                               reason="土坯房改造任务已全部完成,文件已不适应工作需要。")
    # Policy documents of 2023 (政策性文件), each checked before issue.
    for number, title, unit, day in [
        ("丰府发〔2023〕15号", "丰盛镇2023年度安全生产工作要点", "应急管理办公室", D(2023, 3, 6)),
        ("丰府发〔2023〕27号", "丰盛镇2023年森林防火工作方案", "应急管理办公室", D(2023, 2, 13)),
        ("丰府办发〔2023〕8号", "丰盛镇2023年法治政府建设工作要点", "党政办公室", D(2023, 4, 10)),
    ]:
        services.policy_document_register(actor=reviewer, town=town, doc_number=number, title=title, issuing_unit=unit,
                                          issued_on=day, check_opinion="经审查,未设定行政许可、处罚、强制等事项,同意印发。")
    # Documents past their validity are marked expired, as the daily sweep would have done.
    services.expire_due(actor="演示数据", on=timezone.localdate())
    # Open documents of the last weeks, so that the workbench shows their clocks.
    today = timezone.localdate()
    _walk(town, clerk, reviewer, leader, title="丰盛镇农村集体经济组织财务管理规定", unit="财政办",
          drafted=today - datetime.timedelta(days=16), number="", upto="reviewing")
    _walk(town, clerk, reviewer, leader, title="丰盛镇城镇燃气安全管理暂行办法", unit="应急管理办公室",
          drafted=today - datetime.timedelta(days=45), number="丰府发〔2026〕3号", upto="published", trial=True)
