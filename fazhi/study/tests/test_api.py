import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.study import services

D = datetime.date
pytestmark = pytest.mark.django_db


def test_session_create_and_attendance(api_as, official):
    a = official("甲")
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/study-sessions/", {"date": "2023-03-01", "form": "party_committee", "title": "党委会学法",
                                             "texts": ["宪法"]}, format="json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = api.post(f"/api/v1/study-sessions/{pk}/attendance/", {"official": a.pk, "present": False}, format="json")
    assert r.status_code == 400 and "缺席原因" in r.json()["detail"]
    r = api.post(f"/api/v1/study-sessions/{pk}/attendance/", {"official": a.pk, "present": True}, format="json")
    assert r.json()["attendance"][0]["official_name"] == "甲"
    assert api_as("mudong_clerk").get(f"/api/v1/study-sessions/{pk}/").status_code == 404


def test_course_completions(api_as, clerk, town, official):
    a = official("甲")
    course = services.course_create(actor=clerk, town=town, year=2023, title="专题")
    api = api_as("fengsheng_clerk")
    r = api.post("/api/v1/course-completions/", {"course": course.pk, "official": a.pk, "completed_on": "2023-05-01"},
                 format="json")
    assert r.status_code == 201, r.content
    assert api.get("/api/v1/course-completions/").json()["count"] == 1
    assert api_as("mudong_clerk").get("/api/v1/course-completions/").json()["count"] == 0
    r = api_as("mudong_clerk").post("/api/v1/course-completions/", {"course": course.pk, "official": a.pk,
                                                                    "completed_on": "2023-05-01"}, format="json")
    assert r.status_code == 400


def test_session_list_query_count_is_the_same_for_3_and_30_rows(api_as, clerk, town, official):
    people = [official(f"人{i}") for i in range(3)]

    def add(start, stop):
        for i in range(start, stop):
            s = services.session_create(actor=clerk, town=town, date=D(2023, 1, 1) + datetime.timedelta(i),
                                        form="lecture", title=f"讲座{i}", texts="民法典")
            for p in people:
                services.attendance_record(actor=clerk, session=s, official=p, present=True)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert api_as("fengsheng_clerk").get("/api/v1/study-sessions/").status_code == 200
        return len(ctx.captured_queries)

    add(0, 3)
    few = count()
    add(3, 30)
    assert count() == few


def test_index_page_query_count_is_the_same_for_3_and_30_rows(client_as, clerk, town, official):
    def add(start, stop):
        for i in range(start, stop):
            p = official(f"人{i}")
            s = services.session_create(actor=clerk, town=town, date=D(2023, 1, 1) + datetime.timedelta(i),
                                        form="lecture", title=f"讲座{i}", texts="民法典")
            services.attendance_record(actor=clerk, session=s, official=p, present=True)

    def count():
        c = client_as("fengsheng_clerk")
        with CaptureQueriesContext(connection) as ctx:
            assert c.get("/study/?year=2023").status_code == 200
        return len(ctx.captured_queries)

    add(0, 3)
    few = count()
    add(3, 30)
    assert count() == few


def test_session_page_import_by_upload(client_as, clerk, town, official, xlsx):
    official("甲")
    official("乙")
    s = services.session_create(actor=clerk, town=town, date=D(2023, 5, 1), form="party_day", title="主题党日",
                                texts="宪法")
    c = client_as("fengsheng_clerk")
    assert c.get(f"/study/sessions/{s.pk}/attendance.xlsx").status_code == 200
    file = xlsx(["姓名", "单位", "是否出席", "缺席原因"], [["甲", "", "是", ""], ["乙", "", "否", "病假"]])
    r = c.post(f"/study/sessions/{s.pk}/attendance/import/", {"file": file}, follow=True)
    assert "已导入2行" in r.content.decode()
    assert "病假" in r.content.decode()
    bad = xlsx(["姓名", "单位", "是否出席", "缺席原因"], [["丙", "", "是", ""]])
    r = c.post(f"/study/sessions/{s.pk}/attendance/import/", {"file": bad}, follow=True)
    assert "花名册中没有“丙”" in r.content.decode()
    c.force_login(__import__("fazhi.core.models", fromlist=["User"]).User.objects.get(username="mudong_clerk"))
    assert c.get(f"/study/sessions/{s.pk}/").status_code == 404
