"""The duty checklist: which duties of the 2016 规定 have evidence in a year, and which do not."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.errors import DomainError, InvalidInput
from fazhi.judicial import services as judicial
from fazhi.leadership import services
from fazhi.leadership.figures import figures
from fazhi.leadership.models import Duty, ResponsiblePerson
from fazhi.leadership.selectors import checklist
from fazhi.study import services as study

D = datetime.date
pytestmark = pytest.mark.django_db


def _item(town, year, duty):
    return next(i for i in checklist(town, year) if i.duty == duty)


@pytest.fixture
def persons(clerk, town):
    secretary = services.person_create(actor=clerk, town=town, name="王书记", title=ResponsiblePerson.Title.SECRETARY,
                                       from_date=D(2021, 6, 1))
    head = services.person_create(actor=clerk, town=town, name="刘建国", title=ResponsiblePerson.Title.HEAD,
                                  from_date=D(2021, 6, 1))
    return secretary, head


def test_an_empty_year_has_no_evidence_and_zero_coverage(town):
    f = figures(town, 2023)
    assert f["leadership.duty_coverage"] == 0.0
    assert f["leadership.duties_total"] == len(Duty.values)
    assert len(f["leadership.duties_missing"]) == len(Duty.values)
    assert "未登记第一责任人" in _item(town, 2023, Duty.DEBRIEF).gaps


def test_a_meeting_evidences_deploy_and_the_duties_it_names(clerk, town):
    services.meeting_create(actor=clerk, town=town, date=D(2023, 3, 2), body="party_committee",
                            topic="研究2023年法治政府建设工作要点", decision="印发工作要点", duties=["decisions"])
    assert _item(town, 2023, Duty.DEPLOY).evidenced
    assert _item(town, 2023, Duty.DECISIONS).evidenced
    assert not _item(town, 2023, Duty.OVERSEE).evidenced
    assert figures(town, 2023)["leadership.meetings"] == 1
    assert figures(town, 2024)["leadership.meetings"] == 0


def test_study_plan_must_include_the_key_texts(clerk, town):
    study.plan_create(actor=clerk, town=town, year=2023, title="中心组学习计划", texts="宪法、民法典",
                      adopted_on=D(2023, 2, 1))
    item = _item(town, 2023, Duty.STUDY)
    assert not item.evidenced and "习近平法治思想学习纲要" in item.gaps[0]


def test_study_plan_with_key_texts_is_evidence(clerk, town):
    study.plan_create(actor=clerk, town=town, year=2023, title="中心组学习计划",
                      texts="宪法、习近平法治思想学习纲要、民法典", adopted_on=D(2023, 2, 1))
    assert _item(town, 2023, Duty.STUDY).evidenced


def test_debrief_needs_every_person_in_office_at_year_end(clerk, town, persons):
    secretary, head = persons
    services.person_create(actor=clerk, town=town, name="前任镇长", title="head", from_date=D(2019, 1, 1),
                           to_date=D(2023, 5, 1))
    services.debrief_create(actor=clerk, person=secretary, year=2023, date=D(2023, 12, 28), includes_rule_of_law=True,
                            summary="履行第一责任人职责情况")
    item = _item(town, 2023, Duty.DEBRIEF)
    assert not item.evidenced and item.gaps == ["镇长 刘建国未登记2023年述职"]
    services.debrief_create(actor=clerk, person=head, year=2023, date=D(2024, 1, 10), includes_rule_of_law=False)
    assert _item(town, 2023, Duty.DEBRIEF).gaps == ["镇长 刘建国的述职未包含法治建设内容"]


def test_debrief_refusals(clerk, persons):
    secretary, _head = persons
    with pytest.raises(InvalidInput, match="述法要点"):
        services.debrief_create(actor=clerk, person=secretary, year=2023, date=D(2023, 12, 28),
                                includes_rule_of_law=True)
    services.debrief_create(actor=clerk, person=secretary, year=2023, date=D(2023, 12, 28),
                            includes_rule_of_law=True, summary="x")
    with pytest.raises(DomainError, match="已登记"):
        services.debrief_create(actor=clerk, person=secretary, year=2023, date=D(2023, 12, 29),
                                includes_rule_of_law=True, summary="y")


def test_head_appearance_is_supervision_evidence(clerk, town):
    case = judicial.litigation_create(actor=clerk, town=town, court="法院", case_number="1", plaintiff="甲",
                                      cause="处罚", served_date=D(2024, 3, 1))
    judicial.litigation_hear(actor=clerk, case=case, hearing_date=D(2024, 5, 1), appearance="principal",
                             appearer_name="刘建国")
    assert _item(town, 2024, Duty.SUPERVISION).evidenced


def test_evidence_with_a_file(clerk, town):
    upload = SimpleUploadedFile("督办.txt", "督办重点任务".encode(), content_type="text/plain")
    services.evidence_add(actor=clerk, town=town, duty="oversee", date=D(2023, 8, 1), description="督办重点任务",
                          upload=upload)
    item = _item(town, 2023, Duty.OVERSEE)
    assert item.evidenced and item.evidence[0].files[0].filename == "督办.txt"


def test_full_year_is_100_percent(clerk, town, persons):
    secretary, head = persons
    services.meeting_create(actor=clerk, town=town, date=D(2023, 3, 2), body="party_committee", topic="法治",
                            decision="部署", duties=["oversee", "decisions", "supervision"])
    study.plan_create(actor=clerk, town=town, year=2023, title="计划", texts="宪法、习近平法治思想学习纲要、民法典",
                      adopted_on=D(2023, 2, 1))
    study.session_create(actor=clerk, town=town, date=D(2023, 4, 1), form="party_day", title="学法", texts="宪法")
    for p in (secretary, head):
        services.debrief_create(actor=clerk, person=p, year=2023, date=D(2023, 12, 28), includes_rule_of_law=True,
                                summary="述法")
    assert figures(town, 2023)["leadership.duty_coverage"] == 100.0


def test_wrong_role_and_other_town_are_refused(users, town):
    with pytest.raises(DomainError):
        services.meeting_create(actor=users["fengsheng_mediator"], town=town, date=D(2023, 3, 2),
                                body="party_committee", topic="t", decision="d")
    with pytest.raises(DomainError):
        services.meeting_create(actor=users["mudong_clerk"], town=town, date=D(2023, 3, 2),
                                body="party_committee", topic="t", decision="d")
