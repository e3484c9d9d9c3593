"""Demo safety records: 丰盛镇 2023 patrols, hazards rectified (two late), two 一般 accidents and
no accident of grade 较大 or above; open hazards of the last weeks."""

import datetime

from django.db import transaction
from django.utils import timezone

from . import services
from .models import Patrol

ROUTES = ["场镇—双碑村—白鹤村", "场镇老街—农贸市场", "桥上村—丰盛社区", "学校周边—场镇主干道"]


@transaction.atomic
def load(world):
    town = world.fengsheng
    if Patrol.objects.filter(town=town).exists():
        return
    clerk = world.users["fengsheng_clerk"]
    villages = list(town.villages.order_by("id"))
    for n in range(52):
        day = datetime.date(2023, 1, 6) + datetime.timedelta(days=7 * n)
        patrol = services.patrol_create(
            actor=clerk, town=town, date=day, route=ROUTES[n % len(ROUTES)],
            kind=Patrol.Kind.POLICE if n % 2 else Patrol.Kind.JOINT,
            participants="丰盛派出所民警2人、平安办工作人员2人、网格员1人", people_count=5,
            findings="发现安全隐患1处" if n % 3 == 0 else "")
        if n % 3 == 0:
            hazard = services.hazard_create(
                actor=clerk, town=town, found_date=day, title="消防通道堆放杂物", location=ROUTES[n % len(ROUTES)],
                responsible="沿街商户", rectify_days=7, village=villages[n % len(villages)], patrol=patrol)
            late = n in (9, 30)
            services.hazard_rectify(actor=clerk, hazard=hazard, rectification="已清理杂物,恢复通道。",
                                    date=day + datetime.timedelta(days=12 if late else 5))
    services.accident_create(actor=clerk, town=town, date=datetime.date(2023, 4, 18), title="农用车侧翻",
                             serious_injuries=1, direct_loss=32000, village=villages[1])
    services.accident_create(actor=clerk, town=town, date=datetime.date(2023, 9, 2), title="施工工地高处坠落",
                             serious_injuries=1, direct_loss=85000, village=villages[0])
    today = timezone.localdate()
    for ago, days, title in ((20, 15, "桥上村危岩监测点围挡破损"), (12, 7, "场镇液化气点消防器材过期"),
                             (4, 30, "白鹤村山坪塘堤坝渗水")):
        services.hazard_create(actor=clerk, town=town, found_date=today - datetime.timedelta(days=ago), title=title,
                               responsible="应急管理办公室", rectify_days=days, village=villages[ago % len(villages)])
    services.patrol_create(actor=clerk, town=town, date=today - datetime.timedelta(days=2), route=ROUTES[0],
                           participants="派出所民警2人、平安办2人", people_count=4)
