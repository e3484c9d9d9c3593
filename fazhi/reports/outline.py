"""What the annual 法治政府建设情况报告 contains: its required parts (RULES §8 RG-CONTENT), the
statutory dates (RG-WHEN-2, RG-PUB), the named figures it states, and the default paragraph
templates a clerk can edit.

Template syntax (shown to the clerk on the edit page):
- ``{名称}`` is a figure, e.g. ``{disputes.mediated}``; ``{year}``, ``{next_year}``, ``{town}`` are built in.
- A sentence (ending with 。) that starts with ``[名称=0]``, ``[名称>0]``, ``[名称<100]``, ``[名称=100]``
  (also ``!=``, ``>=``, ``<=``) is written only when the condition holds.
- A sentence whose figure the platform does not have (its module is not installed) is replaced by
  a sentence saying that the data is not available from the platform: a number is never invented.
"""

from __future__ import annotations

import datetime

from django.conf import settings

# (number, title, keywords that identify the part in any draft)
REQUIRED_SECTIONS = [
    (1, "上一年度推进法治政府建设的主要举措和成效", ("举措", "成效")),
    (2, "党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况", ("第一责任人",)),
    (3, "推进法治政府建设存在的不足和原因", ("不足",)),
    (4, "下一年度推进法治政府建设的主要安排", ("安排", "思路", "计划", "打算")),
    (5, "其他需要报告的情况", ("其他需要报告",)),
]


def submission_deadline(year: int) -> datetime.date:
    """RG-WHEN-2: a town reports on year Y to the district by 1 March of Y+1 (article number
    unverified, so the day is a setting). The day itself is still on time."""
    month, day = getattr(settings, "FAZHI_REPORT_SUBMISSION_DEADLINE", (3, 1))
    return datetime.date(year + 1, month, day)


def publication_deadline(year: int) -> datetime.date:
    """RG-PUB (督察工作规定 第24条): published by 1 April of Y+1."""
    month, day = getattr(settings, "FAZHI_REPORT_PUBLICATION_DEADLINE", (4, 1))
    return datetime.date(year + 1, month, day)


# The figures the report must state, with the words used when the platform lacks one.
REQUIRED_FIGURES = {
    "study.completion_rate": "机关干部习近平法治思想专题学习完成率",
    "normative.issued": "年度制发行政规范性文件数量",
    "decisions.major": "年度重大行政决策数量",
    "decisions.reviewed_rate": "重大行政决策经法律顾问意见和合法性审查的比例",
    "enforcement.cases": "年度办理行政执法案件数量",
    "judicial.interference_records": "领导干部干预司法活动、插手具体案件处理的记录数",
    "judicial.litigation_cases": "行政诉讼案件数量",
    "judicial.reconsideration_cases": "行政复议案件数量",
    "judicial.adjudication_cases": "行政裁决案件数量",
    "judicial.arbitration_cases": "仲裁案件数量",
    "disputes.mediated": "全年调处矛盾纠纷数量",
    "safety.major_accidents": "重大安全生产事故数量",
    "grid.coverage_rate": "网格化治理覆盖率",
}

RATE_FIGURES = {k for k in REQUIRED_FIGURES if k.endswith("_rate")}


def figure_label(name: str) -> str:
    return REQUIRED_FIGURES.get(name, name)


# Default outline: (section number 1..5, subsection number or 0, subsection title, kind, text).
# kind "computed": text is a template; kind "free": text is written as it is.
INTRO = ("{year}年以来，{town}深入贯彻党的二十大精神，坚持以习近平新时代中国特色社会主义思想为指导，按照区委、区政府安排部署，"
         "深入推进法治政府建设，为促进经济社会平稳发展提供了有力保障。现将{town}{year}年法治政府建设情况报告如下：")

SECTION_TITLES = {
    1: "{year}年推进法治政府建设的主要举措和成效",
    2: "{year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况",
    3: "{year}年推进法治政府建设存在的不足和原因",
    4: "{next_year}年推进法治政府建设的主要安排",
    5: "其他需要报告的情况",
}

SUBSECTIONS = {
    1: [
        (1, "学习贯彻习近平法治思想"),
        (2, "健全政府机构职能体系"),
        (3, "健全依法行政制度体系"),
        (4, "健全行政决策制度体系"),
        (5, "健全行政执法工作体系"),
        (6, "健全社会矛盾纠纷行政预防调处化解体系"),
    ],
}

