"""Correcting a case's registration details: the clock follows a corrected served date, and
every refusal leaves the case, its clock and the audit log as they were."""

import datetime

import pytest

from fazhi.core import clocks, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, Clock
from fazhi.judicial import services
from fazhi.judicial.models import LitigationCase, Outcome, ReconsiderationCase

D = datetime.date
pytestmark = pytest.mark.django_db


def _state(case):
    case.refresh_from_db()
    clock = clocks.get(case, services.AL_67 if isinstance(case, LitigationCase) else services.reply_rule(
        case.procedure))
    fields = {f.attname: getattr(case, f.attname) for f in type(case)._meta.concrete_fields}
    return fields, (clock.start_date, clock.due_date, clock.state, clock.subject_label), \
        AuditEvent.objects.filter(action__endswith=".correct").count()


# --- the clock follows a corrected served date (worked examples) ------------------------------

def test_corrected_served_date_moves_the_answer_clock_across_national_day(make_litigation, clerk):
    # Registered as served Tue 2024-09-10: 15 calendar days → Wed 2024-09-25.
    case = make_litigation(served=D(2024, 9, 10))
    assert case.answer_due == D(2024, 9, 25)
    # The complaint copy was in fact received Fri 2024-09-20: day 15 is Sat 10-05, inside the
    # National Day holiday (10-01..10-07), so the last day rolls to Tue 2024-10-08 (行政诉讼法第六十七条).
    case = services.litigation_correct(actor=clerk, case=case, served_date=D(2024, 9, 20),
                                       reason="误录收到日期,以法院送达回证为准")
    assert case.served_date == D(2024, 9, 20)
    assert case.answer_due == D(2024, 10, 8)
    case.refresh_from_db()
    assert case.answer_due == D(2024, 10, 8)
    clock = clocks.get(case, services.AL_67)
    assert (clock.start_date, clock.due_date, clock.state) == (D(2024, 9, 20), D(2024, 10, 8), Clock.State.RUNNING)
    event = AuditEvent.objects.get(action="litigationcase.correct", object_id=str(case.pk))
    assert event.note == "误录收到日期,以法院送达回证为准"
    assert event.before["served_date"] == "2024-09-10" and event.after["served_date"] == "2024-09-20"
    assert event.after["answer_due"] == "2024-10-08"


def test_corrected_served_date_moves_the_reply_clock_counting_the_make_up_saturday(make_reconsideration, clerk):
    case = make_reconsideration(served=D(2024, 9, 27))
    assert case.reply_due == D(2024, 10, 16)
    # Served Mon 2024-09-30: holiday 10-01..07; 10-08..11 = 1..4, Sat 10-12 (调休上班) = 5,
    # 10-14..18 = 6..10 → Fri 2024-10-18 (行政复议法第四十八条、第八十八条).
    case = services.reconsideration_correct(actor=clerk, case=case, served_date=D(2024, 9, 30),
                                            reason="以复议机关送达回证为准")
    assert case.reply_due == D(2024, 10, 18)
    assert clocks.get(case, services.AR_48).due_date == D(2024, 10, 18)


def test_a_late_clock_becomes_running_again_when_the_corrected_date_is_later(make_litigation, clerk, today):
    today(D(2024, 10, 1))
    case = make_litigation(served=D(2024, 9, 10))
    clock = clocks.get(case, services.AL_67)
    assert clock.due_date < D(2024, 10, 1)
    services.litigation_correct(actor=clerk, case=case, served_date=D(2024, 9, 20), reason="送达回证")
    assert clocks.get(case, services.AL_67).due_date == D(2024, 10, 8)


def test_correcting_details_keeps_the_clock_and_renames_it(make_litigation, clerk):
    case = make_litigation()
    due = case.answer_due
    case = services.litigation_correct(actor=clerk, case=case, court="重庆市巴南区人民法院",
                                       case_number="(2024)渝0113行初11号", plaintiff="张某某", cause="行政处罚",
                                       party_is_organisation=False, served_date=case.served_date, reason="笔误")
    case.refresh_from_db()
    assert (case.court, case.case_number, case.plaintiff, case.cause) == (
        "重庆市巴南区人民法院", "(2024)渝0113行初11号", "张某某", "行政处罚")
    clock = clocks.get(case, services.AL_67)
    assert clock.due_date == due and clock.subject_label == "行政诉讼 (2024)渝0113行初11号"
    event = AuditEvent.objects.get(action="litigationcase.correct")
    assert "served_date" not in (event.after or {})


