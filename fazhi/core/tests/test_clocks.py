"""Statutory clocks: start, pause/resume, the one extension, restart, stop, cancel, and the
queries the sweeper and the workbench use. Expected dates counted by hand (RULES.md §10.2)."""

import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import Clock

D = datetime.date.fromisoformat

# 政府信息公开条例 第三十三条: 20 WD, one extension of at most 20 WD.
OGI_33 = clocks.ClockRule("OGI-33a", "依申请公开答复", 20, "wd", "政府信息公开条例第三十三条", max_extension=20)
# 行政处罚法 第六十七条: 15 days to pay, no extension in the statute.
AP_67 = clocks.ClockRule("AP-67", "缴纳罚款", 15, "d", "行政处罚法第六十七条")
# 政府信息公开条例 第三十条: 7 WD to ask for a correction.
OGI_30 = clocks.ClockRule("OGI-30", "告知补正", 7, "wd", "政府信息公开条例第三十条")


@pytest.fixture
def village(world):
    return world.fengsheng.villages.order_by("id").first()


@pytest.fixture
def ogi(village):
    # §10.4(a): received 2025-09-28 → due 2025-10-31.
    return clocks.start(subject=village, rule=OGI_33, start=D("2025-09-28"))


def test_ogi_33_start_computes_and_stores_due_date(ogi, village):
    ogi.refresh_from_db()
    assert ogi.due_date == D("2025-10-31")
    assert ogi.state == Clock.State.RUNNING
    assert not ogi.provisional
    assert (ogi.town_id, ogi.rule, ogi.unit, ogi.length) == (village.town_id, "OGI-33a", "wd", 20)
    assert clocks.get(village, OGI_33) == ogi
    assert clocks.for_subject(village) == [ogi]


def test_ap_67_calendar_day_clock_rolls_off_national_day(village):
    # 09-16 + 15 = 10-01 (off until 10-08) → 10-09 (民法典 第二百零三条).
    clock = clocks.start(subject=village, rule=AP_67, start=D("2025-09-16"))
    assert clock.due_date == D("2025-10-09")


def test_start_into_2027_is_provisional(village):
    clock = clocks.start(subject=village, rule=OGI_30, start=D("2026-12-28"))
    # 12-29…12-31 = 1…3; 2027-01-01 (no schedule) = 4; 01-04…01-06 = 5…7.
    assert clock.due_date == D("2027-01-06")
    assert clock.provisional


def test_starting_the_same_rule_twice_on_one_subject_is_refused(ogi, village):
    with pytest.raises(DomainError, match="不能重复起算"):
        clocks.start(subject=village, rule=OGI_33, start=D("2025-10-09"))
    # Another rule on the same subject, and the same rule on another subject, are fine.
    clocks.start(subject=village, rule=OGI_30, start=D("2025-09-28"))
    other = village.town.villages.exclude(pk=village.pk).first()
    clocks.start(subject=other, rule=OGI_33, start=D("2025-09-28"))
    assert Clock.objects.filter(rule="OGI-33a").count() == 2


def test_start_without_a_start_date_is_refused(village):
    with pytest.raises(InvalidInput):
        clocks.start(subject=village, rule=OGI_33, start=None)


def test_ogi_33_3_paused_clock_is_paused_and_never_overdue(ogi):
    clocks.pause(ogi, on=D("2025-10-13"))
    ogi.refresh_from_db()
    assert ogi.state == Clock.State.PAUSED
    assert ogi.pauses == [["2025-10-13", None]]
    assert ogi not in Clock.objects.overdue(D("2026-06-01"))
    assert ogi not in Clock.objects.due_between(D("2025-01-01"), D("2030-12-31"))


