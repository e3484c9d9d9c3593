"""Statutory period arithmetic on the calendar the database holds (RULES.md §9, §10).

Every expected date below was counted by hand against the State Council schedules transcribed
in RULES.md §10.2 (the count is written next to each case), not taken from the code's output.
"""

import datetime

import pytest

from fazhi.core.holidays import current_calendar
from fazhi.core.workdays import add_days, add_months, add_workdays, compute_due, workdays_between

D = datetime.date.fromisoformat


@pytest.fixture
def cal(db):
    return current_calendar()


def counted_days(result):
    return [s.day.isoformat() for s in result.steps if s.counted]


# --- RULES.md §10.4 worked examples -------------------------------------------------------


def test_ogi_33_twenty_workdays_across_national_day_2025(cal):
    # §10.4(a): received 2025-09-28 (Sunday, 调休上班); 10-01…10-08 off; 10-11 (Sat) make-up.
    result = add_workdays(cal, D("2025-09-28"), 20)
    assert result.due == D("2025-10-31")
    assert not result.provisional
    assert counted_days(result) == [
        "2025-09-29", "2025-09-30",
        "2025-10-09", "2025-10-10", "2025-10-11",
        "2025-10-13", "2025-10-14", "2025-10-15", "2025-10-16", "2025-10-17",
        "2025-10-20", "2025-10-21", "2025-10-22", "2025-10-23", "2025-10-24",
        "2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30", "2025-10-31",
    ]


def test_ogi_33_extension_continues_the_count_from_2025_11_01(cal):
    # §10.4(a): an extension of ≤20 WD continues the same count: 21=11-03 … 40=11-28 (four full weeks).
    result = compute_due(cal, D("2025-09-28"), 20, "wd", extension=20)
    assert result.due == D("2025-11-28")
    assert counted_days(result)[20] == "2025-11-03"


def test_ap_61_seven_workdays_across_national_day_2024_counts_makeup_days(cal):
    # §10.4(b): 09-28 (Sat) skipped; 09-29 (Sun) and 10-12 (Sat) are 调休上班 and count.
    result = add_workdays(cal, D("2024-09-27"), 7)
    assert result.due == D("2024-10-12")
    assert counted_days(result) == [
        "2024-09-29", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10", "2024-10-11", "2024-10-12",
    ]


# --- 民法典 第二百零一条: the start day is never counted ----------------------------------------


def test_cc_201_start_day_not_counted_for_workdays(cal):
    assert add_workdays(cal, D("2025-03-03"), 1).due == D("2025-03-04")  # Monday → Tuesday


def test_cc_201_start_day_not_counted_for_calendar_days(cal):
    assert add_days(cal, D("2025-03-03"), 1).due == D("2025-03-04")


def test_cc_201_start_on_a_holiday_counts_from_the_first_working_day_after(cal):
    # 2025-10-01 is a day off; 10-02…10-08 too; the first working day after is 10-09.
    assert add_workdays(cal, D("2025-10-01"), 1).due == D("2025-10-09")


def test_cc_201_start_on_a_makeup_day_is_itself_not_counted(cal):
    result = add_workdays(cal, D("2025-09-28"), 1)
    assert result.due == D("2025-09-29")
    assert "2025-09-28" not in [s.day.isoformat() for s in result.steps]


# --- Spring Festival and National Day, 2023–2026 (RULES.md §10.2) --------------------------


def test_wd_across_spring_festival_2023_counts_makeup_0128_0129(cal):
    # 01-20 (Fri)=1; 01-21…01-27 off; 01-28 (Sat)=2, 01-29 (Sun)=3 make-up; 01-30=4, 01-31=5.
    result = add_workdays(cal, D("2023-01-19"), 5)
    assert result.due == D("2023-01-31")
    assert counted_days(result) == ["2023-01-20", "2023-01-28", "2023-01-29", "2023-01-30", "2023-01-31"]


