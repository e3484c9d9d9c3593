from django import forms
from django.utils.translation import gettext_lazy as _


class ReportCreateForm(forms.Form):
    year = forms.IntegerField(label=_("报告年度"), min_value=2000, max_value=2100)


class ParagraphForm(forms.Form):
    text = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)


class ParagraphAddForm(forms.Form):
    SECTIONS = [(1, "一、主要举措和成效"), (2, "二、第一责任人履职情况"), (3, "三、存在的不足和原因"),
                (4, "四、下一年度主要安排"), (5, "五、其他需要报告的情况")]
    section = forms.TypedChoiceField(label=_("所属部分"), choices=SECTIONS, coerce=int)
    text = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class ActionForm(forms.Form):
    on = forms.DateField(label=_("日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class CheckForm(forms.Form):
    file = forms.FileField(label=_("报告稿（.docx 或 .txt）"))
    year = forms.IntegerField(label=_("报告年度（可选，填写后核对本镇数据）"), required=False, min_value=2000,
                              max_value=2100)

    def clean_file(self):
        f = self.cleaned_data["file"]
        name = f.name.lower()
        if not name.endswith((".docx", ".txt")):
            raise forms.ValidationError("请上传 .docx 或 .txt 文件。")
        if f.size > 5 * 1024 * 1024:
            raise forms.ValidationError("文件不能超过5MB。")
        return f
