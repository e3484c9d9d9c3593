"""Every transition of a disclosure request and its refusals (政府信息公开条例, RULES.md §1).
Expected dates counted by hand on the State Council calendar (RULES.md §10.2, §10.4)."""

import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, Clock
from fazhi.disclosure import services
from fazhi.disclosure.models import DisclosureRequest, Letter, Redaction, RequestStatus

from .conftest import D, company, person

S = RequestStatus


def reload(req):
    return DisclosureRequest.objects.get(pk=req.pk)


def test_ogi_33_in_person_request_due_across_national_day(make_request):
    # §10.4(a): received 2025-09-28 (a make-up working day) → 20 WD → 2025-10-31.
    req = make_request()
    assert req.status == S.REGISTERED
    assert req.received_date == D("2025-09-28")
    assert req.due_date == D("2025-10-31")
    # 第三十条: the correction notice is due within 7 WD: 09-29, 09-30, 10-09, 10-10, 10-11(调休), 10-13, 10-14.
    assert clocks.get(req, services.OGI_30).due_date == D("2025-10-14")
    assert len(req.query_code) == 10


def test_ogi_31_in_person_receipt_is_the_day_handed_in(world, clerk):
    with pytest.raises(InvalidInput, match="第三十一条"):
        services.request_register(actor=clerk, town=world.fengsheng,
                                  data=person(arrived_date="2025-09-26", received_date="2025-09-28"))


def test_ogi_31_post_receipt_is_the_signing_day(world, clerk):
    req = services.request_register(actor=clerk, town=world.fengsheng, data=company())
    assert (req.arrived_date, req.received_date) == (D("2025-03-03"), D("2025-03-04"))
    # 2025-03-04 + 20 WD = 2025-04-01.
    assert req.due_date == D("2025-04-01")
    with pytest.raises(InvalidInput, match="不能早于"):
        services.request_register(actor=clerk, town=world.fengsheng,
                                  data=company(arrived_date="2025-03-05", received_date="2025-03-04"))


def test_ogi_31_unconfirmed_online_request_waits_without_clocks(world, clerk):
    req = services.request_register(actor=clerk, town=world.fengsheng,
                                    data=person(channel="online", arrived_date="2025-09-26", received_date=None))
    assert req.status == S.SUBMITTED and req.received_date is None and req.due_date is None
    assert clocks.for_subject(req) == []
    req = services.request_confirm_receipt(actor=clerk, request=req, date="2025-09-28")
    assert (req.status, req.received_date, req.due_date) == (S.REGISTERED, D("2025-09-28"), D("2025-10-31"))
    with pytest.raises(DomainError, match="不能执行"):
        services.request_confirm_receipt(actor=clerk, request=req, date="2025-09-29")


def test_invalid_id_number_and_credit_code_are_refused(world, clerk):
    with pytest.raises(InvalidInput, match="校验位") as exc:
        services.request_register(actor=clerk, town=world.fengsheng, data=person(id_number="110105194912310021"))
    assert exc.value.field == "id_number"
    with pytest.raises(InvalidInput, match="信用代码"):
        services.request_register(actor=clerk, town=world.fengsheng, data=company(credit_code="91350100M000100Y44"))
    assert DisclosureRequest.objects.count() == 0


def test_ogi_30_correction_pauses_then_restarts_the_reply_clock(make_request, clerk, monkeypatch):
    req = make_request()
    monkeypatch.setattr(clocks, "today", lambda: D("2025-10-20"))
    req = services.request_request_correction(actor=clerk, request=req, date="2025-10-09", items="写明文号",
                                              deadline=D("2025-10-24"))
    assert req.status == S.CORRECTION
    assert req.due_date is None  # no reply deadline until the corrected request arrives (第三十条)
    assert clocks.get(req, services.OGI_30).state == Clock.State.MET
    assert clocks.get(req, services.OGI_33).state == Clock.State.PAUSED
    assert Letter.objects.filter(request=req, kind="correction").count() == 1
    # Corrected request arrives 2025-10-20 (Monday): 20 WD again from there → 2025-11-17.
    req = services.request_receive_correction(actor=clerk, request=req, date="2025-10-20")
    assert (req.status, req.due_date) == (S.REGISTERED, D("2025-11-17"))
    reply = clocks.get(req, services.OGI_33)
    assert (reply.start_date, reply.pauses, reply.state) == (D("2025-10-20"), [], Clock.State.RUNNING)


