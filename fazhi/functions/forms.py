from django import forms

from .models import Certificate, Commitment, PowerCategory, PowerItem, ServiceItem


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

    def __init__(self, *args, word="取消", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effective_on"].label = f"{word}日期"
        self.fields["reason"].label = f"{word}理由"


class ServiceItemForm(forms.Form):
    name = forms.CharField(label="事项名称", max_length=200)
    unit = forms.CharField(label="实施主体", max_length=100)
    legal_basis = forms.CharField(label="设定依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    description = forms.CharField(label="服务内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    effective_on = forms.DateField(label="生效日期", required=False, widget=DateWidget,
                                   help_text="不填为今天;不能早于上次变更日期。")
    reason = forms.CharField(label="变更理由", max_length=300)

    def __init__(self, *args, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            # A new item gets its code; its reason may be left to the default (新增事项).
            self.fields = {"code": forms.CharField(label="事项编码", max_length=40), **self.fields}
            self.fields["reason"].required = False
            self.fields["reason"].label = "列入理由"
            self.fields["effective_on"].label = "列入日期"
            self.fields["effective_on"].help_text = "不填为今天。"


class GuideForm(ServiceItemForm):
    title = forms.CharField(label="事项名称", max_length=200)
    power_item = forms.ModelChoiceField(label="对应权力事项", required=False, queryset=PowerItem.objects.none())
    service_item = forms.ModelChoiceField(label="对应公共服务事项", required=False, queryset=ServiceItem.objects.none(),
                                          help_text="权力事项和公共服务事项至少选一项。")
    materials = forms.CharField(label="申请材料", widget=forms.Textarea(attrs={"rows": 4}))
    steps = forms.CharField(label="办理流程", widget=forms.Textarea(attrs={"rows": 3}))
    legal_limit = forms.CharField(label="法定时限", required=False, max_length=100)
    promised_limit = forms.CharField(label="承诺时限", required=False, max_length=100)
    fees = forms.CharField(label="收费标准", required=False, max_length=200)
    place = forms.CharField(label="办理地点", max_length=200)
    hours = forms.CharField(label="办理时间", required=False, max_length=200)
    contact = forms.CharField(label="咨询电话", required=False, max_length=100)
    legal_basis = forms.CharField(label="办理依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["code", "title", "power_item", "service_item", "materials", "steps", "legal_limit",
                   "promised_limit", "fees", "place", "hours", "contact", "legal_basis", "effective_on", "reason"]

    def __init__(self, *args, powers=None, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "unit", "description"):
            self.fields.pop(name)
        self.order_fields(self.field_order)
        if "code" in self.fields:
            self.fields["code"].label = "指南编号"
            self.fields["effective_on"].label = "发布日期"
            self.fields["reason"].label = "发布说明"
        if powers is not None:
            self.fields["power_item"].queryset = powers
        if services is not None:
            self.fields["service_item"].queryset = services

    def clean(self):
        data = super().clean()
        if not (data.get("power_item") or data.get("service_item")):
            self.add_error("power_item", "请选择对应的权力事项或公共服务事项。")
        return data


class CertificateForm(forms.Form):
    name = forms.CharField(label="证明事项", max_length=200)
    verification = forms.CharField(label="事后核查方式", max_length=300)
    verify_within_days = forms.IntegerField(label="核查时限(日)", min_value=1, max_value=365, initial=30)
    legal_basis = forms.CharField(label="设定依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    effective_on = forms.DateField(label="生效日期", required=False, widget=DateWidget, help_text="不填为今天。")
    reason = forms.CharField(label="理由", max_length=300)

    def __init__(self, *args, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            self.fields["reason"].required = False
