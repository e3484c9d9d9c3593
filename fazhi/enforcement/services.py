"""Every write of the enforcement module: officers, matters, benchmarks, cases and each of
their transitions, inspections. Views, the API, the admin and the demo call these functions;
none of them sets a status itself.

General procedure (《行政处罚法》第五章第三节):

    立案 FILED ─investigate→ INVESTIGATED ─notify→ NOTIFIED ─request-hearing→ HEARING_REQUESTED
      ─hold-hearing→ HEARD ─legal-review→ REVIEWED ─collective-discussion→ DISCUSSED ─decide→
      DECIDED ─serve→ SERVED ─record-payment→ EXECUTED ─close→ CLOSED ─archive→ ARCHIVED

with the optional steps skipped where the law does not require them. Simple procedure
(第五十一条、第五十二条) creates the case already decided and handed over (SERVED).
``publish``, ``revoke-decision`` and ``withdraw-publication`` act on a decided case without
changing its status.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from fazhi.core import audit, clocks, workflow, yearlock
from fazhi.core.attachments import attachment_add
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.holidays import current_calendar
from fazhi.core.models import Role, Town, Unit
from fazhi.core.workdays import compute_due
from fazhi.core.workflow import Transition, Transitions

from . import rules, selectors
from .models import (
    Benchmark,
    Case,
    CaseRecord,
    Circumstance,
    Inspection,
    Matter,
    Officer,
    Outcome,
    PartyType,
    PenaltyType,
    Procedure,
)

S = Case.Status
DECIDED_STATES = [S.DECIDED, S.SERVED, S.EXECUTED, S.CLOSED, S.ARCHIVED]
ENFORCERS = [Role.OFFICER, Role.LEADER]

TRANSITIONS = Transitions({
    "investigate": Transition(_("调查取证"), sources=[S.FILED], target=S.INVESTIGATED, roles=ENFORCERS),
    "notify": Transition(_("告知"), sources=[S.INVESTIGATED], target=S.NOTIFIED, roles=ENFORCERS),
    "request-hearing": Transition(_("登记听证申请"), sources=[S.NOTIFIED], target=S.HEARING_REQUESTED,
                                  roles=ENFORCERS),
    "hold-hearing": Transition(_("举行听证"), sources=[S.HEARING_REQUESTED], target=S.HEARD, roles=ENFORCERS),
    "legal-review": Transition(_("法制审核"), sources=[S.NOTIFIED, S.HEARD], target=S.REVIEWED,
                               roles=[Role.REVIEWER]),
    "collective-discussion": Transition(_("集体讨论"), sources=[S.NOTIFIED, S.HEARD, S.REVIEWED],
                                        target=S.DISCUSSED, roles=[Role.LEADER]),
    "decide": Transition(_("作出决定"), sources=[S.INVESTIGATED, S.NOTIFIED, S.HEARD, S.REVIEWED, S.DISCUSSED],
                         target=S.DECIDED, roles=ENFORCERS),
    "serve": Transition(_("送达"), sources=[S.DECIDED], target=S.SERVED, roles=ENFORCERS),
    "record-payment": Transition(_("登记缴款"), sources=[S.SERVED], target=S.EXECUTED, roles=ENFORCERS),
    "close": Transition(_("结案"), sources=[S.DECIDED, S.SERVED, S.EXECUTED], target=S.CLOSED, roles=ENFORCERS),
    "archive": Transition(_("归档"), sources=[S.CLOSED], target=S.ARCHIVED, roles=ENFORCERS),
    "publish": Transition(_("公示决定"), sources=DECIDED_STATES, roles=ENFORCERS),
    "revoke-decision": Transition(_("登记决定变更/撤销"), sources=DECIDED_STATES, roles=ENFORCERS),
    "withdraw-publication": Transition(_("撤回公示"), sources=DECIDED_STATES, roles=ENFORCERS),
})

MANAGERS = [Role.LEADER, Role.CLERK]


# --- helpers ----------------------------------------------------------------------------------


def _require_role(actor, roles, what: str):
    if getattr(actor, "is_superuser", False):
        return
    if not actor.has_role(*roles):
        raise DomainError(f"您的角色不能{what}。", code="forbidden_role")


def _actor_town(actor, town: Town | None = None) -> Town:
    """The town the actor works in (a superuser names it)."""
    if town is not None and (getattr(actor, "is_superuser", False) or actor.town_id == town.pk):
        return town
    if actor.town_id and town is None:
        return actor.town
    raise DomainError("只有本镇街的工作人员可以办理。", code="forbidden_town")


def _same_town(actor, obj):
    if getattr(actor, "is_superuser", False):
        return
    if actor.town_id != obj.town_id:
        raise DomainError("只有本镇街的工作人员可以办理。", code="forbidden_town")


def _require(text, message, field):
    if not (text or "").strip():
        raise InvalidInput(message, field=field)
    return text.strip()


def _check_officers(officers, day: datetime.date, town_id: int):
    """第四十二条: at least two officers, each holding a certificate valid on ``day``."""
    officers = list(officers)
    if any(o.town_id != town_id for o in officers):
        raise InvalidInput("执法人员须为本镇街的执法人员。", field="officers")
    valid = [o for o in officers if o.valid_on(day)]
    invalid = [o for o in officers if not o.valid_on(day)]
    if invalid:
        names = "、".join(o.name for o in invalid)
        raise DomainError(f"执法人员{names}的执法证在{day.isoformat()}不在有效期内,不能从事执法(《行政处罚法》第四十二条)。",
                          code="certificate_invalid", field="officers")
    if len(valid) < 2:
        raise DomainError("执法人员不得少于两人,且均须持有有效执法证(《行政处罚法》第四十二条)。",
                          code="too_few_officers", field="officers")


def limitation_end(occurred: datetime.date, continuing_until: datetime.date | None, long: bool) -> datetime.date:
    """第三十六条: the last day a violation may still be pursued."""
    start = continuing_until or occurred
    years = rules.LONG_LIMITATION_YEARS if long else rules.LIMITATION_YEARS
    return compute_due(current_calendar(), start, years, "y", roll=False).due


def _check_limitation(occurred, continuing_until, long, filed):
    if continuing_until and continuing_until < occurred:
        raise InvalidInput("连续或继续状态终了日不能早于违法行为发生日。", field="continuing_until")
    if filed < occurred:
        raise InvalidInput("立案日期不能早于违法行为发生日。", field="filed_date")
    end = limitation_end(occurred, continuing_until, long)
    if filed > end:
        years = rules.LONG_LIMITATION_YEARS if long else rules.LIMITATION_YEARS
        raise DomainError(
            f"违法行为已超过{years}年追责期限(至{end.isoformat()}),不再给予行政处罚(《行政处罚法》第三十六条)。",
            code="limitation", field="occurred_date")


def _check_party(party_type, party_name, id_number, credit_code):
    if party_type not in PartyType.values:
        raise InvalidInput("当事人类型不正确。", field="party_type")
    _require(party_name, "请填写当事人。", "party_name")
    if party_type == PartyType.NATURAL_PERSON and credit_code:
        raise InvalidInput("自然人当事人不填写统一社会信用代码。", field="credit_code")
    if party_type != PartyType.NATURAL_PERSON and id_number:
        raise InvalidInput("单位当事人请填写统一社会信用代码,而非身份证号码。", field="id_number")
    from django.core.exceptions import ValidationError

    from fazhi.core.personal import normalize_credit_code, normalize_id_number
    try:
        if id_number:
            normalize_id_number(id_number)
        if credit_code:
            normalize_credit_code(credit_code)
    except ValidationError as exc:
        raise InvalidInput(exc.messages[0], field="id_number" if id_number else "credit_code") from None


def _next_number(town: Town, year: int) -> str:
    # The town row is locked so that two cases filed at once get different numbers.
    Town.objects.select_for_update().get(pk=town.pk)
    n = Case.objects.filter(town=town, filed_date__year=year).count() + 1
    while Case.objects.filter(town=town, number=f"{town.name}执法〔{year}〕{n}号").exists():
        n += 1
    return f"{town.name}执法〔{year}〕{n}号"


def _record(case, stage, note, on, actor, kind=CaseRecord.Kind.TEXT, attachment=None):
    """第四十七条: every step leaves a text record in the case's 全过程记录."""
    return CaseRecord.objects.create(
        case=case, town_id=case.town_id, stage=stage, kind=kind, note=str(note)[:500], attachment=attachment,
        recorded_on=on, recorded_by_label=getattr(actor, "label", str(actor or audit.SYSTEM_LABEL)))


