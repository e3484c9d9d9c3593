"""The demo district (巴南区) with 丰盛镇 and 木洞镇: organisation, units, linkage bodies and one
user per role per town. Idempotent: running it again changes nothing that exists.

Module apps add their own demo records through ``DEMO_LOADERS`` (see ``load_demo``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from . import orgs
from .models import District, Grid, LinkageBody, Role, Town, Unit, User, Village

DEMO_PASSWORD = "Fazhi@2023"

DISTRICT = {"slug": "banan", "name": "巴南区", "code": "500113000000"}

TOWNS = {
    "fengsheng": {
        "name": "丰盛镇",
        "government_name": "重庆市巴南区丰盛镇人民政府",
        "villages": [
            ("fengsheng-shequ", "丰盛社区", Village.Kind.COMMUNITY),
            ("shuangbei", "双碑村", Village.Kind.VILLAGE),
            ("baihe", "白鹤村", Village.Kind.VILLAGE),
            ("qiaoshang", "桥上村", Village.Kind.VILLAGE),
        ],
    },
    "mudong": {
        "name": "木洞镇",
        "government_name": "重庆市巴南区木洞镇人民政府",
        "villages": [
            ("mudong-shequ", "木洞社区", Village.Kind.COMMUNITY),
            ("zhongba", "中坝村", Village.Kind.VILLAGE),
            ("yangliu", "杨柳村", Village.Kind.VILLAGE),
        ],
    },
}

GRIDS_PER_VILLAGE = [("g1", "第一网格", 180), ("g2", "第二网格", 165)]

UNITS = [
    ("dangzhengban", "党政办公室", False),
    ("zhifaban", "综合行政执法办公室", True),
    ("yingjiban", "应急管理办公室", True),
    ("shizheng", "市政中队", True),
    ("wenhua", "文化服务中心", True),
    ("sifasuo", "司法所", False),
    ("pingan", "平安建设办公室", False),
    ("shehui", "社会事务办公室", False),
]

LINKAGE_BODIES = [
    ("巴南区人民法院", LinkageBody.Kind.COURT),
    ("重庆市公安局巴南区分局", LinkageBody.Kind.POLICE),
    ("巴南区信访办公室", LinkageBody.Kind.PETITION),
    ("巴南区人力资源和社会保障局", LinkageBody.Kind.HR),
    ("巴南区民政局", LinkageBody.Kind.CIVIL),
    ("巴南区司法局", LinkageBody.Kind.JUSTICE),
]

# role → (display name, unit slug, place: "town" | "grid")
TOWN_PERSONAS = {
    "leader": ("镇长", None, "town"),
    "reviewer": ("法制审核员", "sifasuo", "town"),
    "officer": ("执法队员", "zhifaban", "town"),
    "clerk": ("经办人", "dangzhengban", "town"),
    "mediator": ("调解员", "sifasuo", "town"),
    "grid": ("网格员", None, "grid"),
}

PERSONA_NAMES = {
    "fengsheng": {"leader": "刘建国", "reviewer": "陈静", "officer": "王强", "clerk": "李娜",
                  "mediator": "张德明", "grid": "赵小红"},
    "mudong": {"leader": "周海", "reviewer": "吴敏", "officer": "郑军", "clerk": "孙丽",
               "mediator": "钱永福", "grid": "冯雪"},
}


@dataclass
class World:
    district: District
    towns: dict[str, Town] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    @property
    def fengsheng(self) -> Town:
        return self.towns["fengsheng"]

    @property
    def mudong(self) -> Town:
        return self.towns["mudong"]


@transaction.atomic
def build_org(*, actor=None) -> World:
    district = orgs.district_ensure(actor=actor, **DISTRICT)
    world = World(district=district)
    for slug, spec in TOWNS.items():
        town = orgs.town_ensure(actor=actor, district=district, slug=slug, name=spec["name"],
                                government_name=spec["government_name"])
        world.towns[slug] = town
        for unit_slug, unit_name, enforces in UNITS:
            orgs.unit_ensure(actor=actor, town=town, slug=unit_slug, name=unit_name, enforces_law=enforces)
        for v_slug, v_name, kind in spec["villages"]:
            village = orgs.village_ensure(actor=actor, town=town, slug=v_slug, name=v_name, kind=kind)
            for g_slug, g_name, households in GRIDS_PER_VILLAGE:
                orgs.grid_ensure(actor=actor, village=village, slug=g_slug, name=g_name, households=households)
        orgs.linkage_body_ensure(actor=actor, district=district, town=town,
                                 name=f"重庆市公安局巴南区分局{spec['name']}派出所", kind=LinkageBody.Kind.POLICE)
    for name, kind in LINKAGE_BODIES:
        orgs.linkage_body_ensure(actor=actor, district=district, town=None, name=name, kind=kind)
    return world


@transaction.atomic
def build_users(world: World, *, actor=None, password: str = DEMO_PASSWORD) -> dict[str, User]:
    for slug, town in world.towns.items():
        first_grid = Grid.objects.filter(town=town).order_by("village__id", "id").select_related("village").first()
        for role, (_title, unit_slug, place) in TOWN_PERSONAS.items():
            username = f"{slug}_{role}"
            unit = Unit.objects.get(town=town, slug=unit_slug) if unit_slug else None
            kwargs = {"town": town}
            if place == "grid":
                kwargs = {"grid": first_grid}
            world.users[username] = orgs.user_ensure(
                actor=actor, username=username, password=password,
                display_name=PERSONA_NAMES[slug][role], roles=[role], unit=unit, **kwargs,
            )
    world.users["banan_supervisor"] = orgs.user_ensure(
        actor=actor, username="banan_supervisor", password=password, display_name="区司法局督察员",
        roles=[Role.SUPERVISOR], district=world.district,
    )
    world.users["admin"] = orgs.user_ensure(
        actor=actor, username="admin", password=password, display_name="系统管理员", roles=[], superuser=True,
    )
    return world.users


def demo_usernames() -> list[str]:
    names = [f"{town}_{role}" for town in TOWNS for role in TOWN_PERSONAS]
    return names + ["banan_supervisor", "admin"]