def test_ogi_30_correction_is_asked_once_only(make_request, clerk):
    req = make_request()
    req = services.request_request_correction(actor=clerk, request=req, date="2025-10-09", items="写明文号",
                                              deadline=D("2025-10-24"))
    req = services.request_receive_correction(actor=clerk, request=req, date="2025-10-20")
    before = reload(req).__dict__.copy()
    with pytest.raises(DomainError, match="一次性"):
        services.request_request_correction(actor=clerk, request=req, date="2025-10-21", items="再补",
                                            deadline=D("2025-10-30"))
    after = reload(req)
    assert (after.status, after.correction_items) == (before["status"], before["correction_items"])


def test_ogi_30_late_correction_needs_a_reason_and_abandon_only_after_the_deadline(make_request, clerk):
    req = make_request()
    req = services.request_request_correction(actor=clerk, request=req, date="2025-10-09", items="写明文号",
                                              deadline=D("2025-10-24"))
    with pytest.raises(DomainError, match="尚未届满"):
        services.request_abandon(actor=clerk, request=req, date="2025-10-24")
    with pytest.raises(DomainError, match="正当理由"):
        services.request_receive_correction(actor=clerk, request=req, date="2025-10-27")
    req = services.request_abandon(actor=clerk, request=req, date="2025-10-27")
    assert (req.status, req.reply_type, req.reply_reason, req.concluded_on) == (
        S.CLOSED, "other", "correction_overdue", D("2025-10-27"))
    assert clocks.get(req, services.OGI_33).state == Clock.State.CANCELLED


def test_ogi_32_33_consultation_pauses_the_reply_clock_and_runs_15_wd(make_request, clerk):
    req = make_request()
    req = services.request_consult(actor=clerk, request=req, date="2025-10-13", kind="third_party", party="某公司")
    assert req.status == S.CONSULTING
    third = clocks.get(req, services.OGI_32)
    # 2025-10-13 + 15 WD = 2025-11-03.
    assert third.due_date == D("2025-11-03")
    with pytest.raises(DomainError, match="届满前"):
        services.request_consult_replied(actor=clerk, request=req, date="2025-10-20", opinion="none")
    # Paused (10-13, 10-17]: 4 WD not counted → 2025-10-31 + 4 WD = 2025-11-06.
    req = services.request_consult_replied(actor=clerk, request=req, date="2025-10-17", opinion="object")
    assert (req.status, req.due_date) == (S.REGISTERED, D("2025-11-06"))
    assert clocks.get(req, services.OGI_32).state == Clock.State.MET


def test_ogi_33_extension_once_capped_and_leader_only(make_request, clerk, leader):
    req = make_request()
    with pytest.raises(DomainError, match="角色"):
        services.request_extend(actor=clerk, request=req, date="2025-10-20", workdays=10, reason="档案调取")
    with pytest.raises(InvalidInput, match="不能超过20个工作日"):
        services.request_extend(actor=leader, request=req, date="2025-10-20", workdays=21, reason="档案调取")
    assert reload(req).due_date == D("2025-10-31")
    req = services.request_extend(actor=leader, request=req, date="2025-10-20", workdays=20, reason="档案调取")
    # §10.4(a): 20 + 20 WD → 2025-11-28.
    assert (req.due_date, req.extension_workdays, req.extension_approved_by_label) == (
        D("2025-11-28"), 20, leader.label)
    assert Letter.objects.filter(request=req, kind="extension").count() == 1
    with pytest.raises(DomainError, match="只能延长一次"):
        services.request_extend(actor=leader, request=req, date="2025-10-21", workdays=1, reason="再延")


def test_extension_after_the_due_date_is_refused(make_request, leader):
    req = make_request()
    with pytest.raises(DomainError, match="已于2025-10-31届满"):
        services.request_extend(actor=leader, request=req, date="2025-11-03", workdays=5, reason="档案调取")