def _record_case_create(actor, case):
    """The creation event, with a natural person's name masked like everywhere outside the case."""
    after = audit.snapshot(case)
    after["party_name"] = case.party_masked
    return audit.record(actor=actor, action="case.create", obj=case, after=after)


def _start_clock(case, rule, on):
    clock = clocks.start(subject=case, rule=rule, start=on, subject_label=f"{case.number} {case.party_masked}")
    return clock.due_date


def _stop_clock(case, rule, on):
    clock = clocks.get(case, rule)
    if clock is not None and clock.is_open:
        clocks.stop(clock, on=on)
    return clock


def _cancel_clock(case, rule, on):
    clock = clocks.get(case, rule)
    if clock is not None and clock.is_open:
        clocks.cancel(clock, on=on)


def _last_date(case) -> datetime.date:
    dates = [case.filed_date, case.investigated_date, case.notified_date, case.hearing_requested_date,
             case.hearing_date, case.reviewed_date, case.discussed_date, case.decided_date, case.served_date,
             case.paid_date, case.closed_date]
    return max(d for d in dates if d)


def _begin(actor, case, action, date, *, after: str | None = None):
    """Lock, check state and role, parse the date (not before the previous step, or the field
    ``after`` names), check the year is open."""
    case = workflow.lock(case)
    TRANSITIONS.check(case, action, actor)
    _same_town(actor, case)
    if after:
        not_before, label = getattr(case, after), str(Case._meta.get_field(after).verbose_name)
    else:
        not_before, label = _last_date(case), "上一环节的日期"
    day = workflow.action_date(date, not_before=not_before, not_before_label=label)
    yearlock.ensure_open(case.town_id, case.filed_date, day)
    return case, day, audit.snapshot(case)


def _resolve_benchmark(case_town_id, matter, benchmark):
    if benchmark is None:
        return None
    if benchmark.town_id != case_town_id:
        raise InvalidInput("裁量基准不属于本镇街。", field="benchmark")
    if matter is not None and benchmark.matter_id != matter.pk:
        raise InvalidInput("裁量基准与案件的执法事项不一致。", field="benchmark")
    return benchmark


def outside_benchmark(benchmark, penalty_type, fine_amount) -> bool:
    """A proposed penalty outside the benchmark's range (type or amount)."""
    if benchmark is None:
        return False
    if penalty_type != benchmark.penalty_type:
        return True
    if penalty_type == PenaltyType.FINE and fine_amount is not None:
        if benchmark.fine_min is not None and fine_amount < benchmark.fine_min:
            return True
        if benchmark.fine_max is not None and fine_amount > benchmark.fine_max:
            return True
    return False


def _check_penalty(penalty_type, fine_amount):
    if penalty_type not in PenaltyType.values:
        raise InvalidInput("请选择处罚种类。", field="penalty_type")
    if penalty_type == PenaltyType.FINE:
        if fine_amount is None or Decimal(fine_amount) <= 0:
            raise InvalidInput("罚款须填写大于零的金额。", field="fine_amount")
    elif fine_amount:
        raise InvalidInput("只有罚款填写罚款金额。", field="fine_amount")


def review_grounds(case) -> list[str]:
    """第五十八条 and the town's 重大执法决定法制审核目录: why this decision must be reviewed."""
    grounds = []
    if not case.is_penalty:
        return grounds
    if case.major_public_interest:
        grounds.append("涉及重大公共利益")
    if case.hearing_date and not case.hearing_waived:
        grounds.append("经过听证程序")
    if case.complex_case:
        grounds.append("案件情况疑难复杂、涉及多个法律关系")
    if case.matter_id and case.matter.requires_legal_review:
        grounds.append("列入本镇重大执法决定法制审核目录")
    return grounds


def _refresh_review_flags(case):
    grounds = review_grounds(case)
    case.review_required = bool(grounds)
    case.review_grounds = "、".join(grounds)
    # 第五十七条第二款: 情节复杂或者重大违法行为 — the heads decide collectively.
    case.discussion_required = case.is_penalty and case.complex_case


# --- officers, matters, benchmarks --------------------------------------------------------------


