import datetime

import pytest

from fazhi.core import audit, clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock, YearLock
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, Level, Party, Status

from .conftest import PARTIES, other_grid

D = datetime.date


def test_create_registers_with_code_parties_and_audit(make_dispute, grid):
    d = make_dispute()
    assert d.status == Status.REGISTERED
    assert d.code == "2026-0001"
    assert d.village_id == grid.village_id
    assert d.parties.count() == 2
    assert Party.objects.get(dispute=d, name="张三").id_number == "110101199003074514"
    ev = audit.events_for(d).get()
    assert ev.action == "dispute.create"
    assert make_dispute().code == "2026-0002"


@pytest.mark.parametrize("parties, message", [
    ([PARTIES[0]], "两方"),
    ([{**PARTIES[0], "id_number": "110101199003074515"}, PARTIES[1]], "校验位"),
    ([PARTIES[0], {**PARTIES[1], "phone": "12345"}], "电话"),
    ([PARTIES[0], {**PARTIES[1], "role": "applicant"}], "被申请人"),
])
def test_create_refuses_bad_parties(make_dispute, parties, message):
    with pytest.raises(InvalidInput, match=message):
        make_dispute(parties=parties)
    assert not Dispute.objects.exists()


def test_grid_worker_reports_only_from_own_grid(make_dispute, users, world):
    d = make_dispute(actor="fengsheng_grid", grid=None, source="grid")
    assert d.grid_id == users["fengsheng_grid"].grid_id
    with pytest.raises(DomainError, match="本网格"):
        make_dispute(actor="fengsheng_grid", grid=other_grid(world.fengsheng))


def test_court_source_needs_the_body(make_dispute, court):
    with pytest.raises(InvalidInput, match="移交单位"):
        make_dispute(source="court")
    assert make_dispute(source="court", source_body=court).source_body == court


def test_officer_cannot_register(make_dispute):
    with pytest.raises(DomainError, match="角色"):
        make_dispute(actor="fengsheng_officer")


def test_future_date_refused(make_dispute):
    with pytest.raises(InvalidInput, match="晚于今天"):
        make_dispute(received_date=D(2099, 1, 1))


def test_accept_starts_one_month_mediation_clock(make_dispute, users):
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=make_dispute(), date=D(2026, 11, 3))
    assert d.status == Status.ACCEPTED
    clock = clocks.get(d, services.MEDIATION)
    # 《人民调解工作若干规定》第三十三条: one month from 受理, 2026-11-03 → 2026-12-03 (a Thursday).
    assert clock.due_date == D(2026, 12, 3)


def test_mediation_clock_rolls_over_national_day(make_dispute, users):
    # Accepted 2025-09-01: a month later is 2025-10-01, inside 国庆 2025 (10-01..10-08), so due 10-09.
    d = make_dispute(received_date=D(2025, 9, 1))
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=d, date=D(2025, 9, 1))
    assert clocks.get(d, services.MEDIATION).due_date == D(2025, 10, 9)


def test_decline_needs_reason_and_refusal_changes_nothing(make_dispute, users):
    d = make_dispute()
    with pytest.raises(InvalidInput):
        services.dispute_decline(actor=users["fengsheng_clerk"], dispute=d, reason=" ")
    d.refresh_from_db()
    assert d.status == Status.REGISTERED
    assert audit.events_for(d).count() == 1
    d = services.dispute_decline(actor=users["fengsheng_clerk"], dispute=d, reason="已起诉至法院")
    assert d.status == Status.DECLINED
    with pytest.raises(DomainError, match="不能执行"):
        services.dispute_accept(actor=users["fengsheng_clerk"], dispute=d)


def test_assign_defaults_to_the_village_committee(make_dispute, users, village_mediator):
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=make_dispute(), date=D(2026, 11, 3))
    with pytest.raises(InvalidInput, match="村/社区调委会的调解员"):
        services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, mediator=users["fengsheng_mediator"])
    d = services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, mediator=village_mediator)
    assert (d.status, d.level, d.mediator) == (Status.ASSIGNED, Level.VILLAGE, village_mediator)


