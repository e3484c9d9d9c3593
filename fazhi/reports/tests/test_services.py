"""Every transition of the annual report and each refusal (a refusal changes nothing)."""

import datetime

import pytest

from fazhi.core import yearlock
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent, YearLock
from fazhi.reports import assembly
from fazhi.reports.models import AnnualReport, Paragraph, ReportStatus, Revision
from fazhi.reports.services import (
    actions_for,
    paragraph_add,
    paragraph_edit,
    report_approve,
    report_create,
    report_publish,
    report_reopen,
    report_submit,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def draft(world, users, seed_figures):
    return report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)


def approved(draft, users, on=None):
    return report_approve(actor=users["fengsheng_leader"], report=draft, on=on or D(2024, 2, 20))


def test_create_writes_the_default_outline_and_a_first_version(draft):
    assert draft.status == ReportStatus.DRAFT
    assert draft.signature == "重庆市巴南区丰盛镇人民政府"
    assert draft.paragraphs.count() == 12
    assert list(draft.revisions.values_list("number", "action")) == [(1, "create")]
    assert AuditEvent.objects.filter(action="annualreport.create").count() == 1


def test_a_second_report_of_the_same_year_is_refused(draft, users, world):
    with pytest.raises(DomainError, match="已存在"):
        report_create(actor=users["fengsheng_leader"], town=world.fengsheng, year=2023)
    assert AnnualReport.objects.count() == 1


@pytest.mark.parametrize("persona", ["fengsheng_mediator", "fengsheng_grid", "mudong_clerk", "banan_supervisor"])
def test_only_the_towns_clerk_or_leader_drafts(persona, users, world, seed_figures):
    with pytest.raises(DomainError):
        report_create(actor=users[persona], town=world.fengsheng, year=2023)
    assert not AnnualReport.objects.exists()


def test_a_future_year_is_refused(users, world, seed_figures):
    with pytest.raises(InvalidInput):
        report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2100)


def test_editing_a_template_changes_the_text_and_records_who_changed_what(draft, users):
    paragraph = draft.paragraphs.get(section=1, subsection=1)
    paragraph_edit(actor=users["fengsheng_clerk"], paragraph=paragraph,
                   text="丰盛镇组织专题学习。机关干部完成专题学习率达到{study.completion_rate}%。")
    text = assembly.document_for(draft).text()
    assert "丰盛镇组织专题学习。机关干部完成专题学习率达到100%。" in text
    revision = Revision.objects.get(report=draft, number=2)
    assert revision.action == "edit" and revision.actor_label.startswith("李娜")
    assert "中心组学习" in revision.before and "{study.completion_rate}" in revision.after
    assert any(p["text"] == revision.after for p in revision.content)
    assert AuditEvent.objects.filter(action="annualreport.paragraph_edit").count() == 1


def test_a_template_with_a_bad_name_is_refused_and_nothing_changes(draft, users):
    paragraph = draft.paragraphs.get(section=1, subsection=1)
    before = paragraph.text
    with pytest.raises(InvalidInput, match="不是数据名称"):
        paragraph_edit(actor=users["fengsheng_clerk"], paragraph=paragraph, text="调处纠纷{mediated}起。")
    with pytest.raises(InvalidInput):
        paragraph_edit(actor=users["fengsheng_clerk"], paragraph=paragraph, text="   ")
    paragraph.refresh_from_db()
    assert paragraph.text == before
    assert draft.revisions.count() == 1


def test_a_free_paragraph_may_be_added_to_part_five(draft, users):
    paragraph_add(actor=users["fengsheng_clerk"], report=draft, section=5, text="无其他需要报告的重大事项说明。")
    data = assembly.document_for(draft).as_json()
    assert data["sections"][-1]["number"] == "五"
    assert data["sections"][-1]["paragraphs"] == ["无其他需要报告的重大事项说明。"]


def test_approve_freezes_the_figures_and_sets_the_date(draft, users, seed_figures):
    report = approved(draft, users)
    assert report.status == ReportStatus.APPROVED
    assert report.document_date == D(2024, 2, 20) and report.approved_by_label.startswith("刘建国")
    seed_figures["disputes.mediated"] = 1  # the records change after approval
    assert "调处各类矛盾纠纷396起" in assembly.document_for(report).text()


