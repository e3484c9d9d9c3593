"""The DOCX read back with python-docx: page setup, styles, East-Asian fonts, page numbers (GB/T 9704)."""

import io
import json

import docx
import pytest
from django.core.management import call_command
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.reports import assembly, checker, docx_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(world, seed_figures):
    return assembly.document_for_town(world.fengsheng, 2023)


@pytest.fixture
def read_back(document):
    return docx.Document(io.BytesIO(docx_export.to_bytes(document)))


def east_asian(style):
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_page_setup_is_a4_with_the_official_margins_and_grid(read_back):
    section = read_back.sections[0]
    def mm(length):
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:linePitch")) == "579"


def test_styles_carry_the_official_fonts_in_the_east_asian_slot(read_back):
    styles = read_back.styles
    assert east_asian(styles["公文标题"]) == "方正小标宋简体" and styles["公文标题"].font.size == Pt(22)
    assert east_asian(styles["公文正文"]) == "仿宋_GB2312" and styles["公文正文"].font.size == Pt(16)
    assert east_asian(styles["公文一级标题"]) == "黑体"
    assert east_asian(styles["公文二级标题"]) == "楷体_GB2312"
    assert styles["公文正文"].paragraph_format.line_spacing == Pt(28.95)
    assert styles["公文正文"].paragraph_format.first_line_indent == Pt(32)


def test_headings_body_signature_and_date_use_their_styles(read_back, document):
    by_style = {}
    for p in read_back.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["公文标题"] == ["关于2023年法治政府建设情况的报告"]
    assert by_style["公文一级标题"][0].startswith("一、2023年推进法治政府建设的主要举措和成效")
    assert by_style["公文二级标题"][0] == "（一）学习贯彻习近平法治思想"
    assert by_style["公文署名"] == ["重庆市巴南区丰盛镇人民政府"]
    assert "公文成文日期" not in by_style  # a draft: dated when approved


def test_page_numbers_are_fields_on_odd_and_even_pages(read_back):
    section = read_back.sections[0]
    assert read_back.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "fldChar" in xml
        assert footer.paragraphs[0].text.startswith("— ")


def test_the_docx_passes_the_checker(read_back, document, tmp_path):
    path = tmp_path / "r.docx"
    read_back.save(path)
    findings = checker.check_lines(checker.read_lines(path), year=2023, figures=document.figures)
    # A draft has no 成文日期 until the leader approves it: that is the only finding.
    assert [(f.code, "成文日期" in f.message) for f in findings] == [("missing-signature", True)]


def test_annual_report_command_writes_json_docx_and_html(world, seed_figures, tmp_path):
    out = tmp_path / "r.json"
    call_command("annual_report", "--town", "fengsheng", "--year", "2023", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["figures"]["disputes.mediated"] == 396
    assert data["sections"][0]["subsections"][5]["number"] == "（六）"
    assert any("396起" in p for p in data["sections"][0]["subsections"][5]["paragraphs"])
    call_command("annual_report", "--town", "fengsheng", "--year", "2023", "--format", "docx",
                 "--output", str(tmp_path / "r.docx"))
    assert docx.Document(str(tmp_path / "r.docx")).paragraphs[1].text == "关于2023年法治政府建设情况的报告"
    call_command("annual_report", "--town", "fengsheng", "--year", "2023", "--format", "html",
                 "--output", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "全年调处各类矛盾纠纷396起" in html