def test_assign_to_town_skipping_village_needs_reason(make_dispute, users):
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=make_dispute(), date=D(2026, 11, 3))
    with pytest.raises(InvalidInput, match="写明理由"):
        services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, level=Level.TOWN,
                                mediator=users["fengsheng_mediator"])
    d.refresh_from_db()
    assert d.status == Status.ACCEPTED
    d = services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, level=Level.TOWN,
                                mediator=users["fengsheng_mediator"], reason="涉及两个村")
    assert d.level == Level.TOWN


def test_assign_refuses_another_towns_mediator(make_dispute, users):
    d = services.dispute_accept(actor=users["fengsheng_clerk"], dispute=make_dispute(), date=D(2026, 11, 3))
    with pytest.raises(InvalidInput, match="本镇街"):
        services.dispute_assign(actor=users["fengsheng_clerk"], dispute=d, level=Level.TOWN,
                                mediator=users["mudong_mediator"], reason="x")


def test_escalation_rises_one_level_at_a_time_and_keeps_history(mediating, users, court):
    d = services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=mediating, reason="村调解未果",
                                  mediator=users["fengsheng_mediator"], date=D(2026, 11, 6))
    assert (d.status, d.level) == (Status.ASSIGNED, Level.TOWN)
    with pytest.raises(InvalidInput, match="联动单位"):
        services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=d, reason="涉及劳动仲裁")
    d = services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=d, reason="需法院诉前调解",
                                  linkage_body=court, date=D(2026, 11, 7))
    assert (d.level, d.linkage_body) == (Level.LINKAGE, court)
    with pytest.raises(DomainError, match="不能再上交"):
        services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=d, reason="x", linkage_body=court)
    actions = list(audit.events_for(d).values_list("action", flat=True))
    assert actions.count("dispute.escalate") == 2
    assert d.history.count() >= 5
    # The mediation period still counts from 受理.
    assert clocks.get(d, services.MEDIATION).start_date == D(2026, 11, 3)


def test_escalate_needs_reason(mediating, users):
    with pytest.raises(InvalidInput, match="上交理由"):
        services.dispute_escalate(actor=users["fengsheng_mediator"], dispute=mediating, reason="",
                                  mediator=users["fengsheng_mediator"])


def test_session_only_by_the_handling_committee(mediating, users):
    # The dispute is at village level: the town mediator does not record its sessions.
    with pytest.raises(DomainError, match="村/社区调委会"):
        services.dispute_record_session(actor=users["fengsheng_mediator"], dispute=mediating, record="x")
    with pytest.raises(DomainError, match="角色"):
        services.dispute_record_session(actor=users["fengsheng_clerk"], dispute=mediating, record="x")


def test_settle_records_agreement_stops_clock_and_opens_confirmation_window(mediating, village_mediator):
    d = services.dispute_settle(actor=village_mediator, dispute=mediating, facts="排水沟堵塞,双方各有责任。",
                                terms="李四疏通排水沟并赔偿张三3000元。", performance="2026年11月30日前一次付清。",
                                agreement_amount=3000, date=D(2026, 11, 10))
    assert (d.status, d.outcome, d.concluded_level) == (Status.SETTLED, "settled", Level.VILLAGE)
    assert clocks.get(d, services.MEDIATION).state == Clock.State.MET
    window = clocks.get(d, services.CONFIRMATION)
    # 人民调解法第三十三条: 30 days from 2026-11-10 is 2026-12-10 (a Thursday).
    assert window.due_date == D(2026, 12, 10)


def test_settle_refuses_written_agreement_without_performance(mediating, village_mediator):
    with pytest.raises(InvalidInput, match="履行方式"):
        services.dispute_settle(actor=village_mediator, dispute=mediating, facts="f", terms="t",
                                date=D(2026, 11, 10))
    mediating.refresh_from_db()
    assert mediating.status == Status.MEDIATING
    assert clocks.get(mediating, services.CONFIRMATION) is None