def test_wd_across_national_day_2023_ends_on_makeup_sunday_1008(cal):
    # 09-28 (Thu)=1; 09-29…10-06 off; 10-07 (Sat)=2, 10-08 (Sun)=3 make-up.
    assert add_workdays(cal, D("2023-09-27"), 3).due == D("2023-10-08")


def test_wd_2023_12_30_and_31_are_not_working_days(cal):
    # 2024 notice: only 2024-01-01 off, "与周末连休"; 12-30/31 are a plain weekend.
    assert not cal.is_workday(D("2023-12-30"))
    assert not cal.is_workday(D("2023-12-31"))
    assert add_workdays(cal, D("2023-12-29"), 1).due == D("2024-01-02")


def test_wd_across_spring_festival_2024_counts_makeup_0204(cal):
    # 02-03 (Sat) skipped; 02-04 (Sun)=1 make-up; 02-05 (Mon)=2.
    assert add_workdays(cal, D("2024-02-02"), 2).due == D("2024-02-05")


def test_wd_spring_festival_2024_chuxi_0209_is_a_working_day_and_0218_a_makeup_day(cal):
    # 02-09 除夕 (Fri) is only "encouraged" off, not a holiday: =1; 02-10…02-17 off;
    # 02-18 (Sun)=2 make-up; 02-19=3, 02-20=4, 02-21=5.
    assert cal.is_workday(D("2024-02-09"))
    result = add_workdays(cal, D("2024-02-08"), 5)
    assert result.due == D("2024-02-21")
    assert counted_days(result) == ["2024-02-09", "2024-02-18", "2024-02-19", "2024-02-20", "2024-02-21"]


def test_wd_across_spring_festival_2025_counts_makeup_0126_and_0208(cal):
    # 01-25 (Sat) skipped; 01-26 (Sun)=1; 01-27=2; 01-28…02-04 off; 02-05…02-07=3…5;
    # 02-08 (Sat)=6; 02-10…14=7…11; 02-17…21=12…16; 02-24…27=17…20.
    result = add_workdays(cal, D("2025-01-24"), 20)
    assert result.due == D("2025-02-27")
    assert counted_days(result)[:6] == [
        "2025-01-26", "2025-01-27", "2025-02-05", "2025-02-06", "2025-02-07", "2025-02-08",
    ]


def test_wd_across_new_year_2026_counts_makeup_0104(cal):
    # 2026-01-01…01-03 off; 01-04 (Sun) make-up =1.
    assert add_workdays(cal, D("2025-12-31"), 1).due == D("2026-01-04")


def test_wd_across_spring_festival_2026_counts_makeup_0214_and_0228(cal):
    # 02-13 (Fri)=1; 02-14 (Sat)=2; 02-15…02-23 off (9 days); 02-24…02-27=3…6; 02-28 (Sat)=7;
    # 03-01 (Sun) skipped; 03-02=8, 03-03=9, 03-04=10.
    result = add_workdays(cal, D("2026-02-12"), 10)
    assert result.due == D("2026-03-04")
    assert counted_days(result)[:7] == [
        "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28",
    ]


def test_wd_across_mid_autumn_and_national_day_2026_counts_makeup_0920_and_1010(cal):
    # 09-19 (Sat) skipped; 09-20 (Sun)=1; 09-21…09-24=2…5; 09-25…09-27 off; 09-28…09-30=6…8;
    # 10-01…10-07 off; 10-08=9, 10-09=10, 10-10 (Sat)=11.
    result = add_workdays(cal, D("2026-09-18"), 11)
    assert result.due == D("2026-10-10")
    assert counted_days(result)[0] == "2026-09-20"


def test_wd_makeup_days_of_each_year_are_working_days(cal):
    for text in ["2023-01-28", "2023-01-29", "2024-02-04", "2024-02-18", "2025-01-26", "2025-02-08",
                 "2026-01-04", "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"]:
        assert cal.is_workday(D(text)), text


