"""Shortcomings and next-year items the system proposes from the figures (the clerk then edits
them freely). Each rule reads only figures that exist; an absent module proposes nothing."""

from __future__ import annotations

from .checker import int_to_cn

NEXT_YEAR_OPENING = ("{next_year}年，{town}将继续深入学习贯彻习近平法治思想，进一步履行法治建设第一责任人职责，"
                     "切实推进法治政府建设，进一步提升干部依法行政、文明执法水平。")

GENERIC_SHORTCOMINGS = [
    ("综合执法改革工作还需加强，现有执法队伍力量有限，人员素质仍需提升，执法装备和经费不足",
     "深化综合行政执法改革，加强执法队伍建设和执法人员培训，提升执法规范化水平"),
    ("引导群众自治还需进一步拓宽途径，群众参与基层法治建设的积极性还需提高",
     "拓宽群众参与渠道，利用重点节日节点开展法治宣传活动，提升基层社会治理水平"),
]

STANDING_ITEMS = [
    "抓住领导干部这个“关键少数”，优化党委中心组学习和主题党日学法机制，提升依法行政水平",
]


def _value(figures, name):
    value = figures.get(name)
    return None if value is None else float(value)


def _matching(figures, suffixes):
    return [(k, float(v)) for k, v in figures.items()
            if v is not None and isinstance(v, (int, float)) and k.endswith(suffixes)]


def proposed(figures: dict) -> list[tuple[str, str]]:
    """(shortcoming, next-year item) pairs drawn from the figures."""
    out = []
    rate = _value(figures, "study.completion_rate")
    if rate is not None and rate < 100:
        out.append(("干部法治学习还不够全面，仍有机关干部未完成习近平法治思想专题学习",
                    "实现机关干部习近平法治思想专题学习全覆盖"))
    rate = _value(figures, "decisions.reviewed_rate")
    if rate is not None and rate < 100:
        out.append(("重大行政决策程序执行还不够规范，个别决策未经法律顾问意见或合法性审查",
                    "严格执行重大行政决策法定程序，做到合法性审查全覆盖"))
    if any(v > 0 for _k, v in _matching(figures, ("overdue", "overdue_cases", "breached"))):
        out.append(("法定期限管理还不够严格，部分事项未在法定期限内办结",
                    "加强法定期限管理，依托平台预警督办，杜绝超期办理"))
    certified = _matching(figures, ("certified_officers",))
    if certified and all(v < 5 for _k, v in certified):
        out.append(("持证执法人员偏少，执法力量与执法任务还不相适应",
                    "组织执法人员参加执法资格考试，充实持证执法力量"))
    settlement = _matching(figures, ("settlement_rate", "success_rate"))
    if any(v < 90 for _k, v in settlement):
        out.append(("矛盾纠纷调解成功率还不高，部分纠纷未能及时化解",
                    "完善人民调解员队伍和多元调处机制，提高矛盾纠纷调解成功率"))
    rate = _value(figures, "grid.coverage_rate")
    if rate is not None and rate < 100:
        out.append(("网格化治理覆盖面还不够，基层治理末梢还有空白",
                    "完善网格设置和网格员配备，扩大网格化治理覆盖面"))
    accidents = _value(figures, "safety.major_accidents")
    if accidents:
        out.append(("安全生产形势依然严峻，发生了重大安全生产事故",
                    "压紧压实安全生产责任，深入开展隐患排查整治"))
    disputes = sum(v for v in (_value(figures, "judicial.litigation_cases"),
                               _value(figures, "judicial.reconsideration_cases")) if v)
    if disputes:
        out.append(("依法行政水平仍需提升，仍有行政争议发生",
                    "加强行政行为合法性审查，落实行政机关负责人出庭应诉，从源头减少行政争议"))
    return out or list(GENERIC_SHORTCOMINGS)


def _enumerate(items: list[str]) -> str:
    return "".join(f"{int_to_cn(i)}是{item}。" for i, item in enumerate(items, start=1))


def shortcomings_text(figures: dict, year: int) -> str:
    items = [s for s, _n in proposed(figures)]
    return f"{year}年法治政府建设工作虽然取得了一定成效，但仍存在以下不足：" + _enumerate(items)


def next_year_text(figures: dict, year: int) -> str:
    items = STANDING_ITEMS + [n for _s, n in proposed(figures)]
    return _enumerate(items)
