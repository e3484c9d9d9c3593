"""执法事项 and 裁量基准 kept by the town's leader or clerk: the services (each change audited,
each refusal changing nothing, a locked year's matters kept as they were) and the staff pages."""

from decimal import Decimal

import pytest

from fazhi.core import yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, Unit
from fazhi.enforcement import services
from fazhi.enforcement.models import Benchmark, Case, Circumstance, Matter, PenaltyType


def events(obj, action):
    return AuditEvent.objects.filter(action=action, object_id=str(obj.pk)).count()


def snapshot(obj):
    obj.refresh_from_db()
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


# --- services: matters ---------------------------------------------------------------------------


def test_clerk_registers_and_updates_a_matter(users, unit):
    clerk = users["fengsheng_clerk"]
    matter = services.matter_create(actor=clerk, unit=unit, name=" 违规设置户外广告 ", legal_basis="《广告法》第四十一条",
                                    category=Matter.Category.PENALTY, power_list_ref="XZCF-9")
    assert matter.name == "违规设置户外广告" and matter.town_id == unit.town_id
    assert events(matter, "matter.create") == 1
    services.matter_update(actor=clerk, matter=matter, name="违规设置户外广告牌", requires_legal_review=True,
                           power_list_ref=" XZCF-10 ")
    matter.refresh_from_db()
    assert (matter.name, matter.requires_legal_review, matter.power_list_ref) == ("违规设置户外广告牌", True, "XZCF-10")
    assert matter.legal_basis == "《广告法》第四十一条"  # left out: kept
    event = AuditEvent.objects.get(action="matter.update", object_id=str(matter.pk))
    assert "违规设置户外广告牌" in str(event.after) and "违规设置户外广告" in str(event.before)


@pytest.mark.parametrize("username,kwargs,error,match", [
    ("fengsheng_officer", {"name": "新名"}, DomainError, "角色不能修改执法事项"),
    ("fengsheng_reviewer", {"name": "新名"}, DomainError, "角色不能"),
    ("mudong_leader", {"name": "新名"}, DomainError, "本镇街"),
    ("banan_supervisor", {"name": "新名"}, DomainError, "角色不能"),
    ("fengsheng_leader", {"name": "  "}, InvalidInput, "事项名称"),
    ("fengsheng_leader", {"legal_basis": ""}, InvalidInput, "法律依据"),
    ("fengsheng_leader", {"category": "bogus"}, InvalidInput, "类别"),
])
def test_matter_update_refusals_change_nothing(users, matter, username, kwargs, error, match):
    before = snapshot(matter)
    with pytest.raises(error, match=match):
        services.matter_update(actor=users[username], matter=matter, **kwargs)
    assert snapshot(matter) == before
    assert events(matter, "matter.update") == 0


def test_matter_unit_must_be_an_enforcing_unit_of_the_town(users, world, matter):
    other = Unit.objects.get(town=world.mudong, slug="zhifaban")
    idle = Unit.objects.filter(town=world.fengsheng, enforces_law=False).first()
    for unit in (other, idle):
        with pytest.raises(InvalidInput, match="实施单位"):
            services.matter_update(actor=users["fengsheng_leader"], matter=matter, unit=unit)
    with pytest.raises(DomainError):
        services.matter_create(actor=users["fengsheng_leader"], unit=other, name="x", legal_basis="y")
    with pytest.raises(InvalidInput, match="实施单位"):
        services.matter_create(actor=users["fengsheng_leader"], unit=idle, name="x", legal_basis="y")
    with pytest.raises(DomainError, match="角色不能登记执法事项"):
        services.matter_create(actor=users["fengsheng_officer"], unit=matter.unit, name="x", legal_basis="y")
    assert Matter.objects.count() == 1


def test_a_matter_used_in_a_locked_year_is_kept(users, world, make_case, matter):
    make_case()  # filed 2023-03-06
    leader = users["fengsheng_leader"]
    services.matter_update(actor=leader, matter=matter, name="占道经营(修订)")  # 2023 still open
    yearlock.lock_year(actor=leader, town=world.fengsheng, year=2023, reason="报告已公布")
    before = snapshot(matter)
    with pytest.raises(DomainError, match="已锁定") as exc:
        services.matter_update(actor=leader, matter=matter, name="再改")
    assert "另行登记" in exc.value.message
    assert snapshot(matter) == before
    # A matter no locked case applied stays editable.
    fresh = services.matter_create(actor=leader, unit=matter.unit, name="新事项", legal_basis="依据")
    services.matter_update(actor=leader, matter=fresh, name="新事项二")


# --- services: benchmarks ------------------------------------------------------------------------


