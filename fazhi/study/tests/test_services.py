import datetime

import pytest

from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent
from fazhi.study import services
from fazhi.study.figures import figures
from fazhi.study.models import Attendance, StudyPlan, StudySession

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def session(clerk, town):
    return services.session_create(actor=clerk, town=town, date=D(2023, 3, 10), form=StudySession.Form.CENTRAL_GROUP,
                                   title="学习习近平法治思想", texts="《宪法》、习近平法治思想学习纲要", speaker="党委书记")


def test_session_create_cleans_texts_and_audits(session):
    assert session.texts == ["宪法", "习近平法治思想学习纲要"]
    assert AuditEvent.objects.filter(action="studysession.create").exists()


def test_session_needs_texts(clerk, town):
    with pytest.raises(InvalidInput, match="学习内容"):
        services.session_create(actor=clerk, town=town, date=D(2023, 3, 10), form="lecture", title="讲座", texts="")


def test_grid_worker_may_not_record(users, town):
    with pytest.raises(DomainError, match="角色"):
        services.session_create(actor=users["fengsheng_grid"], town=town, date=D(2023, 3, 10), form="lecture",
                                title="讲座", texts="民法典")
    assert not StudySession.objects.exists()


def test_other_town_may_not_record(users, town):
    with pytest.raises(DomainError):
        services.session_create(actor=users["mudong_clerk"], town=town, date=D(2023, 3, 10), form="lecture",
                                title="讲座", texts="民法典")


def test_attendance_rules(clerk, session, official):
    a = official("甲")
    with pytest.raises(InvalidInput, match="缺席原因"):
        services.attendance_record(actor=clerk, session=session, official=a, present=False)
    services.attendance_record(actor=clerk, session=session, official=a, present=True, absence_reason="忽略")
    assert Attendance.objects.get().absence_reason == ""
    with pytest.raises(DomainError, match="已登记"):
        services.attendance_record(actor=clerk, session=session, official=a, present=True)
    later = official("乙", joined=D(2023, 6, 1))
    with pytest.raises(DomainError, match="不在岗"):
        services.attendance_record(actor=clerk, session=session, official=later, present=True)


def test_official_leave_once(clerk, official):
    a = official("甲", joined=D(2020, 1, 1))
    with pytest.raises(InvalidInput):
        services.official_leave(actor=clerk, official=a, left_on=D(2019, 1, 1))
    services.official_leave(actor=clerk, official=a, left_on=D(2023, 7, 1))
    a.refresh_from_db()
    with pytest.raises(DomainError, match="离岗"):
        services.official_leave(actor=clerk, official=a, left_on=D(2023, 8, 1))


def test_duplicate_names_are_refused(official):
    official("甲")
    with pytest.raises(DomainError, match="同名"):
        official("甲")


def test_plan_key_texts(clerk, town):
    plan = services.plan_create(actor=clerk, town=town, year=2023, title="2023年理论学习中心组学习计划",
                                texts="宪法、民法典", adopted_on=D(2023, 2, 1))
    assert plan.key_texts_missing == ["习近平法治思想学习纲要"]
    assert figures(town, 2023)["study.plan_key_texts_included"] is False
    with pytest.raises(DomainError):
        services.plan_create(actor=clerk, town=town, year=2023, title="x", texts="宪法", adopted_on=D(2023, 2, 1))
    assert StudyPlan.objects.count() == 1


def test_figures_count_sessions_and_forms(session, town):
    f = figures(town, 2023)
    assert f["study.sessions"] == 1
    assert f["study.session_forms"] == ["理论学习中心组学习"]
    assert figures(town, 2024)["study.sessions"] == 0
    assert all(k.startswith("study.") for k in f)
