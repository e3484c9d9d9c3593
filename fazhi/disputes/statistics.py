"""The year's people's-mediation statistics in the shape the justice bureau collects them
(RULES PM-STAT: 受理数、调解成功数、成功率、履行数、司法确认数、协议涉及金额、排查次数、排查发现纠纷数、
预防纠纷数, grouped by the type of mediation committee), so nobody types the numbers twice."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from fazhi.core.models import Village

from .figures import rate
from .models import Category, Dispute, Level, Outcome, Source

COMMITTEE_TYPES = [
    ("village", "村调委会"),
    ("community", "居(社区)调委会"),
    ("town", "乡镇(街道)调委会"),
    ("linkage", "行业性专业性及联动调解"),
]
HEADERS = ["调委会类型", "受理数", "调结数", "调解成功数", "成功率(%)", "履行数", "司法确认数", "协议涉及金额(元)"]


def _committee(d) -> str:
    level = d.concluded_level or d.level or (Level.VILLAGE if d.village_id else Level.TOWN)
    if level == Level.VILLAGE:
        return "community" if d.village and d.village.kind == Village.Kind.COMMUNITY else "village"
    return str(level)


def rows_by_committee(town, year: int) -> list[list]:
    stats = {key: {"accepted": 0, "concluded": 0, "settled": 0, "performed": 0, "confirmed": 0, "amount": 0}
             for key, _ in COMMITTEE_TYPES}
    qs = Dispute.objects.filter(town=town).select_related("village")
    for d in qs.filter(accepted_date__year=year):
        stats[_committee(d)]["accepted"] += 1
    for d in qs.concluded_in(year):
        s = stats[_committee(d)]
        s["concluded"] += 1
        if d.outcome == Outcome.SETTLED:
            s["settled"] += 1
            s["amount"] += float(d.agreement_amount)
            s["performed"] += 1 if d.performed else 0
            s["confirmed"] += 1 if d.confirmation_applied_date else 0
    rows, total = [], dict.fromkeys(stats["town"], 0)
    for key, label in COMMITTEE_TYPES:
        s = stats[key]
        rows.append([label, s["accepted"], s["concluded"], s["settled"], rate(s["settled"], s["concluded"]),
                     s["performed"], s["confirmed"], round(s["amount"], 2)])
        for k, v in s.items():
            total[k] += v
    rows.append(["合计", total["accepted"], total["concluded"], total["settled"],
                 rate(total["settled"], total["concluded"]), total["performed"], total["confirmed"],
                 round(total["amount"], 2)])
    return rows


def rows_by_category(town, year: int) -> list[list]:
    pairs = list(Dispute.objects.filter(town=town).concluded_in(year).values_list("category", "outcome"))
    out = []
    for value, label in Category.choices:
        sub = [o for c, o in pairs if c == value]
        settled = sum(1 for o in sub if o == Outcome.SETTLED)
        out.append([str(label), len(sub), settled, rate(settled, len(sub))])
    return out


def screening_rows(town, year: int) -> list[list]:
    from fazhi.grid.models import GridEvent

    events = GridEvent.objects.filter(town=town, reported_date__year=year)
    found = Dispute.objects.filter(town=town, source=Source.GRID, received_date__year=year).count()
    prevented = events.filter(kind=GridEvent.Kind.DISPUTE, status=GridEvent.Status.RESOLVED).count()
    return [["排查次数", events.count()], ["排查发现纠纷数", found], ["预防纠纷数(就地化解)", prevented]]


def statistics_xlsx(town, year: int) -> bytes:
    wb = Workbook()
    bold = Font(bold=True)
    ws = wb.active
    ws.title = "按调委会类型"
    ws.append([f"{town.full_government_name} {year}年人民调解工作统计表"])
    ws.append(HEADERS)
    for row in rows_by_committee(town, year):
        ws.append(row)
    ws2 = wb.create_sheet("按纠纷类型")
    ws2.append(["纠纷类型", "调结数", "调解成功数", "成功率(%)"])
    for row in rows_by_category(town, year):
        ws2.append(row)
    ws3 = wb.create_sheet("排查预防")
    ws3.append(["项目", "数量"])
    for row in screening_rows(town, year):
        ws3.append(row)
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = bold
        sheet.column_dimensions["A"].width = 28
    ws["A1"].font = bold
    for cell in ws[2]:
        cell.font = bold
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