def test_benchmarks_create_and_update(users, matter):
    clerk = users["fengsheng_clerk"]
    minor = services.benchmark_create(actor=clerk, matter=matter, violation="擅自占道经营",
                                      circumstance=Circumstance.MINOR, penalty_type=PenaltyType.WARNING,
                                      description="首次违法")
    serious = services.benchmark_create(actor=clerk, matter=matter, violation="擅自占道经营",
                                        circumstance=Circumstance.SERIOUS, penalty_type=PenaltyType.FINE,
                                        fine_min="2000", fine_max="5000")
    assert serious.fine_min == Decimal("2000") and serious.town_id == matter.town_id
    assert events(minor, "benchmark.create") == 1
    services.benchmark_update(actor=clerk, benchmark=serious, fine_max=Decimal("8000"), description="屡教不改")
    serious.refresh_from_db()
    assert (serious.fine_min, serious.fine_max, serious.description) == (Decimal("2000"), Decimal("8000"), "屡教不改")
    assert serious.range_label == "罚款2000.00元至8000.00元"
    # From a fine to a warning: the range is cleared with it.
    services.benchmark_update(actor=clerk, benchmark=serious, penalty_type=PenaltyType.SUSPENSION, fine_min=None,
                              fine_max=None)
    serious.refresh_from_db()
    assert serious.penalty_type == PenaltyType.SUSPENSION and serious.fine_max is None
    assert events(serious, "benchmark.update") == 2


@pytest.mark.parametrize("kwargs,match", [
    ({"fine_min": Decimal("3000"), "fine_max": Decimal("100")}, "上限不能低于下限"),
    ({"fine_min": Decimal("-1")}, "负数"),
    ({"fine_max": None}, "罚款上限"),
    ({"penalty_type": PenaltyType.WARNING}, "只有罚款"),
    ({"circumstance": "awful"}, "情节"),
    ({"penalty_type": "bogus"}, "处罚种类"),
    ({"violation": " "}, "违法行为"),
    ({"circumstance": Circumstance.MINOR}, "同一违法行为、同一情节"),
])
def test_benchmark_update_refusals_change_nothing(users, matter, benchmark, kwargs, match):
    services.benchmark_create(actor=users["fengsheng_leader"], matter=matter, violation="擅自占道经营",
                              circumstance=Circumstance.MINOR, penalty_type=PenaltyType.WARNING)
    before = snapshot(benchmark)
    with pytest.raises(InvalidInput, match=match):
        services.benchmark_update(actor=users["fengsheng_leader"], benchmark=benchmark, **kwargs)
    assert snapshot(benchmark) == before
    assert events(benchmark, "benchmark.update") == 0


@pytest.mark.parametrize("username,match", [
    ("fengsheng_officer", "角色不能"), ("mudong_leader", "本镇街"), ("mudong_clerk", "本镇街"),
])
def test_benchmark_wrong_actor_refused(users, matter, benchmark, username, match):
    before = snapshot(benchmark)
    with pytest.raises(DomainError, match=match):
        services.benchmark_update(actor=users[username], benchmark=benchmark, fine_max=Decimal("9000"))
    with pytest.raises(DomainError, match=match):
        services.benchmark_create(actor=users[username], matter=matter, violation="其他", circumstance="minor",
                                  penalty_type=PenaltyType.WARNING)
    assert snapshot(benchmark) == before and Benchmark.objects.count() == 1


def test_benchmark_create_refusals_create_nothing(users, matter, benchmark):
    leader = users["fengsheng_leader"]
    with pytest.raises(InvalidInput, match="同一违法行为"):
        services.benchmark_create(actor=leader, matter=matter, violation="擅自占道经营",
                                  circumstance=Circumstance.ORDINARY, penalty_type=PenaltyType.FINE, fine_max=100)
    with pytest.raises(InvalidInput, match="上限不能低于下限"):
        services.benchmark_create(actor=leader, matter=matter, violation="新", circumstance=Circumstance.SERIOUS,
                                  penalty_type=PenaltyType.FINE, fine_min=500, fine_max=100)
    Matter.objects.filter(pk=matter.pk).update(active=False)
    matter.refresh_from_db()
    with pytest.raises(DomainError, match="已失效"):
        services.benchmark_create(actor=leader, matter=matter, violation="新", circumstance=Circumstance.SERIOUS,
                                  penalty_type=PenaltyType.WARNING)
    assert Benchmark.objects.count() == 1


def test_a_benchmark_applied_in_a_locked_year_is_kept(users, world, notified_case, benchmark):
    leader = users["fengsheng_leader"]
    services.benchmark_update(actor=leader, benchmark=benchmark, description="未用于案件前可改")
    Case.objects.filter(pk=notified_case.pk).update(benchmark=benchmark)
    yearlock.lock_year(actor=leader, town=world.fengsheng, year=2023, reason="报告已公布")
    before = snapshot(benchmark)
    with pytest.raises(DomainError, match="已锁定"):
        services.benchmark_update(actor=leader, benchmark=benchmark, fine_max=Decimal("9000"))
    assert snapshot(benchmark) == before