@transaction.atomic
def officer_create(*, actor, unit: Unit, name: str, certificate_number: str, valid_from: datetime.date,
                   valid_until: datetime.date, user=None, town: Town | None = None) -> Officer:
    _require_role(actor, MANAGERS, "登记执法人员")
    town = _actor_town(actor, town or unit.town)
    if unit.town_id != town.pk or not unit.enforces_law:
        raise InvalidInput("所在单位须为本镇街承担执法职责的单位。", field="unit")
    name = _require(name, "请填写姓名。", "name")
    number = _require(certificate_number, "请填写执法证号。", "certificate_number")
    if valid_until < valid_from:
        raise InvalidInput("证件有效期至不能早于有效期起。", field="valid_until")
    if Officer.objects.filter(certificate_number=number).exists():
        raise InvalidInput(f"执法证号“{number}”已登记。", field="certificate_number")
    if user is not None and user.town_id != town.pk:
        raise InvalidInput("平台账号须为本镇街的用户。", field="user")
    officer = Officer.objects.create(town=town, unit=unit, name=name, certificate_number=number,
                                     valid_from=valid_from, valid_until=valid_until, user=user)
    workflow.record_create(actor, officer)
    return officer


@transaction.atomic
def officer_renew(*, actor, officer: Officer, certificate_number: str, valid_from, valid_until) -> Officer:
    _require_role(actor, MANAGERS, "变更执法证")
    officer = workflow.lock(officer)
    _same_town(actor, officer)
    before = audit.snapshot(officer)
    number = _require(certificate_number, "请填写执法证号。", "certificate_number")
    if valid_until < valid_from:
        raise InvalidInput("证件有效期至不能早于有效期起。", field="valid_until")
    if Officer.objects.filter(certificate_number=number).exclude(pk=officer.pk).exists():
        raise InvalidInput(f"执法证号“{number}”已登记。", field="certificate_number")
    officer.certificate_number, officer.valid_from, officer.valid_until = number, valid_from, valid_until
    officer.save(update_fields=["certificate_number", "valid_from", "valid_until"])
    workflow.record_transition(actor, officer, "renew", before)
    return officer


def _check_matter_fields(town, unit, name, legal_basis, category):
    if unit is None or unit.town_id != town.pk or not unit.enforces_law:
        raise InvalidInput("实施单位须为本镇街承担执法职责的单位。", field="unit")
    if category not in Matter.Category.values:
        raise InvalidInput("执法事项类别不正确。", field="category")
    return _require(name, "请填写事项名称。", "name"), _require(legal_basis, "请填写法律依据。", "legal_basis")


def _ensure_cases_open(town_id, cases):
    """A matter or benchmark applied by cases of a locked report year is part of that year's
    record: it is not changed afterwards (a new one is registered instead)."""
    years = set()
    for filed, decided in cases.values_list("filed_date", "decided_date"):
        years.update(d.year for d in (filed, decided) if d)
    try:
        yearlock.ensure_open(town_id, *(datetime.date(y, 1, 1) for y in sorted(years)))
    except DomainError as exc:
        raise DomainError(f"{exc.message}该项已适用于锁定年度的案件,如需调整请另行登记。", code=exc.code) from None


@transaction.atomic
def matter_create(*, actor, unit: Unit, name: str, legal_basis: str, category: str = Matter.Category.PENALTY,
                  power_list_ref: str = "", requires_legal_review: bool = False) -> Matter:
    _require_role(actor, MANAGERS, "登记执法事项")
    town = _actor_town(actor, unit.town)
    name, legal_basis = _check_matter_fields(town, unit, name, legal_basis, category)
    matter = Matter.objects.create(
        town=town, unit=unit, name=name, legal_basis=legal_basis, category=category,
        power_list_ref=(power_list_ref or "").strip(), requires_legal_review=bool(requires_legal_review))
    workflow.record_create(actor, matter)
    return matter


@transaction.atomic
def matter_update(*, actor, matter: Matter, unit: Unit | None = None, name: str | None = None,
                  legal_basis: str | None = None, category: str | None = None, power_list_ref: str | None = None,
                  requires_legal_review: bool | None = None) -> Matter:
    """Change a matter; an argument left as ``None`` keeps its value."""
    _require_role(actor, MANAGERS, "修改执法事项")
    matter = workflow.lock(matter)
    _same_town(actor, matter)
    _ensure_cases_open(matter.town_id, Case.objects.filter(matter=matter))
    before = audit.snapshot(matter)
    unit = matter.unit if unit is None else unit
    name, legal_basis = _check_matter_fields(
        matter.town, unit, matter.name if name is None else name,
        matter.legal_basis if legal_basis is None else legal_basis,
        matter.category if category is None else category)
    matter.unit, matter.name, matter.legal_basis = unit, name, legal_basis
    if category is not None:
        matter.category = category
    if power_list_ref is not None:
        matter.power_list_ref = power_list_ref.strip()
    if requires_legal_review is not None:
        matter.requires_legal_review = bool(requires_legal_review)
    matter.save(update_fields=["unit", "name", "legal_basis", "category", "power_list_ref",
                               "requires_legal_review"])
    workflow.record_transition(actor, matter, "update", before)
    return matter


def _to_decimal(value, field):
    if value in (None, ""):
        return None
    try:
        value = Decimal(str(value))
    except ArithmeticError:
        raise InvalidInput("罚款幅度须为数字。", field=field) from None
    if value < 0:
        raise InvalidInput("罚款幅度不能为负数。", field=field)
    return value


def _check_benchmark_fields(matter, violation, circumstance, penalty_type, fine_min, fine_max, exclude_pk=None):
    """第三十四条: a benchmark names the violation, the circumstance and the penalty range."""
    violation = _require(violation, "请填写违法行为。", "violation")
    if circumstance not in Circumstance.values:
        raise InvalidInput("请选择情节。", field="circumstance")
    if penalty_type not in PenaltyType.values:
        raise InvalidInput("处罚种类不正确。", field="penalty_type")
    fine_min, fine_max = _to_decimal(fine_min, "fine_min"), _to_decimal(fine_max, "fine_max")
    if penalty_type == PenaltyType.FINE:
        if fine_max is None:
            raise InvalidInput("罚款须填写罚款上限。", field="fine_max")
    elif fine_min is not None or fine_max is not None:
        raise InvalidInput("只有罚款填写罚款幅度。", field="fine_min")
    if fine_min is not None and fine_max is not None and fine_max < fine_min:
        raise InvalidInput("罚款上限不能低于下限。", field="fine_max")
    twins = Benchmark.objects.filter(matter=matter, violation=violation, circumstance=circumstance)
    if exclude_pk is not None:
        twins = twins.exclude(pk=exclude_pk)
    if twins.exists():
        raise InvalidInput("该执法事项已有同一违法行为、同一情节的裁量基准。", field="circumstance")
    return violation, fine_min, fine_max


