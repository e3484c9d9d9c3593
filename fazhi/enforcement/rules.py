"""The statutory periods and thresholds of 行政处罚 (RULES.md §2, §3), in one place.

第八十五条: the law's 二日、三日、五日、七日 are working days; every other day-period (15日, 90日)
and the years of 第三十六条 are calendar days."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from fazhi.core.clocks import ClockRule

# 第六十条: decide within 90 days of filing.
DECISION = ClockRule("AP-60", "作出行政处罚决定", 90, "d", "《行政处罚法》第六十条")
# 第六十一条 + 第八十五条: serve within 7 working days when the party was absent.
SERVICE = ClockRule("AP-61", "送达行政处罚决定书", 7, "wd", "《行政处罚法》第六十一条、第八十五条")
# 第六十七条: pay within 15 days of receiving the decision.
PAYMENT = ClockRule("AP-67", "缴纳罚款", 15, "d", "《行政处罚法》第六十七条")
# 国办发〔2018〕118号: a penalty decision is published within 7 working days.
PUBLICITY = ClockRule("LEP-7", "处罚决定信息公示", 7, "wd", "国办发〔2018〕118号")
# 第四十八条第二款 + 第八十五条: withdraw within 3 working days of the change or revocation.
WITHDRAWAL = ClockRule("AP-48", "撤回已公示的处罚决定信息", 3, "wd", "《行政处罚法》第四十八条、第八十五条")

# 第六十四条(一): the party asks for a hearing within 5 working days of the notice.
HEARING_REQUEST_WORKDAYS = 5
# 第六十四条(二): notice of the hearing at least 7 working days before it.
HEARING_NOTICE_WORKDAYS = 7

# 第三十六条: 2 years, 5 where life, health or financial safety is concerned and harm was caused.
LIMITATION_YEARS = 2
LONG_LIMITATION_YEARS = 5

# 第五十一条: 当场处罚 up to 200 yuan for a citizen, 3000 yuan for an organisation, or a warning.
SIMPLE_FINE_LIMIT = {"natural_person": Decimal("200"), "legal_person": Decimal("3000"),
                     "other_org": Decimal("3000")}

# 第七十二条: 3 % of the fine a day, never more than the fine.
SURCHARGE_RATE = Decimal("0.03")

# 第六十三条(一): "较大数额" is set by provincial/sector rules, not by the law: configurable.
# Defaults follow common local practice (UNVERIFIED for 重庆): 5,000 yuan for a citizen,
# 50,000 yuan for an organisation.
_DEFAULT_LARGE_FINE = {"natural_person": Decimal("5000"), "legal_person": Decimal("50000"),
                       "other_org": Decimal("50000")}


def large_fine_threshold(party_type: str) -> Decimal:
    configured = getattr(settings, "FAZHI_ENFORCEMENT_LARGE_FINE", None) or {}
    return Decimal(str(configured.get(party_type, _DEFAULT_LARGE_FINE[party_type])))


def simple_procedure_allowed(party_type: str, penalty_type: str, fine_amount) -> bool:
    """第五十一条: a warning, or a fine within the threshold for the party's type."""
    if penalty_type == "warning":
        return True
    if penalty_type != "fine" or fine_amount is None:
        return False
    return Decimal(fine_amount) <= SIMPLE_FINE_LIMIT[party_type]


def hearing_eligible(party_type: str, penalty_type: str, fine_amount, other_serious: bool = False) -> bool:
    """第六十三条: the penalties that carry the right to a hearing."""
    if penalty_type in ("confiscation", "suspension", "revocation"):
        return True
    if penalty_type == "fine" and fine_amount is not None:
        if Decimal(fine_amount) >= large_fine_threshold(party_type):
            return True
    return bool(other_serious)


def surcharge(fine: Decimal, days_late: int) -> Decimal:
    """第七十二条: 3 % of the fine per day late, capped at the fine itself."""
    if days_late <= 0 or not fine:
        return Decimal("0.00")
    amount = (Decimal(fine) * SURCHARGE_RATE * days_late).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(amount, Decimal(fine).quantize(Decimal("0.01")))