def test_settle_before_last_session_refused(mediating, village_mediator):
    with pytest.raises(InvalidInput, match="早于"):
        services.dispute_settle(actor=village_mediator, dispute=mediating, facts="f", terms="t",
                                performance="p", date=D(2026, 11, 4))


def test_oral_agreement_has_no_confirmation_window(mediating, village_mediator, users):
    d = services.dispute_settle(actor=village_mediator, dispute=mediating, facts="f", terms="t",
                                form="oral", date=D(2026, 11, 10))
    assert clocks.get(d, services.CONFIRMATION) is None
    with pytest.raises(DomainError, match="口头协议"):
        services.dispute_apply_confirmation(actor=village_mediator, dispute=d, date=D(2026, 11, 11))


def _settled(mediating, village_mediator, on=None):
    on = on or D(2026, 11, 10)
    return services.dispute_settle(actor=village_mediator, dispute=mediating, facts="f", terms="t",
                                   performance="p", date=on)


def test_confirmation_inside_the_window(mediating, village_mediator):
    d = _settled(mediating, village_mediator)
    d = services.dispute_apply_confirmation(actor=village_mediator, dispute=d, date=D(2026, 11, 20))
    assert d.confirmation_applied_date == D(2026, 11, 20)
    assert clocks.get(d, services.CONFIRMATION).state == Clock.State.MET


def test_confirmation_after_the_window_is_refused(make_dispute, users, village_mediator):
    d = make_dispute(received_date=D(2026, 9, 1))
    clerk = users["fengsheng_clerk"]
    d = services.dispute_accept(actor=clerk, dispute=d, date=D(2026, 9, 1))
    d = services.dispute_assign(actor=clerk, dispute=d, mediator=village_mediator, date=D(2026, 9, 1))
    services.dispute_record_session(actor=village_mediator, dispute=d, record="r", date=D(2026, 9, 2))
    d = _settled(d, village_mediator, on=D(2026, 9, 2))
    # 30 days from 09-02 is 10-02, inside 国庆 2026 (10-01..10-07): the last day rolls to 10-08.
    assert clocks.get(d, services.CONFIRMATION).due_date == D(2026, 10, 8)
    services.dispute_apply_confirmation(actor=village_mediator, dispute=d, date=D(2026, 10, 8))
    d2 = make_dispute(received_date=D(2026, 9, 1))
    d2 = services.dispute_accept(actor=clerk, dispute=d2, date=D(2026, 9, 1))
    d2 = services.dispute_assign(actor=clerk, dispute=d2, mediator=village_mediator, date=D(2026, 9, 1))
    services.dispute_record_session(actor=village_mediator, dispute=d2, record="r", date=D(2026, 9, 2))
    d2 = _settled(d2, village_mediator, on=D(2026, 9, 2))
    with pytest.raises(DomainError, match="三十日"):
        services.dispute_apply_confirmation(actor=village_mediator, dispute=d2, date=D(2026, 10, 9))
    d2.refresh_from_db()
    assert d2.confirmation_applied_date is None


def test_fail_guides_parties_elsewhere(mediating, village_mediator):
    with pytest.raises(InvalidInput, match="途径"):
        services.dispute_fail(actor=village_mediator, dispute=mediating, guided_to="", reason="分歧大")
    d = services.dispute_fail(actor=village_mediator, dispute=mediating, guided_to="litigation", reason="分歧大",
                              date=D(2026, 11, 12))
    assert (d.status, d.outcome, d.guided_to) == (Status.FAILED, "failed", "litigation")
    assert clocks.get(d, services.MEDIATION).state == Clock.State.MET


