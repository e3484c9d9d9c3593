from django import forms

from fazhi.core.models import Unit

from .models import InterferenceRecord, LitigationCase, Outcome, ReconsiderationCase, ResolutionCase

DATE = forms.DateInput(attrs={"type": "date"})


class InterferenceForm(forms.Form):
    unit = forms.ModelChoiceField(label="所在单位", queryset=Unit.objects.none())
    occurred_on = forms.DateField(label="发生日期", widget=DATE)
    official_name = forms.CharField(label="干预人员", max_length=50)
    official_position = forms.CharField(label="职务", max_length=80, required=False)
    case_reference = forms.CharField(label="涉及案件", max_length=200)
    conduct = forms.CharField(label="干预情形", widget=forms.Textarea(attrs={"rows": 2}))
    handling = forms.ChoiceField(label="处理方式", choices=InterferenceRecord.Handling.choices)
    handling_detail = forms.CharField(label="处理情况", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    handled_on = forms.DateField(label="处理日期", widget=DATE, required=False)

    def __init__(self, *args, town=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(town=town).order_by("name")


class ZeroReportForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label="季度", coerce=int, choices=[(q, f"第{q}季度") for q in (1, 2, 3, 4)])

    def __init__(self, *args, town=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(town=town).order_by("name")


class LitigationForm(forms.Form):
    court = forms.CharField(label="受理法院", max_length=80)
    case_number = forms.CharField(label="案号", max_length=60)
    plaintiff = forms.CharField(label="原告", max_length=100)
    party_is_organisation = forms.BooleanField(label="原告为法人或其他组织", required=False)
    cause = forms.CharField(label="案由", max_length=200)
    stage = forms.ChoiceField(label="审级", choices=LitigationCase.Stage.choices)
    served_date = forms.DateField(label="收到起诉状副本日期", widget=DATE)
    concerns_disclosure = forms.BooleanField(label="涉及政府信息公开", required=False)
    after_reconsideration = forms.BooleanField(label="经复议后起诉", required=False)


class OnForm(forms.Form):
    on = forms.DateField(label="日期", widget=DATE)


class HearForm(forms.Form):
    hearing_date = forms.DateField(label="开庭日期", widget=DATE)
    appearance = forms.ChoiceField(label="出庭情况", choices=LitigationCase.Appearance.choices)
    appearer_name = forms.CharField(label="出庭人员", max_length=50, required=False)
    appearer_position = forms.CharField(label="出庭人员职务", max_length=80, required=False)
    absence_reason = forms.ChoiceField(label="负责人未出庭理由", required=False,
                                       choices=[("", "—")] + list(LitigationCase.AbsenceReason.choices))
    absence_detail = forms.CharField(label="未出庭情况说明", max_length=200, required=False)


class CloseForm(forms.Form):
    closed_on = forms.DateField(label="审结日期", widget=DATE)
    outcome = forms.ChoiceField(label="结果", choices=Outcome.choices)
    lost = forms.BooleanField(label="败诉", required=False)
    result_detail = forms.CharField(label="裁判结果", max_length=200, required=False)


class ReconsiderationForm(forms.Form):
    authority = forms.CharField(label="复议机关", max_length=80)
    case_number = forms.CharField(label="案号", max_length=60)
    applicant = forms.CharField(label="申请人", max_length=100)
    party_is_organisation = forms.BooleanField(label="申请人为法人或其他组织", required=False)
    act_challenged = forms.CharField(label="被申请复议的行政行为", max_length=200)
    procedure = forms.ChoiceField(label="程序", choices=ReconsiderationCase.Procedure.choices)
    served_date = forms.DateField(label="收到申请书副本日期", widget=DATE)
    concerns_disclosure = forms.BooleanField(label="涉及政府信息公开", required=False)


class DecideForm(forms.Form):
    decided_on = forms.DateField(label="复议决定日期", widget=DATE)
    outcome = forms.ChoiceField(label="结果", choices=Outcome.choices)
    decision_detail = forms.CharField(label="复议决定", max_length=200, required=False)


class ResolutionForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ResolutionCase.Kind.choices)
    case_number = forms.CharField(label="案号", max_length=60)
    body = forms.CharField(label="裁决/仲裁机构", max_length=80)
    parties = forms.CharField(label="当事人", max_length=200)
    matter = forms.CharField(label="争议事项", max_length=200)
    received_on = forms.DateField(label="受理日期", widget=DATE)


class ConcludeForm(forms.Form):
    concluded_on = forms.DateField(label="办结日期", widget=DATE)
    result = forms.CharField(label="结果", max_length=200)


class _CorrectForm(forms.Form):
    """更正登记信息: prefilled with the case as registered; only what differs is changed."""

    @classmethod
    def initial_for(cls, case):
        return {name: getattr(case, name) for name in cls.base_fields if name != "reason"}


class LitigationCorrectForm(_CorrectForm):
    court = forms.CharField(label="受理法院", max_length=80)
    case_number = forms.CharField(label="案号", max_length=60)
    plaintiff = forms.CharField(label="原告", max_length=100)
    party_is_organisation = forms.BooleanField(label="原告为法人或其他组织", required=False)
    cause = forms.CharField(label="案由", max_length=200)
    served_date = forms.DateField(label="收到起诉状副本日期", widget=DATE)
    reason = forms.CharField(label="更正理由", max_length=200)


class ReconsiderationCorrectForm(_CorrectForm):
    authority = forms.CharField(label="复议机关", max_length=80)
    case_number = forms.CharField(label="案号", max_length=60)
    applicant = forms.CharField(label="申请人", max_length=100)
    party_is_organisation = forms.BooleanField(label="申请人为法人或其他组织", required=False)
    act_challenged = forms.CharField(label="被申请复议的行政行为", max_length=200)
    served_date = forms.DateField(label="收到申请书副本日期", widget=DATE)
    reason = forms.CharField(label="更正理由", max_length=200)
