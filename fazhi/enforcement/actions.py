"""The inputs of each case action, declared once and used by the API (JSON body) and by the
case page (HTML form): one serializer per action, and the service it calls."""

from rest_framework import serializers

from . import services
from .models import Benchmark, Case, Circumstance, Outcome, PenaltyType


class _DateInput(serializers.Serializer):
    date = serializers.DateField(label="日期", required=False, allow_null=True)


class InvestigateInput(_DateInput):
    findings = serializers.CharField(label="调查认定的事实", style={"base_template": "textarea.html"})
    certificates_shown = serializers.BooleanField(label="执法人员已出示执法证件(第五十五条)", default=False)


class NotifyInput(_DateInput):
    outcome = serializers.ChoiceField(label="拟作出的处理结果", choices=Outcome.choices, default=Outcome.PENALTY)
    penalty_type = serializers.ChoiceField(label="处罚种类", choices=PenaltyType.choices, required=False,
                                           allow_blank=True, default="")
    fine_amount = serializers.DecimalField(label="罚款金额(元)", max_digits=12, decimal_places=2, required=False,
                                           allow_null=True, min_value=0)
    circumstance = serializers.ChoiceField(label="情节", choices=Circumstance.choices, required=False,
                                           allow_blank=True, default="")
    benchmark = serializers.PrimaryKeyRelatedField(label="适用裁量基准", queryset=Benchmark.objects.all(),
                                                   required=False, allow_null=True)
    outside_benchmark_reason = serializers.CharField(label="超出裁量基准的理由", required=False, allow_blank=True,
                                                     default="")
    other_serious = serializers.BooleanField(label="属其他较重的行政处罚(第六十三条第五项)", default=False)
    major_public_interest = serializers.BooleanField(label="涉及重大公共利益", default=False)
    complex_case = serializers.BooleanField(label="情节复杂或重大违法行为", default=False)


class HoldHearingInput(_DateInput):
    notice_date = serializers.DateField(label="听证通知日期")
    chair = serializers.CharField(label="听证主持人(非本案调查人员)")
    waived = serializers.BooleanField(label="当事人无正当理由未出席(视为放弃)", default=False)
    record = serializers.CharField(label="听证笔录摘要", required=False, allow_blank=True, default="")


class LegalReviewInput(_DateInput):
    passed = serializers.BooleanField(label="审核通过", default=True)
    opinion = serializers.CharField(label="审核意见")
    qualification = serializers.CharField(label="法律职业资格证书编号")


class DiscussionInput(_DateInput):
    conclusion = serializers.CharField(label="集体讨论结论")


class DecideInput(_DateInput):
    outcome = serializers.ChoiceField(label="处理结果(直接作出不予处罚决定时填写)", choices=Outcome.choices,
                                      required=False, allow_blank=True, default="")
    decision_number = serializers.CharField(label="决定书文号", required=False, allow_blank=True, default="")
    party_present = serializers.BooleanField(label="当事人在场,宣告后当场交付", default=True)
    party_statement = serializers.CharField(label="陈述申辩情况", required=False, allow_blank=True, default="")
    education_note = serializers.CharField(label="教育情况(不予处罚时)", required=False, allow_blank=True, default="")
    hearing_waived = serializers.BooleanField(label="当事人书面放弃听证", default=False)


class ServeInput(_DateInput):
    method = serializers.CharField(label="送达方式")


class PaymentInput(_DateInput):
    amount = serializers.DecimalField(label="缴款金额(元)", max_digits=12, decimal_places=2, min_value=0)


class CloseInput(_DateInput):
    note = serializers.CharField(label="结案说明", required=False, allow_blank=True, default="")


class RevokeInput(_DateInput):
    kind = serializers.ChoiceField(label="情形", choices=Case.Revocation.choices)
    reason = serializers.CharField(label="理由")


class WithdrawInput(_DateInput):
    reason = serializers.CharField(label="撤回说明(公开)")


# action → (input serializer, service)
ACTIONS = {
    "investigate": (InvestigateInput, services.case_investigate),
    "notify": (NotifyInput, services.case_notify),
    "request-hearing": (_DateInput, services.case_request_hearing),
    "hold-hearing": (HoldHearingInput, services.case_hold_hearing),
    "legal-review": (LegalReviewInput, services.case_legal_review),
    "collective-discussion": (DiscussionInput, services.case_collective_discussion),
    "decide": (DecideInput, services.case_decide),
    "serve": (ServeInput, services.case_serve),
    "record-payment": (PaymentInput, services.case_record_payment),
    "close": (CloseInput, services.case_close),
    "archive": (_DateInput, services.case_archive),
    "publish": (_DateInput, services.case_publish),
    "revoke-decision": (RevokeInput, services.case_revoke_decision),
    "withdraw-publication": (WithdrawInput, services.case_withdraw_publication),
}
assert set(ACTIONS) == {name for name, _t in services.TRANSITIONS}


def run(action: str, *, actor, case, data: dict):
    """Call the action's service with validated input."""
    _serializer, service = ACTIONS[action]
    return service(actor=actor, case=case, **data)
