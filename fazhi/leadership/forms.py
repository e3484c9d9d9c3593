from django import forms

from .models import Duty, Meeting, ResponsiblePerson

DATE = forms.DateInput(attrs={"type": "date"})


class PersonForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    title = forms.ChoiceField(label="职务", choices=ResponsiblePerson.Title.choices)
    from_date = forms.DateField(label="任职日期", widget=DATE)
    to_date = forms.DateField(label="离任日期", widget=DATE, required=False)


class MeetingForm(forms.Form):
    date = forms.DateField(label="日期", widget=DATE)
    body = forms.ChoiceField(label="会议", choices=Meeting.Body.choices)
    topic = forms.CharField(label="议题", max_length=200)
    decision = forms.CharField(label="决定事项", widget=forms.Textarea(attrs={"rows": 2}))
    duties = forms.MultipleChoiceField(label="同时体现的职责", required=False, widget=forms.CheckboxSelectMultiple,
                                       choices=[c for c in Duty.choices if c[0] in ("oversee", "decisions", "supervision")])


class DebriefForm(forms.Form):
    person = forms.ModelChoiceField(label="第一责任人", queryset=ResponsiblePerson.objects.none())
    year = forms.IntegerField(label="述职年度", min_value=2000, max_value=2100)
    date = forms.DateField(label="述职日期", widget=DATE)
    includes_rule_of_law = forms.BooleanField(label="述职含履行法治建设第一责任人职责情况", required=False)
    summary = forms.CharField(label="述法要点", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, town=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = ResponsiblePerson.objects.filter(town=town)


class EvidenceForm(forms.Form):
    duty = forms.ChoiceField(label="职责", choices=Duty.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    date = forms.DateField(label="日期", widget=DATE)
    description = forms.CharField(label="履职情况", max_length=300)
    upload = forms.FileField(label="佐证材料(可选)", required=False)
