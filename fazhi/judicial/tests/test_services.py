import datetime

import pytest

from fazhi.core import clocks, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, Clock, Unit
from fazhi.judicial import services
from fazhi.judicial.models import InterferenceRecord, LitigationCase, Outcome, ReconsiderationCase, ZeroReport

D = datetime.date
pytestmark = pytest.mark.django_db
A = LitigationCase.Appearance


def test_create_records_an_audit_event_and_starts_the_clock(make_litigation):
    case = make_litigation()
    assert case.status == LitigationCase.Status.SERVED
    assert AuditEvent.objects.filter(action="litigationcase.create", object_id=str(case.pk)).exists()
    assert clocks.get(case, services.AL_67).state == Clock.State.RUNNING


def test_answer_in_time_meets_the_clock(make_litigation, clerk):
    case = services.litigation_answer(actor=clerk, case=make_litigation(), on=D(2024, 10, 8))
    assert case.status == LitigationCase.Status.ANSWERED
    assert clocks.get(case, services.AL_67).state == Clock.State.MET


def test_late_answer_breaches_the_clock_and_says_so_in_the_audit(make_litigation, clerk):
    case = services.litigation_answer(actor=clerk, case=make_litigation(), on=D(2024, 10, 9))
    assert clocks.get(case, services.AL_67).state == Clock.State.BREACHED
    event = AuditEvent.objects.get(action="litigationcase.answer")
    assert event.after["late"] is True


def test_answer_twice_is_refused_and_changes_nothing(make_litigation, clerk):
    case = services.litigation_answer(actor=clerk, case=make_litigation(), on=D(2024, 10, 8))
    with pytest.raises(DomainError, match="不能执行"):
        services.litigation_answer(actor=clerk, case=case, on=D(2024, 10, 9))
    case.refresh_from_db()
    assert case.answered_on == D(2024, 10, 8)


def test_grid_worker_may_not_answer(make_litigation, users):
    case = make_litigation()
    with pytest.raises(DomainError, match="角色"):
        services.litigation_answer(actor=users["fengsheng_grid"], case=case, on=D(2024, 10, 1))
    case.refresh_from_db()
    assert case.status == LitigationCase.Status.SERVED


def test_other_towns_clerk_may_not_create_for_this_town(make_litigation, users):
    with pytest.raises(DomainError):
        make_litigation(actor=users["mudong_clerk"])
    assert not LitigationCase.objects.exists()


def test_served_date_in_the_future_is_refused(make_litigation, today):
    today(D(2024, 9, 1))
    with pytest.raises(InvalidInput, match="晚于今天"):
        make_litigation(served=D(2024, 9, 20))


def test_duplicate_case_number_is_refused(make_litigation):
    make_litigation()
    with pytest.raises(DomainError, match="已登记"):
        make_litigation()


def test_hearing_with_the_head_needs_no_reason(make_litigation, clerk):
    case = make_litigation()
    services.litigation_answer(actor=clerk, case=case, on=D(2024, 10, 1))
    case = services.litigation_hear(actor=clerk, case=case, hearing_date=D(2024, 11, 5), appearance=A.PRINCIPAL,
                                    appearer_name="刘建国", appearer_position="镇长", absence_reason="duty")
    assert case.head_appeared and case.absence_reason == ""


def test_delegate_without_a_lawful_reason_is_refused(make_litigation, clerk):
    case = make_litigation()
    with pytest.raises(InvalidInput, match="第八条"):
        services.litigation_hear(actor=clerk, case=case, hearing_date=D(2024, 11, 5), appearance=A.STAFF,
                                 appearer_name="王强")
    case.refresh_from_db()
    assert case.status == LitigationCase.Status.SERVED and case.hearing_date is None


def test_hearing_without_an_answer_breaches_the_answer_clock(make_litigation, clerk):
    case = make_litigation()
    services.litigation_hear(actor=clerk, case=case, hearing_date=D(2024, 11, 5), appearance=A.STAFF,
                             appearer_name="王强", absence_reason="duty")
    assert clocks.get(case, services.AL_67).state == Clock.State.BREACHED


def test_close_records_outcome_and_loss(make_litigation, clerk):
    case = make_litigation()
    case = services.litigation_close(actor=clerk, case=case, closed_on=D(2024, 9, 25), outcome=Outcome.OTHER,
                                     result_detail="原告撤诉")
    assert case.status == LitigationCase.Status.CLOSED and not case.lost
    # Closed before the due date without an answer (a withdrawal): the period simply stops.
    assert clocks.get(case, services.AL_67).state == Clock.State.CANCELLED