def test_the_audit_event_keeps_a_citizens_name_masked(make_reconsideration, clerk):
    case = make_reconsideration(applicant="欧阳娜娜")
    services.reconsideration_correct(actor=clerk, case=case, applicant="欧阳丽娜", reason="身份证件为准")
    event = AuditEvent.objects.get(action="reconsiderationcase.correct")
    assert "丽" not in str(event.before) + str(event.after)
    assert event.after["corrected"] == ["applicant"] and event.after["reason"] == "身份证件为准"
    services.reconsideration_correct(actor=clerk, case=case, applicant="重庆某某有限公司", party_is_organisation=True,
                                     reason="申请人为公司")
    event = AuditEvent.objects.filter(action="reconsiderationcase.correct").latest("id")
    assert event.after["applicant"] == "重庆某某有限公司" and event.before["applicant"] == "欧**娜"


def test_answered_case_may_correct_its_court_but_not_its_served_date(make_litigation, clerk):
    case = services.litigation_answer(actor=clerk, case=make_litigation(), on=D(2024, 10, 8))
    case = services.litigation_correct(actor=clerk, case=case, court="巴南区法院", reason="法院全称")
    assert case.court == "巴南区法院"
    before = _state(case)
    with pytest.raises(DomainError, match="期限已经结束") as exc:
        services.litigation_correct(actor=clerk, case=case, served_date=D(2024, 9, 21), reason="送达回证")
    assert exc.value.code == "clock_ended"
    assert _state(case) == before


# --- refusals change nothing ------------------------------------------------------------------

def test_closed_case_cannot_be_corrected(make_litigation, clerk):
    case = services.litigation_close(actor=clerk, case=make_litigation(), closed_on=D(2024, 12, 1),
                                     outcome=Outcome.MAINTAINED)
    before = _state(case)
    with pytest.raises(DomainError, match="不能执行“更正登记信息”") as exc:
        services.litigation_correct(actor=clerk, case=case, court="另一法院", reason="笔误")
    assert exc.value.code == "bad_state"
    assert _state(case) == before


def test_decided_reconsideration_cannot_be_corrected(make_reconsideration, clerk):
    case = services.reconsideration_decide(actor=clerk, case=make_reconsideration(), decided_on=D(2024, 11, 1),
                                           outcome=Outcome.MAINTAINED)
    before = _state(case)
    with pytest.raises(DomainError, match="不能执行"):
        services.reconsideration_correct(actor=clerk, case=case, applicant="王某", reason="笔误")
    assert _state(case) == before


@pytest.mark.parametrize("reason", ["", "   "])
def test_reason_is_required(make_litigation, clerk, reason):
    case = make_litigation()
    before = _state(case)
    with pytest.raises(InvalidInput, match="更正理由"):
        services.litigation_correct(actor=clerk, case=case, served_date=D(2024, 9, 23), reason=reason)
    assert _state(case) == before


def test_nothing_to_correct_is_refused(make_litigation, clerk):
    case = make_litigation()
    before = _state(case)
    with pytest.raises(InvalidInput, match="没有需要更正"):
        services.litigation_correct(actor=clerk, case=case, court=case.court, served_date=case.served_date,
                                    reason="核对")
    assert _state(case) == before


def test_served_date_in_the_future_is_refused(make_litigation, clerk, today):
    today(D(2024, 10, 1))
    case = make_litigation()
    before = _state(case)
    with pytest.raises(InvalidInput, match="晚于今天"):
        services.litigation_correct(actor=clerk, case=case, served_date=D(2024, 10, 2), reason="送达回证")
    assert _state(case) == before


def test_duplicate_case_number_is_refused(make_litigation, clerk):
    make_litigation(number="(2024)渝0113行初2号")
    case = make_litigation()
    before = _state(case)
    with pytest.raises(DomainError, match="已登记"):
        services.litigation_correct(actor=clerk, case=case, case_number="(2024)渝0113行初2号", reason="笔误")
    assert _state(case) == before


