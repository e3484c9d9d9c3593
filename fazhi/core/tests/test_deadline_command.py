"""``manage.py deadline START LENGTH [--no-roll] [--explain]``: the last stdout line is the due
date alone; a provisional result is said on stderr; bad input is a Chinese CommandError.
Expected dates counted by hand against RULES.md §10.2."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

CJK = re.compile(r"[\u4e00-\u9fff]")


def deadline(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("deadline", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue()


def due(*args):
    lines, _err = deadline(*args)
    return lines[-1]


@pytest.mark.parametrize(
    "start, length, expected",
    [
        # RULES.md §10.4(a), 政府信息公开条例 第三十三条: 20 WD across National Day 2025.
        ("2025-09-28", "20wd", "2025-10-31"),
        # 民法典 第二百零三条: 09-16 + 15 = 10-01, off until 10-08 → 10-09.
        ("2025-09-16", "15d", "2025-10-09"),
        # RULES.md §10.4(b), 行政处罚法 第六十一条: ends on the make-up Saturday 10-12.
        ("2024-09-27", "7wd", "2024-10-12"),
    ],
)
def test_rules_worked_examples(db, start, length, expected):
    lines, err = deadline(start, length)
    assert lines == [expected]
    assert err == ""


def test_cc_203_no_roll_keeps_the_holiday_as_last_day(db):
    assert due("2025-09-16", "15d", "--no-roll") == "2025-10-01"


def test_cc_202_months_and_years(db):
    assert due("2025-01-31", "1m") == "2025-02-28"
    assert due("2025-09-01", "1m") == "2025-10-09"  # 10-01 off until 10-08
    assert due("2025-09-01", "1m", "--no-roll") == "2025-10-01"
    assert due("2024-02-29", "1y") == "2025-02-28"


def test_units_are_case_insensitive(db):
    assert due("2025-09-28", "20WD") == "2025-10-31"


def test_explain_prints_the_count_day_by_day_before_the_date(db):
    lines, _err = deadline("2025-09-28", "20wd", "--explain")
    text = "\n".join(lines)
    assert lines[-1] == "2025-10-31"
    assert "民法典第二百零一条" in lines[0]
    assert "2025-10-01(周三) 不计:国庆节放假" in text
    assert "2025-10-06(周一) 不计:中秋节放假" in text
    assert "2025-10-11(周六) 第5日:调休上班(国庆节)" in text
    assert "2025-10-12(周日) 不计:周末" in text
    assert "2025-10-31(周五) 第20日:工作日" in text
    assert sum(1 for line in lines if re.search(r" 第\d+日:", line)) == 20


def test_explain_of_a_rolled_calendar_day_period_cites_cc_203(db):
    lines, _err = deadline("2025-09-16", "15d", "--explain")
    text = "\n".join(lines)
    assert lines[-1] == "2025-10-09"
    assert "2025-10-01(周三) 第15日:国庆节放假" in text
    assert "2025-10-08(周三) 顺延:国庆节放假" in text
    assert "2025-10-09(周四) 届满日" in text and "民法典第二百零三条" in text


def test_cal_cov_2027_result_is_provisional_on_stderr(db):
    # 12-28…12-31 = 1…4; 2027-01-01 (Fri, weekends only) = 5; 01-04…01-08 = 6…10.
    lines, err = deadline("2026-12-25", "10wd")
    assert lines[-1] == "2027-01-08"
    assert "2027年" in err and "暂定" in err


def test_cal_cov_2026_result_is_not_provisional(db):
    _lines, err = deadline("2026-12-01", "5wd")
    assert err == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (("2025-13-01", "20wd"), "起算日"),
        (("2025/09/28", "20wd"), "起算日"),
        (("tomorrow", "20wd"), "起算日"),
        (("2025-09-28", "20"), "期限"),
        (("2025-09-28", "20x"), "期限"),
        (("2025-09-28", "-3wd"), "参数有误"),
        (("2025-09-28", "20wd", "--roll"), "参数有误"),
        (("2025-09-28", "0wd"), "正整数"),
        (("2025-09-28", "99999wd"), "过长"),
        (("2025-09-28",), "请给出期限"),
        ((), "请给出起算日"),
    ],
)
def test_bad_input_is_a_chinese_command_error(db, args, message):
    with pytest.raises(CommandError, match=message) as excinfo:
        deadline(*args)
    assert CJK.search(str(excinfo.value))