def test_a_clerk_cannot_approve_and_an_approved_report_cannot_be_edited(draft, users):
    with pytest.raises(DomainError, match="角色"):
        report_approve(actor=users["fengsheng_clerk"], report=draft)
    report = approved(draft, users)
    with pytest.raises(DomainError, match="已审定"):
        paragraph_edit(actor=users["fengsheng_clerk"], paragraph=report.paragraphs.first(), text="改动。")
    with pytest.raises(DomainError):
        report_approve(actor=users["fengsheng_leader"], report=report)


def test_reopen_returns_the_report_to_draft(draft, users):
    report = report_reopen(actor=users["fengsheng_leader"], report=approved(draft, users), reason="数据需更新")
    assert report.status == ReportStatus.DRAFT and report.figures_snapshot is None


def test_publish_locks_the_year(draft, users, world):
    report = report_publish(actor=users["fengsheng_leader"], report=approved(draft, users), on=D(2024, 3, 20))
    assert report.status == ReportStatus.PUBLISHED and report.published_on == D(2024, 3, 20)
    assert YearLock.objects.filter(town=world.fengsheng, year=2023).exists()
    with pytest.raises(DomainError, match="已锁定"):
        yearlock.ensure_open(world.fengsheng.pk, D(2023, 5, 1))


def test_a_draft_cannot_be_published_or_submitted(draft, users):
    for service in (report_publish, report_submit):
        with pytest.raises(DomainError, match="草稿"):
            service(actor=users["fengsheng_leader"], report=draft)
    assert not YearLock.objects.exists()


def test_submit_records_the_date_and_whether_it_was_on_time(draft, users):
    report = report_submit(actor=users["fengsheng_leader"], report=approved(draft, users), on=D(2024, 3, 1))
    assert report.submitted_on == D(2024, 3, 1) and report.submitted_on_time is True
    with pytest.raises(DomainError, match="不能重复报送"):
        report_submit(actor=users["fengsheng_leader"], report=report)


def test_a_late_submission_is_taken_and_marked_late(draft, users):
    report = report_submit(actor=users["fengsheng_leader"], report=approved(draft, users), on=D(2024, 3, 4))
    assert report.submitted_on_time is False
    event = AuditEvent.objects.filter(action="annualreport.submit").get()
    assert event.after["on_time"] is False


def test_a_report_of_a_locked_year_cannot_be_created(world, users, seed_figures):
    yearlock.lock_year(actor=None, town=world.mudong, year=2023, reason="测试")
    with pytest.raises(DomainError, match="已锁定"):
        report_create(actor=users["mudong_clerk"], town=world.mudong, year=2023)


def test_the_paragraph_rows_carry_the_town(draft):
    assert set(Paragraph.objects.values_list("town_id", flat=True)) == {draft.town_id}


def test_a_submitted_report_cannot_be_reopened_nor_submitted_again(draft, users):
    report = report_submit(actor=users["fengsheng_leader"], report=approved(draft, users), on=D(2024, 2, 26))
    with pytest.raises(DomainError, match="已报送"):
        report_reopen(actor=users["fengsheng_leader"], report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert [name for name, _label in actions_for(report, users["fengsheng_leader"])] == ["publish"]
    assert actions_for(report, users["fengsheng_clerk"]) == []


def test_the_submission_clock_runs_to_1_march_and_stops_on_submission(draft, users):
    from fazhi.core import clocks
    from fazhi.core.models import Clock
    from fazhi.reports.services import SUBMISSION_RULE

    clock = clocks.get(draft, SUBMISSION_RULE)
    assert clock.due_date == D(2024, 3, 1) and clock.state == Clock.State.RUNNING  # 2024 is a leap year
    report_submit(actor=users["fengsheng_leader"], report=approved(draft, users), on=D(2024, 3, 1))
    clock.refresh_from_db()
    assert clock.state == Clock.State.MET and clock.stopped_on == D(2024, 3, 1)


def test_a_late_submission_breaches_the_clock(world, users, seed_figures):
    from fazhi.core import clocks
    from fazhi.core.models import Clock
    from fazhi.reports.services import SUBMISSION_RULE

    report = report_create(actor=users["mudong_clerk"], town=world.mudong, year=2022)
    assert clocks.get(report, SUBMISSION_RULE).due_date == D(2023, 3, 1)
    report = report_approve(actor=users["mudong_leader"], report=report, on=D(2023, 3, 2))
    report_submit(actor=users["mudong_leader"], report=report, on=D(2023, 3, 3))
    assert clocks.get(report, SUBMISSION_RULE).state == Clock.State.BREACHED
