import datetime

import pytest

from fazhi.decisions import services

D = datetime.date



@pytest.fixture
def make_decision(world, users):
    """make_decision(upto="decided") walks a decision of 丰盛镇 through the procedure."""
    clerk, reviewer, leader = users["fengsheng_clerk"], users["fengsheng_reviewer"], users["fengsheng_leader"]
    steps = ["drafting", "consulting", "prepared", "reviewed", "discussed", "decided", "published"]

    def make(upto="drafting", *, title="丰盛镇场镇污水管网改造项目", start=None, town=None):
        start = start or D(2026, 3, 2)
        d = services.decision_create(actor=clerk, town=town or world.fengsheng, title=title, category="project",
                                     started_on=start, sponsor_unit="建设管理环保办")
        n = steps.index(upto)
        day = lambda k: start + datetime.timedelta(days=k)  # noqa: E731
        if n >= 1:
            d = services.decision_open_consultation(actor=clerk, decision=d, start=day(1), end=day(31), date=day(1))
        if n >= 2:
            d = services.decision_expert_opinion(actor=clerk, decision=d, opinion="方案可行。", date=day(10))
            d = services.decision_risk_assessment(actor=clerk, decision=d, opinion="低风险", level="低", date=day(12))
            d = services.decision_counsel_opinion(actor=clerk, decision=d, opinion="程序合法。", counsel="重庆某律师事务所",
                                                  date=day(33))
        if n >= 3:
            d = services.decision_submit_review(actor=clerk, decision=d, date=day(34))
            d = services.decision_legality_review(actor=reviewer, decision=d, result="pass", opinion="合法。",
                                                  date=day(42))
        if n >= 4:
            d = services.decision_collective_discussion(actor=leader, decision=d, result="pass", meeting="镇政府常务会",
                                                        minutes="一致同意。", date=day(50))
        if n >= 5:
            d = services.decision_decide(actor=leader, decision=d, date=day(51))
        if n >= 6:
            d = services.decision_publish(actor=clerk, decision=d, date=day(55))
        return d

    return make