# --- staff pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["fengsheng_leader", "fengsheng_clerk"])
def test_managers_see_the_links_and_forms(client_as, matter, benchmark, username):
    client = client_as(username)
    html = client.get("/enforcement/officers/").content.decode()
    for url in ("/enforcement/matters/new/", f"/enforcement/matters/{matter.pk}/edit/", "/enforcement/benchmarks/new/",
                f"/enforcement/benchmarks/{benchmark.pk}/edit/", f"/enforcement/benchmarks/new/?matter={matter.pk}"):
        assert url in html
        assert client.get(url).status_code == 200


def test_others_see_no_links(client_as, matter):
    html = client_as("fengsheng_officer").get("/enforcement/officers/").content.decode()
    assert "占道经营" in html and "/enforcement/matters/new/" not in html


@pytest.mark.parametrize("username,status", [
    ("fengsheng_officer", 403), ("fengsheng_reviewer", 403), ("banan_supervisor", 403),
    ("mudong_leader", 404), ("mudong_clerk", 404),
])
def test_edit_pages_refuse_other_roles_and_towns(client_as, matter, benchmark, username, status):
    client = client_as(username)
    before = snapshot(matter), snapshot(benchmark)
    assert client.get(f"/enforcement/matters/{matter.pk}/edit/").status_code == status
    assert client.post(f"/enforcement/matters/{matter.pk}/edit/", {
        "name": "改", "category": "penalty", "legal_basis": "x", "unit": matter.unit_id}).status_code == status
    assert client.post(f"/enforcement/benchmarks/{benchmark.pk}/edit/", {
        "violation": "改", "circumstance": "serious", "penalty_type": "warning"}).status_code == status
    assert (snapshot(matter), snapshot(benchmark)) == before


@pytest.mark.parametrize("username", ["fengsheng_officer", "mudong_officer", "banan_supervisor"])
def test_new_pages_refuse_other_roles(client_as, world, username):
    client = client_as(username)
    assert client.get("/enforcement/matters/new/").status_code == 403
    assert client.get("/enforcement/benchmarks/new/").status_code == 403


def test_clerk_creates_and_edits_on_the_pages(client_as, unit, matter):
    client = client_as("fengsheng_clerk")
    r = client.post("/enforcement/matters/new/", {"name": "违规设置广告", "category": "penalty", "legal_basis": "《广告法》",
                                                  "unit": unit.pk, "power_list_ref": "XZCF-7",
                                                  "requires_legal_review": "on"})
    assert r.status_code == 302 and r["Location"] == "/enforcement/officers/"
    created = Matter.objects.get(name="违规设置广告")
    assert created.requires_legal_review and events(created, "matter.create") == 1
    r = client.post(f"/enforcement/matters/{matter.pk}/edit/", {"name": "占道经营(修订)", "category": "penalty",
                                                                "legal_basis": matter.legal_basis, "unit": unit.pk})
    assert r.status_code == 302
    matter.refresh_from_db()
    assert matter.name == "占道经营(修订)" and matter.power_list_ref == ""
    r = client.post("/enforcement/benchmarks/new/", {"matter": matter.pk, "violation": "占道", "circumstance": "serious",
                                                     "penalty_type": "fine", "fine_min": "2000", "fine_max": "5000"})
    assert r.status_code == 302
    bm = Benchmark.objects.get(matter=matter, circumstance="serious")
    r = client.post(f"/enforcement/benchmarks/{bm.pk}/edit/", {"violation": "占道", "circumstance": "serious",
                                                              "penalty_type": "fine", "fine_min": "2000",
                                                              "fine_max": "6000"})
    assert r.status_code == 302
    bm.refresh_from_db()
    assert bm.fine_max == Decimal("6000") and events(bm, "benchmark.update") == 1
    assert "罚款2000.00元至6000.00元" in client.get("/enforcement/officers/").content.decode()


def test_a_refusal_shows_on_the_form_and_saves_nothing(client_as, matter, benchmark):
    client = client_as("fengsheng_leader")
    r = client.post("/enforcement/benchmarks/new/", {"matter": matter.pk, "violation": "新", "circumstance": "minor",
                                                     "penalty_type": "fine", "fine_min": "500", "fine_max": "100"})
    assert r.status_code == 200 and "罚款上限不能低于下限" in r.content.decode()
    assert Benchmark.objects.count() == 1
    # Another town's matter is not offered: the form refuses it.
    r = client_as("mudong_leader").post("/enforcement/benchmarks/new/", {
        "matter": matter.pk, "violation": "新", "circumstance": "minor", "penalty_type": "warning"})
    assert r.status_code == 200 and Benchmark.objects.count() == 1


def test_officers_page_query_count_does_not_grow(client_as, users, unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    leader = users["fengsheng_leader"]
    client = client_as("fengsheng_leader")

    def add(n, start):
        for i in range(start, start + n):
            m = services.matter_create(actor=leader, unit=unit, name=f"事项{i}", legal_basis="依据")
            services.benchmark_create(actor=leader, matter=m, violation="行为", circumstance="minor",
                                      penalty_type=PenaltyType.WARNING)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/enforcement/officers/").status_code == 200
        return len(ctx)

    add(3, 0)
    few = count()
    add(27, 3)
    assert count() == few
