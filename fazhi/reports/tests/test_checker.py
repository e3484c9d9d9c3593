"""The checker on the seed (RULES §8) and on crafted drafts: every code, each with its line, and
no false alarm on a well-formed report."""

import datetime

import pytest

from fazhi.reports import checker

from .conftest import SEED_2023, SEED_PATH

SIGNED = "\n\n重庆市巴南区丰盛镇人民政府\n2024年1月20日\n"


def seed_lines():
    return checker.read_lines(SEED_PATH)


def well_formed_text():
    text = "\n".join(seed_lines())
    text = text.replace("\n学习贯彻习近平法治思想\n", "\n（一）学习贯彻习近平法治思想\n")
    text = text.replace("\n存在的不足\n", "\n三、存在的不足和原因\n")
    return text.rstrip() + SIGNED


def codes(findings):
    return [f.code for f in findings]


def test_seed_numbering_faults_and_missing_signature_and_date_are_found():
    findings = checker.check_lines(seed_lines())
    numbering = [f for f in findings if f.code == "numbering"]
    assert [(f.line, f.severity) for f in numbering] == [(5, "error"), (32, "error")]
    assert "（一）" in numbering[0].message and "学习贯彻习近平法治思想" in numbering[0].message
    assert "三、" in numbering[1].message and "存在的不足" in numbering[1].message
    signature = [f for f in findings if f.code == "missing-signature"]
    assert len(signature) == 2
    assert any("署名" in f.message for f in signature) and any("成文日期" in f.message for f in signature)
    assert sorted(codes(findings)) == ["missing-signature", "missing-signature", "numbering", "numbering"]


def test_a_well_formed_report_has_no_finding_even_against_the_records():
    text = well_formed_text()
    assert checker.check_text(text) == []
    assert checker.check_text(text, year=2023, figures=dict(SEED_2023), today=datetime.date(2024, 1, 25)) == []


def test_the_seed_states_the_seed_figures():
    stated = {name: value for _line, name, value, _w in checker.stated_figures(seed_lines())}
    for name in ["study.completion_rate", "normative.issued", "decisions.reviewed_rate",
                 "judicial.interference_records", "judicial.litigation_cases", "judicial.reconsideration_cases",
                 "judicial.adjudication_cases", "judicial.arbitration_cases", "disputes.mediated",
                 "safety.major_accidents", "grid.coverage_rate"]:
        assert float(stated[name]) == float(SEED_2023[name]), name


def test_a_figure_that_differs_from_the_records_is_flagged_with_its_line():
    figures = {**SEED_2023, "disputes.mediated": 395, "judicial.litigation_cases": 2}
    findings = [f for f in checker.check_text(well_formed_text(), year=2023, figures=figures)
                if f.code == "figure-mismatch"]
    assert {(f.line, "396" in f.message) for f in findings} >= {(26, True)}
    assert any("judicial.litigation_cases" in f.message and f.line == 24 for f in findings)
    assert len(findings) == 2


def test_a_figure_the_platform_lacks_is_not_compared():
    figures = {k: v for k, v in SEED_2023.items() if k != "disputes.mediated"}
    assert checker.check_text(well_formed_text(), year=2023, figures=figures) == []


def test_a_missing_part_is_reported():
    text = well_formed_text()
    start = text.index("二、2023年党政主要负责人")
    end = text.index("三、存在的不足和原因")
    findings = checker.check_text(text[:start] + text[end:])
    missing = [f for f in findings if f.code == "missing-section"]
    assert len(missing) == 1 and "第一责任人" in missing[0].message
    # the parts after it are renumbered out of sequence too
    assert [f.code for f in findings if f.code == "numbering"] == ["numbering"]


def test_skipped_and_repeated_numbers_are_reported():
    text = well_formed_text().replace("（四）健全行政决策制度体系", "（五）健全行政决策制度体系")
    findings = checker.check_text(text)
    assert codes(findings) == ["numbering", "numbering"]  # （五） where （四）, then （五） again
    assert "应为“（四）”" in findings[0].message


def test_a_date_after_1_march_is_late():
    text = well_formed_text().replace("2024年1月20日", "2024年3月5日")
    findings = checker.check_text(text)
    assert codes(findings) == ["late"]
    assert "2024年3月1日" in findings[0].message
    # 1 March itself is on time
    assert checker.check_text(well_formed_text().replace("2024年1月20日", "2024年3月1日")) == []


def test_a_date_in_chinese_numerals_is_read():
    text = well_formed_text().replace("2024年1月20日", "二〇二四年一月二十日")
    assert checker.check_text(text) == []


def test_a_year_that_does_not_match_is_reported():
    findings = checker.check_text(well_formed_text(), year=2024)
    assert "year-mismatch" in codes(findings)
    title = [f for f in findings if f.code == "year-mismatch"][0]
    assert title.line == 2
    text = well_formed_text().replace("四、2024年推进法治政府建设工作思路", "四、2023年推进法治政府建设工作思路")
    findings = checker.check_text(text)
    assert codes(findings) == ["year-mismatch"] and "应为2024年" in findings[0].message


def test_a_paragraph_copied_from_the_previous_report_is_a_warning():
    lines = well_formed_text().splitlines()
    previous = [lines[20].replace("2023", "2022")]  # 一(五) of last year, barely changed
    findings = checker.check_lines(lines, previous_paragraphs=previous + ["短段落"])
    assert [(f.code, f.severity, f.line) for f in findings] == [("copied", "warning", 21)]
    assert checker.check_lines(lines, previous_paragraphs=["完全不同的内容" * 20]) == []


def test_a_docx_is_read_paragraph_by_paragraph(tmp_path):
    import docx

    document = docx.Document()
    for line in well_formed_text().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(path)
    assert checker.check_lines(checker.read_lines(path)) == []


@pytest.mark.parametrize("n,text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (23, "二十三")])
def test_chinese_numbers(n, text):
    assert checker.int_to_cn(n) == text
    assert checker.cn_to_int(text) == n