def test_refusal_needs_an_agreeing_review(make_request, clerk, reviewer):
    req = make_request()
    with pytest.raises(DomainError, match="法制审核"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="withheld", reason="process")
    with pytest.raises(DomainError, match="角色"):
        services.request_review_refusal(actor=clerk, request=req, date="2025-10-15", reason="process", opinion="同意")
    services.request_review_refusal(actor=reviewer, request=req, date="2025-10-15", reason="process",
                                    agreed=True, opinion="属于过程性信息,同意不予公开")
    with pytest.raises(DomainError, match="理由与审核一致"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="withheld", reason="internal")
    req = services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="withheld", reason="process")
    assert (req.status, req.replied_on_time) == (S.REPLIED, True)


def test_reply_requires_a_reason_of_its_type(make_request, clerk):
    req = make_request()
    with pytest.raises(InvalidInput, match="具体理由"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="unavailable", reason="duplicate")
    with pytest.raises(InvalidInput, match="答复类型"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="maybe")
    with pytest.raises(DomainError, match="已补正"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="unavailable", reason="unclear")
    assert reload(req).status == S.REGISTERED


def test_late_reply_is_recorded_as_breached(make_request, clerk):
    req = make_request()
    req = services.request_reply(actor=clerk, request=req, date="2025-11-03", reply_type="disclosed")
    assert req.replied_on_time is False
    assert clocks.get(req, services.OGI_33).state == Clock.State.BREACHED


def test_reply_redacts_other_peoples_data_and_logs_it(make_request, clerk):
    req = make_request()
    text = "补助名单:户主:王小明,身份证110105194912310021,电话13900001111;申请人本人电话13812345678。"
    req = services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="disclosed",
                                 released_text=text)
    assert "王小明" not in req.released_text and "110105194912310021" not in req.released_text
    assert "13900001111" not in req.released_text and "13812345678" in req.released_text
    assert set(Redaction.objects.filter(request=req).values_list("kind", flat=True)) == {"id_number", "phone", "name"}
    assert Letter.objects.filter(request=req, kind="disclosed").count() == 1


def test_deliver_close_and_their_order(make_request, clerk):
    req = make_request()
    with pytest.raises(DomainError, match="不能执行"):
        services.request_deliver(actor=clerk, request=req, date="2025-10-20")
    req = services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="partial")
    with pytest.raises(InvalidInput, match="不能早于"):
        services.request_deliver(actor=clerk, request=req, date="2025-10-19")
    req = services.request_deliver(actor=clerk, request=req, date="2025-10-21", method="post")
    req = services.request_close(actor=clerk, request=req, date="2025-10-22")
    assert req.status == S.CLOSED
    with pytest.raises(DomainError):
        services.request_withdraw(actor=clerk, request=req, date="2025-10-23")


def test_withdraw_cancels_clocks(make_request, clerk):
    req = make_request()
    req = services.request_withdraw(actor=clerk, request=req, date="2025-10-09")
    assert (req.status, req.concluded_on) == (S.WITHDRAWN, D("2025-10-09"))
    assert {c.state for c in clocks.for_subject(req)} == {Clock.State.CANCELLED}


def test_future_dates_are_refused(make_request, clerk):
    req = make_request()
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    with pytest.raises(InvalidInput, match="晚于今天"):
        services.request_reply(actor=clerk, request=req, date=future, reply_type="disclosed")


def test_audit_events_hold_no_clear_personal_data(make_request, clerk):
    req = make_request()
    services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="disclosed")
    events = AuditEvent.objects.filter(object_type="disclosure.disclosurerequest", object_id=str(req.pk))
    actions = [e.action for e in events.order_by("id")]
    assert actions[0] == "disclosurerequest.create" and "disclosurerequest.reply" in actions
    dump = str([(e.before, e.after) for e in events])
    assert "11010519491231002X" not in dump and "13812345678" not in dump and "张三丰" not in dump


def test_year_lock_refuses_changes(make_request, clerk, world):
    from fazhi.core import yearlock

    req = make_request()
    yearlock.lock_year(actor=clerk, town=world.fengsheng, year=2025, reason="年报已公布")
    with pytest.raises(DomainError, match="已锁定"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="disclosed")


