from django import forms

from .models import Certificate, Commitment, PowerCategory


class DateWidget(forms.DateInput):
    input_type = "date"


class ImportForm(forms.Form):
    file = forms.FileField(label="权责清单Excel文件(.xlsx)")


class VerifyForm(forms.Form):
    result = forms.ChoiceField(label="核查结果", choices=[c for c in Commitment.Result.choices if c[0] != "pending"])
    date = forms.DateField(label="核查日期", required=False, widget=DateWidget)
    note = forms.CharField(label="核查情况", required=False, max_length=300)
    handling = forms.CharField(label="不实承诺的处理", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CommitmentForm(forms.Form):
    certificate = forms.ModelChoiceField(label="证明事项", queryset=Certificate.objects.none())
    applicant_name = forms.CharField(label="申请人", max_length=100)
    committed_on = forms.DateField(label="承诺日期", required=False, widget=DateWidget)

    def __init__(self, *args, certificates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if certificates is not None:
            self.fields["certificate"].queryset = certificates


class PowerChangeForm(forms.Form):
    name = forms.CharField(label="事项名称", max_length=200)
    category = forms.ChoiceField(label="权力类别", choices=PowerCategory.choices)
    unit = forms.CharField(label="实施主体", max_length=100)
    legal_basis = forms.CharField(label="设定依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    responsibilities = forms.CharField(label="责任事项", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    accountability = forms.CharField(label="追责情形", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    effective_on = forms.DateField(label="生效日期", required=False, widget=DateWidget)
    reason = forms.CharField(label="变更理由", max_length=300)


class RemoveForm(forms.Form):
    effective_on = forms.DateField(label="取消日期", required=False, widget=DateWidget)
    reason = forms.CharField(label="取消理由", max_length=300)
