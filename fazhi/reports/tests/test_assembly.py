"""The report written from the figures: the seed's facts stated, an absent figure never invented,
the checker silent on what the system writes."""

import datetime

import pytest

from fazhi.reports import assembly, checker, proposals
from fazhi.reports.services import report_approve, report_create

from .conftest import SEED_2023

pytestmark = pytest.mark.django_db


def full_text(doc):
    return doc.text()


def test_the_2023_report_states_the_seed_facts(world, users, seed_figures):
    report = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    doc = assembly.document_for(report)
    text = full_text(doc)
    assert doc.title == "关于2023年法治政府建设情况的报告"
    assert "机关干部完成专题学习率达到100%" in text
    assert "2023年未制订行政规范性文件" in text
    assert "作出重大行政决策4项" in text
    assert "重大行政决策均征求法律顾问意见并经司法所合法性审查" in text
    assert "办理行政执法案件12件" in text
    assert "领导干部无干预司法活动" in text
    assert "2023年丰盛镇无行政诉讼案件" in text
    assert "未产生行政复议案件" in text and "未产生行政裁决案件" in text and "未产生仲裁案件" in text
    assert "全年调处各类矛盾纠纷396起" in text
    assert "全年辖区未发生重大安全生产事故" in text
    assert "网格化治理已实现全覆盖" in text
    assert "暂未能从平台取得" not in text
    # the checker reads back every figure the report states, equal to the records
    stated = {name: value for _l, name, value, _w in checker.stated_figures(doc.lines())}
    assert {k: float(v) for k, v in stated.items()} == {k: float(v) for k, v in SEED_2023.items()}


def test_the_structure_follows_the_rules(world, users, seed_figures):
    report = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    data = assembly.document_for(report).as_json()
    assert [s["number"] for s in data["sections"]] == ["一", "二", "三", "四"]  # no 五 without content
    assert [sub["number"] for sub in data["sections"][0]["subsections"]] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert data["sections"][3]["title"].startswith("2024年")
    assert data["figures"]["disputes.mediated"] == 396
    assert data["town"] == "fengsheng" and data["year"] == 2023


def test_an_approved_report_passes_the_checker(world, users, seed_figures):
    report = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2023)
    report = report_approve(actor=users["fengsheng_leader"], report=report, on=datetime.date(2024, 2, 20))
    doc = assembly.document_for(report)
    assert doc.date_text == "2024年2月20日"
    assert checker.check_lines(doc.lines(), year=2023, figures=dict(SEED_2023)) == []


def test_an_absent_figure_is_said_to_be_unavailable_never_invented(world, users, seed_figures):
    del seed_figures["disputes.mediated"]
    del seed_figures["grid.coverage_rate"]
    doc = assembly.document_for_town(world.fengsheng, 2023)
    text = full_text(doc)
    assert "全年调处矛盾纠纷数量数据暂未能从平台取得。" in text
    assert "网格化治理覆盖率数据暂未能从平台取得。" in text
    assert "调处各类矛盾纠纷" not in text and "全覆盖" not in text
    assert "disputes.mediated" not in doc.as_json()["figures"]


def test_with_no_module_installed_every_figure_is_unavailable(world, no_figures):
    text = full_text(assembly.document_for_town(world.fengsheng, 2023))
    assert text.count("暂未能从平台取得") == 13
    assert not any(ch.isdigit() for ch in text.split("现将")[1].split("重庆市巴南区丰盛镇人民政府")[0]
                   .replace("2023", "").replace("2024", ""))


def test_template_conditions_choose_the_sentence():
    render = assembly.render_template
    tpl = "[normative.issued=0]{year}年未制订行政规范性文件。[normative.issued>0]{year}年制订行政规范性文件{normative.issued}件。"
    assert [s.text for s in render(tpl, {"normative.issued": 0}, year=2023, town_name="丰盛镇")] == [
        "2023年未制订行政规范性文件。"]
    assert [s.text for s in render(tpl, {"normative.issued": 3}, year=2023, town_name="丰盛镇")] == [
        "2023年制订行政规范性文件3件。"]
    sentences = render(tpl, {}, year=2023, town_name="丰盛镇")
    assert [s.text for s in sentences] == ["年度制发行政规范性文件数量数据暂未能从平台取得。"]
    assert render("完成率{study.completion_rate}%。", {"study.completion_rate": 87.456}, year=2023,
                  town_name="x")[0].text == "完成率87.5%。"


def test_shortcomings_are_proposed_from_the_figures():
    pairs = proposals.proposed({**SEED_2023, "study.completion_rate": 90, "disputes.settlement_rate": 70,
                                "enforcement.overdue_cases": 2})
    words = "".join(s for s, _n in pairs)
    assert "专题学习" in words and "调解成功率" in words and "法定期限" in words
    assert proposals.proposed(dict(SEED_2023)) == proposals.GENERIC_SHORTCOMINGS
    text = proposals.shortcomings_text({**SEED_2023, "grid.coverage_rate": 80}, 2023)
    assert text.endswith("一是网格化治理覆盖面还不够，基层治理末梢还有空白。")