def test_ogi_30_confirm_clear_ends_the_correction_clock(make_request, clerk):
    req = make_request()
    assert "request_correction" in [a for a, _s, _l in services.available_actions(req, clerk)]
    services.request_confirm_clear(actor=clerk, request=req, date="2025-09-29")
    assert clocks.get(req, services.OGI_30).state == Clock.State.CANCELLED
    names = [a for a, _s, _l in services.available_actions(reload(req), clerk)]
    assert "request_correction" not in names and "confirm_clear" not in names
    with pytest.raises(DomainError, match="无需再确认"):
        services.request_confirm_clear(actor=clerk, request=req, date="2025-09-30")


def test_fee_tiers_of_109():
    # 国办函〔2020〕109号 第四条.
    assert [services.fee_per_item(n) for n in (1, 10, 11, 30, 31, 40, 41, 51)] == [0, 0, 100, 100, 200, 200, 300, 400]
    assert [services.fee_per_page(p) for p in (30, 31, 100, 101, 200, 201)] == [0, 10, 700, 720, 2700, 2740]


def test_fee_notice_paid_and_overdue(make_request, clerk):
    req = make_request()
    with pytest.raises(DomainError, match="不收取"):
        services.request_fee_notice(actor=clerk, request=req, date="2025-10-09", method="item")
    req = services.request_fee_notice(actor=clerk, request=req, date="2025-10-09", method="page", pages=50)
    assert req.fee_amount == 200
    fee = clocks.get(req, services.OGI_FEE)
    # 2025-10-09 + 20 WD: 10-10, 10-11(调休), 10-13…10-17, 10-20…10-24, 10-27…10-31, 11-03, 11-04 → 2025-11-05? counted:
    # 1=10-10, 2=10-11, 3…7=10-13…10-17, 8…12=10-20…10-24, 13…17=10-27…10-31, 18…20=11-03…11-05.
    assert fee.due_date == D("2025-11-05")
    with pytest.raises(DomainError, match="逾期未缴费"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="other", reason="fee_overdue")
    req = services.request_reply(actor=clerk, request=req, date="2025-11-06", reply_type="other", reason="fee_overdue")
    assert req.replied_on_time is False  # the reply period itself ran out on 10-31
    assert clocks.get(req, services.OGI_FEE).state == Clock.State.CANCELLED


def test_fee_per_item_counts_the_applicants_requests_in_the_month(make_request, clerk):
    reqs = [make_request(received_date="2025-09-01") for _ in range(11)]
    req = services.request_fee_notice(actor=clerk, request=reqs[-1], date="2025-09-02", method="item")
    assert req.fee_amount == 100
    req = services.request_fee_paid(actor=clerk, request=req, date="2025-09-05")
    assert clocks.get(req, services.OGI_FEE).state == Clock.State.MET


def test_ogi_35_excessive_needs_reasons_asked_first(make_request, clerk):
    req = make_request()
    with pytest.raises(DomainError, match="说明理由"):
        services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="not_processed",
                               reason="excessive")
    services.request_ask_reasons(actor=clerk, request=req, date="2025-10-09")
    assert Letter.objects.filter(request=req, kind="reasons").count() == 1
    req = services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="not_processed",
                                 reason="excessive")
    assert req.status == S.REPLIED


def test_ogi_35_delayed_reply_date_replaces_the_20_wd(make_request, clerk, leader):
    req = make_request()
    with pytest.raises(DomainError, match="先要求"):
        services.request_set_delay(actor=leader, request=req, date="2025-10-10", until=D("2025-12-15"), reason="数量大")
    services.request_ask_reasons(actor=clerk, request=req, date="2025-10-09")
    with pytest.raises(DomainError, match="角色"):
        services.request_set_delay(actor=clerk, request=req, date="2025-10-20", until=D("2025-12-15"), reason="数量大")
    with pytest.raises(InvalidInput, match="应晚于"):
        services.request_set_delay(actor=leader, request=req, date="2025-10-20", until=D("2025-10-30"), reason="数量大")
    req = services.request_set_delay(actor=leader, request=req, date="2025-10-20", until=D("2025-12-15"),
                                     reason="涉及十年档案")
    assert req.due_date == D("2025-12-15")
    assert clocks.get(req, services.OGI_33).state == Clock.State.CANCELLED
    with pytest.raises(DomainError, match="不能再延长"):
        services.request_extend(actor=leader, request=req, date="2025-10-21", workdays=5, reason="x")
    req = services.request_reply(actor=clerk, request=req, date="2025-12-12", reply_type="disclosed")
    assert req.replied_on_time is True
