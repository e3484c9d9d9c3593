"""Demo records of 丰盛镇 (seed 二): the 党委书记 and 镇长, the meetings that studied rule-of-law
work in 2023, and their year-end 述职述法; a meeting and debriefs in 2024."""

import datetime

from django.db import transaction

from . import services
from .models import ResponsiblePerson

D = datetime.date


@transaction.atomic
def load(world):
    town = world.fengsheng
    if ResponsiblePerson.objects.filter(town=town).exists():
        return
    clerk = world.users["fengsheng_clerk"]
    secretary = services.person_create(actor=clerk, town=town, name="王明", title="secretary", from_date=D(2021, 9, 1))
    head = services.person_create(actor=clerk, town=town, name="刘建国", title="head", from_date=D(2021, 9, 1))
    meetings = [
        (D(2023, 2, 20), "party_committee", "研究部署2023年法治政府建设工作",
         "印发《丰盛镇2023年法治政府建设工作要点》,明确主要领导亲自抓、分管领导负责抓、职能部门具体抓", ["oversee"], secretary),
        (D(2023, 5, 18), "government", "研究重大行政决策程序和法律顾问工作",
         "重大行政决策均须征求镇法律顾问意见并经司法所合法性审查后集体讨论", ["decisions"], head),
        (D(2023, 9, 15), "leading_group", "专题研究依法行政监督和行政机关负责人出庭应诉工作",
         "建立负责人出庭应诉台账;支持人大、政协监督,班子成员年终述法", ["supervision"], secretary),
        (D(2024, 3, 5), "party_committee", "研究部署2024年法治政府建设工作", "印发2024年工作要点", ["oversee"], secretary),
    ]
    for date, body, topic, decision, duties, chair in meetings:
        services.meeting_create(actor=clerk, town=town, date=date, body=body, topic=topic, decision=decision,
                                duties=duties, chaired_by=chair)
    for year, date in ((2023, D(2023, 12, 27)), (2024, D(2024, 12, 26))):
        for person in (secretary, head):
            services.debrief_create(actor=clerk, person=person, year=year, date=date, includes_rule_of_law=True,
                                    summary=f"{person.get_title_display()}履行推进法治建设第一责任人职责情况:"
                                            "亲自部署法治建设工作,带头学法,落实负责人出庭应诉")
