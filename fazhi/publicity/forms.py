from django import forms
from django.utils import timezone

from fazhi.core.models import Unit
from fazhi.core.tenancy import visible_to

from .models import KeyDate


class ActivityForm(forms.Form):
    unit = forms.ModelChoiceField(label="开展单位", queryset=Unit.objects.none())
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}))
    theme = forms.CharField(label="主题", max_length=200)
    place = forms.CharField(label="地点", max_length=200)
    audience = forms.CharField(label="对象", max_length=200)
    participants = forms.IntegerField(label="参与人数", min_value=0, initial=0)
    materials = forms.IntegerField(label="发放资料(份)", min_value=0, initial=0)
    key_date = forms.ChoiceField(label="重要节点(留空则按日期判断)", required=False,
                                 choices=[("auto", "按日期自动判断"), *KeyDate.choices], initial="auto")
    photos = forms.FileField(label="照片", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")
        if user.unit_id:
            self.fields["unit"].initial = user.unit_id
        self.fields["date"].initial = timezone.localdate()


class ResponsibilityForm(forms.Form):
    unit = forms.ModelChoiceField(label="责任单位", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    laws = forms.CharField(label="普法重点法律法规", max_length=300)
    content = forms.CharField(label="普法内容与方式", widget=forms.Textarea(attrs={"rows": 2}))
    audience = forms.CharField(label="普法对象", max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = visible_to(user, Unit).filter(enforces_law=True).order_by("name")
        self.fields["year"].initial = timezone.localdate().year
