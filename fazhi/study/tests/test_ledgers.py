import datetime

import pytest

from fazhi.core import ledgers as core_ledgers
from fazhi.study import ledgers, services
from fazhi.study.models import Attendance, ExamResult, Official

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def session(clerk, town):
    return services.session_create(actor=clerk, town=town, date=D(2023, 4, 10), form="party_day", title="主题党日学法",
                                   texts="民法典")


def _import_attendance(clerk, session, file):
    return core_ledgers.import_xlsx(ledgers.ATTENDANCE, file, actor=clerk, town=session.town,
                                    create=lambda row: ledgers.attendance_import_row(row, session=session, actor=clerk))


def test_attendance_import(clerk, session, official, xlsx):
    official("甲")
    official("乙")
    file = xlsx(["姓名", "单位", "是否出席", "缺席原因"], [["甲", "", "是", ""], ["乙", "", "否", "外出开会"]])
    _import_attendance(clerk, session, file)
    assert Attendance.objects.filter(session=session, present=True).count() == 1
    assert Attendance.objects.get(present=False).absence_reason == "外出开会"


def test_attendance_import_is_all_or_nothing(clerk, session, official, xlsx):
    official("甲")
    file = xlsx(["姓名", "单位", "是否出席", "缺席原因"], [["甲", "", "是", ""], ["无此人", "", "是", ""],
                                                          ["甲", "", "是", ""]])
    with pytest.raises(core_ledgers.LedgerErrors) as exc:
        _import_attendance(clerk, session, file)
    assert any("重复" in line for line in exc.value.lines())
    file = xlsx(["姓名", "单位", "是否出席", "缺席原因"], [["甲", "", "是", ""], ["无此人", "", "是", ""]])
    with pytest.raises(core_ledgers.LedgerErrors) as exc:
        _import_attendance(clerk, session, file)
    assert exc.value.lines() == ["第3行 「姓名」: 花名册中没有“无此人”,请先在花名册中登记。"]
    assert not Attendance.objects.exists()


def test_attendance_template_lists_staff_on_the_day(session, official):
    official("甲")
    official("后来的", joined=D(2023, 5, 1))
    rows = list(ledgers.attendance_template_rows(session))
    assert [r["name"] for r in rows] == ["甲"]
    content = core_ledgers.export_xlsx(ledgers.ATTENDANCE, rows)
    # The template leaves 是否出席 for the clerk to fill in: as it is, it does not import.
    with pytest.raises(core_ledgers.LedgerErrors) as exc:
        core_ledgers.parse_xlsx(ledgers.ATTENDANCE, content)
    assert exc.value.lines() == ["第2行 「是否出席」: 必须填写。"]


def test_roster_and_exam_import(clerk, town, xlsx):
    roster = xlsx(["姓名", "单位", "职务", "到岗日期", "离岗日期", "须完成年度必修课程"],
                  [["甲", "党政办公室", "主任", "2020-01-01", None, "是"], ["乙", None, None, None, None, "否"]])
    core_ledgers.import_xlsx(ledgers.OFFICIALS, roster, actor=clerk, town=town,
                             create=lambda row: ledgers.OFFICIALS.import_row(row, town=town, actor=clerk))
    assert Official.objects.get(name="甲").unit.name == "党政办公室"
    assert Official.objects.get(name="乙").required is False
    exams = xlsx(["姓名", "考试名称", "考试日期", "成绩", "是否合格"], [["甲", "2023年度学法考试", "2023-10-20", 92.5, "是"]])
    core_ledgers.import_xlsx(ledgers.EXAMS, exams, actor=clerk, town=town,
                             create=lambda row: ledgers.EXAMS.import_row(row, town=town, actor=clerk))
    assert ExamResult.objects.get().score == pytest.approx(92.5)


def test_completion_import_needs_the_course(clerk, town, official, xlsx):
    official("甲")
    file = xlsx(["姓名", "年度", "课程", "完成日期"], [["甲", 2023, "没有的课", "2023-05-01"]])
    with pytest.raises(core_ledgers.LedgerErrors) as exc:
        core_ledgers.import_xlsx(ledgers.COMPLETIONS, file, actor=clerk, town=town,
                                 create=lambda row: ledgers.COMPLETIONS.import_row(row, town=town, actor=clerk))
    assert "课程" in exc.value.lines()[0]
