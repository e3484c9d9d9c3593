"""The duty checklist: for each duty of the 2016 规定, the evidence of the year and what is
missing. Evidence comes from this module's records (meetings, 述职述法, other evidence) and is
read from the study and judicial modules' records (the study plan's key texts, the sessions,
the heads' court appearances)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from fazhi.core.models import Attachment

from .models import DUTY_ARTICLES, Debrief, Duty, DutyEvidence, Meeting, ResponsiblePerson


@dataclass
class Evidence:
    kind: str
    date: datetime.date | None
    text: str
    url: str = ""
    files: list = field(default_factory=list)


@dataclass
class ChecklistItem:
    duty: str
    label: str
    article: str
    evidence: list[Evidence] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)

    @property
    def evidenced(self) -> bool:
        return bool(self.evidence) and not self.gaps


def persons_in_office(town, year: int):
    end = datetime.date(year, 12, 31)
    return ResponsiblePerson.objects.filter(town=town, from_date__lte=end).filter(
        Q(to_date__isnull=True) | Q(to_date__gte=end))


def checklist(town, year: int) -> list[ChecklistItem]:
    from fazhi.judicial.figures import figures as judicial_figures
    from fazhi.study.models import StudyPlan, StudySession
    from fazhi.study.selectors import completion_table

    items = {code: ChecklistItem(code, str(label), DUTY_ARTICLES[code]) for code, label in Duty.choices}

    for m in Meeting.objects.filter(town=town, date__year=year).order_by("date"):
        for code in m.duties:
            if code in items:
                items[code].evidence.append(Evidence("会议", m.date, f"{m.get_body_display()}:{m.topic}。{m.decision}"))

    evidence_rows = list(DutyEvidence.objects.filter(town=town, year=year).order_by("date"))
    files: dict[int, list] = {}
    if evidence_rows:
        ct = ContentType.objects.get_for_model(DutyEvidence)
        for a in Attachment.objects.filter(content_type=ct, object_id__in=[e.pk for e in evidence_rows]):
            files.setdefault(a.object_id, []).append(a)
    for e in evidence_rows:
        items[e.duty].evidence.append(Evidence("佐证", e.date, e.description, files=files.get(e.pk, [])))

    # 带头学法: the plan includes the key texts (seed 二: 宪法、习近平法治思想学习纲要、民法典).
    plan = StudyPlan.objects.filter(town=town, year=year).first()
    study = items[Duty.STUDY]
    if plan is None:
        study.gaps.append(f"未登记{year}年度学法计划")
    else:
        study.evidence.append(Evidence("学法计划", plan.adopted_on, f"{plan.title}:{'、'.join(plan.texts)}",
                                       url=f"/study/?year={year}"))
        if plan.key_texts_missing:
            study.gaps.append("学法计划未纳入:" + "、".join(plan.key_texts_missing))

    sessions = StudySession.objects.filter(town=town, date__year=year).count()
    if sessions:
        table = completion_table(town, year)
        rate = "" if table["rate"] is None else f",专题必修课程完成率{table['rate']}%"
        items[Duty.TRAINING].evidence.append(Evidence("学法活动", None, f"全年组织学法活动{sessions}次{rate}",
                                                      url=f"/study/?year={year}"))

    j = judicial_figures(town, year)
    if j["judicial.head_appearances"]:
        items[Duty.SUPERVISION].evidence.append(Evidence(
            "出庭应诉", None, f"行政机关负责人出庭应诉{j['judicial.head_appearances']}次"
                             f"(开庭{j['judicial.litigation_hearings']}次)", url=f"/judicial/?year={year}"))

    debrief = items[Duty.DEBRIEF]
    done = {d.person_id: d for d in Debrief.objects.filter(town=town, year=year).select_related("person")}
    for d in done.values():
        if d.includes_rule_of_law:
            debrief.evidence.append(Evidence("述职述法", d.date, f"{d.person}:{d.summary}"))
    people = list(persons_in_office(town, year))
    if not people:
        debrief.gaps.append("未登记第一责任人")
    for p in people:
        d = done.get(p.pk)
        if d is None:
            debrief.gaps.append(f"{p}未登记{year}年述职")
        elif not d.includes_rule_of_law:
            debrief.gaps.append(f"{p}的述职未包含法治建设内容")
    return list(items.values())


def coverage(items: list[ChecklistItem]) -> float:
    return round(100 * sum(1 for i in items if i.evidenced) / len(items), 1)
