"""The general and simple procedures: every transition, and each refusal the law requires
(a refusal changes nothing). Dates are chosen on the official 2023/2024 calendar."""

from decimal import Decimal

import pytest

from fazhi.core import clocks, yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, Clock
from fazhi.enforcement import rules, services
from fazhi.enforcement.models import Case, CaseRecord, Outcome, PartyType, PenaltyType, Procedure

from .conftest import CREDIT_CODE, ID_NUMBER, D

S = Case.Status


def unchanged(case, status):
    """A refusal leaves the case as it was."""
    case.refresh_from_db()
    assert case.status == status


def test_filing_starts_the_90_day_decision_clock(make_case):
    case = make_case()
    assert case.status == S.FILED and case.procedure == Procedure.GENERAL
    assert case.number == "丰盛镇执法〔2023〕1号"
    # 第六十条: 2023-03-06 + 90 days = 2023-06-04 (Sunday) → rolled to Monday 2023-06-05 (民法典 第二百零三条).
    assert case.decision_due == D("2023-06-05")
    assert clocks.get(case, rules.DECISION).due_date == D("2023-06-05")
    assert case.records.filter(stage=CaseRecord.Stage.FILING).exists()
    assert AuditEvent.objects.filter(action="case.create", object_id=str(case.pk)).exists()


def test_one_officer_alone_is_refused(make_case, officers):
    with pytest.raises(DomainError, match="不得少于两人"):
        make_case(officers=officers[:1])
    assert not Case.objects.exists()


def test_an_expired_certificate_is_refused(make_case, officers):
    # 罗平's certificate ended 2023-06-30; the case is filed 2023-07-03.
    with pytest.raises(DomainError, match="罗平.*不在有效期内"):
        make_case(officers=[officers[0], officers[2]], filed_date=D("2023-07-03"))
    assert not Case.objects.exists()
    # Before it expired he may enforce.
    assert make_case(officers=[officers[0], officers[2]], filed_date=D("2023-06-30")).pk


def test_another_towns_officer_is_refused(make_case, officers, mudong_officers):
    with pytest.raises(InvalidInput, match="本镇街"):
        make_case(officers=[officers[0], mudong_officers[0]])


def test_limitation_of_two_years_article_36(make_case):
    # Occurred 2021-03-01: pursuable up to and including 2023-03-01.
    with pytest.raises(DomainError, match="第三十六条"):
        make_case(occurred_date=D("2021-03-01"), filed_date=D("2023-03-02"))
    assert make_case(occurred_date=D("2021-03-01"), filed_date=D("2023-03-01")).pk
    # Five years where life or health is concerned and harm was caused.
    assert make_case(occurred_date=D("2019-03-01"), filed_date=D("2023-03-01"), long_limitation=True).pk
    # A continuing violation counts from its end.
    assert make_case(occurred_date=D("2020-01-01"), continuing_until=D("2022-01-01"), filed_date=D("2023-03-01")).pk


def test_invalid_id_number_is_refused(make_case):
    with pytest.raises(InvalidInput, match="校验位"):
        make_case(id_number="110105194912310021")


def test_matter_outside_the_power_list_is_flagged_not_refused(make_case, monkeypatch):
    monkeypatch.setattr("fazhi.enforcement.selectors.matter_within_powers", lambda matter: False)
    case = make_case()
    assert case.beyond_powers_risk


def test_a_wrong_role_is_refused(make_case, users):
    with pytest.raises(DomainError):
        make_case(actor=users["fengsheng_clerk"])
    case = make_case()
    with pytest.raises(DomainError, match="角色"):
        services.case_investigate(actor=users["fengsheng_clerk"], case=case, date=D("2023-03-10"),
                                  findings="x", certificates_shown=True)
    unchanged(case, S.FILED)


def test_another_towns_officer_user_cannot_act(make_case, users):
    case = make_case()
    with pytest.raises(DomainError, match="本镇街"):
        services.case_investigate(actor=users["mudong_officer"], case=case, date=D("2023-03-10"),
                                  findings="x", certificates_shown=True)
    unchanged(case, S.FILED)


def test_investigation_requires_certificates_shown_and_is_recorded(make_case, officer_user):
    case = make_case()
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError, match="第五十五条"):
        services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x")
    unchanged(case, S.FILED)
    assert AuditEvent.objects.count() == events
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="占道",
                              certificates_shown=True)
    unchanged(case, S.INVESTIGATED)
    assert case.records.filter(stage=CaseRecord.Stage.INVESTIGATION).exists()


