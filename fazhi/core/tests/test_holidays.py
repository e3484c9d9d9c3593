"""The holiday schedule as data (RULES.md §10): the seeded calendar agrees with the package and
with the State Council notices; a new year's notice is loaded, checked, audited, and recomputes
the open clocks it affects; ``manage.py holidays`` load / show / seed."""

import datetime
import io
import json

import chinese_calendar
import pytest
from django.core.management import CommandError, call_command

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.holidays import calendar_changed, current_calendar, holidays_load, parse_schedule
from fazhi.core.models import AuditEvent, CalendarDay, CalendarYear, Clock

D = datetime.date.fromisoformat
ONE_DAY = datetime.timedelta(days=1)

OGI_33 = clocks.ClockRule("OGI-33a", "依申请公开答复", 20, "wd", "政府信息公开条例第三十三条", max_extension=20)
TEN_WD = clocks.ClockRule("T-10", "十个工作日", 10, "wd", "测试用规则")

# RULES.md §10.2, transcribed from the notices (not from the package): days off, make-up days.
OFFICIAL = {
    2023: (
        [("2022-12-31", "2023-01-02"), ("2023-01-21", "2023-01-27"), ("2023-04-05", "2023-04-05"),
         ("2023-04-29", "2023-05-03"), ("2023-06-22", "2023-06-24"), ("2023-09-29", "2023-10-06")],
        ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
    ),
    2024: (
        [("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
         ("2024-05-01", "2024-05-05"), ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"),
         ("2024-10-01", "2024-10-07")],
        ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
         "2024-10-12"],
    ),
    2025: (
        [("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
         ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08")],
        ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    ),
    2026: (
        [("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
         ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
         ("2026-10-01", "2026-10-07")],
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ),
}


def every_day(first, last):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def official_off():
    return {d for ranges, _w in OFFICIAL.values() for a, b in ranges for d in every_day(D(a), D(b))}


def official_makeup():
    return {D(d) for _r, makeup in OFFICIAL.values() for d in makeup}


def calendar_state():
    """Everything a refused load must leave as it was."""
    return (
        list(CalendarYear.objects.order_by("year").values_list("year", "source", "notice", "updated_at")),
        list(CalendarDay.objects.order_by("date").values_list("date", "kind", "name", "year__year")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def village(world):
    return world.fengsheng.villages.order_by("id").first()


# A made-up 2027 schedule for the tests (not the State Council's notice).
SCHEDULE_2027 = {"year": 2027, "holidays": [["2027-01-01", "2027-01-03", "元旦"]], "workdays": []}


# --- the seeded calendar -------------------------------------------------------------------


def test_cal_wd_package_is_workday_agrees_with_db_calendar_2023_to_2026(db):
    cal = current_calendar()
    mismatches = [
        day for day in every_day(D("2023-01-01"), D("2026-12-31"))
        if chinese_calendar.is_workday(day) != cal.is_workday(day)
    ]
    assert mismatches == []


def test_cal_wd_db_calendar_agrees_with_the_official_notices_2023_to_2026(db):
    cal = current_calendar()
    off, makeup = official_off(), official_makeup()
    mismatches = [
        day for day in every_day(D("2023-01-01"), D("2026-12-31"))
        if cal.is_workday(day) != (day in makeup or (day.weekday() < 5 and day not in off))
    ]
    assert mismatches == []


def test_cal_makeup_days_equal_the_official_lists(db):
    cal = current_calendar()
    stored = {d for d in cal.workdays if 2023 <= d.year <= 2026}
    assert stored == official_makeup()


def test_cal_hol_days_off_equal_the_official_ranges_without_2023_12_30_31(db):
    cal = current_calendar()
    stored = {d for d in cal.holidays if D("2022-12-31") <= d <= D("2026-12-31")}
    assert stored == official_off()
    assert D("2023-12-30") not in cal.holidays and D("2023-12-31") not in cal.holidays


def test_cal_names_are_chinese(db):
    cal = current_calendar()
    assert cal.holidays[D("2025-01-28")] == "春节"
    assert cal.holidays[D("2025-10-06")] == "中秋节"
    assert cal.workdays[D("2026-01-04")] == "元旦"


def test_cal_cov_years_2004_to_2026_are_known_and_2027_is_not(db):
    cal = current_calendar()
    assert set(range(2004, 2027)) <= cal.known_years
    assert not cal.is_known(D("2027-01-01"))


# --- loading a new year's notice ------------------------------------------------------------


def test_cal_cov_loading_2027_makes_a_provisional_clock_firm_and_moves_its_due_date(village):
    # 12-28…12-31 = 1…4; 2027-01-01 (Fri) counted while unknown = 5; 01-04…01-08 = 6…10.
    clock = clocks.start(subject=village, rule=TEN_WD, start=D("2026-12-25"))
    assert (clock.due_date, clock.provisional) == (D("2027-01-08"), True)

    result = holidays_load(data=SCHEDULE_2027, actor="测试", notice="测试用安排")

    assert result == {"year": 2027, "days": 3, "holidays": 3, "workdays": 0, "recomputed": 1}
    cal = current_calendar()
    assert cal.is_known(D("2027-06-01"))
    assert not cal.is_workday(D("2027-01-01"))
    # 2027-01-01 is now off: 01-04…01-08 = 5…9, 01-11 = 10.
    clock.refresh_from_db()
    assert (clock.due_date, clock.provisional) == (D("2027-01-11"), False)


def test_cal_cov_loaded_makeup_saturday_counts(village):
    clock = clocks.start(subject=village, rule=TEN_WD, start=D("2026-12-25"))
    holidays_load(data={**SCHEDULE_2027, "workdays": [["2027-01-09", "元旦"]]})
    # 12-28…12-31 = 1…4; 01-04…01-08 = 5…9; 01-09 (Sat, make-up) = 10.
    clock.refresh_from_db()
    assert clock.due_date == D("2027-01-09")
    assert current_calendar().describe(D("2027-01-09")) == "调休上班(元旦)"


def test_loading_2027_leaves_a_clock_entirely_in_2025_untouched(village):
    clock = clocks.start(subject=village, rule=OGI_33, start=D("2025-09-28"))
    before = Clock.objects.values_list("due_date", "provisional", "updated_at").get(pk=clock.pk)
    result = holidays_load(data=SCHEDULE_2027)
    assert result["recomputed"] == 0
    assert Clock.objects.values_list("due_date", "provisional", "updated_at").get(pk=clock.pk) == before


def test_loading_does_not_touch_closed_clocks(village):
    clock = clocks.start(subject=village, rule=TEN_WD, start=D("2026-12-25"))
    clocks.stop(clock, on=D("2027-01-05"))
    holidays_load(data=SCHEDULE_2027)
    clock.refresh_from_db()
    assert (clock.due_date, clock.provisional) == (D("2027-01-08"), True)


def test_load_writes_a_calendar_load_audit_event(db):
    holidays_load(data=SCHEDULE_2027, actor="测试", notice="测试用安排")
    event = AuditEvent.objects.get(action="calendar.load")
    assert event.object_repr == "2027"
    assert event.actor_label == "测试"
    assert event.before is None
    assert event.after["days"] == [["2027-01-01", "holiday"], ["2027-01-02", "holiday"], ["2027-01-03", "holiday"]]
    # Loading again replaces the year and records what it replaced.
    holidays_load(data={**SCHEDULE_2027, "holidays": [["2027-01-01", "2027-01-01"]]})
    again = AuditEvent.objects.filter(action="calendar.load").last()
    assert again.before["days"] == event.after["days"]
    assert CalendarDay.objects.filter(year__year=2027).count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"year": 2027, "holidays": [["2027-02-30", "2027-03-01"]]}, "格式不正确"),
        ({"year": 2027, "holidays": [["2027/01/01", "2027-01-03"]]}, "格式不正确"),
        ({"year": 2027, "holidays": [["2027-01-03", "2027-01-01"]]}, "早于起始日"),
        ({"year": 2027, "holidays": [["2027-01-01", "2027-01-03"]], "workdays": ["2027-01-02"]}, "既放假又调休"),
        ({"year": 2027, "holidays": [["2030-01-01", "2030-01-03"]]}, "不属于"),
        ({"year": 2027, "holidays": [["2027-01-01", "2027-01-03"]], "workdays": ["2031-01-04"]}, "不属于"),
        ({"year": 2027, "holidays": [["2027-01-01", "2027-03-01"]]}, "超过15天"),
        ({"year": 2027, "holidays": [], "workdays": []}, "没有任何放假"),
        ({"holidays": [["2027-01-01", "2027-01-03"]]}, "年份"),
        ({"year": 2027, "holidays": ["2027-01-01"]}, "起始日, 结束日"),
        ([2027], "对象"),
    ],
)
def test_invalid_schedule_is_refused_in_chinese_and_changes_nothing(db, data, message):
    before = calendar_state()
    with pytest.raises(InvalidInput, match=message):
        holidays_load(data=data)
    assert calendar_state() == before


def test_schedule_clashing_with_another_years_days_is_refused_and_rolled_back(db):
    # Replacing 2026 with days that belong to 2025's rows: the delete of 2026's days must be
    # undone with the refusal.
    before = calendar_state()
    with pytest.raises(DomainError, match="2025-10-01"):
        holidays_load(data={"year": 2026, "holidays": [["2025-10-01", "2025-10-03"]]})
    assert calendar_state() == before
    assert not current_calendar().is_workday(D("2026-02-16"))


def test_parse_schedule_accepts_names_and_sorts(db):
    year, days = parse_schedule({
        "year": 2027, "holidays": [["2027-02-05", "2027-02-06", "春节"], ["2027-01-01", "2027-01-01"]],
        "workdays": ["2027-02-13"],
    })
    assert year == 2027
    assert days == [
        (D("2027-01-01"), "holiday", ""), (D("2027-02-05"), "holiday", "春节"),
        (D("2027-02-06"), "holiday", "春节"), (D("2027-02-13"), "workday", ""),
    ]


def test_calendar_changed_after_an_admin_edit_recomputes_clocks(village):
    clock = clocks.start(subject=village, rule=OGI_33, start=D("2025-09-28"))
    # An admin marks 2025-10-31 (Fri) as a day off: the 20th WD becomes 11-03.
    CalendarDay.objects.create(date=D("2025-10-31"), kind="holiday", name="测试", year=CalendarYear.objects.get(year=2025))
    assert calendar_changed(2025) == 1
    clock.refresh_from_db()
    assert clock.due_date == D("2025-11-03")


# --- manage.py holidays -----------------------------------------------------------------------


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("holidays", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_holidays_load_command_reports_days_and_recomputed_clocks(village, tmp_path):
    clocks.start(subject=village, rule=TEN_WD, start=D("2026-12-25"))
    path = tmp_path / "2027.json"
    path.write_text(json.dumps({**SCHEDULE_2027, "workdays": ["2027-01-09"]}), encoding="utf-8")
    out, _err = run("load", str(path), "--notice", "测试用安排")
    assert "已载入2027年节假日安排:共4天(放假3天,调休上班1天)" in out
    assert "重新计算了1个" in out
    assert CalendarYear.objects.get(year=2027).notice == "测试用安排"
    assert AuditEvent.objects.filter(action="calendar.load", actor_label__contains="holidays").exists()


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"year": 2027, "holidays": [["2027-01-03", "2027-01-01"]]}', "早于起始日"),
        ('{"year": 2027, "holidays": [["2027-01-01"', "不是有效的 JSON"),
    ],
)
def test_holidays_load_command_refuses_invalid_files_in_chinese(db, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = calendar_state()
    with pytest.raises(CommandError, match=message):
        run("load", str(path))
    assert calendar_state() == before


def test_holidays_load_command_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="找不到文件"):
        run("load", str(tmp_path / "none.json"))
    with pytest.raises(CommandError, match="请给出"):
        run("load")