def test_workdays_between_skips_national_day_2025(cal):
    # 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday).
    assert workdays_between(cal, D("2025-09-28"), D("2025-10-11")) == 5
    assert workdays_between(cal, D("2025-10-11"), D("2025-09-28")) == -5


# --- 民法典 第二百零三条: calendar-day periods roll off a rest day ---------------------------------


def test_cc_203_fifteen_days_ending_on_national_day_2025_rolls_to_1009(cal):
    # 09-16 + 15 = 10-01, a day off; the rest runs to 10-08, so the period ends on 10-09.
    result = add_days(cal, D("2025-09-16"), 15)
    assert result.due == D("2025-10-09")


def test_cc_203_without_roll_the_last_day_stays_on_the_holiday(cal):
    assert add_days(cal, D("2025-09-16"), 15, roll=False).due == D("2025-10-01")


def test_ap_60_ninety_days_ending_on_national_day_2025_rolls_to_1009(cal):
    # 07-03 + 90: 07-31 is +28, 08-31 +59, 09-30 +89, 10-01 +90 (a day off).
    assert add_days(cal, D("2025-07-03"), 90).due == D("2025-10-09")


def test_ap_67_fifteen_days_ending_in_spring_festival_2026_rolls_to_0224(cal):
    # 02-01 + 15 = 02-16, inside 02-15…02-23; the day after the rest is 02-24.
    assert add_days(cal, D("2026-02-01"), 15).due == D("2026-02-24")
    assert add_days(cal, D("2026-02-01"), 15, roll=False).due == D("2026-02-16")


def test_pm_33_thirty_days_ending_in_spring_festival_2024_rolls_to_makeup_sunday_0218(cal):
    # 01-11 + 30 = 02-10, the first day off (02-10…02-17); 02-18 (Sun) is a make-up working day.
    assert add_days(cal, D("2024-01-11"), 30).due == D("2024-02-18")


def test_cc_203_ten_days_ending_in_national_day_2023_rolls_to_makeup_saturday_1007(cal):
    # 09-20 + 10 = 09-30, inside 09-29…10-06; 10-07 (Sat) is a make-up working day.
    assert add_days(cal, D("2023-09-20"), 10).due == D("2023-10-07")


def test_cc_203_last_day_on_a_makeup_sunday_does_not_roll(cal):
    # 09-13 + 15 = 2025-09-28, a Sunday worked as 调休上班.
    assert add_days(cal, D("2025-09-13"), 15).due == D("2025-09-28")


def test_cc_203_last_day_on_an_ordinary_saturday_rolls_to_monday(cal):
    # 03-01 + 14 = 2025-03-15 (Sat) → 03-17 (Mon).
    assert add_days(cal, D("2025-03-01"), 14).due == D("2025-03-17")


# --- 民法典 第二百零二条: months and years end on the corresponding day or the month's end ------


def test_cc_202_one_month_from_january_31_ends_on_february_28_2025(cal):
    assert add_months(cal, D("2025-01-31"), 1).due == D("2025-02-28")  # a Friday


def test_cc_202_one_month_from_january_31_ends_on_february_29_in_leap_2024(cal):
    assert add_months(cal, D("2024-01-31"), 1).due == D("2024-02-29")  # a Thursday


def test_cc_202_one_month_from_august_31_ends_on_september_30_2025(cal):
    assert add_months(cal, D("2025-08-31"), 1).due == D("2025-09-30")


def test_cc_202_month_end_on_a_makeup_saturday_2026_02_28_does_not_roll(cal):
    # 01-31 + 1 month → 02-28 (no 31st); 2026-02-28 is a make-up working Saturday.
    assert add_months(cal, D("2026-01-31"), 1).due == D("2026-02-28")


def test_cc_202_203_month_ending_on_national_day_rolls_unless_roll_off(cal):
    assert compute_due(cal, D("2025-09-01"), 1, "m").due == D("2025-10-09")
    assert compute_due(cal, D("2025-09-01"), 1, "m", roll=False).due == D("2025-10-01")


