import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.safety import services
from fazhi.safety.models import Accident, Hazard


def test_pages_and_forms(client_as, world):
    c = client_as("fengsheng_clerk")
    assert c.get("/safety/").status_code == 200
    c.post("/safety/hazards/new/", {"found_date": "2026-11-20", "title": "围挡破损", "responsible": "村委",
                                    "rectify_days": "7", "level": "general"})
    h = Hazard.objects.get()
    assert h.due_date == datetime.date(2026, 11, 27)
    c.post(f"/safety/hazards/{h.pk}/rectify/", {"date": "2026-11-26", "rectification": "已修复"})
    h.refresh_from_db()
    assert h.on_time is True
    c.post("/safety/accidents/new/", {"date": "2026-11-01", "title": "坠落", "deaths": "3"})
    assert Accident.objects.get().grade == "larger"
    assert c.get("/safety/hazards.xlsx").status_code == 200
    assert c.get("/safety/patrols.xlsx").status_code == 200


def test_grid_worker_cannot_write_and_other_town_404(client_as, users, world):
    h = services.hazard_create(actor=users["fengsheng_clerk"], town=world.fengsheng, found_date=None, title="x",
                               responsible="y", rectify_days=3)
    assert client_as("fengsheng_grid").post("/safety/hazards/new/", {"title": "x"}).status_code == 404
    assert client_as("mudong_clerk").post(f"/safety/hazards/{h.pk}/rectify/", {"rectification": "x"}).status_code == 404


def test_api_scoped(api_as, users, world):
    services.accident_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=None, title="x")
    assert len(api_as("fengsheng_clerk").get("/api/v1/accidents/").json()["results"]) == 1
    assert len(api_as("mudong_clerk").get("/api/v1/accidents/").json()["results"]) == 0


def test_index_query_count_is_flat(users, world, client_as):
    c = client_as("fengsheng_clerk")
    counts = []
    for n in (3, 27):
        for i in range(n):
            services.patrol_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=None, route=f"r{i}",
                                   participants="p", people_count=2)
            services.hazard_create(actor=users["fengsheng_clerk"], town=world.fengsheng, found_date=None,
                                   title=f"h{i}", responsible="y", rectify_days=3)
            services.accident_create(actor=users["fengsheng_clerk"], town=world.fengsheng, date=None, title=f"a{i}")
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/safety/").status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