DEFAULT_PARAGRAPHS = [
    (1, 1, "computed",
     "深入学习贯彻习近平法治思想和党的二十大精神，通过党委会议、中心组学习、主题党日等形式，组织机关全体党员干部以及各村（社区）"
     "党员干部专题学习习近平法治思想，并将学习习近平法治思想纳入干部网络学院专题必修课程，机关干部完成专题学习率达到{study.completion_rate}%。"),
    (1, 2, "free",
     "一是建立完善行政权力清单、责任清单，清理行政权力服务清单、公共服务清单，不断优化公共服务体系。二是加强政务信息公开，"
     "公开行政审批办理流程，制作办事指南供办事群众取阅，进一步优化办事流程、精简办事程序、缩短办事时限。三是按要求推行证明事项告知承诺制，"
     "更大程度缩减程序，方便群众办事。"),
    (1, 3, "computed",
     "按照有关法律法规规章的规定，加强行政规范性文件监督管理，落实规范性文件合法性审核、备案审查和定期清理制度，做到有件必备、有备必审、有错必纠。"
     "[normative.issued=0]{year}年未制订行政规范性文件。"
     "[normative.issued>0]{year}年制订行政规范性文件{normative.issued}件，均经合法性审核并按规定报备。"),
    (1, 4, "computed",
     "依照规定开展行政决策的合法性审查工作。{year}年作出重大行政决策{decisions.major}项。"
     "[decisions.reviewed_rate=100]重大行政决策均征求法律顾问意见并经司法所合法性审查。"
     "[decisions.reviewed_rate<100]经征求法律顾问意见并经合法性审查的重大行政决策占{decisions.reviewed_rate}%。"),
    (1, 5, "computed",
     "全面推进规范公正文明执法，严格落实行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”，落实“谁执法谁普法”普法责任制。"
     "{year}年办理行政执法案件{enforcement.cases}件。"
     "严格落实领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究制度。"
     "[judicial.interference_records=0]{year}年，{town}领导干部无干预司法活动、插手具体案件处理的行为和现象发生。"
     "[judicial.interference_records>0]{year}年记录领导干部干预司法活动、插手具体案件处理情况{judicial.interference_records}起，均已按规定通报。"),
    (1, 6, "computed",
     "依法开展行政诉讼、行政复议、行政裁决和仲裁等工作，落实行政机关负责人出庭应诉规定。"
     "[judicial.litigation_cases=0]{year}年{town}无行政诉讼案件。"
     "[judicial.litigation_cases>0]{year}年{town}发生行政诉讼案件{judicial.litigation_cases}件。"
     "[judicial.reconsideration_cases=0]未产生行政复议案件。"
     "[judicial.reconsideration_cases>0]发生行政复议案件{judicial.reconsideration_cases}件。"
     "[judicial.adjudication_cases=0]未产生行政裁决案件。"
     "[judicial.adjudication_cases>0]发生行政裁决案件{judicial.adjudication_cases}件。"
     "[judicial.arbitration_cases=0]未产生仲裁案件。"
     "[judicial.arbitration_cases>0]发生仲裁案件{judicial.arbitration_cases}件。"),
    (1, 6, "computed",
     "坚持和发展新时代“枫桥经验”，推动大调解体系建设，完善社会矛盾纠纷多元预防调处机制，全年调处各类矛盾纠纷{disputes.mediated}起。"
     "加强社会治安防控体系建设，建立健全安全生产责任和管理制度体系。"
     "[safety.major_accidents=0]全年辖区未发生重大安全生产事故。"
     "[safety.major_accidents>0]全年辖区发生重大安全生产事故{safety.major_accidents}起。"
     "[grid.coverage_rate=100]全镇网格化治理已实现全覆盖。"
     "[grid.coverage_rate<100]全镇网格化治理覆盖率为{grid.coverage_rate}%。"),
    (2, 0, "free",
     "党政主要负责人担任法治建设第一责任人，坚持主要领导亲自抓、分管领导负责抓、职能部门具体抓，工作目标层层分解到位，具体任务专人负责落实。"
     "在制定重大行政决策中，全面履行征求意见、合法性审查、集体讨论等程序。定期专题研究法治建设工作，将《宪法》《习近平法治思想学习纲要》"
     "《民法典》等重要内容纳入理论学习中心组学习计划。党政主要负责人将履行推进法治建设第一责任人职责情况列入年终述职内容。"),
    # 三 and 四 are written at creation from the figures (proposals.py), then edited freely.
]