@transaction.atomic
def benchmark_create(*, actor, matter: Matter, violation: str, circumstance: str, penalty_type: str,
                     fine_min=None, fine_max=None, description: str = "") -> Benchmark:
    _require_role(actor, MANAGERS, "制定裁量基准")
    _same_town(actor, matter)
    if not matter.active:
        raise DomainError("该执法事项已失效,不能再制定裁量基准。", code="bad_state", field="matter")
    violation, fine_min, fine_max = _check_benchmark_fields(matter, violation, circumstance, penalty_type,
                                                            fine_min, fine_max)
    benchmark = Benchmark.objects.create(
        town_id=matter.town_id, matter=matter, violation=violation, circumstance=circumstance,
        penalty_type=penalty_type, fine_min=fine_min, fine_max=fine_max, description=(description or "").strip())
    workflow.record_create(actor, benchmark)
    return benchmark


_UNSET = object()


@transaction.atomic
def benchmark_update(*, actor, benchmark: Benchmark, violation: str | None = None, circumstance: str | None = None,
                     penalty_type: str | None = None, fine_min=_UNSET, fine_max=_UNSET,
                     description: str | None = None) -> Benchmark:
    """Change a benchmark (its matter stays); an argument left out keeps its value (``fine_min=None``
    clears the lower bound)."""
    _require_role(actor, MANAGERS, "修改裁量基准")
    benchmark = workflow.lock(benchmark)
    _same_town(actor, benchmark)
    _ensure_cases_open(benchmark.town_id, Case.objects.filter(benchmark=benchmark))
    before = audit.snapshot(benchmark)
    penalty_type = benchmark.penalty_type if penalty_type is None else penalty_type
    circumstance = benchmark.circumstance if circumstance is None else circumstance
    violation, fine_min, fine_max = _check_benchmark_fields(
        benchmark.matter, benchmark.violation if violation is None else violation, circumstance, penalty_type,
        benchmark.fine_min if fine_min is _UNSET else fine_min,
        benchmark.fine_max if fine_max is _UNSET else fine_max, exclude_pk=benchmark.pk)
    benchmark.violation, benchmark.circumstance, benchmark.penalty_type = violation, circumstance, penalty_type
    benchmark.fine_min, benchmark.fine_max = fine_min, fine_max
    if description is not None:
        benchmark.description = description.strip()
    benchmark.save(update_fields=["violation", "circumstance", "penalty_type", "fine_min", "fine_max",
                                  "description"])
    workflow.record_transition(actor, benchmark, "update", before)
    return benchmark


# --- cases: creation ------------------------------------------------------------------------------


def _case_common(*, actor, unit, matter, party_type, party_name, id_number, credit_code, occurred_date,
                 continuing_until, long_limitation, filed_date, officers):
    _require_role(actor, ENFORCERS, "办理行政执法案件")
    town = _actor_town(actor, unit.town if unit else None)
    if unit is None or unit.town_id != town.pk or not unit.enforces_law:
        raise InvalidInput("承办单位须为本镇街承担执法职责的单位。", field="unit")
    if matter is not None and matter.town_id != town.pk:
        raise InvalidInput("执法事项不属于本镇街。", field="matter")
    filed = workflow.action_date(filed_date, field_name="filed_date")
    yearlock.ensure_open(town.pk, filed)
    _check_party(party_type, party_name, id_number, credit_code)
    _check_limitation(occurred_date, continuing_until, long_limitation, filed)
    _check_officers(officers, filed, town.pk)
    return town, filed


@transaction.atomic
def case_create(*, actor, unit: Unit, violation: str, party_type: str, party_name: str, occurred_date,
                filed_date=None, officers=(), matter: Matter | None = None, id_number: str = "",
                credit_code: str = "", place: str = "", continuing_until=None, long_limitation: bool = False,
                inspection: Inspection | None = None) -> Case:
    """立案 under the general procedure: the 90-day decision clock starts (第六十条)."""
    officers = list(officers)
    town, filed = _case_common(
        actor=actor, unit=unit, matter=matter, party_type=party_type, party_name=party_name, id_number=id_number,
        credit_code=credit_code, occurred_date=occurred_date, continuing_until=continuing_until,
        long_limitation=long_limitation, filed_date=filed_date, officers=officers)
    case = Case.objects.create(
        town=town, unit=unit, matter=matter, number=_next_number(town, filed.year), procedure=Procedure.GENERAL,
        party_type=party_type, party_name=party_name.strip(), id_number=id_number or "",
        credit_code=credit_code or "", violation=_require(violation, "请填写违法行为。", "violation"),
        place=place, occurred_date=occurred_date, continuing_until=continuing_until,
        long_limitation=long_limitation, filed_date=filed, inspection=inspection,
        # A matter outside the town's 权力清单 is flagged, not refused: the risk is shown and counted.
        beyond_powers_risk=bool(matter is not None and not selectors.matter_within_powers(matter)))
    case.officers.set(officers)
    case.decision_due = _start_clock(case, rules.DECISION, filed)
    case.save(update_fields=["decision_due"])
    _record(case, CaseRecord.Stage.FILING, f"立案,执法人员:{'、'.join(o.name for o in officers)}", filed, actor)
    _record_case_create(actor, case)
    return case