def test_cc_202_one_year_from_february_29_ends_on_february_28(cal):
    assert compute_due(cal, D("2024-02-29"), 1, "y").due == D("2025-02-28")  # a Friday


# --- 政府信息公开条例 第三十三条第三款: paused days are not counted ------------------------------------


def test_ogi_33_3_pause_moves_due_date_by_the_paused_working_days(cal):
    # Pause (10-13, 10-17]: 10-14…10-17 (4 WD) uncounted; 10-31 → 11-06.
    result = add_workdays(cal, D("2025-09-28"), 20, pauses=[("2025-10-13", "2025-10-17")])
    assert result.due == D("2025-11-06")
    assert "2025-10-14" not in counted_days(result)
    assert "2025-10-13" in counted_days(result)  # the day the wait began still counts


def test_ogi_33_3_pause_over_a_holiday_only_removes_its_working_days(cal):
    # Pause (09-30, 10-09]: only 10-09 was a working day, so the due date moves one WD: 11-03.
    assert add_workdays(cal, D("2025-09-28"), 20, pauses=[("2025-09-30", "2025-10-09")]).due == D("2025-11-03")


def test_ogi_33_3_open_pause_runs_to_today(cal):
    # Still paused on 10-15: 10-14 and 10-15 uncounted → two WD after 10-31 → 11-04.
    result = add_workdays(cal, D("2025-09-28"), 20, pauses=[("2025-10-13", None)], today=D("2025-10-15"))
    assert result.due == D("2025-11-04")


def test_pause_excludes_calendar_days_too(cal):
    # 03-01 + 10 = 03-11; 03-04 and 03-05 paused → 03-13 (Thu).
    assert add_days(cal, D("2025-03-01"), 10, pauses=[("2025-03-03", "2025-03-05")]).due == D("2025-03-13")


# --- RULES.md CAL-COV: a year with no loaded schedule is provisional -----------------------


def test_cal_cov_count_into_2027_is_provisional_and_weekend_only(cal):
    # 12-28…12-31 = 1…4; 2027-01-01 (Fri, no schedule yet) = 5; 01-04…01-08 = 6…10.
    result = add_workdays(cal, D("2026-12-25"), 10)
    assert result.due == D("2027-01-08")
    assert result.provisional
    assert any("未公布" in line for line in result.explain_lines())


def test_cal_cov_calendar_days_ending_in_2027_are_provisional(cal):
    assert compute_due(cal, D("2026-12-20"), 15, "d").provisional  # 2027-01-04


def test_cal_cov_count_within_2026_is_firm(cal):
    assert not add_workdays(cal, D("2026-12-01"), 5).provisional


# --- explanations name the holiday -----------------------------------------------------------


def test_explain_names_the_holiday_and_the_makeup_day(cal):
    lines = add_workdays(cal, D("2025-09-28"), 20).explain_lines()
    text = "\n".join(lines)
    assert "2025-10-01(周三) 不计:国庆节放假" in text
    assert "2025-10-06(周一) 不计:中秋节放假" in text
    assert "2025-10-11(周六) 第5日:调休上班(国庆节)" in text
    assert "2025-10-12(周日) 不计:周末" in text
    assert lines[-1].startswith("2025-10-31(周五) 第20日")


def test_explain_of_a_rolled_period_cites_cc_203(cal):
    lines = add_days(cal, D("2025-09-16"), 15).explain_lines()
    assert lines[-1].startswith("2025-10-09(周四) 届满日")
    assert "民法典第二百零三条" in lines[-1]
    assert "国庆节" in lines[-1]


def test_explain_of_spring_festival_2024_names_spring_festival(cal):
    text = "\n".join(add_workdays(cal, D("2024-02-08"), 2).explain_lines())
    assert "2024-02-10(周六) 不计:春节放假" in text
    assert "2024-02-18(周日) 第2日:调休上班(春节)" in text
