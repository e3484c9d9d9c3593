from django import forms
from django.utils import timezone

from fazhi.core.models import Unit

from .models import (
    Benchmark,
    CaseRecord,
    Circumstance,
    Inspection,
    Matter,
    Officer,
    PartyType,
    PenaltyType,
    Procedure,
)


class DateInput(forms.DateInput):
    input_type = "date"


class CaseForm(forms.Form):
    procedure = forms.ChoiceField(label="程序", choices=Procedure.choices, initial=Procedure.GENERAL)
    unit = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.none())
    matter = forms.ModelChoiceField(label="执法事项", queryset=Matter.objects.none(), required=False)
    party_type = forms.ChoiceField(label="当事人类型", choices=PartyType.choices)
    party_name = forms.CharField(label="当事人", max_length=100)
    id_number = forms.CharField(label="身份证号码(自然人)", required=False)
    credit_code = forms.CharField(label="统一社会信用代码(单位)", required=False)
    violation = forms.CharField(label="违法行为", max_length=300)
    place = forms.CharField(label="地点", required=False)
    occurred_date = forms.DateField(label="违法行为发生日", widget=DateInput)
    long_limitation = forms.BooleanField(label="涉及生命健康安全、金融安全且有危害后果(追责期限五年)", required=False)
    filed_date = forms.DateField(label="立案日期 / 当场决定日期", widget=DateInput, required=False)
    officers = forms.ModelMultipleChoiceField(label="执法人员(至少两名持证)", queryset=Officer.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    penalty_type = forms.ChoiceField(label="处罚种类(简易程序)", choices=[("", "—")] + PenaltyType.choices,
                                     required=False)
    fine_amount = forms.DecimalField(label="罚款金额(元,简易程序)", required=False, min_value=0)
    benchmark = forms.ModelChoiceField(label="适用裁量基准(简易程序)", queryset=Benchmark.objects.none(),
                                       required=False)
    circumstance = forms.ChoiceField(label="情节", choices=[("", "—")] + Circumstance.choices, required=False)
    outside_benchmark_reason = forms.CharField(label="超出裁量基准的理由", required=False, widget=forms.Textarea(
        attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
        self.fields["matter"].queryset = visible_to(user, Matter).filter(active=True).order_by("name")
        self.fields["officers"].queryset = visible_to(user, Officer).filter(active=True).select_related(
            "unit").order_by("unit__name", "name")
        self.fields["benchmark"].queryset = visible_to(user, Benchmark).order_by("violation")
        self.fields["filed_date"].initial = timezone.localdate()


class EvidenceForm(forms.Form):
    file = forms.FileField(label="文件")
    title = forms.CharField(label="说明", required=False, max_length=200)
    stage = forms.ChoiceField(label="环节", choices=CaseRecord.Stage.choices, initial=CaseRecord.Stage.INVESTIGATION)
    kind = forms.ChoiceField(label="形式", choices=CaseRecord.Kind.choices, initial=CaseRecord.Kind.DOCUMENT)


class OfficerForm(forms.Form):
    unit = forms.ModelChoiceField(label="所在执法单位", queryset=Unit.objects.none())
    name = forms.CharField(label="姓名", max_length=50)
    certificate_number = forms.CharField(label="执法证号", max_length=40)
    valid_from = forms.DateField(label="有效期起", widget=DateInput)
    valid_until = forms.DateField(label="有效期至", widget=DateInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")


class InspectionForm(forms.Form):
    unit = forms.ModelChoiceField(label="检查单位", queryset=Unit.objects.none())
    matter = forms.ModelChoiceField(label="执法事项", queryset=Matter.objects.none(), required=False)
    kind = forms.ChoiceField(label="类型", choices=Inspection.Kind.choices)
    subject_name = forms.CharField(label="检查对象", max_length=100)
    subject_is_person = forms.BooleanField(label="检查对象为自然人", required=False)
    place = forms.CharField(label="地点", required=False)
    planned_date = forms.DateField(label="计划日期", widget=DateInput)
    officers = forms.ModelMultipleChoiceField(label="执法人员", queryset=Officer.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")
        self.fields["matter"].queryset = visible_to(user, Matter).filter(active=True).order_by("name")
        self.fields["officers"].queryset = visible_to(user, Officer).filter(active=True).order_by("name")


class InspectionResultForm(forms.Form):
    date = forms.DateField(label="检查日期", widget=DateInput)
    findings = forms.CharField(label="检查情况", widget=forms.Textarea(attrs={"rows": 2}))
    result = forms.ChoiceField(label="检查结果", choices=[("no_issue", "未发现问题"), ("rectify", "责令整改"),
                                                      ("case", "立案查处")])
    violation = forms.CharField(label="违法行为(立案查处时)", required=False)
    party_type = forms.ChoiceField(label="当事人类型(立案查处时)", choices=PartyType.choices, required=False)
    party_name = forms.CharField(label="当事人(立案查处时)", required=False)
    occurred_date = forms.DateField(label="违法行为发生日(立案查处时)", widget=DateInput, required=False)


class MatterForm(forms.Form):
    name = forms.CharField(label="事项名称", max_length=200)
    category = forms.ChoiceField(label="类别", choices=Matter.Category.choices, initial=Matter.Category.PENALTY)
    legal_basis = forms.CharField(label="法律依据", widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.ModelChoiceField(label="实施单位", queryset=Unit.objects.none())
    power_list_ref = forms.CharField(label="权力清单编码", max_length=60, required=False)
    requires_legal_review = forms.BooleanField(label="列入重大执法决定法制审核目录", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")


class BenchmarkForm(forms.Form):
    matter = forms.ModelChoiceField(label="执法事项", queryset=Matter.objects.none())
    violation = forms.CharField(label="违法行为", max_length=200)
    circumstance = forms.ChoiceField(label="情节", choices=Circumstance.choices)
    penalty_type = forms.ChoiceField(label="处罚种类", choices=PenaltyType.choices, initial=PenaltyType.FINE)
    fine_min = forms.DecimalField(label="罚款下限(元)", required=False, min_value=0, max_digits=12,
                                  decimal_places=2)
    fine_max = forms.DecimalField(label="罚款上限(元)", required=False, min_value=0, max_digits=12,
                                  decimal_places=2)
    description = forms.CharField(label="裁量说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["matter"].queryset = visible_to(user, Matter).filter(active=True).order_by("name")
        if editing:
            # A benchmark stays with its matter: cases that applied it name both.
            del self.fields["matter"]
