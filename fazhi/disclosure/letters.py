"""Letters (告知书) to the applicant, as DOCX, from templates a clerk edits in the admin.

Each letter states the facts of the case, its legal basis and, for a decision on the request,
the applicant's remedies with their periods: 行政复议 within 60 days (行政复议法 第二十条) and
行政诉讼 within 6 months (行政诉讼法 第四十六条). The file is stored as an attachment of the
request, so it carries its SHA-256 like any evidence."""

from __future__ import annotations

import io
import re

from django.core.files.base import ContentFile
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.core.attachments import attachment_add

from .models import Letter, LetterKind, LetterTemplate, ReplyReason

LEGAL_BASIS = {
    LetterKind.CORRECTION: "《中华人民共和国政府信息公开条例》第二十九条、第三十条",
    LetterKind.EXTENSION: "《中华人民共和国政府信息公开条例》第三十三条第二款",
    LetterKind.CONSULTATION: "《中华人民共和国政府信息公开条例》第三十二条",
    LetterKind.REASONS: "《中华人民共和国政府信息公开条例》第三十五条",
    LetterKind.DELAY: "《中华人民共和国政府信息公开条例》第三十五条",
    LetterKind.DISCLOSED: "《中华人民共和国政府信息公开条例》第三十六条第一项、第二项",
    LetterKind.PARTIAL: "《中华人民共和国政府信息公开条例》第三十六条第二项、第三项、第三十七条",
    LetterKind.WITHHELD: "《中华人民共和国政府信息公开条例》第十四条、第十五条、第十六条、第三十六条第三项",
    LetterKind.UNAVAILABLE: "《中华人民共和国政府信息公开条例》第三十六条第四项、第五项、第三十八条",
    LetterKind.NOT_PROCESSED: "《中华人民共和国政府信息公开条例》第三十五条、第三十六条第六项、第三十九条",
    LetterKind.OTHER: "《中华人民共和国政府信息公开条例》第三十条",
}

DECISIONS = {LetterKind.DISCLOSED, LetterKind.PARTIAL, LetterKind.WITHHELD, LetterKind.UNAVAILABLE,
             LetterKind.NOT_PROCESSED, LetterKind.OTHER}

DEFAULT_TEMPLATES = {
    LetterKind.CORRECTION: (
        "政府信息公开申请补正告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,申请内容不够明确,请您补正以下事项:\n{补正事项}\n请于{补正期限}前补正。答复期限自本机关收到补正的申请之日起计算;"
        "无正当理由逾期不补正的,视为放弃申请,本机关不再处理该申请。\n依据:{法律依据}。",
    ),
    LetterKind.EXTENSION: (
        "政府信息公开申请延期答复告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码})。因{延长理由},"
        "经政府信息公开工作机构负责人同意,答复期限延长{延长天数}个工作日,本机关将于{新答复期限}前作出答复。\n依据:{法律依据}。",
    ),
    LetterKind.CONSULTATION: (
        "政府信息公开征求第三方意见书",
        "{征求意见对象}:\n本机关收到一件政府信息公开申请(查询码{查询码}),申请公开的信息可能涉及您(单位)的合法权益。"
        "请自收到本意见书之日起15个工作日内提出书面意见;逾期未提出意见的,由本机关依照条例规定决定是否公开。\n依据:{法律依据}。",
    ),
    LetterKind.REASONS: (
        "要求说明理由通知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码})。您申请公开政府信息的数量、频次明显超过合理范围,"
        "请说明理由。理由不合理的,本机关将告知不予处理;理由合理但无法在法定期限内答复的,本机关将确定延迟答复的合理期限并告知您。\n依据:{法律依据}。",
    ),
    LetterKind.DELAY: (
        "延迟答复告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码})。您说明的理由合理,但因{延迟理由},"
        "本机关无法在法定期限内答复,现确定于{延迟答复期限}前作出答复。\n依据:{法律依据}。",
    ),
    LetterKind.DISCLOSED: (
        "政府信息予以公开告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,您申请获取的政府信息属于公开范围,现予以提供。{答复说明}\n{提供信息}\n依据:{法律依据}。\n{救济途径}",
    ),
    LetterKind.PARTIAL: (
        "政府信息部分公开告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,您申请获取的政府信息中部分内容可以公开,现提供可以公开的部分;其余部分{答复理由},不予公开。{答复说明}\n"
        "{提供信息}\n依据:{法律依据}。\n{救济途径}",
    ),
    LetterKind.WITHHELD: (
        "政府信息不予公开告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,您申请获取的政府信息{答复理由},本机关决定不予公开。{答复说明}\n依据:{法律依据}。\n{救济途径}",
    ),
    LetterKind.UNAVAILABLE: (
        "政府信息无法提供告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,{答复理由}。{答复说明}{负责机关}\n依据:{法律依据}。\n{救济途径}",
    ),
    LetterKind.NOT_PROCESSED: (
        "政府信息公开申请不予处理告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "经审查,您的申请{答复理由},本机关不予处理。{答复说明}\n依据:{法律依据}。\n{救济途径}",
    ),
    LetterKind.OTHER: (
        "政府信息公开申请处理告知书",
        "{申请人}:\n本机关于{收到日期}收到您(单位)提出的政府信息公开申请(查询码{查询码}),申请内容为:“{申请内容}”。"
        "{答复理由}。{答复说明}\n依据:{法律依据}。\n{救济途径}",
    ),
}

