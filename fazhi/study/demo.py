"""Demo records of 丰盛镇 (seed 一(一)): the roster, the 2023 plan with 宪法、习近平法治思想学习纲要、
民法典, sessions of the forms the report names, the required online course completed by every
required official (100 %, one joiner and one leaver among them), exam results; a few records in
2022 and 2024."""

import datetime

from django.db import transaction

from fazhi.core.models import Unit

from . import services
from .models import Official

D = datetime.date

ROSTER = [
    # name, unit slug, position, joined, left, required
    ("王明", "dangzhengban", "党委书记", D(2021, 9, 1), None, True),
    ("刘建国", "dangzhengban", "镇长", D(2021, 9, 1), None, True),
    ("张晓东", "dangzhengban", "副镇长", D(2019, 3, 1), None, True),
    ("李娜", "dangzhengban", "党政办主任", D(2018, 7, 1), None, True),
    ("王强", "zhifaban", "执法队员", D(2020, 4, 1), None, True),
    ("何平", "zhifaban", "综合行政执法办公室主任", D(2017, 1, 1), None, True),
    ("陈静", "sifasuo", "司法所所长", D(2016, 5, 1), None, True),
    ("张德明", "sifasuo", "人民调解员", D(2015, 9, 1), None, True),
    ("杨帆", "yingjiban", "应急办主任", D(2020, 1, 1), None, True),
    ("罗丹", "wenhua", "文化服务中心主任", D(2019, 8, 1), None, True),
    ("邓飞", "shizheng", "市政中队队长", D(2018, 3, 1), None, True),
    ("赵敏", "shehui", "社会事务办干部", D(2023, 7, 3), None, True),      # joined mid-2023
    ("孙涛", "pingan", "平安办干部", D(2016, 2, 1), D(2023, 6, 30), True),  # left mid-2023
    ("钱小芳", "dangzhengban", "公益性岗位人员", D(2022, 3, 1), None, False),
]

SESSIONS_2023 = [
    (D(2023, 2, 15), "party_committee", "镇党委会议会前学法:宪法", "宪法", "王明"),
    (D(2023, 4, 20), "central_group", "理论学习中心组专题学习习近平法治思想", "习近平法治思想学习纲要", "王明"),
    (D(2023, 6, 28), "party_day", "七一主题党日:学习民法典", "民法典", "陈静"),
    (D(2023, 9, 12), "pre_meeting", "政府常务会议会前学法:行政复议法修订", "行政复议法", "陈静"),
    (D(2023, 11, 8), "lecture", "法律顾问专题讲座:行政执法程序", "行政处罚法、行政强制法", "重庆某律师事务所律师"),
    (D(2023, 12, 4), "party_day", "宪法宣传周主题党日", "宪法", "李娜"),
]


def _attend(actor, session, people, absent=None):
    for official in people:
        if not official.on_staff(session.date):
            continue
        if absent and official.name in absent:
            services.attendance_record(actor=actor, session=session, official=official, present=False,
                                       absence_reason=absent[official.name])
        else:
            services.attendance_record(actor=actor, session=session, official=official, present=True)


@transaction.atomic
def load(world):
    town = world.fengsheng
    if Official.objects.filter(town=town).exists():
        return
    clerk = world.users["fengsheng_clerk"]
    units = {u.slug: u for u in Unit.objects.filter(town=town)}
    people = [services.official_create(actor=clerk, town=town, name=n, unit=units[u], position=p, joined_on=j,
                                       left_on=left, required=r) for n, u, p, j, left, r in ROSTER]
    cadres = [o for o in people if o.required]

    # 2022
    s = services.session_create(actor=clerk, town=town, date=D(2022, 4, 14), form="central_group",
                                title="理论学习中心组学习宪法修正案", texts="宪法", speaker="王明")
    _attend(clerk, s, cadres)
    c22 = services.course_create(actor=clerk, town=town, year=2022, title="学习贯彻习近平法治思想(2022)")
    for o in cadres:
        if o.on_staff(D(2022, 10, 1)) and o.name != "邓飞":
            services.completion_record(actor=clerk, course=c22, official=o, completed_on=D(2022, 10, 1))

    # 2023
    services.plan_create(actor=clerk, town=town, year=2023, title="丰盛镇党委理论学习中心组2023年学习计划",
                         texts="宪法、习近平法治思想学习纲要、民法典、行政复议法", adopted_on=D(2023, 1, 18))
    for date, form, title, texts, speaker in SESSIONS_2023:
        s = services.session_create(actor=clerk, town=town, date=date, form=form, title=title, texts=texts,
                                    speaker=speaker)
        _attend(clerk, s, cadres, absent={"杨帆": "参加区应急演练"} if form == "pre_meeting" else None)
    course = services.course_create(actor=clerk, town=town, year=2023, title="习近平法治思想专题必修课")
    for i, o in enumerate(cadres):
        if o.left_on and o.left_on.year == 2023:
            continue  # left before completing: not counted in 2023
        completed = max(D(2023, 9, 1) + datetime.timedelta(days=i * 3), (o.joined_on or D(2023, 1, 1)) + datetime.timedelta(days=30))
        services.completion_record(actor=clerk, course=course, official=o, completed_on=completed)
    for o in cadres:
        if o.on_staff(D(2023, 10, 20)):
            services.exam_record(actor=clerk, town=town, official=o, exam_name="2023年度国家工作人员学法考试",
                                 exam_date=D(2023, 10, 20), score=85 + (len(o.name) * 3) % 15, passed=True)

    # 2024
    services.plan_create(actor=clerk, town=town, year=2024, title="丰盛镇党委理论学习中心组2024年学习计划",
                         texts="宪法、习近平法治思想学习纲要、民法典", adopted_on=D(2024, 1, 22))
    s = services.session_create(actor=clerk, town=town, date=D(2024, 3, 12), form="party_committee",
                                title="镇党委会议学法:行政复议法(2023修订)", texts="行政复议法", speaker="陈静")
    _attend(clerk, s, cadres)
    s = services.session_create(actor=clerk, town=town, date=D(2024, 10, 16), form="court_hearing",
                                title="旁听行政诉讼案件庭审", texts="行政诉讼法", speaker="")
    _attend(clerk, s, cadres[:6])
    c24 = services.course_create(actor=clerk, town=town, year=2024, title="习近平法治思想专题必修课(2024)")
    for o in cadres:
        if o.on_staff(D(2024, 11, 1)) and o.name not in ("罗丹", "邓飞"):
            services.completion_record(actor=clerk, course=c24, official=o, completed_on=D(2024, 11, 1))
