"""The annual disclosure report (条例 第五十条; 国办公开办函〔2021〕30号): tables add up on the
demo data and on generated data; other modules' figures are read through figures.collect."""

import datetime
import json
import random

import pytest
from docx import Document

from fazhi.core import figures as core_figures
from fazhi.disclosure import demo, report, services
from fazhi.disclosure.figures import figures
from fazhi.disclosure.models import REASONS_BY_TYPE, DisclosureRequest, ReplyType

from .conftest import CREDIT_CODE, company, person


@pytest.fixture
def demo_data(world):
    demo.load(world)
    return world


def rows_of(rep):
    return {r["key"]: r["values"] for r in rep["tables"]["requests"]["rows"]}


def test_demo_2023_report_tables_add_up(demo_data):
    rep = report.build_report(demo_data.fengsheng, 2023)
    assert rep["checks"] == []
    rows = rows_of(rep)
    assert rows["new"]["total"] == 10
    assert rows["carried_over"]["total"] == 0
    assert rows["results_total"]["total"] == 9
    assert rows["carried_forward"]["total"] == 1
    assert rows["disclosed"]["natural_person"] == 2
    assert rows["partial"]["commercial"] == 1
    assert rows["disclosed"]["commercial"] == 1  # the fee-paying request
    assert rows["withheld_process"]["total"] == 1
    assert rows["unavailable_not_held"]["total"] == 1
    assert rows["not_processed_duplicate"]["total"] == 1
    assert rows["other_correction_overdue"]["total"] == 1
    assert rows["other_other"]["commercial"] == 1  # the withdrawal
    assert [s["title"] for s in rep["sections"]] == report.SECTION_TITLES
    assert rep["tables"]["proactive"]["proactive"] == {"published": 6, "on_time": 5}


def test_demo_2024_report_carries_the_december_request_over(demo_data):
    rows = rows_of(report.build_report(demo_data.fengsheng, 2024))
    assert rows["carried_over"]["natural_person"] == 1
    assert rows["new"]["total"] == 0
    assert rows["partial"]["natural_person"] == 1
    assert rows["carried_forward"]["total"] == 0


def test_demo_is_idempotent(demo_data):
    count = DisclosureRequest.objects.count()
    demo.load(demo_data)
    assert DisclosureRequest.objects.count() == count


def test_generated_data_tables_add_up(world, users):
    clerk, reviewer = users["fengsheng_clerk"], users["fengsheng_reviewer"]
    rng = random.Random(7)
    org_kinds = ["commercial", "research", "public_welfare", "legal_service", "other"]
    start = datetime.date(2024, 11, 1)
    for _n in range(40):
        received = start + datetime.timedelta(days=rng.randrange(0, 120))
        if rng.random() < 0.5:
            data = person(received_date=received.isoformat())
        else:
            data = company(received_date=received.isoformat(), arrived_date=received.isoformat(),
                           org_kind=rng.choice(org_kinds), credit_code=CREDIT_CODE)
        req = services.request_register(actor=clerk, town=world.fengsheng, data=data)
        on = received + datetime.timedelta(days=rng.randrange(1, 40))
        roll = rng.random()
        if roll < 0.15:
            continue  # still open
        if roll < 0.25:
            services.request_withdraw(actor=clerk, request=req, date=on)
            continue
        rtype = rng.choice([t for t in ReplyType.values if t != "other"] + ["other"])
        reasons = [r for r in REASONS_BY_TYPE[ReplyType(rtype)] if r not in ("unclear", "correction_overdue", "fee_overdue", "excessive")]
        reason = rng.choice(reasons) if reasons else ""
        if rtype == "withheld":
            services.request_review_refusal(actor=reviewer, request=req, date=on, reason=reason, agreed=True,
                                            opinion="同意")
        services.request_reply(actor=clerk, request=req, date=on, reply_type=rtype, reason=reason,
                               explanation="检索记录见附件")
    for year in (2024, 2025):
        rep = report.build_report(world.fengsheng, year)
        assert rep["checks"] == [], rep["checks"]
    r24, r25 = rows_of(report.build_report(world.fengsheng, 2024)), rows_of(report.build_report(world.fengsheng, 2025))
    assert r24["carried_forward"] == r25["carried_over"]
    assert r24["new"]["total"] + r25["new"]["total"] == 40


def test_check_catches_a_broken_table(demo_data):
    rep = report.build_report(demo_data.fengsheng, 2023)
    rep["tables"]["requests"]["rows"][0]["values"]["natural_person"] += 1
    assert report.check_requests_table(rep["tables"]["requests"])


def test_tables_two_and_four_read_other_modules_figures(demo_data, monkeypatch):
    fake = {"judicial.disclosure_reconsideration_maintained": 1, "judicial.disclosure_reconsideration_total": 1,
            "judicial.disclosure_litigation_direct_pending": 2, "judicial.disclosure_litigation_direct_total": 2,
            "normative.issued": 3, "enforcement.penalty_decisions": 12}

    def collect(town, year):
        return {**figures(town, year), **fake}

    monkeypatch.setattr(core_figures, "collect", collect)
    rep = report.build_report(demo_data.fengsheng, 2023)
    values = rep["tables"]["review_litigation"]["values"]
    assert values[0] == 1 and values[4] == 1 and values[8] == 2 and values[9] == 2 and sum(values) == 6
    parts = rep["tables"]["proactive"]["parts"]
    assert parts[0]["rows"][1]["values"] == [3, 0, 0]
    assert parts[2]["rows"][0]["values"] == [12]
    assert rep["checks"] == []


def test_figures(demo_data):
    f = figures(demo_data.fengsheng, 2023)
    assert f["disclosure.requests_received"] == 10
    assert f["disclosure.requests_replied"] == 7  # seven replies in 2023 (abandon and withdrawal are not replies)
    assert f["disclosure.reply_disclosed"] == 3
    assert f["disclosure.fees_collected"] == 200.0
    assert f["disclosure.reply_other"] == 1
    assert f["disclosure.proactive_published"] == 6
    assert f["disclosure.proactive_on_time"] == 5
    assert all(k.startswith("disclosure.") for k in f)


def test_command_writes_json_and_docx(demo_data, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "r.json"
    call_command("disclosure_report", town="fengsheng", year=2023, format="json", output=str(out))
    data = json.loads(out.read_text())
    assert set(data) >= {"town", "year", "tables", "sections"} and data["year"] == 2023
    docx_path = tmp_path / "r.docx"
    call_command("disclosure_report", town="fengsheng", year=2023, format="docx", output=str(docx_path))
    doc = Document(str(docx_path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "三、收到和处理政府信息公开申请情况" in text
    assert len(doc.tables) >= 3
    assert "王建华" not in text and "500113" not in text