def test_holidays_show_lists_days_off_and_makeup_days_2025(db):
    out, _err = run("show", "2025")
    assert "2025-01-28(周二) 至 2025-02-04(周二) 春节,共8天" in out
    assert "2025-10-01(周三) 至 2025-10-08(周三) 国庆节、中秋节,共8天" in out
    assert "2025-09-28(周日) 国庆节" in out
    assert "2025-10-11(周六) 国庆节" in out


def test_holidays_show_2023_new_year_run_begins_2022_12_31(db):
    out, _err = run("show", "2023")
    assert "2022-12-31(周六) 至 2023-01-02(周一) 元旦,共3天" in out


def test_holidays_show_unknown_year_and_bad_input(db):
    with pytest.raises(CommandError, match="尚未载入"):
        run("show", "2027")
    with pytest.raises(CommandError, match="年份"):
        run("show", "二〇二七")
    with pytest.raises(CommandError, match="未知的操作"):
        run("import")


def test_holidays_seed_restores_a_missing_package_year_and_firms_its_clocks(village):
    CalendarYear.objects.filter(year=2026).delete()
    # 2026 unknown, weekends only: 10-01 = 1, 10-02 = 2, 10-05…10-09 = 3…7, 10-12…10-14 = 8…10.
    clock = clocks.start(subject=village, rule=TEN_WD, start=D("2026-09-30"))
    assert (clock.due_date, clock.provisional) == (D("2026-10-14"), True)
    out, _err = run("seed")
    assert "2026" in out and "重新计算了1个" in out
    assert current_calendar().is_known(D("2026-10-01"))
    # 10-01…10-07 off; 10-08 = 1, 10-09 = 2, 10-10 (Sat, make-up) = 3, 10-12…10-16 = 4…8,
    # 10-19 = 9, 10-20 = 10.
    clock.refresh_from_db()
    assert (clock.due_date, clock.provisional) == (D("2026-10-20"), False)
    assert AuditEvent.objects.filter(action="calendar.seed", object_repr="2026").exists()
    out, _err = run("seed")
    assert "无需补充" in out


def test_the_issue_example_file_loads_and_says_a_weekday_needs_no_make_up(db, tmp_path):
    """The example of the operator's guide lists Monday 2027-01-04 as a make-up day: it is a
    working day anyway, so the file loads and the user is told the entry changed nothing."""
    import io

    from django.core.management import call_command

    path = tmp_path / "2027.json"
    path.write_text('{"year": 2027, "holidays": [["2027-01-01", "2027-01-03"]], "workdays": ["2027-01-04"]}',
                    encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("holidays", "load", str(path), stdout=out, stderr=err)
    assert "已载入2027年节假日安排" in out.getvalue()
    assert "2027-01-04 是周一" in err.getvalue()
    cal = current_calendar()
    assert 2027 in cal.known_years
    assert not cal.is_workday(datetime.date(2027, 1, 1)) and cal.is_workday(datetime.date(2027, 1, 4))
    assert not CalendarDay.objects.filter(date=datetime.date(2027, 1, 4)).exists()
