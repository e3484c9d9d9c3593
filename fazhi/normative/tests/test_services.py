import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.models import AuditEvent
from fazhi.normative import services
from fazhi.normative.models import CleanupDecision, NormativeDocument, NormativeSettings, Review

D = datetime.date
S = NormativeDocument.Status
pytestmark = pytest.mark.django_db


def unchanged(doc):
    fresh = NormativeDocument.objects.get(pk=doc.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


def test_full_workflow_reaches_in_force_with_audit_events(make_doc):
    doc = make_doc("in_force")
    assert doc.status == S.IN_FORCE
    actions = list(AuditEvent.objects.filter(object_id=str(doc.pk), object_type="normative.normativedocument")
                   .values_list("action", flat=True))
    assert actions == ["normativedocument.create", "normativedocument.submit_review", "normativedocument.review",
                       "normativedocument.deliberate", "normativedocument.publish", "normativedocument.file",
                       "normativedocument.filing_result"]


def test_failed_review_sends_draft_back_and_both_rounds_are_kept(make_doc, clerk, reviewer):
    doc = make_doc("reviewing")
    doc = services.document_review(actor=reviewer, document=doc, result="fail", opinion="超越法定职权,设定了罚款。",
                                   authority="镇政府无权设定罚款", date=D(2026, 9, 5))
    assert doc.status == S.DRAFTING and doc.reviewed_on is None
    doc = services.document_submit_review(actor=clerk, document=doc, date=D(2026, 9, 10))
    doc = services.document_review(actor=reviewer, document=doc, result="pass", opinion="已删除罚款条款。",
                                   date=D(2026, 9, 14))
    assert doc.status == S.REVIEWED
    assert list(doc.reviews.values_list("result", flat=True)) == [Review.Result.FAIL, Review.Result.PASS]


def test_publish_before_review_is_refused_and_changes_nothing(make_doc, clerk):
    for upto in ("drafting", "reviewing", "reviewed"):
        doc = make_doc(upto, number="", title=f"文件{upto}")
        before = unchanged(doc)
        with pytest.raises(DomainError) as exc:
            services.document_publish(actor=clerk, document=doc, doc_number="丰府规〔2026〕9号", date=D(2026, 9, 20))
        assert "不能执行“公布”" in exc.value.message
        assert unchanged(doc) == before


def test_only_the_reviewer_reviews(make_doc, clerk, users):
    doc = make_doc("reviewing")
    for who in (clerk, users["fengsheng_leader"]):
        with pytest.raises(DomainError) as exc:
            services.document_review(actor=who, document=doc, result="pass", opinion="同意", date=D(2026, 9, 5))
        assert exc.value.code == "forbidden_role"
    assert NormativeDocument.objects.get(pk=doc.pk).status == S.REVIEWING


def test_failed_review_needs_an_opinion(make_doc, reviewer):
    doc = make_doc("reviewing")
    with pytest.raises(InvalidInput):
        services.document_review(actor=reviewer, document=doc, result="fail", opinion=" ", date=D(2026, 9, 5))
    assert not Review.objects.exists()


def test_publish_needs_a_number_unique_in_the_town(make_doc, clerk):
    make_doc("published", title="甲", number="丰府规〔2026〕1号")
    doc = make_doc("deliberated", title="乙", start=D(2026, 9, 2))
    with pytest.raises(InvalidInput):
        services.document_publish(actor=clerk, document=doc, doc_number="", date=D(2026, 9, 20))
    with pytest.raises(DomainError):
        services.document_publish(actor=clerk, document=doc, doc_number="丰府规〔2026〕1号", date=D(2026, 9, 20))
    assert NormativeDocument.objects.get(pk=doc.pk).status == S.DELIBERATED


def test_review_clock_runs_15_working_days_over_holidays_and_make_up_days(make_doc, clerk):
    """国办发〔2018〕115号: at most 15 WD. Sent 2026-09-14 (Mon): 15-18 Sep (4), 20 Sep a make-up Sunday
    (5), 21-24 (9), 25-27 中秋 off, 28-30 (12), 1-7 Oct 国庆 off, 8-9 Oct (14), 10 Oct a make-up
    Saturday (15)."""
    doc = make_doc("drafting", start=D(2026, 9, 10))
    doc = services.document_submit_review(actor=clerk, document=doc, date=D(2026, 9, 14))
    assert doc.review_due == D(2026, 10, 10)
    assert clocks.get(doc, services.REVIEW).due_date == D(2026, 10, 10)


def test_filing_clock_is_30_days_rolled_past_national_day(make_doc, clerk):
    """Filing period (town setting, default 30 CD, RULES.md §5 [CQ-2]): published 2026-09-03, day 30
    is 2026-10-03 inside 国庆 (1-7 Oct), so the last day moves to 2026-10-08."""
    doc = make_doc("deliberated", start=D(2026, 8, 10))
    doc = services.document_publish(actor=clerk, document=doc, doc_number="丰府规〔2026〕3号", date=D(2026, 9, 3))
    assert doc.filing_due == D(2026, 10, 8)
    assert doc.valid_until == D(2031, 9, 2)


def test_filing_period_and_validity_follow_the_town_setting(make_doc, clerk, world):
    NormativeSettings.objects.create(town=world.fengsheng, filing_days=15, validity_years=3, trial_validity_years=1)
    doc = make_doc("deliberated", start=D(2026, 8, 10), trial=True)
    doc = services.document_publish(actor=clerk, document=doc, doc_number="丰府规〔2026〕4号", date=D(2026, 9, 3))
    assert doc.filing_due == D(2026, 9, 18)
    assert doc.valid_until == D(2027, 9, 2)


def test_late_filing_is_refused_without_a_reason(make_doc, clerk):
    doc = make_doc("published", start=D(2026, 8, 1))  # published 2026-08-15, due 2026-09-14
    assert doc.filing_due == D(2026, 9, 14)
    before = unchanged(doc)
    with pytest.raises(InvalidInput) as exc:
        services.document_file(actor=clerk, document=doc, date=D(2026, 9, 15))
    assert exc.value.code == "filing_late"
    assert unchanged(doc) == before
    assert clocks.get(doc, services.FILING).is_open
    doc = services.document_file(actor=clerk, document=doc, date=D(2026, 9, 15), late_reason="经办人交接遗漏")
    assert doc.status == S.FILED
    assert clocks.get(doc, services.FILING).state == "breached"


def test_filing_on_time_meets_the_clock(make_doc):
    doc = make_doc("filed")
    assert clocks.get(doc, services.FILING).state == "met"


def test_correction_ordered_then_corrected(make_doc, clerk):
    doc = make_doc("filed")
    with pytest.raises(InvalidInput):
        services.document_filing_result(actor=clerk, document=doc, result="correction", date=D(2026, 10, 1))
    doc = services.document_filing_result(actor=clerk, document=doc, result="correction", opinion="第五条增加义务",
                                          date=D(2026, 10, 1))
    assert doc.status == S.CORRECTION
    doc = services.document_correct(actor=clerk, document=doc, date=D(2026, 10, 20))
    assert doc.status == S.IN_FORCE and doc.corrected_on == D(2026, 10, 20)


def test_cleanup_keeps_or_repeals_and_once_per_round(make_doc, clerk):
    a = make_doc("in_force", title="甲", number="丰府规〔2026〕1号")
    b = make_doc("in_force", title="乙", number="丰府规〔2026〕2号")
    services.document_clean_up(actor=clerk, document=a, decision="keep", date=D(2026, 11, 1))
    services.document_clean_up(actor=clerk, document=b, decision="repeal", reason="上位法已废止", date=D(2026, 11, 1))
    assert NormativeDocument.objects.get(pk=a.pk).status == S.IN_FORCE
    b.refresh_from_db()
    assert b.status == S.REPEALED and b.ended_on == D(2026, 11, 1)
    assert CleanupDecision.objects.values("round").distinct().count() == 1
    with pytest.raises(DomainError):
        services.document_clean_up(actor=clerk, document=a, decision="keep", date=D(2026, 11, 2))
    with pytest.raises(InvalidInput):
        services.document_clean_up(actor=clerk, document=a, decision="amend", date=D(2026, 11, 2))


def test_repeal_needs_a_reason_and_a_published_document(make_doc, clerk):
    draft = make_doc("drafting", title="草稿")
    with pytest.raises(DomainError):
        services.document_repeal(actor=clerk, document=draft, reason="不需要", date=D(2026, 10, 1))
    doc = make_doc("in_force", number="丰府规〔2026〕7号")
    with pytest.raises(InvalidInput):
        services.document_repeal(actor=clerk, document=doc, reason="", date=D(2026, 11, 1))
    doc = services.document_repeal(actor=clerk, document=doc, reason="已被新文件替代", date=D(2026, 11, 1))
    assert doc.status == S.REPEALED


def test_expiry_sweep_marks_documents_past_validity(make_doc, clerk, world):
    NormativeSettings.objects.create(town=world.fengsheng, trial_validity_years=1)
    doc = make_doc("in_force", start=D(2025, 3, 1), trial=True)  # published 2025-03-15, valid until 2026-03-14
    assert doc.valid_until == D(2026, 3, 14)
    with pytest.raises(DomainError):
        services.document_expire(actor=clerk, document=doc, date=D(2026, 3, 14))
    assert services.expire_due(actor="测试", on=D(2026, 11, 1)) == 1
    doc.refresh_from_db()
    assert doc.status == S.EXPIRED and doc.ended_on == D(2026, 3, 15)


def test_future_dates_are_refused(make_doc, clerk):
    doc = make_doc("drafting")
    with pytest.raises(InvalidInput):
        services.document_submit_review(actor=clerk, document=doc, date=D(2099, 1, 1))


def test_expiry_review_clock_falls_due_six_months_before_validity_ends(make_doc, clerk):
    """RULES.md §5 [NF-VAL]: 5 years from 2026-09-15 less 6 months: 2031-03-15 (a Saturday, rolled to Monday)."""
    doc = make_doc("published")  # published 2026-09-15
    clock = clocks.get(doc, services.EXPIRY_REVIEW)
    assert clock.due_date == D(2031, 3, 17)
    services.document_repeal(actor=clerk, document=doc, reason="废止", date=D(2026, 11, 1))
    assert clocks.get(doc, services.EXPIRY_REVIEW).state == "cancelled"
    assert clocks.get(doc, services.FILING).state == "cancelled"


def test_expire_command(make_doc, world):
    from django.core.management import call_command

    NormativeSettings.objects.create(town=world.fengsheng, trial_validity_years=1)
    doc = make_doc("in_force", start=D(2025, 3, 1), trial=True)
    call_command("normative_expire", "--date", "2026-11-01")
    doc.refresh_from_db()
    assert doc.status == S.EXPIRED


def test_policy_document_register_refuses_a_duplicate_number(clerk, world):
    services.policy_document_register(actor=clerk, town=world.fengsheng, doc_number="丰府发〔2026〕20号",
                                      title="工作要点", issuing_unit="党政办公室", issued_on=D(2026, 3, 1))
    with pytest.raises(DomainError):
        services.policy_document_register(actor=clerk, town=world.fengsheng, doc_number="丰府发〔2026〕20号",
                                          title="另一个", issuing_unit="党政办公室", issued_on=D(2026, 3, 2))


def test_a_locked_year_refuses_changes(make_doc, clerk, world):
    from fazhi.core import yearlock

    doc = make_doc("published", start=D(2025, 3, 2), number="丰府发〔2025〕1号")
    yearlock.lock_year(actor=clerk, town=world.fengsheng, year=2025, reason="年度报告已公布")
    with pytest.raises(DomainError) as exc:
        services.document_file(actor=clerk, document=doc, date=D(2025, 3, 30))
    assert exc.value.code == "year_locked"
    assert NormativeDocument.objects.get(pk=doc.pk).status == S.PUBLISHED


def test_attachment_upload_on_the_detail_page(make_doc, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.attachments import attachments_for

    doc = make_doc("reviewing")
    client = client_as("fengsheng_reviewer")
    r = client.post(f"/normative/{doc.pk}/attach/", {"title": "审核意见书",
                                                     "file": SimpleUploadedFile("opinion.txt", "审核意见".encode())})
    assert r.status_code == 302
    assert attachments_for(doc).count() == 1
    assert client_as("mudong_clerk").post(f"/normative/{doc.pk}/attach/", {}).status_code == 404


def test_settings_are_changed_by_the_leader_only_and_apply_to_later_publications(make_doc, users, world):
    before = make_doc("published", title="甲", number="丰府规〔2026〕1号")
    with pytest.raises(DomainError):
        services.settings_update(actor=users["fengsheng_clerk"], town=world.fengsheng, filing_days=15,
                                 validity_years=5, trial_validity_years=2, expiry_notice_months=6)
    with pytest.raises(InvalidInput):
        services.settings_update(actor=users["fengsheng_leader"], town=world.fengsheng, filing_days=0,
                                 validity_years=5, trial_validity_years=2, expiry_notice_months=6)
    services.settings_update(actor=users["fengsheng_leader"], town=world.fengsheng, filing_days=15,
                             validity_years=3, trial_validity_years=2, expiry_notice_months=6)
    after = make_doc("published", title="乙", number="丰府规〔2026〕2号", start=D(2026, 9, 2))
    assert (before.filing_due - before.published_on).days == 30
    assert after.filing_due == D(2026, 10, 8)  # 16 Sep + 15 = 1 Oct (国庆) → 8 Oct
    assert after.valid_until == D(2029, 9, 15)
    assert NormativeDocument.objects.get(pk=before.pk).filing_due == before.filing_due
    assert AuditEvent.objects.filter(action="normativesettings.update").exists()