@transaction.atomic
def case_create_simple(*, actor, unit: Unit, violation: str, party_type: str, party_name: str, occurred_date,
                       decided_date=None, officers=(), penalty_type: str = PenaltyType.WARNING, fine_amount=None,
                       matter: Matter | None = None, id_number: str = "", credit_code: str = "", place: str = "",
                       benchmark: Benchmark | None = None, circumstance: str = "",
                       outside_benchmark_reason: str = "", decision_number: str = "") -> Case:
    """当场处罚 (第五十一条、第五十二条): the case is created with its decision, handed over on the
    spot; refused above the thresholds."""
    officers = list(officers)
    fine = Decimal(fine_amount) if fine_amount not in (None, "") else None
    _check_penalty(penalty_type, fine)
    if party_type in PartyType.values and not rules.simple_procedure_allowed(party_type, penalty_type, fine):
        limit = rules.SIMPLE_FINE_LIMIT[party_type]
        who = "公民" if party_type == PartyType.NATURAL_PERSON else "法人或者其他组织"
        raise DomainError(
            f"简易程序只适用于警告或对{who}处{limit:.0f}元以下罚款(《行政处罚法》第五十一条),请适用普通程序。",
            code="simple_threshold", field="fine_amount")
    town, day = _case_common(
        actor=actor, unit=unit, matter=matter, party_type=party_type, party_name=party_name, id_number=id_number,
        credit_code=credit_code, occurred_date=occurred_date, continuing_until=None, long_limitation=False,
        filed_date=decided_date, officers=officers)
    benchmark = _resolve_benchmark(town.pk, matter, benchmark)
    outside = outside_benchmark(benchmark, penalty_type, fine)
    if outside and not (outside_benchmark_reason or "").strip():
        raise InvalidInput("处罚超出裁量基准,须书面说明理由。", field="outside_benchmark_reason")
    number = _next_number(town, day.year)
    case = Case.objects.create(
        town=town, unit=unit, matter=matter, number=number, procedure=Procedure.SIMPLE, status=S.SERVED,
        party_type=party_type, party_name=party_name.strip(), id_number=id_number or "",
        credit_code=credit_code or "", violation=_require(violation, "请填写违法行为。", "violation"), place=place,
        occurred_date=occurred_date, filed_date=day, investigated_date=day, certificates_shown=True,
        outcome=Outcome.PENALTY, penalty_type=penalty_type, fine_amount=fine, benchmark=benchmark,
        circumstance=circumstance or "", outside_benchmark=outside,
        outside_benchmark_reason=(outside_benchmark_reason or "").strip() if outside else "",
        decided_date=day, decision_number=decision_number or f"{number}(当场)", party_present=True,
        served_date=day, service_method="当场交付",
        beyond_powers_risk=bool(matter is not None and not selectors.matter_within_powers(matter)))
    case.officers.set(officers)
    case.publicity_due = _start_clock(case, rules.PUBLICITY, day)
    update = ["publicity_due"]
    if case.is_fine:
        case.payment_due = _start_clock(case, rules.PAYMENT, day)
        update.append("payment_due")
    case.save(update_fields=update)
    _record(case, CaseRecord.Stage.DECISION,
            f"简易程序当场作出处罚决定:{case.get_penalty_type_display()}"
            f"{f' {fine}元' if fine else ''},出示执法证件并当场交付决定书", day, actor)
    _record_case_create(actor, case)
    return case


# --- cases: general-procedure transitions -------------------------------------------------------


@transaction.atomic
def case_investigate(*, actor, case: Case, date=None, findings: str = "", certificates_shown: bool = False) -> Case:
    case, day, before = _begin(actor, case, "investigate", date)
    # 第五十五条; 国办发〔2018〕118号 事中公示: officers show their certificates.
    if not certificates_shown:
        raise DomainError("调查取证时执法人员应当主动出示执法证件(《行政处罚法》第五十五条)。",
                          code="certificates_not_shown", field="certificates_shown")
    _check_officers(case.officers.all(), day, case.town_id)
    case.findings = _require(findings, "请填写调查认定的事实。", "findings")
    case.investigated_date, case.certificates_shown, case.status = day, True, S.INVESTIGATED
    case.save(update_fields=["findings", "investigated_date", "certificates_shown", "status"])
    _record(case, CaseRecord.Stage.INVESTIGATION, f"调查取证终结,已出示执法证件。{case.findings}", day, actor)
    workflow.record_transition(actor, case, "investigate", before)
    return case


@transaction.atomic
def case_notify(*, actor, case: Case, date=None, outcome: str = Outcome.PENALTY, penalty_type: str = "",
                fine_amount=None, circumstance: str = "", benchmark: Benchmark | None = None,
                outside_benchmark_reason: str = "", other_serious: bool = False,
                major_public_interest: bool = False, complex_case: bool = False) -> Case:
    """告知 (第四十四条、第六十二条): the proposed decision, the right to state and defend, and the
    right to a hearing where 第六十三条 gives it (request within 5 working days, 第六十四条)."""
    case, day, before = _begin(actor, case, "notify", date)
    if outcome not in Outcome.values:
        raise InvalidInput("请选择处理结果。", field="outcome")
    fine = Decimal(fine_amount) if fine_amount not in (None, "") else None
    if outcome == Outcome.PENALTY:
        _check_penalty(penalty_type, fine)
    else:
        penalty_type, fine = "", None
    benchmark = _resolve_benchmark(case.town_id, case.matter, benchmark) if outcome == Outcome.PENALTY else None
    outside = outside_benchmark(benchmark, penalty_type, fine)
    if outside and not (outside_benchmark_reason or "").strip():
        raise InvalidInput("拟作出的处罚超出裁量基准,须书面说明理由。", field="outside_benchmark_reason")
    case.outcome, case.penalty_type, case.fine_amount = outcome, penalty_type, fine
    case.circumstance = circumstance or (benchmark.circumstance if benchmark else "")
    case.benchmark, case.outside_benchmark = benchmark, outside
    case.outside_benchmark_reason = (outside_benchmark_reason or "").strip() if outside else ""
    case.major_public_interest, case.complex_case = bool(major_public_interest), bool(complex_case)
    case.hearing_eligible = outcome == Outcome.PENALTY and rules.hearing_eligible(
        case.party_type, penalty_type, fine, other_serious)
    case.hearing_request_due = (
        compute_due(current_calendar(), day, rules.HEARING_REQUEST_WORKDAYS, "wd").due
        if case.hearing_eligible else None)
    case.notified_date, case.status = day, S.NOTIFIED
    _refresh_review_flags(case)
    case.save(update_fields=[
        "outcome", "penalty_type", "fine_amount", "circumstance", "benchmark", "outside_benchmark",
        "outside_benchmark_reason", "major_public_interest", "complex_case", "hearing_eligible",
        "hearing_request_due", "notified_date", "status", "review_required", "review_grounds",
        "discussion_required"])
    note = f"告知拟作出的决定({case.get_outcome_display()})及陈述、申辩权利"
    if case.hearing_eligible:
        note += f";告知听证权利,申请期限至{case.hearing_request_due.isoformat()}"
    _record(case, CaseRecord.Stage.NOTICE, note, day, actor)
    workflow.record_transition(actor, case, "notify", before)
    return case


@transaction.atomic
def case_request_hearing(*, actor, case: Case, date=None) -> Case:
    case, day, before = _begin(actor, case, "request-hearing", date)
    if not case.hearing_eligible:
        raise DomainError("拟作出的处罚不属于《行政处罚法》第六十三条规定的听证范围。", code="no_hearing_right")
    if day > case.hearing_request_due:
        raise DomainError(
            f"听证申请应在告知后五个工作日内(至{case.hearing_request_due.isoformat()})提出(《行政处罚法》第六十四条)。",
            code="hearing_late", field="date")
    case.hearing_requested_date, case.status = day, S.HEARING_REQUESTED
    case.save(update_fields=["hearing_requested_date", "status"])
    _record(case, CaseRecord.Stage.HEARING, "当事人申请听证", day, actor)
    workflow.record_transition(actor, case, "request-hearing", before)
    return case


