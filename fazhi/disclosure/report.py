"""政府信息公开工作年度报告 (政府信息公开条例 第四十九、五十条), in the uniform format of
国办公开办函〔2021〕30号 (RULES.md §1.9, §1.10).

``build_report(town, year)`` returns the report as JSON-ready data
``{"town", "year", "tables": {...}, "sections": [...]}``; ``render_docx(report)`` writes it as
a Word file. Table 三 is counted here from this module's records; tables 二 and 四 read other
modules' figures through ``fazhi.core.figures.collect`` (0 where a module has none)."""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.core import figures as core_figures

from .figures import request_pool
from .models import OrgKind, ReplyReason, ReplyType, RequestStatus

COLUMNS = [
    ("natural_person", "自然人"),
    (OrgKind.COMMERCIAL.value, "商业企业"),
    (OrgKind.RESEARCH.value, "科研机构"),
    (OrgKind.PUBLIC_WELFARE.value, "社会公益组织"),
    (OrgKind.LEGAL_SERVICE.value, "法律服务机构"),
    (OrgKind.OTHER.value, "其他"),
    ("total", "总计"),
]
DATA_COLUMNS = [c for c, _label in COLUMNS if c != "total"]

R = ReplyReason
# The rows of table 三 in order: (key, label, what counts in it). Result rows are keyed by
# (reply_type, reply_reason); withdrawals count in (六)3 其他 (RULES.md OGI-T3-MAP).
RESULT_ROWS = [
    ("disclosed", "三、本年度办理结果 (一)予以公开", (ReplyType.DISCLOSED, None)),
    ("partial", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", (ReplyType.PARTIAL, None)),
    ("withheld_state_secret", "(三)不予公开 1.属于国家秘密", (ReplyType.WITHHELD, R.STATE_SECRET)),
    ("withheld_law_prohibited", "(三)不予公开 2.其他法律行政法规禁止公开", (ReplyType.WITHHELD, R.LAW_PROHIBITED)),
    ("withheld_three_safety", "(三)不予公开 3.危及“三安全一稳定”", (ReplyType.WITHHELD, R.THREE_SAFETY)),
    ("withheld_third_party", "(三)不予公开 4.保护第三方合法权益", (ReplyType.WITHHELD, R.THIRD_PARTY)),
    ("withheld_internal", "(三)不予公开 5.属于三类内部事务信息", (ReplyType.WITHHELD, R.INTERNAL)),
    ("withheld_process", "(三)不予公开 6.属于四类过程性信息", (ReplyType.WITHHELD, R.PROCESS)),
    ("withheld_enforcement_file", "(三)不予公开 7.属于行政执法案卷", (ReplyType.WITHHELD, R.ENFORCEMENT_FILE)),
    ("withheld_query", "(三)不予公开 8.属于行政查询事项", (ReplyType.WITHHELD, R.QUERY)),
    ("unavailable_not_held", "(四)无法提供 1.本机关不掌握相关政府信息", (ReplyType.UNAVAILABLE, R.NOT_HELD)),
    ("unavailable_need_create", "(四)无法提供 2.没有现成信息需要另行制作", (ReplyType.UNAVAILABLE, R.NEED_CREATE)),
    ("unavailable_unclear", "(四)无法提供 3.补正后申请内容仍不明确", (ReplyType.UNAVAILABLE, R.UNCLEAR)),
    ("not_processed_petition", "(五)不予处理 1.信访举报投诉类申请", (ReplyType.NOT_PROCESSED, R.PETITION)),
    ("not_processed_duplicate", "(五)不予处理 2.重复申请", (ReplyType.NOT_PROCESSED, R.DUPLICATE)),
    ("not_processed_publication", "(五)不予处理 3.要求提供公开出版物", (ReplyType.NOT_PROCESSED, R.PUBLICATION)),
    ("not_processed_excessive", "(五)不予处理 4.无正当理由大量反复申请", (ReplyType.NOT_PROCESSED, R.EXCESSIVE)),
    ("not_processed_confirm", "(五)不予处理 5.要求行政机关确认或重新出具已获取信息", (ReplyType.NOT_PROCESSED, R.CONFIRM)),
    ("other_correction_overdue",
     "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     (ReplyType.OTHER, R.CORRECTION_OVERDUE)),
    ("other_fee_overdue", "(六)其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     (ReplyType.OTHER, R.FEE_OVERDUE)),
    ("other_other", "(六)其他处理 3.其他", (ReplyType.OTHER, R.OTHER)),
]

REVIEW_GROUPS = [
    ("disclosure_reconsideration", "行政复议"),
    ("disclosure_litigation_direct", "行政诉讼(未经复议直接起诉)"),
    ("disclosure_litigation_after_reconsideration", "行政诉讼(复议后起诉)"),
]
REVIEW_SUFFIXES = [("maintained", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
                   ("pending", "尚未审结"), ("total", "总计")]

SECTION_TITLES = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _row_key_of(req) -> str | None:
    if req.status == RequestStatus.WITHDRAWN:
        return "other_other"
    for key, _label, (rtype, reason) in RESULT_ROWS:
        if req.reply_type == rtype and (reason is None or req.reply_reason == reason):
            return key
    return "other_other" if req.reply_type else None


def _empty():
    return {c: 0 for c, _label in COLUMNS}


def requests_table(town, year) -> dict:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = {"new": _empty(), "carried_over": _empty(), **{k: _empty() for k, _l, _m in RESULT_ROWS},
            "results_total": _empty(), "carried_forward": _empty()}
    fields = ("received_date", "concluded_on", "status", "reply_type", "reply_reason", "applicant_type", "org_kind")
    for req in request_pool(town, year).only(*fields):
        col = req.report_column
        rows["new" if req.received_date >= first else "carried_over"][col] += 1
        if req.concluded_on and req.concluded_on <= last:
            key = _row_key_of(req) or "other_other"
            rows[key][col] += 1
            rows["results_total"][col] += 1
        else:
            rows["carried_forward"][col] += 1
    for values in rows.values():
        values["total"] = sum(values[c] for c in DATA_COLUMNS)
    labels = {"new": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
              **{k: label for k, label, _m in RESULT_ROWS},
              "results_total": "(七)总计", "carried_forward": "四、结转下年度继续办理"}
    order = ["new", "carried_over", *[k for k, _l, _m in RESULT_ROWS], "results_total", "carried_forward"]
    return {
        "title": "收到和处理政府信息公开申请情况",
        "columns": [{"key": c, "label": label} for c, label in COLUMNS],
        "column_groups": [{"label": "申请人情况", "span": 7}, {"label": "法人或其他组织", "columns": DATA_COLUMNS[1:]}],
        "rows": [{"key": k, "label": labels[k], "values": rows[k]} for k in order],
        "source": "本模块依申请公开记录:按收到申请之日、办理完结日期(答复、视为放弃或撤回之日)计数。",
    }


def check_requests_table(table: dict) -> list[str]:
    """The table's own arithmetic (RULES OGI-T3-K): per column 一 + 二 = 三(七) + 四; every row's
    总计 is the sum of its columns; 三(七) is the sum of the result rows. Returns the failures."""
    rows = {r["key"]: r["values"] for r in table["rows"]}
    problems = []
    for col, _label in COLUMNS:
        if rows["new"][col] + rows["carried_over"][col] != rows["results_total"][col] + rows["carried_forward"][col]:
            problems.append(f"{col}: 一+二≠三(七)+四")
        if sum(rows[k][col] for k, _l, _m in RESULT_ROWS) != rows["results_total"][col]:
            problems.append(f"{col}: 三(一)至(六)之和≠三(七)")
    for key, values in rows.items():
        if sum(values[c] for c in DATA_COLUMNS) != values["total"]:
            problems.append(f"{key}: 总计≠各列之和")
    return problems


def proactive_table(figs: dict) -> dict:
    g = figs.get
    fee_wan = round(float(g("disclosure.fees_collected", 0) or 0) / 10000, 4)
    return {
        "title": "主动公开政府信息情况",
        "parts": [
            {"item": "第二十条第(一)项", "columns": ["本年制发件数", "本年废止件数", "现行有效件数"],
             "rows": [{"label": "规章", "values": [0, 0, 0]},
                      {"label": "行政规范性文件", "values": [g("normative.issued", 0), g("normative.repealed_in_year", 0),
                                                      g("normative.in_force", 0)]}]},
            {"item": "第二十条第(五)项", "columns": ["本年处理决定数量"],
             "rows": [{"label": "行政许可", "values": [g("enforcement.license_decisions", 0)]}]},
            {"item": "第二十条第(六)项", "columns": ["本年处理决定数量"],
             "rows": [{"label": "行政处罚", "values": [g("enforcement.penalty_decisions", 0)]},
                      {"label": "行政强制", "values": [g("enforcement.coercive_measures", 0)]}]},
            {"item": "第二十条第(八)项", "columns": ["本年收费金额(单位:万元)"],
             "rows": [{"label": "行政事业性收费", "values": [fee_wan]}]},
        ],
        "proactive": {"published": g("disclosure.proactive_published", 0),
                      "on_time": g("disclosure.proactive_on_time", 0)},
        "source": ("规章:乡镇人民政府无规章制定权,计0;行政规范性文件:规范性文件模块(normative.issued、"
                   "normative.repealed_in_year、normative.in_force);行政许可、行政处罚、行政强制:行政执法模块"
                   "(enforcement.license_decisions、enforcement.penalty_decisions、enforcement.coercive_measures);"
                   "收费金额:本模块依申请公开信息处理费合计(disclosure.fees_collected);主动公开件数:本模块主动公开记录。"
                   "未提供数据的模块计为0。"),
    }


def review_table(figs: dict) -> dict:
    columns, values = [], []
    for prefix, group in REVIEW_GROUPS:
        for suffix, label in REVIEW_SUFFIXES:
            columns.append({"key": f"{prefix}_{suffix}", "group": group, "label": label})
            values.append(int(figs.get(f"judicial.{prefix}_{suffix}", 0) or 0))
    return {"title": "政府信息公开行政复议、行政诉讼情况", "columns": columns, "values": values,
            "source": "司法模块的行政复议、行政诉讼记录(judicial.disclosure_*);未提供数据时计为0。"}


def check_review_table(table: dict) -> list[str]:
    v = table["values"]
    return [REVIEW_GROUPS[i][1] + ":总计≠各项之和" for i in range(3) if sum(v[i * 5:i * 5 + 4]) != v[i * 5 + 4]]


def build_report(town, year: int) -> dict:
    figs = core_figures.collect(town, year)
    t2, t3, t4 = proactive_table(figs), requests_table(town, year), review_table(figs)
    rows = {r["key"]: r["values"]["total"] for r in t3["rows"]}
    g = figs.get
    replied, on_time = g("disclosure.requests_replied", 0), g("disclosure.replied_on_time", 0)
    published, p_on_time = g("disclosure.proactive_published", 0), g("disclosure.proactive_on_time", 0)
    late = replied - on_time
    sections = [
        {"title": SECTION_TITLES[0], "text": (
            f"{year}年,{town.full_government_name}依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。"
            f"全年主动公开政府信息{published}条,其中在信息形成或变更之日起20个工作日内公开{p_on_time}条;"
            f"新收政府信息公开申请{rows['new']}件,上年结转{rows['carried_over']}件,办结{rows['results_total']}件,"
            f"其中按期答复{on_time}件,结转下年度继续办理{rows['carried_forward']}件。")},
        {"title": SECTION_TITLES[1], "table": "proactive", "text": t2["source"]},
        {"title": SECTION_TITLES[2], "table": "requests", "text": t3["source"]},
        {"title": SECTION_TITLES[3], "table": "review_litigation", "text": t4["source"]},
        {"title": SECTION_TITLES[4], "text": (
            (f"本年度有{late}件申请超过法定期限答复," if late else "本年度依申请公开均在法定期限内答复,")
            + (f"有{published - p_on_time}条主动公开信息未在法定期限内公开。" if published - p_on_time
               else "主动公开信息均在法定期限内公开。")
            + "下一步将加强期限管理,提高答复质量。")},
        {"title": SECTION_TITLES[5], "text": (
            f"本年度依据《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)收取信息处理费"
            f"{g('disclosure.fees_collected', 0):.2f}元。")},
    ]
    report = {
        "town": town.slug,
        "town_name": town.name,
        "government_name": town.full_government_name,
        "year": year,
        "title": f"{town.full_government_name}{year}年政府信息公开工作年度报告",
        "tables": {"proactive": t2, "requests": t3, "review_litigation": t4},
        "sections": sections,
    }
    report["checks"] = check_requests_table(t3) + check_review_table(t4)
    return report


def _table(doc, header: list[str], body: list[list]):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in body:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    return table


def render_docx(report: dict) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "SimSun"
    doc.styles["Normal"].font.size = Pt(11)
    title = doc.add_heading(report["title"], level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tables = report["tables"]
    for section in report["sections"]:
        doc.add_heading(section["title"], level=1)
        key = section.get("table")
        if key == "proactive":
            for part in tables["proactive"]["parts"]:
                _table(doc, [part["item"], *part["columns"]],
                       [[r["label"], *r["values"]] for r in part["rows"]])
                doc.add_paragraph("")
        elif key == "requests":
            t = tables["requests"]
            _table(doc, ["本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和",
                         *[c["label"] for c in t["columns"]]],
                   [[r["label"], *[r["values"][c["key"]] for c in t["columns"]]] for r in t["rows"]])
        elif key == "review_litigation":
            t = tables["review_litigation"]
            _table(doc, [f"{c['group']}{c['label']}" for c in t["columns"]], [t["values"]])
        if section.get("text"):
            doc.add_paragraph(section["text"])
    doc.add_paragraph(f"{report['government_name']}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