def test_hand_over_cancels_mediation_clock(mediating, users, court):
    d = services.dispute_hand_over(actor=users["fengsheng_clerk"], dispute=mediating, body=court,
                                   reason="当事人已起诉", date=D(2026, 11, 12))
    assert (d.status, d.handed_to) == (Status.HANDED_OVER, court)
    assert clocks.get(d, services.MEDIATION).state == Clock.State.CANCELLED
    d = services.dispute_close(actor=users["fengsheng_clerk"], dispute=d, date=D(2026, 11, 13))
    assert d.status == Status.CLOSED


def test_close_needs_a_return_visit(mediating, village_mediator, users):
    d = _settled(mediating, village_mediator)
    with pytest.raises(DomainError, match="回访"):
        services.dispute_close(actor=users["fengsheng_clerk"], dispute=d, date=D(2026, 11, 20))
    with pytest.raises(InvalidInput, match="履行情况"):
        services.dispute_return_visit(actor=users["fengsheng_grid"], dispute=d, date=D(2026, 11, 20))
    visit = services.dispute_return_visit(actor=users["fengsheng_grid"], dispute=d, performed=True,
                                          note="已付清", date=D(2026, 11, 20))
    assert visit.performed is True
    assert clocks.get(d, services.RETURN_VISIT).state == Clock.State.MET
    # Inside the 司法确认 window the case stays open, unless both parties waive it.
    with pytest.raises(DomainError, match="尚未届满"):
        services.dispute_close(actor=users["fengsheng_clerk"], dispute=d, date=D(2026, 11, 21))
    d = services.dispute_close(actor=users["fengsheng_clerk"], dispute=d, date=D(2026, 11, 21),
                               confirmation_waived=True)
    assert d.status == Status.CLOSED and d.performed is True
    assert clocks.get(d, services.CONFIRMATION).state == Clock.State.CANCELLED


def test_close_after_the_window_lapsed_cancels_it(make_dispute, users, village_mediator):
    clerk = users["fengsheng_clerk"]
    d = make_dispute(received_date=D(2026, 8, 3))
    d = services.dispute_accept(actor=clerk, dispute=d, date=D(2026, 8, 3))
    d = services.dispute_assign(actor=clerk, dispute=d, mediator=village_mediator, date=D(2026, 8, 3))
    services.dispute_record_session(actor=village_mediator, dispute=d, record="r", date=D(2026, 8, 4))
    d = _settled(d, village_mediator, on=D(2026, 8, 5))
    # 回访 is scheduled 30 days after settlement (本镇规范, 《人民调解法》第三十一条).
    assert clocks.get(d, services.RETURN_VISIT).due_date == D(2026, 9, 4)
    services.dispute_return_visit(actor=village_mediator, dispute=d, performed=True, date=D(2026, 8, 20))
    d = services.dispute_close(actor=clerk, dispute=d, date=D(2026, 9, 7))
    assert clocks.get(d, services.CONFIRMATION).state == Clock.State.CANCELLED


def test_extend_mediation_once(mediating, village_mediator):
    services.dispute_extend(actor=village_mediator, dispute=mediating, reason="双方同意继续调解",
                            date=D(2026, 11, 20))
    assert clocks.get(mediating, services.MEDIATION).due_date == D(2027, 1, 4)  # 01-03 is a Sunday
    with pytest.raises(DomainError, match="一次"):
        services.dispute_extend(actor=village_mediator, dispute=mediating, reason="again", date=D(2026, 11, 20))


def test_locked_year_refuses_changes(make_dispute, users, world):
    d = make_dispute(received_date=D(2025, 3, 1))
    YearLock.objects.create(town=world.fengsheng, year=2025, locked_by_label="x", reason="已公布")
    with pytest.raises(DomainError, match="锁定"):
        services.dispute_accept(actor=users["fengsheng_clerk"], dispute=d, date=D(2025, 3, 2))
    with pytest.raises(DomainError, match="锁定"):
        make_dispute(received_date=D(2025, 3, 1))