@transaction.atomic
def case_hold_hearing(*, actor, case: Case, date=None, notice_date=None, chair: str = "", waived: bool = False,
                      record: str = "") -> Case:
    case, day, before = _begin(actor, case, "hold-hearing", date)
    notice = workflow.action_date(notice_date, field_name="notice_date", not_before=case.hearing_requested_date,
                                  not_before_label="听证申请日")
    # 第六十四条(二): the hearing is notified at least 7 working days before it is held.
    earliest = compute_due(current_calendar(), notice, rules.HEARING_NOTICE_WORKDAYS, "wd").due
    if day < earliest:
        raise DomainError(
            f"听证应在通知后至少七个工作日举行;{notice.isoformat()}通知的,最早可于{earliest.isoformat()}举行"
            f"(《行政处罚法》第六十四条)。", code="hearing_notice", field="notice_date")
    chair = _require(chair, "请填写听证主持人。", "chair")
    # 第六十四条(四): the chair is not one of the investigators.
    if chair in {o.name for o in case.officers.all()}:
        raise DomainError("听证由非本案调查人员主持(《行政处罚法》第六十四条)。", code="hearing_chair", field="chair")
    case.hearing_notice_date, case.hearing_date, case.hearing_chair = notice, day, chair
    case.hearing_waived = bool(waived)
    case.hearing_record = (record or "").strip()
    case.status = S.HEARD
    _refresh_review_flags(case)
    case.save(update_fields=["hearing_notice_date", "hearing_date", "hearing_chair", "hearing_waived",
                             "hearing_record", "status", "review_required", "review_grounds"])
    _record(case, CaseRecord.Stage.HEARING,
            "当事人无正当理由未出席,视为放弃听证" if waived else f"举行听证,主持人{chair}。{case.hearing_record}",
            day, actor)
    workflow.record_transition(actor, case, "hold-hearing", before)
    return case


@transaction.atomic
def case_legal_review(*, actor, case: Case, date=None, passed: bool = True, opinion: str = "",
                      qualification: str = "") -> Case:
    """法制审核 (第五十八条): by a reviewer who holds the 法律职业资格 (AP-58-2)."""
    case, day, before = _begin(actor, case, "legal-review", date)
    qualification = _require(qualification, "请填写审核人员的法律职业资格证书编号(《行政处罚法》第五十八条第二款)。",
                             "qualification")
    opinion = _require(opinion, "请填写审核意见。", "opinion")
    case.reviewed_date, case.reviewer, case.reviewer_label = day, actor, actor.label
    case.reviewer_qualification, case.review_opinion, case.review_passed = qualification, opinion, bool(passed)
    if passed:
        case.status = S.REVIEWED
    case.save(update_fields=["reviewed_date", "reviewer", "reviewer_label", "reviewer_qualification",
                             "review_opinion", "review_passed", "status"])
    _record(case, CaseRecord.Stage.REVIEW, f"法制审核{'通过' if passed else '未通过'}:{opinion}", day, actor)
    workflow.record_transition(actor, case, "legal-review", before)
    return case


@transaction.atomic
def case_collective_discussion(*, actor, case: Case, date=None, conclusion: str = "") -> Case:
    """集体讨论 (第五十七条第二款)."""
    case, day, before = _begin(actor, case, "collective-discussion", date)
    if case.review_required and not case.review_passed:
        raise DomainError("须先经法制审核通过,再提交集体讨论(《行政处罚法》第五十八条)。", code="review_missing")
    case.discussion_conclusion = _require(conclusion, "请填写集体讨论结论。", "conclusion")
    case.discussed_date, case.status = day, S.DISCUSSED
    case.save(update_fields=["discussion_conclusion", "discussed_date", "status"])
    _record(case, CaseRecord.Stage.DISCUSSION, f"负责人集体讨论:{case.discussion_conclusion}", day, actor)
    workflow.record_transition(actor, case, "collective-discussion", before)
    return case


@transaction.atomic
def case_decide(*, actor, case: Case, date=None, decision_number: str = "", party_present: bool = True,
                party_statement: str = "", education_note: str = "", hearing_waived: bool = False,
                outcome: str = "") -> Case:
    """决定 (第五十七条): every precondition the law sets for this case is checked here."""
    case, day, before = _begin(actor, case, "decide", date)
    if case.status == S.INVESTIGATED:
        # Only a decision not to penalise may follow the investigation directly.
        if outcome not in Outcome.values or outcome == Outcome.PENALTY:
            raise DomainError("作出行政处罚决定前,应当告知当事人拟作出的处罚及其权利(《行政处罚法》第六十二条)。",
                              code="not_notified")
        case.outcome = outcome
    if case.is_penalty:
        if case.hearing_eligible and not case.hearing_requested_date and not hearing_waived \
                and day <= case.hearing_request_due:
            raise DomainError(
                f"当事人申请听证的期限至{case.hearing_request_due.isoformat()}尚未届满,不能作出决定"
                f"(《行政处罚法》第六十四条)。", code="hearing_window", field="date")
        _refresh_review_flags(case)
        if case.review_required and not case.review_passed:
            raise DomainError(f"本案须经法制审核({case.review_grounds}),未经审核或审核未通过不得作出决定"
                              f"(《行政处罚法》第五十八条)。", code="review_missing")
        if case.discussion_required and not case.discussed_date:
            raise DomainError("情节复杂或者重大违法行为给予行政处罚,应当由负责人集体讨论决定(《行政处罚法》第五十七条)。",
                              code="discussion_missing")
        if case.outside_benchmark and not case.outside_benchmark_reason:
            raise DomainError("处罚超出裁量基准,须书面说明理由。", code="outside_benchmark")
    elif case.outcome in (Outcome.MINOR, Outcome.FIRST_OFFENCE, Outcome.NO_FAULT):
        # 第三十三条第三款: a party not penalised is educated.
        case.education_note = _require(education_note, "不予处罚的,应当对当事人进行教育,请填写教育情况(第三十三条)。",
                                       "education_note")
    _check_officers(case.officers.all(), day, case.town_id)
    case.decided_date = day
    case.decision_number = (decision_number or "").strip() or case.number
    case.party_statement = (party_statement or "").strip()
    case.party_present = bool(party_present)
    update = ["outcome", "decided_date", "decision_number", "party_statement", "party_present", "education_note",
              "review_required", "review_grounds", "discussion_required", "status"]
    _stop_clock(case, rules.DECISION, day)
    if case.is_penalty:
        case.publicity_due = _start_clock(case, rules.PUBLICITY, day)
        update.append("publicity_due")
    if party_present:
        # 第六十一条: handed over on announcement.
        case.served_date, case.service_method, case.status = day, "宣告后当场交付", S.SERVED
        update += ["served_date", "service_method"]
        if case.is_fine:
            case.payment_due = _start_clock(case, rules.PAYMENT, day)
            update.append("payment_due")
    else:
        case.status = S.DECIDED
        case.service_due = _start_clock(case, rules.SERVICE, day)
        update.append("service_due")
    case.save(update_fields=update)
    _record(case, CaseRecord.Stage.DECISION, f"作出决定({case.get_outcome_display()}),决定书{case.decision_number}",
            day, actor, kind=CaseRecord.Kind.DOCUMENT)
    workflow.record_transition(actor, case, "decide", before)
    return case


