"""The completion rate is computed over the officials who were required in the year."""

import datetime

import pytest

from fazhi.study import services
from fazhi.study.figures import figures
from fazhi.study.selectors import completion_table

D = datetime.date
NOV_1 = D(2023, 11, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def course(clerk, town):
    return services.course_create(actor=clerk, town=town, year=2023, title="习近平法治思想专题")


def _done(clerk, course, official, on=NOV_1):
    return services.completion_record(actor=clerk, course=course, official=official, completed_on=on)


def test_joiner_counts_leaver_does_not(clerk, town, official, course):
    old = official("老干部", joined=D(2015, 3, 1))
    joiner = official("新到岗", joined=D(2023, 6, 1))
    leaver = official("年中离岗", joined=D(2010, 1, 1), left=D(2023, 5, 1))
    later_leaver = official("次年离岗", left=D(2024, 3, 1))
    official("非必修", required=False)
    official("次年到岗", joined=D(2024, 2, 1))
    _done(clerk, course, old)
    _done(clerk, course, joiner)
    _done(clerk, course, leaver, on=D(2023, 3, 1))
    table = completion_table(town, 2023)
    assert {r.official.name for r in table["rows"]} == {old.name, joiner.name, later_leaver.name}
    assert table["completed"] == 2
    assert figures(town, 2023)["study.completion_rate"] == 66.7
    _done(clerk, course, later_leaver)
    assert figures(town, 2023)["study.completion_rate"] == 100.0


def test_completion_after_year_end_does_not_count_for_that_year(clerk, town, official, course):
    a = official("甲")
    _done(clerk, course, a, on=D(2024, 1, 5))
    assert figures(town, 2023)["study.completion_rate"] == 0.0


def test_every_required_course_must_be_completed(clerk, town, official, course):
    a = official("甲")
    second = services.course_create(actor=clerk, town=town, year=2023, title="民法典专题")
    services.course_create(actor=clerk, town=town, year=2023, title="选修课", required=False)
    _done(clerk, course, a)
    assert figures(town, 2023)["study.completion_rate"] == 0.0
    _done(clerk, second, a)
    assert figures(town, 2023)["study.completion_rate"] == 100.0


def test_no_required_course_means_no_rate(town, official):
    official("甲")
    assert figures(town, 2023)["study.completion_rate"] is None


def test_completion_by_someone_not_on_staff_is_refused(clerk, official, course):
    gone = official("已离岗", left=D(2023, 3, 1))
    with pytest.raises(Exception, match="不在岗"):
        _done(clerk, course, gone, on=D(2023, 4, 1))


def test_completion_twice_is_refused(clerk, official, course):
    a = official("甲")
    _done(clerk, course, a)
    with pytest.raises(Exception, match="已完成"):
        _done(clerk, course, a)