def test_ogi_33_3_resume_moves_due_date_by_the_paused_working_days(ogi):
    # Paused (10-13, 10-17]: 10-14…10-17 are 4 working days; 10-31 + 4 WD = 11-06.
    clocks.pause(ogi, on=D("2025-10-13"))
    clocks.resume(ogi, on=D("2025-10-17"))
    ogi.refresh_from_db()
    assert ogi.state == Clock.State.RUNNING
    assert ogi.pauses == [["2025-10-13", "2025-10-17"]]
    assert ogi.due_date == D("2025-11-06")


def test_ogi_33_3_open_pause_counts_to_today(ogi, monkeypatch):
    monkeypatch.setattr(clocks, "today", lambda: D("2025-10-15"))
    clocks.pause(ogi, on=D("2025-10-13"))
    # While paused the stored date is "if resumed today": 10-14, 10-15 uncounted → 11-04.
    assert ogi.due_date == D("2025-11-04")


def test_pause_refusals(ogi):
    with pytest.raises(InvalidInput):
        clocks.pause(ogi, on=D("2025-09-01"))  # before the start
    with pytest.raises(DomainError, match="没有暂停"):
        clocks.resume(ogi, on=D("2025-10-20"))
    clocks.pause(ogi, on=D("2025-10-13"))
    with pytest.raises(DomainError, match="已经暂停"):
        clocks.pause(ogi, on=D("2025-10-14"))
    with pytest.raises(InvalidInput):
        clocks.resume(ogi, on=D("2025-10-10"))  # before the pause
    clocks.resume(ogi, on=D("2025-10-17"))
    with pytest.raises(InvalidInput):
        clocks.pause(ogi, on=D("2025-10-15"))  # before the last resumption


def test_ogi_33_extension_continues_the_count(ogi):
    # §10.4(a): 20 + 20 WD → 2025-11-28.
    clocks.extend(ogi, length=20, reason="需要调取档案", rule=OGI_33)
    ogi.refresh_from_db()
    assert (ogi.extension, ogi.extension_reason, ogi.due_date) == (20, "需要调取档案", D("2025-11-28"))


def test_ogi_33_extension_is_refused_twice(ogi):
    clocks.extend(ogi, length=5, reason="需要调取档案", rule=OGI_33)
    with pytest.raises(DomainError, match="延长过一次"):
        clocks.extend(ogi, length=5, reason="再次延长", rule=OGI_33)


def test_ogi_33_extension_is_capped_at_twenty_workdays(ogi):
    with pytest.raises(InvalidInput, match="不能超过20个工作日"):
        clocks.extend(ogi, length=21, reason="需要调取档案", rule=OGI_33)
    ogi.refresh_from_db()
    assert (ogi.extension, ogi.due_date) == (0, D("2025-10-31"))


def test_extension_is_refused_for_a_rule_without_extension(village):
    clock = clocks.start(subject=village, rule=AP_67, start=D("2025-09-16"))
    with pytest.raises(DomainError, match="依法不能延长"):
        clocks.extend(clock, length=5, reason="当事人申请", rule=AP_67)


def test_extension_requires_a_reason(ogi):
    for reason in ("", "   "):
        with pytest.raises(InvalidInput, match="理由"):
            clocks.extend(ogi, length=5, reason=reason, rule=OGI_33)
    with pytest.raises(InvalidInput):
        clocks.extend(ogi, length=0, reason="需要调取档案", rule=OGI_33)


def test_extension_needs_the_clocks_own_rule_to_check_the_cap(ogi):
    # Without the rule, the statutory cap could not be checked.
    with pytest.raises(ValueError):
        clocks.extend(ogi, length=200, reason="需要调取档案")
    with pytest.raises(ValueError):
        clocks.extend(ogi, length=5, reason="需要调取档案", rule=OGI_30)
    ogi.refresh_from_db()
    assert ogi.extension == 0