@transaction.atomic
def case_serve(*, actor, case: Case, date=None, method: str = "") -> Case:
    """送达 when the party was absent (第六十一条: 7 working days)."""
    case, day, before = _begin(actor, case, "serve", date)
    case.service_method = _require(method, "请填写送达方式。", "method")
    case.served_date, case.status = day, S.SERVED
    _stop_clock(case, rules.SERVICE, day)
    update = ["service_method", "served_date", "status"]
    if case.is_fine:
        # 第六十七条: 15 days from receiving the decision.
        case.payment_due = _start_clock(case, rules.PAYMENT, day)
        update.append("payment_due")
    case.save(update_fields=update)
    _record(case, CaseRecord.Stage.SERVICE, f"送达决定书({case.service_method})", day, actor)
    workflow.record_transition(actor, case, "serve", before)
    return case


def surcharge_owed(case, on: datetime.date) -> Decimal:
    """第七十二条: what is added to the fine when it is paid on ``on``."""
    if not case.is_fine or case.payment_due is None:
        return Decimal("0.00")
    return rules.surcharge(case.fine_amount, (on - case.payment_due).days)


@transaction.atomic
def case_record_payment(*, actor, case: Case, date=None, amount=None) -> Case:
    case, day, before = _begin(actor, case, "record-payment", date)
    if not case.is_fine:
        raise DomainError("本案没有罚款,无需登记缴款。", code="no_fine")
    owed = surcharge_owed(case, day)
    total = case.fine_amount + owed
    if amount in (None, ""):
        raise InvalidInput("请填写缴款金额。", field="amount")
    amount = Decimal(amount)
    if amount < total:
        extra = f"(含逾期加处罚款{owed}元,《行政处罚法》第七十二条)" if owed else ""
        raise DomainError(f"应缴{total}元{extra},登记的缴款金额不足。", code="underpaid", field="amount")
    case.paid_date, case.paid_amount, case.surcharge, case.status = day, amount, owed, S.EXECUTED
    _stop_clock(case, rules.PAYMENT, day)
    case.save(update_fields=["paid_date", "paid_amount", "surcharge", "status"])
    _record(case, CaseRecord.Stage.EXECUTION, f"缴纳罚款{case.fine_amount}元" + (f",加处罚款{owed}元" if owed else ""),
            day, actor)
    workflow.record_transition(actor, case, "record-payment", before)
    return case


@transaction.atomic
def case_close(*, actor, case: Case, date=None, note: str = "") -> Case:
    case, day, before = _begin(actor, case, "close", date)
    if case.is_fine and not case.paid_date:
        raise DomainError("罚款尚未缴纳,不能结案。", code="unpaid")
    if case.is_penalty and not case.served_date:
        raise DomainError("处罚决定书尚未送达,不能结案。", code="unserved")
    case.closed_date, case.status = day, S.CLOSED
    case.save(update_fields=["closed_date", "status"])
    _record(case, CaseRecord.Stage.CLOSING, f"结案。{(note or '').strip()}", day, actor)
    workflow.record_transition(actor, case, "close", before)
    return case


@transaction.atomic
def case_archive(*, actor, case: Case, date=None) -> Case:
    case, day, before = _begin(actor, case, "archive", date)
    case.archived_date, case.status = day, S.ARCHIVED
    case.save(update_fields=["archived_date", "status"])
    _record(case, CaseRecord.Stage.CLOSING, "案卷归档", day, actor)
    workflow.record_transition(actor, case, "archive", before)
    return case


# --- publicity of decisions (事后公示) ------------------------------------------------------------


@transaction.atomic
def case_publish(*, actor, case: Case, date=None) -> Case:
    """国办发〔2018〕118号: a penalty decision is published within 7 working days."""
    case, day, before = _begin(actor, case, "publish", date, after="decided_date")
    if not case.is_penalty:
        raise DomainError("只公示行政处罚决定。", code="not_penalty")
    if case.published_date:
        raise DomainError("该决定已经公示。", code="already_published")
    if case.revoked_date:
        raise DomainError("该决定已被变更或撤销,不能公示。", code="revoked")
    case.published_date = day
    _stop_clock(case, rules.PUBLICITY, day)
    case.save(update_fields=["published_date"])
    _record(case, CaseRecord.Stage.PUBLICITY, "处罚决定信息已在门户公示(当事人信息已脱敏)", day, actor)
    workflow.record_transition(actor, case, "publish", before)
    return case


@transaction.atomic
def case_revoke_decision(*, actor, case: Case, date=None, kind: str = "", reason: str = "") -> Case:
    """The decision was changed, revoked, found illegal or void (第四十八条第二款): a published one
    must be withdrawn within 3 working days."""
    case, day, before = _begin(actor, case, "revoke-decision", date, after="decided_date")
    if case.revoked_date:
        raise DomainError("已登记过决定的变更或撤销。", code="already_revoked")
    if kind not in Case.Revocation.values:
        raise InvalidInput("请选择变更/撤销情形。", field="kind")
    case.revocation, case.revocation_reason = kind, _require(reason, "请填写变更/撤销理由。", "reason")
    case.revoked_date = day
    update = ["revocation", "revocation_reason", "revoked_date"]
    if case.published_date and not case.withdrawn_date:
        case.withdrawal_due = _start_clock(case, rules.WITHDRAWAL, day)
        update.append("withdrawal_due")
    _cancel_clock(case, rules.PUBLICITY, day)
    if kind != Case.Revocation.CHANGED:
        # A revoked, illegal or void decision is no longer served or paid.
        _cancel_clock(case, rules.SERVICE, day)
        _cancel_clock(case, rules.PAYMENT, day)
    case.save(update_fields=update)
    _record(case, CaseRecord.Stage.DECISION, f"决定{case.get_revocation_display()}:{case.revocation_reason}", day,
            actor)
    workflow.record_transition(actor, case, "revoke-decision", before)
    return case