def test_a_maintained_judgment_is_not_a_loss(make_litigation, clerk):
    case = make_litigation()
    with pytest.raises(InvalidInput, match="不是败诉"):
        services.litigation_close(actor=clerk, case=case, closed_on=D(2024, 12, 1), outcome=Outcome.MAINTAINED,
                                  lost=True)


def test_locked_year_refuses_changes(make_litigation, clerk, town):
    case = make_litigation()
    yearlock.lock_year(actor=clerk, town=town, year=2024, reason="年报已公布")
    with pytest.raises(DomainError, match="已锁定"):
        services.litigation_answer(actor=clerk, case=case, on=D(2024, 10, 1))


def test_reconsideration_reply_and_decide(make_reconsideration, clerk):
    case = make_reconsideration()
    case = services.reconsideration_reply(actor=clerk, case=case, on=D(2024, 10, 16))
    assert clocks.get(case, services.AR_48).state == Clock.State.MET
    case = services.reconsideration_decide(actor=clerk, case=case, decided_on=D(2024, 11, 20),
                                           outcome=Outcome.MAINTAINED)
    assert case.status == ReconsiderationCase.Status.DECIDED
    with pytest.raises(DomainError):
        services.reconsideration_reply(actor=clerk, case=case, on=D(2024, 11, 21))


def test_decision_without_reply_after_due_date_breaches(make_reconsideration, clerk):
    case = make_reconsideration()
    services.reconsideration_decide(actor=clerk, case=case, decided_on=D(2024, 11, 20), outcome=Outcome.CORRECTED)
    assert clocks.get(case, services.AR_48).state == Clock.State.BREACHED


# --- interference register --------------------------------------------------------------------

@pytest.fixture
def unit(town):
    return Unit.objects.get(town=town, slug="dangzhengban")


def test_zero_report_then_record_in_same_quarter_is_refused(clerk, town, unit):
    services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=2, on=D(2024, 7, 1))
    with pytest.raises(DomainError, match="零报告"):
        services.interference_record(actor=clerk, town=town, unit=unit, occurred_on=D(2024, 5, 3),
                                     official_name="某某", case_reference="(2024)民初1号", conduct="打招呼",
                                     handling="recorded")
    assert not InterferenceRecord.objects.exists()


def test_record_then_zero_report_in_same_quarter_is_refused(clerk, town, unit):
    services.interference_record(actor=clerk, town=town, unit=unit, occurred_on=D(2024, 5, 3),
                                 official_name="某某", case_reference="(2024)民初1号", conduct="打招呼",
                                 handling="notified")
    with pytest.raises(DomainError, match="有干预记录"):
        services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=2, on=D(2024, 7, 1))


def test_zero_report_once_per_quarter_and_not_for_future_quarters(clerk, town, unit):
    services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=1, on=D(2024, 4, 1))
    with pytest.raises(DomainError, match="已确认过"):
        services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=1, on=D(2024, 4, 2))
    with pytest.raises(InvalidInput, match="尚未开始"):
        services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=4, on=D(2024, 7, 2))


def test_withdrawn_zero_report_lets_the_record_in_and_is_audited(clerk, town, unit):
    report = services.zero_report_confirm(actor=clerk, town=town, unit=unit, year=2024, quarter=2, on=D(2024, 7, 1))
    services.zero_report_withdraw(actor=clerk, report=report, reason="补登记")
    assert not ZeroReport.objects.exists()
    assert AuditEvent.objects.filter(action="zeroreport.withdraw").exists()
    services.interference_record(actor=clerk, town=town, unit=unit, occurred_on=D(2024, 5, 3), official_name="某某",
                                 case_reference="案", conduct="打招呼", handling="recorded")


def test_unit_of_another_town_is_refused(clerk, town, world):
    other = Unit.objects.get(town=world.mudong, slug="dangzhengban")
    with pytest.raises(InvalidInput):
        services.zero_report_confirm(actor=clerk, town=town, unit=other, year=2024, quarter=1, on=D(2024, 4, 1))


def test_adjudication_and_arbitration(clerk, town):
    case = services.resolution_create(actor=clerk, town=town, kind="adjudication", case_number="裁1",
                                      body="丰盛镇人民政府", parties="甲、乙", matter="林地权属",
                                      received_on=D(2024, 3, 1))
    services.resolution_conclude(actor=clerk, case=case, concluded_on=D(2024, 4, 1), result="确权归甲")
    case.refresh_from_db()
    assert case.status == "concluded"
    with pytest.raises(DomainError):
        services.resolution_conclude(actor=clerk, case=case, concluded_on=D(2024, 4, 2), result="x")