def test_ogi_30_restart_counts_from_the_corrected_request_and_drops_pauses_and_extension(ogi):
    clocks.pause(ogi, on=D("2025-10-13"))
    clocks.resume(ogi, on=D("2025-10-17"))
    clocks.extend(ogi, length=10, reason="需要调取档案", rule=OGI_33)
    # Corrected request received 2025-11-03 (Mon), counted afresh (第三十条):
    # 11-04…11-07 = 1…4, 11-10…14 = 5…9, 11-17…21 = 10…14, 11-24…28 = 15…19, 12-01 = 20.
    clocks.restart(ogi, start=D("2025-11-03"))
    ogi.refresh_from_db()
    assert (ogi.start_date, ogi.pauses, ogi.extension, ogi.extension_reason) == (D("2025-11-03"), [], 0, "")
    assert ogi.state == Clock.State.RUNNING
    assert ogi.due_date == D("2025-12-01")


def test_stop_on_the_due_date_is_met(ogi):
    clocks.stop(ogi, on=D("2025-10-31"))
    ogi.refresh_from_db()
    assert (ogi.state, ogi.stopped_on) == (Clock.State.MET, D("2025-10-31"))


def test_stop_after_the_due_date_is_breached(ogi):
    clocks.stop(ogi, on=D("2025-11-01"))
    assert ogi.state == Clock.State.BREACHED


def test_stop_while_paused_resumes_first(ogi):
    clocks.pause(ogi, on=D("2025-10-13"))
    clocks.stop(ogi, on=D("2025-10-17"))
    ogi.refresh_from_db()
    assert ogi.state == Clock.State.MET
    assert ogi.pauses == [["2025-10-13", "2025-10-17"]]


def test_cancel(ogi):
    clocks.cancel(ogi, on=D("2025-10-09"))
    ogi.refresh_from_db()
    assert (ogi.state, ogi.stopped_on) == (Clock.State.CANCELLED, D("2025-10-09"))
    assert ogi not in Clock.objects.open()


@pytest.mark.parametrize("close", ["stop", "cancel"])
def test_a_closed_clock_refuses_further_changes(ogi, close):
    getattr(clocks, close)(ogi, on=D("2025-10-20"))
    for change in (
        lambda: clocks.pause(ogi, on=D("2025-10-21")),
        lambda: clocks.resume(ogi, on=D("2025-10-21")),
        lambda: clocks.extend(ogi, length=5, reason="需要调取档案", rule=OGI_33),
        lambda: clocks.restart(ogi, start=D("2025-10-21")),
        lambda: clocks.stop(ogi, on=D("2025-10-21")),
        lambda: clocks.cancel(ogi, on=D("2025-10-21")),
    ):
        with pytest.raises(DomainError):
            change()
    ogi.refresh_from_db()
    assert ogi.stopped_on == D("2025-10-20")


def test_overdue_means_running_and_past_the_due_date(ogi, village):
    fine = clocks.start(subject=village, rule=OGI_30, start=D("2025-10-27"))  # due 11-05
    assert fine.due_date == D("2025-11-05")
    # The due date itself is still in time (民法典 第二百零三条: until the end of that day).
    assert list(Clock.objects.overdue(D("2025-10-31"))) == []
    assert list(Clock.objects.overdue(D("2025-11-01"))) == [ogi]
    assert list(Clock.objects.overdue(D("2025-11-06"))) == [ogi, fine]
    clocks.stop(ogi, on=D("2025-11-03"))
    assert list(Clock.objects.overdue(D("2025-11-06"))) == [fine]


def test_due_between_is_inclusive_and_running_only(ogi, village):
    fine = clocks.start(subject=village, rule=OGI_30, start=D("2025-10-27"))  # due 11-05
    assert list(Clock.objects.due_between(D("2025-10-31"), D("2025-11-05"))) == [ogi, fine]
    assert list(Clock.objects.due_between(D("2025-11-01"), D("2025-11-04"))) == []
    clocks.pause(fine, on=D("2025-10-28"))
    assert list(Clock.objects.due_between(D("2025-10-01"), D("2030-12-31"))) == [ogi]


def test_explain_returns_the_day_by_day_count(ogi):
    lines = clocks.explain(ogi).explain_lines()
    assert lines[-1].startswith("2025-10-31(周五) 第20日")
