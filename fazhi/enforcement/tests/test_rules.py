"""Pure rules of 《行政处罚法》: 第五十一条 thresholds, 第六十三条 hearing rights, 第三十六条
limitation, 第七十二条 surcharge."""

from decimal import Decimal

import pytest

from fazhi.enforcement import rules, services

from .conftest import D


@pytest.mark.parametrize("party,penalty,amount,allowed", [
    ("natural_person", "warning", None, True),
    ("natural_person", "fine", "200", True),
    ("natural_person", "fine", "200.01", False),
    ("legal_person", "fine", "3000", True),
    ("other_org", "fine", "3000", True),
    ("other_org", "fine", "3000.01", False),
    ("legal_person", "confiscation", None, False),
    ("natural_person", "suspension", None, False),
])
def test_simple_procedure_thresholds_article_51(party, penalty, amount, allowed):
    assert rules.simple_procedure_allowed(party, penalty, Decimal(amount) if amount else None) is allowed


@pytest.mark.parametrize("party,penalty,amount,other,eligible", [
    ("natural_person", "fine", "4999", False, False),
    ("natural_person", "fine", "5000", False, True),
    ("legal_person", "fine", "49999", False, False),
    ("legal_person", "fine", "50000", False, True),
    ("legal_person", "revocation", None, False, True),
    ("legal_person", "suspension", None, False, True),
    ("natural_person", "confiscation", None, False, True),
    ("natural_person", "warning", None, False, False),
    ("natural_person", "other", None, True, True),
])
def test_hearing_rights_article_63(party, penalty, amount, other, eligible):
    assert rules.hearing_eligible(party, penalty, Decimal(amount) if amount else None, other) is eligible


def test_large_fine_threshold_is_configurable(settings):
    settings.FAZHI_ENFORCEMENT_LARGE_FINE = {"natural_person": "10000"}
    assert not rules.hearing_eligible("natural_person", "fine", Decimal("5000"))
    assert rules.hearing_eligible("legal_person", "fine", Decimal("50000"))


@pytest.mark.django_db
def test_limitation_end_article_36():
    assert services.limitation_end(D("2021-03-01"), None, False) == D("2023-03-01")
    assert services.limitation_end(D("2021-03-01"), None, True) == D("2026-03-01")
    assert services.limitation_end(D("2020-02-29"), None, False) == D("2022-02-28")  # no 29 Feb: month end
    assert services.limitation_end(D("2020-01-01"), D("2021-06-30"), False) == D("2023-06-30")


def test_periods_follow_article_85():
    # 2/3/5/7-day periods are working days; 15 and 90 days are calendar days.
    assert (rules.WITHDRAWAL.length, rules.WITHDRAWAL.unit) == (3, "wd")
    assert (rules.SERVICE.length, rules.SERVICE.unit) == (7, "wd")
    assert (rules.PUBLICITY.length, rules.PUBLICITY.unit) == (7, "wd")
    assert (rules.PAYMENT.length, rules.PAYMENT.unit) == (15, "d")
    assert (rules.DECISION.length, rules.DECISION.unit) == (90, "d")
    assert rules.HEARING_REQUEST_WORKDAYS == 5 and rules.HEARING_NOTICE_WORKDAYS == 7