_PLACEHOLDER = re.compile(r"\{([\u4e00-\u9fa5]+)\}")


def template_for(town, kind) -> tuple[str, str]:
    """The town's own template, else the default one in the admin, else the built-in wording."""
    rows = {t.town_id: t for t in LetterTemplate.objects.filter(kind=kind, town__in=[town]) }
    row = rows.get(town.pk) or LetterTemplate.objects.filter(kind=kind, town__isnull=True).first()
    if row is not None:
        return row.title, row.body
    return DEFAULT_TEMPLATES[LetterKind(kind)]


def _date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def remedies(town) -> str:
    district = town.district.name
    return (f"如对本告知不服,可以自收到本告知书之日起六十日内向{district}人民政府申请行政复议(《中华人民共和国行政复议法》"
            f"第二十条),或者自收到本告知书之日起六个月内向有管辖权的人民法院提起行政诉讼(《中华人民共和国行政诉讼法》第四十六条)。")


def facts(req, kind) -> dict:
    town = req.town
    reason = str(ReplyReason(req.reply_reason).label) if req.reply_reason else ""
    if kind == LetterKind.OTHER and req.reply_reason == ReplyReason.CORRECTION_OVERDUE:
        reason = f"本机关于{_date(req.correction_requested_on)}告知您补正,您未在{_date(req.correction_deadline)}前补正,视为放弃申请,本机关不再处理"
    return {
        "申请人": req.applicant_name,
        "收到日期": _date(req.received_date),
        "申请内容": req.content,
        "查询码": req.query_code,
        "答复日期": _date(req.replied_on),
        "答复理由": reason,
        "答复说明": req.reply_explanation,
        "提供信息": req.released_text,
        "负责机关": f"负责公开该信息的机关为{req.responsible_agency}。" if req.responsible_agency else "",
        "补正事项": req.correction_items,
        "补正期限": _date(req.correction_deadline),
        "延长天数": str(req.extension_workdays or ""),
        "延长理由": req.extension_reason,
        "新答复期限": _date(req.due_date),
        "征求意见对象": req.consult_party,
        "延迟理由": req.delay_reason,
        "延迟答复期限": _date(req.delay_until),
        "机关名称": town.full_government_name,
        "法律依据": LEGAL_BASIS[LetterKind(kind)],
        "救济途径": remedies(town) if kind in DECISIONS else "",
    }


def fill(body: str, values: dict) -> str:
    # Only known placeholders are replaced: a brace a clerk types by hand stays as it is.
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), body)


def render(req, kind, on) -> tuple[str, bytes]:
    title, body = template_for(req.town, kind)
    text = fill(body, facts(req, kind))
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    head = doc.add_paragraph(req.town.full_government_name)
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = doc.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = doc.add_paragraph(f"查询码:{req.query_code}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in text.split("\n"):
        if line.strip():
            doc.add_paragraph(line.strip())
    sign = doc.add_paragraph(f"{req.town.full_government_name}\n{_date(on)}")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return title, out.getvalue()


def issue(*, actor, request, kind, on) -> Letter:
    """Make the letter, store it as an attachment of the request, and list it on the case."""
    title, data = render(request, kind, on)
    upload = ContentFile(data, name=f"{title}-{request.query_code}-{on:%Y%m%d}.docx")
    attachment = attachment_add(actor=actor, subject=request, upload=upload, title=title)
    label = getattr(actor, "label", None) or str(actor or "系统")
    return Letter.objects.create(town_id=request.town_id, request=request, kind=kind, issued_on=on,
                                 attachment=attachment, created_by_label=label[:120])