def test_a_date_before_the_previous_step_is_refused(make_case, officer_user):
    case = make_case()
    with pytest.raises(InvalidInput, match="不能早于"):
        services.case_investigate(actor=officer_user, case=case, date=D("2023-03-01"), findings="x",
                                  certificates_shown=True)


def test_penalty_decision_without_notice_is_refused(make_case, officer_user):
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    with pytest.raises(DomainError, match="第六十二条"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-20"), outcome=Outcome.PENALTY)
    unchanged(case, S.INVESTIGATED)


def test_first_offence_not_punished_needs_education(make_case, officer_user):
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    with pytest.raises(InvalidInput, match="教育"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-20"), outcome=Outcome.FIRST_OFFENCE)
    unchanged(case, S.INVESTIGATED)
    services.case_decide(actor=officer_user, case=case, date=D("2023-03-20"), outcome=Outcome.FIRST_OFFENCE,
                         education_note="当场批评教育并责令改正")
    case.refresh_from_db()
    assert case.outcome == Outcome.FIRST_OFFENCE and case.status == S.SERVED
    assert case.publicity_due is None  # only penalty decisions are published
    services.case_close(actor=officer_user, case=case, date=D("2023-03-21"))
    unchanged(case, S.CLOSED)


def test_general_procedure_end_to_end_with_payment_and_publicity(notified_case, officer_user):
    case = notified_case
    # No hearing right for 1,000 yuan against a citizen (第六十三条 thresholds); no review needed.
    assert not case.hearing_eligible and not case.review_required
    services.case_decide(actor=officer_user, case=case, date=D("2023-09-15"), party_present=True)
    case.refresh_from_db()
    assert case.status == S.SERVED and case.served_date == D("2023-09-15")
    assert clocks.get(case, rules.DECISION).state == Clock.State.BREACHED  # past the 90 days of 第六十条
    from fazhi.enforcement.figures import figures
    assert figures(case.town, 2023)["enforcement.clocks_breached"] == 1
    # 第六十七条: 15 days → 2023-09-30, in the National Day holiday (09-29…10-06) → 2023-10-07 (make-up working day).
    assert case.payment_due == D("2023-10-07")
    # 国办发〔2018〕118号: 7 WD from 2023-09-15 (Friday) → 09-18…09-22 = 1…5, 09-25 = 6, 09-26 = 7.
    assert case.publicity_due == D("2023-09-26")
    services.case_publish(actor=officer_user, case=case, date=D("2023-09-20"))
    assert clocks.get(case, rules.PUBLICITY).state == Clock.State.MET
    services.case_record_payment(actor=officer_user, case=case, date=D("2023-10-07"), amount=Decimal("1000"))
    case.refresh_from_db()
    assert case.status == S.EXECUTED and case.surcharge == 0
    services.case_close(actor=officer_user, case=case, date=D("2023-10-09"))
    services.case_archive(actor=officer_user, case=case, date=D("2023-10-10"))
    unchanged(case, S.ARCHIVED)


def test_service_clock_when_party_absent_7_working_days(make_case, officer_user):
    # RULES.md §10.4(b): announced 2024-09-27, party absent → serve by 2024-10-12 (Saturday make-up day).
    case = make_case(occurred_date=D("2024-09-01"), filed_date=D("2024-09-02"))
    services.case_investigate(actor=officer_user, case=case, date=D("2024-09-05"), findings="x",
                              certificates_shown=True)
    services.case_notify(actor=officer_user, case=case, date=D("2024-09-10"), penalty_type=PenaltyType.WARNING)
    services.case_decide(actor=officer_user, case=case, date=D("2024-09-27"), party_present=False)
    case.refresh_from_db()
    assert case.status == S.DECIDED
    assert case.service_due == D("2024-10-12")
    assert case.publicity_due == D("2024-10-12")
    with pytest.raises(DomainError, match="尚未送达"):
        services.case_close(actor=officer_user, case=case, date=D("2024-09-30"))
    services.case_serve(actor=officer_user, case=case, date=D("2024-10-14"), method="邮寄送达")
    case.refresh_from_db()
    assert clocks.get(case, rules.SERVICE).state == Clock.State.BREACHED
    assert case.payment_due is None  # a warning: nothing to pay
    services.case_close(actor=officer_user, case=case, date=D("2024-10-15"))
    unchanged(case, S.CLOSED)


def _served_fine(notified_case, officer_user):
    services.case_decide(actor=officer_user, case=notified_case, date=D("2023-04-03"), party_present=True)
    notified_case.refresh_from_db()
    # 2023-04-03 + 15 days = 2023-04-18 (Tuesday).
    assert notified_case.payment_due == D("2023-04-18")
    return notified_case


def test_late_payment_adds_3_percent_a_day(notified_case, officer_user):
    case = _served_fine(notified_case, officer_user)
    # 5 days late: 1000 × 3 % × 5 = 150 (第七十二条).
    with pytest.raises(DomainError, match="应缴1150.00元"):
        services.case_record_payment(actor=officer_user, case=case, date=D("2023-04-23"), amount=Decimal("1000"))
    unchanged(case, S.SERVED)
    with pytest.raises(DomainError, match="罚款尚未缴纳"):
        services.case_close(actor=officer_user, case=case, date=D("2023-04-23"))
    services.case_record_payment(actor=officer_user, case=case, date=D("2023-04-23"), amount=Decimal("1150"))
    case.refresh_from_db()
    assert case.surcharge == Decimal("150.00")
    assert clocks.get(case, rules.PAYMENT).state == Clock.State.BREACHED


def test_surcharge_is_capped_at_the_fine(notified_case, officer_user):
    case = _served_fine(notified_case, officer_user)
    # 40 days late would be 1,200; the surcharge never exceeds the fine.
    assert services.surcharge_owed(case, D("2023-05-28")) == Decimal("1000.00")
    services.case_record_payment(actor=officer_user, case=case, date=D("2023-05-28"), amount=Decimal("2000"))
    case.refresh_from_db()
    assert case.surcharge == Decimal("1000.00")


def test_surcharge_rule_examples():
    assert rules.surcharge(Decimal("1000"), 0) == 0
    assert rules.surcharge(Decimal("1000"), 1) == Decimal("30.00")
    assert rules.surcharge(Decimal("1000"), 33) == Decimal("990.00")
    assert rules.surcharge(Decimal("1000"), 34) == Decimal("1000.00")


def _notify_large(make_case, officer_user, **kw):
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    # 2023-03-20 (Monday): the hearing may be asked for up to 5 WD later, 2023-03-27.
    return services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"), penalty_type=PenaltyType.FINE,
                                fine_amount=Decimal("8000"), **kw)


def test_hearing_right_and_5_working_day_request_window(make_case, officer_user):
    case = _notify_large(make_case, officer_user)
    assert case.hearing_eligible and case.hearing_request_due == D("2023-03-27")
    with pytest.raises(DomainError, match="五个工作日"):
        services.case_request_hearing(actor=officer_user, case=case, date=D("2023-03-28"))
    unchanged(case, S.NOTIFIED)
    # Nor may the decision come before the window closes.
    with pytest.raises(DomainError, match="尚未届满"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-27"))
    services.case_request_hearing(actor=officer_user, case=case, date=D("2023-03-27"))
    unchanged(case, S.HEARING_REQUESTED)


def test_no_hearing_for_a_small_fine(notified_case, officer_user):
    with pytest.raises(DomainError, match="第六十三条"):
        services.case_request_hearing(actor=officer_user, case=notified_case, date=D("2023-03-21"))


def test_hearing_notice_7_working_days_and_chair_not_investigator(make_case, officer_user, users):
    case = _notify_large(make_case, officer_user)
    services.case_request_hearing(actor=officer_user, case=case, date=D("2023-03-22"))
    # Notice 2023-04-03: 04-04=1, 04-05 清明 off, 04-06=2, 04-07=3, 04-10…04-13=4…7 → earliest 2023-04-13.
    with pytest.raises(DomainError, match="2023-04-13"):
        services.case_hold_hearing(actor=officer_user, case=case, date=D("2023-04-12"), notice_date=D("2023-04-03"),
                                   chair="刘建国")
    with pytest.raises(DomainError, match="非本案调查人员"):
        services.case_hold_hearing(actor=officer_user, case=case, date=D("2023-04-13"), notice_date=D("2023-04-03"),
                                   chair="王强")
    unchanged(case, S.HEARING_REQUESTED)
    services.case_hold_hearing(actor=officer_user, case=case, date=D("2023-04-13"), notice_date=D("2023-04-03"),
                               chair="刘建国", record="当事人陈述")
    case.refresh_from_db()
    assert case.status == S.HEARD
    # 第五十八条(二): a decision after a hearing is reviewed first.
    assert case.review_required and "听证" in case.review_grounds
    with pytest.raises(DomainError, match="第五十八条"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-04-14"))
    unchanged(case, S.HEARD)
    services.case_legal_review(actor=users["fengsheng_reviewer"], case=case, date=D("2023-04-17"), passed=True,
                               opinion="事实清楚", qualification="A20181100001")
    services.case_decide(actor=officer_user, case=case, date=D("2023-04-18"))
    unchanged(case, S.SERVED)


def test_legal_review_rules(make_case, officer_user, users):
    case = _notify_large(make_case, officer_user, major_public_interest=True)
    reviewer = users["fengsheng_reviewer"]
    # Only the reviewer role reviews.
    with pytest.raises(DomainError, match="角色"):
        services.case_legal_review(actor=officer_user, case=case, date=D("2023-03-28"), opinion="x",
                                   qualification="A1")
    # AP-58-2: the reviewer's 法律职业资格 is recorded.
    with pytest.raises(InvalidInput, match="法律职业资格"):
        services.case_legal_review(actor=reviewer, case=case, date=D("2023-03-28"), opinion="x", qualification="")
    unchanged(case, S.NOTIFIED)
    with pytest.raises(DomainError, match="法制审核"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-28"))
    # A failed review still blocks the decision.
    services.case_legal_review(actor=reviewer, case=case, date=D("2023-03-28"), passed=False, opinion="证据不足",
                               qualification="A20181100001")
    unchanged(case, S.NOTIFIED)
    with pytest.raises(DomainError, match="审核未通过"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-29"))
    services.case_legal_review(actor=reviewer, case=case, date=D("2023-03-30"), passed=True, opinion="补充后通过",
                               qualification="A20181100001")
    case.refresh_from_db()
    assert case.reviewer_label.startswith("陈静") and case.reviewer_qualification == "A20181100001"
    services.case_decide(actor=officer_user, case=case, date=D("2023-03-31"))
    unchanged(case, S.SERVED)


def test_complex_case_needs_review_and_collective_discussion(make_case, officer_user, users):
    case = _notify_large(make_case, officer_user, complex_case=True)
    with pytest.raises(DomainError, match="法制审核"):
        services.case_collective_discussion(actor=users["fengsheng_leader"], case=case, date=D("2023-03-28"),
                                            conclusion="同意")
    services.case_legal_review(actor=users["fengsheng_reviewer"], case=case, date=D("2023-03-28"), opinion="通过",
                               qualification="A1")
    with pytest.raises(DomainError, match="集体讨论"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-29"))
    with pytest.raises(DomainError, match="角色"):
        services.case_collective_discussion(actor=officer_user, case=case, date=D("2023-03-29"), conclusion="同意")
    services.case_collective_discussion(actor=users["fengsheng_leader"], case=case, date=D("2023-03-29"),
                                        conclusion="同意罚款8000元")
    services.case_decide(actor=users["fengsheng_leader"], case=case, date=D("2023-03-30"))
    unchanged(case, S.SERVED)


def test_matter_on_the_towns_review_list_needs_review(make_case, officer_user, matter):
    matter.requires_legal_review = True
    matter.save()
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"), penalty_type=PenaltyType.WARNING)
    with pytest.raises(DomainError, match="审核目录"):
        services.case_decide(actor=officer_user, case=case, date=D("2023-03-21"))


def test_outside_benchmark_needs_a_written_reason_and_is_flagged(make_case, officer_user, benchmark):
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    with pytest.raises(InvalidInput, match="裁量基准"):
        services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"), penalty_type=PenaltyType.FINE,
                             fine_amount=Decimal("3000"), benchmark=benchmark)
    unchanged(case, S.INVESTIGATED)
    services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("1500"), benchmark=benchmark)
    case.refresh_from_db()
    assert not case.outside_benchmark and case.circumstance == "ordinary"


def test_outside_benchmark_with_reason(make_case, officer_user, benchmark):
    case = make_case()
    services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                              certificates_shown=True)
    services.case_notify(actor=officer_user, case=case, date=D("2023-03-20"), penalty_type=PenaltyType.FINE,
                         fine_amount=Decimal("3000"), benchmark=benchmark, outside_benchmark_reason="多次违法,拒不改正")
    case.refresh_from_db()
    assert case.outside_benchmark


def test_publish_revoke_and_withdraw_within_3_working_days(notified_case, officer_user):
    case = notified_case
    services.case_decide(actor=officer_user, case=case, date=D("2023-09-15"))
    services.case_publish(actor=officer_user, case=case, date=D("2023-09-20"))
    with pytest.raises(DomainError, match="已经公示"):
        services.case_publish(actor=officer_user, case=case, date=D("2023-09-21"))
    services.case_revoke_decision(actor=officer_user, case=case, date=D("2023-09-28"), kind="revoked",
                                  reason="行政复议决定撤销")
    case.refresh_from_db()
    # 第四十八条 + 第八十五条: 3 WD after 2023-09-28 → 10-07 (make-up), 10-08 (make-up), 10-09.
    assert case.withdrawal_due == D("2023-10-09")
    with pytest.raises(InvalidInput, match="说明理由"):
        services.case_withdraw_publication(actor=officer_user, case=case, date=D("2023-10-07"), reason=" ")
    services.case_withdraw_publication(actor=officer_user, case=case, date=D("2023-10-07"),
                                       reason="原处罚决定已被行政复议机关撤销")
    case.refresh_from_db()
    assert case.withdrawn_date == D("2023-10-07")
    assert clocks.get(case, rules.WITHDRAWAL).state == Clock.State.MET


def test_simple_procedure_thresholds_article_51(officer_user, unit, officers):
    def simple(**kw):
        args = dict(actor=officer_user, unit=unit, violation="乱扔垃圾", party_type=PartyType.NATURAL_PERSON,
                    party_name="李四", occurred_date=D("2023-05-10"), decided_date=D("2023-05-10"),
                    officers=officers[:2], penalty_type=PenaltyType.FINE, fine_amount=Decimal("200"))
        args.update(kw)
        return services.case_create_simple(**args)

    case = simple()
    assert case.procedure == Procedure.SIMPLE and case.status == S.SERVED
    assert case.decided_date == D("2023-05-10") and case.outcome == Outcome.PENALTY
    # 15 days to pay: 2023-05-25; 7 WD to publish: 2023-05-19.
    assert case.payment_due == D("2023-05-25") and case.publicity_due == D("2023-05-19")
    with pytest.raises(DomainError, match="第五十一条"):
        simple(fine_amount=Decimal("200.01"))
    org = dict(party_type=PartyType.LEGAL_PERSON, party_name="某商贸有限公司", credit_code=CREDIT_CODE)
    assert simple(fine_amount=Decimal("3000"), **org).pk
    with pytest.raises(DomainError, match="3000元以下"):
        simple(fine_amount=Decimal("3000.01"), **org)
    assert simple(penalty_type=PenaltyType.WARNING, fine_amount=None).pk
    with pytest.raises(DomainError, match="第五十一条"):
        simple(penalty_type=PenaltyType.SUSPENSION, fine_amount=None, **org)
    with pytest.raises(DomainError, match="不得少于两人"):
        simple(officers=officers[:1])
    assert Case.objects.count() == 3


def test_simple_case_paid_and_closed(officer_user, unit, officers):
    case = services.case_create_simple(
        actor=officer_user, unit=unit, violation="乱扔垃圾", party_type=PartyType.NATURAL_PERSON, party_name="李四",
        id_number=ID_NUMBER, occurred_date=D("2023-05-10"), decided_date=D("2023-05-10"), officers=officers[:2],
        penalty_type=PenaltyType.FINE, fine_amount=Decimal("50"))
    services.case_record_payment(actor=officer_user, case=case, date=D("2023-05-10"), amount=Decimal("50"))
    services.case_close(actor=officer_user, case=case, date=D("2023-05-11"))
    unchanged(case, S.CLOSED)


def test_a_locked_year_refuses_changes(make_case, officer_user, users, world):
    case = make_case()
    yearlock.lock_year(actor=users["fengsheng_leader"], town=world.fengsheng, year=2023, reason="报告已公布")
    with pytest.raises(DomainError, match="已锁定"):
        services.case_investigate(actor=officer_user, case=case, date=D("2023-03-10"), findings="x",
                                  certificates_shown=True)
    with pytest.raises(DomainError, match="已锁定"):
        make_case()


def test_inspection_leads_to_a_case(users, unit, officers, matter):
    officer = users["fengsheng_officer"]
    inspection = services.inspection_plan(actor=officer, unit=unit, kind="planned", subject_name="丰盛老街商铺",
                                          planned_date=D("2023-04-10"), matter=matter, officers=officers[:2])
    case = services.inspection_open_case(actor=officer, inspection=inspection, date=D("2023-04-10"),
                                         violation="占道经营", party_type=PartyType.LEGAL_PERSON,
                                         party_name="某商贸有限公司", occurred_date=D("2023-04-10"))
    inspection.refresh_from_db()
    assert inspection.result == "case" and case.inspection == inspection and case.status == S.FILED


def test_inspection_needs_two_certified_officers(users, unit, officers):
    officer = users["fengsheng_officer"]
    inspection = services.inspection_plan(actor=officer, unit=unit, kind="adhoc", subject_name="张三",
                                          subject_is_person=True, planned_date=D("2023-08-01"),
                                          officers=[officers[0], officers[2]])
    with pytest.raises(DomainError, match="不在有效期内"):
        services.inspection_record(actor=officer, inspection=inspection, date=D("2023-08-01"), findings="正常")
    services.inspection_record(actor=officer, inspection=inspection, date=D("2023-08-01"), findings="正常",
                               officers=officers[:2])
    inspection.refresh_from_db()
    assert inspection.result == "no_issue" and inspection.subject_label == "张*"


def test_officer_register_refusals(users, unit):
    leader = users["fengsheng_leader"]
    with pytest.raises(InvalidInput, match="不能早于"):
        services.officer_create(actor=leader, unit=unit, name="甲", certificate_number="X1",
                                valid_from=D("2024-01-01"), valid_until=D("2023-01-01"))
    with pytest.raises(DomainError, match="角色"):
        services.officer_create(actor=users["fengsheng_officer"], unit=unit, name="甲", certificate_number="X1",
                                valid_from=D("2023-01-01"), valid_until=D("2025-01-01"))
    o = services.officer_create(actor=leader, unit=unit, name="甲", certificate_number="X1",
                                valid_from=D("2023-01-01"), valid_until=D("2025-01-01"))
    with pytest.raises(InvalidInput, match="已登记"):
        services.officer_create(actor=leader, unit=unit, name="乙", certificate_number="X1",
                                valid_from=D("2023-01-01"), valid_until=D("2025-01-01"))
    services.officer_renew(actor=leader, officer=o, certificate_number="X2", valid_from=D("2025-01-01"),
                           valid_until=D("2030-01-01"))
    o.refresh_from_db()
    assert o.valid_until == D("2030-01-01")


def test_evidence_is_stored_with_its_hash(make_case, officer_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = make_case()
    record = services.case_add_evidence(actor=officer_user, case=case, upload=SimpleUploadedFile(
        "现场笔录.txt", "现场检查笔录:占道经营。".encode()), title="现场笔录")
    assert record.attachment.sha256 and record.stage == CaseRecord.Stage.INVESTIGATION


def test_audit_events_never_hold_the_party_in_clear(make_case):
    case = make_case()
    event = AuditEvent.objects.get(action="case.create", object_id=str(case.pk))
    assert event.after["party_name"] == "张*丰"
    assert event.after["id_number"] == "110105********002X"
    assert "张三丰" not in str(list(AuditEvent.objects.values_list("after", "before", "object_repr", "note")))


def test_a_matter_is_checked_against_the_towns_power_list(world, users):
    from fazhi.enforcement.models import Matter
    from fazhi.enforcement.selectors import matter_within_powers
    from fazhi.functions import services as functions_services

    unit = world.fengsheng.units.get(slug="shizheng")
    matter = Matter(town=world.fengsheng, unit=unit, name="对擅自占用城市道路经营的处罚", power_list_ref="XZCF-0101")
    assert matter_within_powers(matter)  # no power list kept yet: nothing to flag
    functions_services.power_item_create(actor=users["fengsheng_clerk"], town=world.fengsheng, code="CF-900",
                                         name="对其他违法行为的处罚", category="penalty", unit="市政中队",
                                         legal_basis="测试依据")
    assert not matter_within_powers(matter)  # the list exists and lacks this matter's code
    functions_services.power_item_create(actor=users["fengsheng_clerk"], town=world.fengsheng, code="XZCF-0101",
                                         name="对擅自占用城市道路经营的处罚", category="penalty", unit="市政中队",
                                         legal_basis="《城市市容和环境卫生管理条例》第三十六条")
    assert matter_within_powers(matter)
