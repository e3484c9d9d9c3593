from django import forms

from fazhi.core.models import Unit

from .models import StudySession

DATE = forms.DateInput(attrs={"type": "date"})


class SessionForm(forms.Form):
    date = forms.DateField(label="日期", widget=DATE)
    form = forms.ChoiceField(label="形式", choices=StudySession.Form.choices)
    title = forms.CharField(label="主题", max_length=200)
    texts = forms.CharField(label="学习内容(以顿号分隔,如:宪法、民法典)", max_length=400)
    speaker = forms.CharField(label="主讲人", max_length=50, required=False)
    location = forms.CharField(label="地点", max_length=80, required=False)


class OfficialForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none(), required=False)
    position = forms.CharField(label="职务", max_length=50, required=False)
    joined_on = forms.DateField(label="到岗日期", widget=DATE, required=False)
    required = forms.BooleanField(label="须完成年度必修课程", required=False, initial=True)

    def __init__(self, *args, town=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(town=town).order_by("name")


class LeaveForm(forms.Form):
    left_on = forms.DateField(label="离岗日期", widget=DATE)


class PlanForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="名称", max_length=100)
    texts = forms.CharField(label="学习内容(以顿号分隔)", max_length=400)
    adopted_on = forms.DateField(label="印发日期", widget=DATE)


class CourseForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="课程名称", max_length=120)
    platform = forms.CharField(label="学习平台", max_length=80, initial="干部网络学院")
    required = forms.BooleanField(label="专题必修", required=False, initial=True)


class UploadForm(forms.Form):
    file = forms.FileField(label="Excel文件(.xlsx)")
