"""丰盛镇 2023: each enforcing unit's 普法责任清单 and its legal-publicity activities, including the
key dates (国家安全教育日, 民法典宣传月, 宪法宣传周)."""

import datetime

from django.db import transaction

from fazhi.core.models import Unit

from . import services
from .models import Activity

D = datetime.date.fromisoformat

RESPONSIBILITIES = [
    ("zhifaban", "《中华人民共和国行政处罚法》《中华人民共和国城乡规划法》", "执法过程中释法说理,开展以案释法", "辖区群众、经营户"),
    ("yingjiban", "《中华人民共和国安全生产法》《中华人民共和国消防法》", "企业安全生产培训、安全生产月宣传", "辖区生产经营单位"),
    ("shizheng", "《城市市容和环境卫生管理条例》《重庆市市容环境卫生管理条例》", "场镇商户普法、门前三包宣传", "场镇商户、居民"),
    ("wenhua", "《中华人民共和国未成年人保护法》《互联网上网服务营业场所管理条例》", "文化市场经营者普法、青少年普法", "文化经营单位、学生"),
]

ACTIVITIES = [
    ("yingjiban", "2023-04-15", "全民国家安全教育日宣传", "丰盛场镇广场", "辖区群众", 260, 800),
    ("zhifaban", "2023-05-12", "民法典宣传月进村社", "双碑村便民服务中心", "村民", 120, 400),
    ("wenhua", "2023-05-26", "民法典与未成年人保护", "丰盛小学", "学生、家长", 300, 500),
    ("yingjiban", "2023-06-16", "安全生产月法律咨询", "丰盛场镇", "生产经营单位", 80, 300),
    ("shizheng", "2023-08-09", "市容环境卫生法规进商户", "丰盛老街", "商户", 65, 150),
    ("zhifaban", "2023-12-04", "国家宪法日宪法宣传", "丰盛镇政府广场", "干部群众", 350, 1000),
    ("wenhua", "2023-12-06", "宪法宣传周·宪法进校园", "丰盛中学", "学生", 420, 600),
]


def load(world):
    town = world.fengsheng
    if Activity.objects.filter(town=town).exists():
        return
    actor = world.users["fengsheng_clerk"]
    units = {u.slug: u for u in Unit.objects.filter(town=town)}
    with transaction.atomic():
        for slug, laws, content, audience in RESPONSIBILITIES:
            services.responsibility_create(actor=actor, unit=units[slug], year=2023, laws=laws, content=content,
                                           audience=audience)
        for slug, day, theme, place, audience, people, materials in ACTIVITIES:
            services.activity_create(actor=actor, unit=units[slug], date=D(day), theme=theme, place=place,
                                     audience=audience, participants=people, materials=materials)