@pytest.mark.parametrize("locked_year", [2024, 2023])
def test_locked_year_refuses_correction_into_or_out_of_it(make_litigation, clerk, world, locked_year):
    case = make_litigation(served=D(2024, 1, 10) if locked_year == 2024 else D(2024, 1, 2))
    yearlock.lock_year(actor=clerk, town=world.fengsheng, year=locked_year, reason="年度报告已公布")
    before = _state(case)
    with pytest.raises(DomainError) as exc:
        # 2024 locked: the case's own year; 2023 locked: the corrected date would move it there.
        services.litigation_correct(actor=clerk, case=case, served_date=D(2023, 12, 29) if locked_year == 2023
                                    else D(2024, 1, 9), reason="送达回证")
    assert exc.value.code == "year_locked"
    assert _state(case) == before


def test_wrong_role_and_other_town_are_refused(make_litigation, users):
    case = make_litigation()
    before = _state(case)
    with pytest.raises(DomainError, match="角色"):
        services.litigation_correct(actor=users["fengsheng_officer"], case=case, court="x", reason="笔误")
    with pytest.raises(DomainError, match="本镇街"):
        services.litigation_correct(actor=users["mudong_clerk"], case=case, court="x", reason="笔误")
    assert _state(case) == before


# --- page and API -----------------------------------------------------------------------------

def test_case_page_offers_a_prefilled_correction_form_and_applies_it(make_litigation, client_as):
    case = make_litigation(served=D(2024, 9, 10))
    c = client_as("fengsheng_clerk")
    page = c.get(case.get_absolute_url()).content.decode()
    assert 'name="correct-court" value="巴南区人民法院"' in page
    r = c.post(case.get_absolute_url(), {"action": "correct", "correct-court": "巴南区人民法院",
                                         "correct-case_number": case.case_number, "correct-plaintiff": "张某",
                                         "correct-cause": "行政强制", "correct-served_date": "2024-09-20",
                                         "correct-reason": "送达回证"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.answer_due == D(2024, 10, 8)
    r = c.post(case.get_absolute_url(), {"action": "correct", "correct-court": "巴南区人民法院",
                                         "correct-case_number": case.case_number, "correct-plaintiff": "张某",
                                         "correct-cause": "行政强制", "correct-served_date": "2024-09-21"})
    assert r.status_code == 400 and "更正理由" in r.content.decode()
    case.refresh_from_db()
    assert case.served_date == D(2024, 9, 20)


def test_closed_case_page_offers_no_correction(make_litigation, client_as, clerk):
    case = services.litigation_close(actor=clerk, case=make_litigation(), closed_on=D(2024, 12, 1),
                                      outcome=Outcome.OTHER)
    assert "correct-reason" not in client_as("fengsheng_clerk").get(case.get_absolute_url()).content.decode()


def test_api_correct_litigation_and_reconsideration(api_as, make_litigation, make_reconsideration):
    api = api_as("fengsheng_clerk")
    case = make_litigation(served=D(2024, 9, 10))
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/correct/", {"served_date": "2024-09-20", "reason": "送达回证"},
                 format="json")
    assert r.status_code == 200, r.content
    assert r.json()["answer_due"] == "2024-10-08"
    r = api.post(f"/api/v1/litigation-cases/{case.pk}/correct/", {"court": "另一法院"}, format="json")
    assert r.status_code == 400
    recon = make_reconsideration()
    r = api.post(f"/api/v1/reconsideration-cases/{recon.pk}/correct/",
                 {"applicant": "某某有限公司", "party_is_organisation": True, "reason": "申请人为公司"}, format="json")
    assert r.status_code == 200, r.content
    assert r.json()["applicant"] == "某某有限公司" and r.json()["party_is_organisation"] is True
    assert ReconsiderationCase.objects.get(pk=recon.pk).reply_due == D(2024, 10, 16)


def test_api_correct_refusals(api_as, make_litigation, clerk):
    case = make_litigation()
    assert api_as("mudong_clerk").post(f"/api/v1/litigation-cases/{case.pk}/correct/",
                                       {"court": "x", "reason": "y"}, format="json").status_code == 404
    r = api_as("fengsheng_officer").post(f"/api/v1/litigation-cases/{case.pk}/correct/",
                                         {"court": "x", "reason": "y"}, format="json")
    assert r.status_code == 409
    services.litigation_close(actor=clerk, case=case, closed_on=D(2024, 12, 1), outcome=Outcome.OTHER)
    r = api_as("fengsheng_clerk").post(f"/api/v1/litigation-cases/{case.pk}/correct/",
                                       {"court": "x", "reason": "y"}, format="json")
    assert r.status_code == 409 and "更正登记信息" in r.json()["detail"]
    case.refresh_from_db()
    assert case.court == "巴南区人民法院"
