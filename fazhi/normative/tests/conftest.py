import datetime

import pytest

from fazhi.normative import services

D = datetime.date


@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def reviewer(users):
    return users["fengsheng_reviewer"]


@pytest.fixture
def make_doc(world, users):
    """make_doc(upto="published") walks a document of 丰盛镇 through the workflow."""
    clerk, reviewer = users["fengsheng_clerk"], users["fengsheng_reviewer"]
    steps = ["drafting", "reviewing", "reviewed", "deliberated", "published", "filed", "in_force"]

    def make(upto="drafting", *, title="关于规范农村建房管理的规定", start=None, number="丰府规〔2026〕1号",
             town=None, **kw):
        start = start or D(2026, 9, 1)
        doc = services.document_create(actor=clerk, town=town or world.fengsheng, title=title,
                                       drafting_unit="党政办公室", drafted_on=start, **kw)
        n = steps.index(upto)
        if n >= 1:
            doc = services.document_submit_review(actor=clerk, document=doc, date=start + datetime.timedelta(days=2))
        if n >= 2:
            doc = services.document_review(actor=reviewer, document=doc, result="pass", opinion="符合权限和程序。",
                                           date=start + datetime.timedelta(days=9))
        if n >= 3:
            doc = services.document_deliberate(actor=clerk, document=doc, date=start + datetime.timedelta(days=12),
                                               meeting="镇政府常务会")
        if n >= 4:
            doc = services.document_publish(actor=clerk, document=doc, doc_number=number,
                                            date=start + datetime.timedelta(days=14))
        if n >= 5:
            doc = services.document_file(actor=clerk, document=doc, date=start + datetime.timedelta(days=20))
        if n >= 6:
            doc = services.document_filing_result(actor=clerk, document=doc, result="approved",
                                                  date=start + datetime.timedelta(days=40))
        return doc

    return make

