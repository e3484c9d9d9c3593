"""The report as a DOCX in the form of GB/T 9704-2012 (党政机关公文格式):
A4, margins top 37 / bottom 35 / left 28 / right 26 mm; body 仿宋_GB2312 3号 (16 pt) on a grid of
22 lines × 28 characters (line pitch 28.95 pt); title 方正小标宋简体 2号 (22 pt); headings 黑体
(一、) and 楷体_GB2312 (（一）); page numbers “— 1 —” in 4号 宋体, odd pages right, even left;
发文机关署名 and 成文日期 after the body.

The official font names are kept in the file (government PCs have them); CJK fonts are set in
the East-Asian slot too, since python-docx's ``font.name`` sets only ascii/hAnsi."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .assembly import Document

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines

STYLES = {
    # name: (font, size pt, alignment, first-line indent in characters, bold, colour)
    "公文发文机关标志": (XIAOBIAOSONG, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER, 0, False, RGBColor(0xC0, 0, 0)),
    "公文标题": (XIAOBIAOSONG, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER, 0, False, None),
    "公文正文": (FANGSONG, BODY_PT, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, False, None),
    "公文一级标题": (HEITI, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, 2, False, None),
    "公文二级标题": (KAITI, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, 2, False, None),
    "公文署名": (FANGSONG, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT, 0, False, None),
    "公文成文日期": (FANGSONG, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT, 0, False, None),
}


def set_east_asian_font(element, name: str):
    """Set all four font slots of a style's or run's rPr (the East-Asian one is what CJK text uses)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _style(document, name, font, size, alignment, indent_chars, bold, colour):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    style.font.bold = bold
    if colour is not None:
        style.font.color.rgb = colour
    set_east_asian_font(style.element, font)
    fmt = style.paragraph_format
    fmt.alignment = alignment
    fmt.first_line_indent = Pt(size * indent_chars) if indent_chars else None
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT if size == BODY_PT else 36)
    fmt.widow_control = True
    return style


def _page_setup(document):
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(28 - 7)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    # 22 lines of 28.95 pt, 28 characters of 15.79 pt (charSpace in 1/4096 pt beyond 16 pt).
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    grid.set(qn("w:charSpace"), "-842")
    return section


def _page_number(paragraph):
    """“— N —” with a PAGE field."""
    def run(text=None):
        r = paragraph.add_run(text or "")
        r.font.size = Pt(PAGE_NUMBER_PT)
        r.font.name = SONGTI
        set_east_asian_font(r._r, SONGTI)
        return r

    run("— ")
    begin = run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "begin")
    begin._r.append(el)
    instr = run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instr._r.append(text)
    end = run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), "end")
    end._r.append(el)
    run(" —")


def _footers(document, section):
    document.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)  # 单页码居右空一字
    _page_number(odd)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)  # 双页码居左空一字
    _page_number(even)


def build(doc: Document):
    document = new_docx()
    normal = document.styles["Normal"]
    normal.font.name = FANGSONG
    normal.font.size = Pt(BODY_PT)
    set_east_asian_font(normal.element, FANGSONG)
    for name, spec in STYLES.items():
        _style(document, name, *spec)
    section = _page_setup(document)
    _footers(document, section)

    def para(text, style):
        return document.add_paragraph(text, style=style)

    para(doc.header, "公文发文机关标志")
    para(doc.title, "公文标题")
    para("", "公文正文")
    for p in doc.intro:
        para(p.text, "公文正文")
    for s in doc.sections:
        para(f"{s.label}{s.title}", "公文一级标题")
        for p in s.paragraphs:
            para(p.text, "公文正文")
        for sub in s.subsections:
            para(f"{sub.label}{sub.title}", "公文二级标题")
            for p in sub.paragraphs:
                para(p.text, "公文正文")
    para("", "公文正文")
    signature = para(doc.signature, "公文署名")
    signature.paragraph_format.right_indent = Pt(BODY_PT * 4)  # 右空四字
    if doc.date:
        date = para(doc.date_text, "公文成文日期")
        date.paragraph_format.right_indent = Pt(BODY_PT * 4)
    document.core_properties.title = doc.title
    document.core_properties.author = doc.signature
    document.core_properties.language = "zh-CN"
    return document


def to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    build(doc).save(buffer)
    return buffer.getvalue()


def filename(doc: Document, ext: str = "docx") -> str:
    return f"{doc.town_name}{doc.year}年法治政府建设情况报告.{ext}"