@transaction.atomic
def case_withdraw_publication(*, actor, case: Case, date=None, reason: str = "") -> Case:
    case, day, before = _begin(actor, case, "withdraw-publication", date, after="decided_date")
    if not case.published_date or case.withdrawn_date:
        raise DomainError("该决定未在公示中,无需撤回。", code="not_published")
    if day < case.published_date:
        raise InvalidInput("撤回日期不能早于公示日期。", field="date")
    # 第四十八条第二款: withdrawn "并公开说明理由".
    case.withdrawal_reason = _require(reason, "撤回公示须公开说明理由。", "reason")
    case.withdrawn_date = day
    _stop_clock(case, rules.WITHDRAWAL, day)
    case.save(update_fields=["withdrawal_reason", "withdrawn_date"])
    _record(case, CaseRecord.Stage.PUBLICITY, f"撤回公示:{case.withdrawal_reason}", day, actor)
    workflow.record_transition(actor, case, "withdraw-publication", before)
    return case


@transaction.atomic
def case_add_evidence(*, actor, case: Case, upload, stage: str = CaseRecord.Stage.INVESTIGATION,
                      kind: str = CaseRecord.Kind.DOCUMENT, title: str = "", date=None) -> CaseRecord:
    """An evidence file or audio/video record (第四十七条), stored with its SHA-256."""
    _require_role(actor, ENFORCERS + [Role.REVIEWER], "添加执法记录")
    case = workflow.lock(case)
    _same_town(actor, case)
    if case.status == S.ARCHIVED:
        raise DomainError("案卷已归档,不能再添加记录。", code="archived")
    if stage not in CaseRecord.Stage.values or kind not in CaseRecord.Kind.values:
        raise InvalidInput("请选择记录的环节和形式。", field="stage")
    day = workflow.action_date(date, not_before=case.filed_date, not_before_label="立案日期")
    yearlock.ensure_open(case.town_id, case.filed_date, day)
    attachment = attachment_add(actor=actor, subject=case, upload=upload, title=title)
    record = _record(case, stage, title or attachment.filename, day, actor, kind=kind, attachment=attachment)
    audit.record(actor=actor, action="case.add_evidence", obj=case,
                 after={"stage": stage, "kind": kind, "sha256": attachment.sha256, "filename": attachment.filename})
    return record


# --- inspections ---------------------------------------------------------------------------------


@transaction.atomic
def inspection_plan(*, actor, unit: Unit, kind: str, subject_name: str, planned_date, place: str = "",
                    matter: Matter | None = None, subject_is_person: bool = False, officers=()) -> Inspection:
    _require_role(actor, ENFORCERS + [Role.CLERK], "安排行政检查")
    town = _actor_town(actor, unit.town)
    if not unit.enforces_law:
        raise InvalidInput("检查单位须承担执法职责。", field="unit")
    if kind not in Inspection.Kind.values:
        raise InvalidInput("请选择检查类型。", field="kind")
    if matter is not None and matter.town_id != town.pk:
        raise InvalidInput("执法事项不属于本镇街。", field="matter")
    yearlock.ensure_open(town.pk, planned_date)
    inspection = Inspection.objects.create(
        town=town, unit=unit, matter=matter, kind=kind, subject_name=_require(subject_name, "请填写检查对象。",
                                                                                  "subject_name"),
        subject_is_person=subject_is_person, place=place, planned_date=planned_date)
    officers = list(officers)
    if any(o.town_id != town.pk for o in officers):
        raise InvalidInput("执法人员须为本镇街的执法人员。", field="officers")
    inspection.officers.set(officers)
    after = audit.snapshot(inspection)
    after["subject_name"] = inspection.subject_label
    audit.record(actor=actor, action="inspection.create", obj=inspection, after=after)
    return inspection


@transaction.atomic
def inspection_record(*, actor, inspection: Inspection, date=None, findings: str = "",
                      result: str = Inspection.Result.NO_ISSUE, officers=None) -> Inspection:
    """The inspection was carried out: two certified officers (第四十二条、第五十五条), findings."""
    _require_role(actor, ENFORCERS, "登记检查情况")
    inspection = workflow.lock(inspection)
    _same_town(actor, inspection)
    if inspection.result != Inspection.Result.PENDING:
        raise DomainError("该检查已登记结果。", code="bad_state")
    if result not in (Inspection.Result.NO_ISSUE, Inspection.Result.RECTIFY):
        raise InvalidInput("检查结果应为“未发现问题”或“责令整改”;需立案的,请使用“立案查处”。", field="result")
    day = workflow.action_date(date)
    yearlock.ensure_open(inspection.town_id, day)
    before = audit.snapshot(inspection)
    if officers is not None:
        inspection.officers.set(list(officers))
    _check_officers(inspection.officers.all(), day, inspection.town_id)
    inspection.findings = _require(findings, "请填写检查情况。", "findings")
    inspection.inspected_date, inspection.result = day, result
    inspection.save(update_fields=["findings", "inspected_date", "result"])
    workflow.record_transition(actor, inspection, "record", before)
    return inspection


@transaction.atomic
def inspection_open_case(*, actor, inspection: Inspection, date=None, findings: str = "", violation: str,
                         party_type: str, party_name: str, occurred_date, id_number: str = "",
                         credit_code: str = "") -> Case:
    """An inspection that found a violation leads to a general-procedure case."""
    inspection = workflow.lock(inspection)
    _same_town(actor, inspection)
    if inspection.result not in (Inspection.Result.PENDING, Inspection.Result.RECTIFY):
        raise DomainError("该检查已立案或未发现问题。", code="bad_state")
    day = workflow.action_date(date)
    before = audit.snapshot(inspection)
    officers = list(inspection.officers.all())
    case = case_create(actor=actor, unit=inspection.unit, matter=inspection.matter, violation=violation,
                       party_type=party_type, party_name=party_name, occurred_date=occurred_date, filed_date=day,
                       officers=officers, id_number=id_number, credit_code=credit_code, place=inspection.place,
                       inspection=inspection)
    inspection.inspected_date = inspection.inspected_date or day
    inspection.findings = (findings or inspection.findings or violation).strip()
    inspection.result = Inspection.Result.CASE
    inspection.save(update_fields=["inspected_date", "findings", "result"])
    workflow.record_transition(actor, inspection, "open_case", before, case=case.number)
    return case
