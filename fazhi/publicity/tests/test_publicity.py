"""谁执法谁普法: key dates, services and their refusals, pages, portal, ledger, figures."""

import datetime
import io

import pytest

from fazhi.core import ledgers
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Unit
from fazhi.publicity import services
from fazhi.publicity.figures import figures
from fazhi.publicity.models import Activity, KeyDate, key_date_of

D = datetime.date.fromisoformat


@pytest.fixture
def units(world):
    return {u.slug: u for u in Unit.objects.filter(town=world.fengsheng)}


def add(users, unit, day, **kw):
    args = dict(actor=users["fengsheng_clerk"], unit=unit, date=D(day), theme="宪法进万家", place="镇广场",
                audience="群众", participants=100, materials=200)
    args.update(kw)
    return services.activity_create(**args)


@pytest.mark.parametrize("day,key", [
    ("2023-12-01", KeyDate.CONSTITUTION_WEEK), ("2023-12-04", KeyDate.CONSTITUTION_WEEK),
    ("2023-12-07", KeyDate.CONSTITUTION_WEEK), ("2023-12-08", KeyDate.OTHER), ("2023-11-30", KeyDate.OTHER),
    ("2023-05-01", KeyDate.CIVIL_CODE_MONTH), ("2023-05-31", KeyDate.CIVIL_CODE_MONTH),
    ("2023-04-15", KeyDate.NATIONAL_SECURITY_DAY), ("2023-04-16", KeyDate.OTHER),
])
def test_key_dates(day, key):
    assert key_date_of(D(day)) == key


def test_activity_is_recorded_with_its_key_date(users, units):
    a = add(users, units["zhifaban"], "2023-12-04")
    assert a.key_date == KeyDate.CONSTITUTION_WEEK and a.town_id == units["zhifaban"].town_id


def test_refusals(users, units, world):
    with pytest.raises(InvalidInput, match="执法职责"):
        add(users, units["dangzhengban"], "2023-12-04")
    with pytest.raises(DomainError, match="角色"):
        add(users, units["zhifaban"], "2023-12-04", actor=users["fengsheng_mediator"])
    with pytest.raises(DomainError, match="本镇街"):
        add(users, units["zhifaban"], "2023-12-04", actor=users["mudong_clerk"])
    with pytest.raises(InvalidInput, match="主题"):
        add(users, units["zhifaban"], "2023-12-04", theme=" ")
    with pytest.raises(InvalidInput, match="晚于今天"):
        add(users, units["zhifaban"], "2099-01-01")
    assert not Activity.objects.exists()


def test_figures_per_unit_and_key_dates(users, units, world):
    add(users, units["zhifaban"], "2023-12-04")
    add(users, units["zhifaban"], "2023-05-10")
    add(users, units["wenhua"], "2023-04-15")
    add(users, units["wenhua"], "2022-04-15")
    services.responsibility_create(actor=users["fengsheng_clerk"], unit=units["wenhua"], year=2023,
                                   laws="《未成年人保护法》", content="进校园")
    f = figures(world.fengsheng, 2023)
    assert f["publicity.activities"] == 3
    assert f["publicity.activities_by_unit"] == {"综合行政执法办公室": 2, "文化服务中心": 1}
    assert f["publicity.constitution_week"] == 1 and f["publicity.national_security_day"] == 1
    assert f["publicity.units_with_list"] == 1
    assert figures(world.mudong, 2023)["publicity.activities"] == 0
    from fazhi.core.figures import providers

    assert dict(providers())["publicity"] is figures


def test_pages_and_tenancy(client_as, client, users, units, world):
    add(users, units["zhifaban"], "2023-12-04", theme="丰盛宪法宣传")
    r = client_as("fengsheng_clerk").get("/publicity/")
    assert "丰盛宪法宣传" in r.content.decode()
    assert "丰盛宪法宣传" not in client_as("mudong_clerk").get("/publicity/").content.decode()
    assert "丰盛宪法宣传" in client.get(f"/portal/{world.fengsheng.slug}/publicity/").content.decode()
    assert "丰盛宪法宣传" not in client.get(f"/portal/{world.mudong.slug}/publicity/").content.decode()


def test_form_records_an_activity(client_as, units):
    r = client_as("fengsheng_clerk").post("/publicity/", {
        "unit": units["yingjiban"].pk, "date": "2023-04-15", "theme": "国家安全教育日", "place": "广场",
        "audience": "群众", "participants": 10, "materials": 5, "key_date": "auto"})
    assert r.status_code == 302
    assert Activity.objects.get().key_date == KeyDate.NATIONAL_SECURITY_DAY


def test_ledger_roundtrip_all_or_nothing(users, units, world):
    add(users, units["zhifaban"], "2023-12-04")
    ledger = ledgers.get("publicity.activities")
    content = ledgers.export_xlsx(ledger, ledger.export_rows(world.fengsheng))
    Activity.objects.all().delete()
    ledgers.import_xlsx(ledger, io.BytesIO(content), actor=users["fengsheng_clerk"], town=world.fengsheng,
                        create=lambda row: ledger.import_row(row, town=world.fengsheng,
                                                             actor=users["fengsheng_clerk"]))
    assert Activity.objects.get().theme == "宪法进万家"


def test_responsibility_form(client_as, units):
    from fazhi.publicity.models import Responsibility

    r = client_as("fengsheng_clerk").post("/publicity/responsibilities/", {
        "unit": units["shizheng"].pk, "year": 2023, "laws": "《城市市容和环境卫生管理条例》", "content": "进商户",
        "audience": "商户"})
    assert r.status_code == 302 and Responsibility.objects.get().unit == units["shizheng"]
    assert client_as("fengsheng_grid").post("/publicity/responsibilities/", {}).status_code == 404
