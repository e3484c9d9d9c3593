from django import forms

from fazhi.core.models import Grid, LinkageBody, Village

from .models import Category, PartyRole, RiskLevel, Source

PARTY_ROWS = 3


class DisputeForm(forms.Form):
    source = forms.ChoiceField(label="来源", choices=Source.choices)
    source_body = forms.ModelChoiceField(label="移交/委派单位", queryset=LinkageBody.objects.none(), required=False)
    category = forms.ChoiceField(label="纠纷类型", choices=Category.choices)
    received_date = forms.DateField(label="登记日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    village = forms.ModelChoiceField(label="村/社区", queryset=Village.objects.none(), required=False)
    grid = forms.ModelChoiceField(label="网格", queryset=Grid.objects.none(), required=False)
    title = forms.CharField(label="纠纷简述", max_length=100)
    description = forms.CharField(label="纠纷情况", widget=forms.Textarea(attrs={"rows": 3}))
    amount = forms.DecimalField(label="涉及金额(元)", min_value=0, required=False, initial=0)
    people_involved = forms.IntegerField(label="涉及人数", min_value=1, initial=2)
    risk_level = forms.ChoiceField(label="风险等级", choices=RiskLevel.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.core.tenancy import visible_to

        self.fields["village"].queryset = visible_to(user, Village).order_by("name")
        self.fields["grid"].queryset = visible_to(user, Grid).select_related("village").order_by("village", "name")
        self.fields["source_body"].queryset = visible_to(user, LinkageBody).order_by("kind", "name")
        if user.grid_id:
            self.fields["source"].initial = Source.GRID
            for name in ("village", "grid"):
                self.fields[name].widget = forms.HiddenInput()
        for i in range(1, PARTY_ROWS + 1):
            required = i <= 2
            self.fields[f"p{i}_name"] = forms.CharField(label=f"当事人{i} 姓名/名称", required=required, max_length=80)
            self.fields[f"p{i}_role"] = forms.ChoiceField(
                label="身份", choices=PartyRole.choices,
                initial=PartyRole.APPLICANT if i == 1 else PartyRole.RESPONDENT)
            self.fields[f"p{i}_id_number"] = forms.CharField(label="身份证号码", required=False, max_length=30)
            self.fields[f"p{i}_phone"] = forms.CharField(label="联系电话", required=False, max_length=30)

    def parties(self):
        out = []
        for i in range(1, PARTY_ROWS + 1):
            if self.cleaned_data.get(f"p{i}_name"):
                out.append({k: self.cleaned_data.get(f"p{i}_{k}") for k in ("name", "role", "id_number", "phone")})
        return out

    def party_rows(self):
        return [[self[f"p{i}_{k}"] for k in ("name", "role", "id_number", "phone")] for i in range(1, PARTY_ROWS + 1)]


class ImportForm(forms.Form):
    file = forms.FileField(label="矛盾纠纷排查台账(.xlsx)")
