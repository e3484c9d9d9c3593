import datetime

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.decisions import services
from fazhi.decisions.models import Decision

D = datetime.date
S = Decision.Status
pytestmark = pytest.mark.django_db


def state(d):
    fresh = Decision.objects.get(pk=d.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


def test_full_procedure_reaches_published(make_decision):
    d = make_decision("published")
    assert d.status == S.PUBLISHED
    assert d.decided_on == D(2026, 4, 22)
    assert [c.state for c in clocks.for_subject(d)] == ["met", "met"]


def test_consultation_shorter_than_30_days_needs_a_reason(make_decision, users):
    clerk = users["fengsheng_clerk"]
    d = make_decision()
    before = state(d)
    with pytest.raises(InvalidInput) as exc:
        services.decision_open_consultation(actor=clerk, decision=d, start=D(2026, 3, 3), end=D(2026, 4, 1))
    assert exc.value.code == "consultation_too_short"  # 29 days
    assert state(d) == before
    d = services.decision_open_consultation(actor=clerk, decision=d, start=D(2026, 3, 3), end=D(2026, 3, 20),
                                            short_reason="防汛工程情况紧急")
    assert d.status == S.CONSULTING and d.consultation_short_reason


def test_consultation_clock_ends_on_the_last_day(make_decision):
    """30 days from 2026-03-03: 2026-04-02; the end date is the town's own choice and never rolls."""
    d = make_decision("consulting")
    clock = clocks.get(d, services.CONSULTATION)
    assert clock.due_date == D(2026, 4, 2) == d.consultation_end


def test_review_refused_before_consultation_ends(make_decision, users):
    d = make_decision("consulting")
    services.decision_counsel_opinion(actor=users["fengsheng_clerk"], decision=d, opinion="合法", date=D(2026, 3, 10))
    services.decision_expert_opinion(actor=users["fengsheng_clerk"], decision=d, not_required="技术性不强",
                                     date=D(2026, 3, 10))
    services.decision_risk_assessment(actor=users["fengsheng_clerk"], decision=d, opinion="低风险", date=D(2026, 3, 10))
    before = state(d)
    with pytest.raises(DomainError) as exc:
        services.decision_legality_review(actor=users["fengsheng_reviewer"], decision=d, result="pass",
                                          date=D(2026, 3, 20))
    assert exc.value.code == "consultation_open"
    assert state(d) == before
    assert clocks.get(d, services.CONSULTATION).is_open


def test_review_refused_without_consultation_or_counsel(make_decision, users):
    reviewer = users["fengsheng_reviewer"]
    d = make_decision()
    with pytest.raises(DomainError) as exc:
        services.decision_legality_review(actor=reviewer, decision=d, result="pass", date=D(2026, 5, 1))
    assert exc.value.code == "no_consultation"
    d = make_decision("consulting", title="乙")
    with pytest.raises(DomainError) as exc:
        services.decision_legality_review(actor=reviewer, decision=d, result="pass", date=D(2026, 5, 1))
    assert exc.value.code == "steps_missing" and "法律顾问意见" in exc.value.message
    assert Decision.objects.get(pk=d.pk).status == S.CONSULTING


def test_legality_review_clock_is_7_working_days_across_qingming(make_decision, users):
    """MD-27: sent 2026-04-01 (Wed): 2 Apr (1), 3 Apr (2), 4-6 Apr 清明 off, 7-10 Apr (6), 13 Apr (7)."""
    d = make_decision("prepared", start=D(2026, 2, 27))  # consultation ends 2026-03-30
    d = services.decision_submit_review(actor=users["fengsheng_clerk"], decision=d, date=D(2026, 4, 1))
    assert d.review_due == D(2026, 4, 13)
    assert d.status == S.REVIEWING


def test_only_the_reviewer_does_the_legality_review(make_decision, users):
    d = make_decision("prepared")
    for who in ("fengsheng_clerk", "fengsheng_leader"):
        with pytest.raises(DomainError) as exc:
            services.decision_legality_review(actor=users[who], decision=d, result="pass", date=D(2026, 4, 10))
        assert exc.value.code == "forbidden_role"


def test_failed_review_goes_back_to_drafting_and_can_be_reviewed_again(make_decision, users):
    d = make_decision("prepared")
    reviewer = users["fengsheng_reviewer"]
    with pytest.raises(InvalidInput):
        services.decision_legality_review(actor=reviewer, decision=d, result="fail", date=D(2026, 4, 10))
    d = services.decision_legality_review(actor=reviewer, decision=d, result="fail", opinion="补偿标准无依据",
                                          date=D(2026, 4, 10))
    assert d.status == S.DRAFTING
    d = services.decision_submit_review(actor=users["fengsheng_clerk"], decision=d, date=D(2026, 4, 15))
    d = services.decision_legality_review(actor=reviewer, decision=d, result="pass", date=D(2026, 4, 20))
    assert d.status == S.REVIEWED


@pytest.mark.parametrize("upto", ["drafting", "consulting", "prepared", "reviewed"])
def test_decide_before_review_or_discussion_is_refused(make_decision, users, upto):
    d = make_decision(upto)
    before = state(d)
    with pytest.raises(DomainError) as exc:
        services.decision_decide(actor=users["fengsheng_leader"], decision=d, date=D(2026, 5, 1))
    assert "不能执行“作出决定”" in exc.value.message
    assert state(d) == before


def test_only_the_leader_decides(make_decision, users):
    d = make_decision("discussed")
    with pytest.raises(DomainError) as exc:
        services.decision_decide(actor=users["fengsheng_clerk"], decision=d, date=D(2026, 5, 1))
    assert exc.value.code == "forbidden_role"


def test_discussion_that_rejects_sends_the_draft_back(make_decision, users):
    d = make_decision("reviewed")
    d = services.decision_collective_discussion(actor=users["fengsheng_leader"], decision=d, result="fail",
                                                minutes="需进一步论证", date=D(2026, 4, 20))
    assert d.status == S.DRAFTING


def test_catalogue_is_published_only_after_party_approval(world, users, make_decision):
    clerk = users["fengsheng_clerk"]
    d = make_decision()
    cat = services.catalogue_create(actor=clerk, town=world.fengsheng, year=2026)
    d.refresh_from_db()
    assert d.catalogue == cat
    with pytest.raises(DomainError):
        services.catalogue_publish(actor=clerk, catalogue=cat, date=D(2026, 3, 1))
    services.catalogue_approve(actor=clerk, catalogue=cat, date=D(2026, 2, 20))
    cat = services.catalogue_publish(actor=clerk, catalogue=cat, date=D(2026, 3, 1))
    assert cat.published_on == D(2026, 3, 1)


def test_incident_must_link_a_decision_of_the_same_town(world, users, make_decision):
    other = make_decision(town=world.mudong)
    with pytest.raises(InvalidInput):
        services.incident_create(actor=users["fengsheng_clerk"], town=world.fengsheng, title="群众聚集",
                                 occurred_on=D(2026, 5, 1), cause="improper", decision=other)
