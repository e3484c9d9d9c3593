"""Forms of the normative-document pages: one per workflow action, each calling one service."""

from django import forms

from . import services
from .models import CleanupDecision, NormativeDocument, Review


class DateWidget(forms.DateInput):
    input_type = "date"


class ActionForm(forms.Form):
    date = forms.DateField(label="日期", required=False, widget=DateWidget, help_text="不填为今天")


class DocumentForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    drafting_unit = forms.CharField(label="起草单位", max_length=100)
    trial = forms.BooleanField(label="暂行/试行", required=False)
    summary = forms.CharField(label="主要内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    drafted_on = forms.DateField(label="起草日期", required=False, widget=DateWidget)


class ReviewForm(ActionForm):
    result = forms.ChoiceField(label="审核结论", choices=Review.Result.choices)
    authority = forms.CharField(label="制定主体与权限", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    procedure = forms.CharField(label="制定程序", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    content = forms.CharField(label="内容合法性", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    opinion = forms.CharField(label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DeliberateForm(ActionForm):
    meeting = forms.CharField(label="审议会议", required=False, max_length=200)


class PublishForm(ActionForm):
    doc_number = forms.CharField(label="文号", required=False, max_length=60)


class FileForm(ActionForm):
    late_reason = forms.CharField(label="逾期报备理由(逾期时填写)", required=False, max_length=300)


class FilingResultForm(ActionForm):
    result = forms.ChoiceField(label="备案审查结果", choices=NormativeDocument.FilingResult.choices)
    opinion = forms.CharField(label="备案审查意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CleanUpForm(ActionForm):
    decision = forms.ChoiceField(label="清理结论", choices=CleanupDecision.Decision.choices)
    reason = forms.CharField(label="理由", required=False, max_length=300)


class RepealForm(ActionForm):
    reason = forms.CharField(label="废止理由", required=False, max_length=300)


# action → (form, service)
ACTIONS = {
    "submit_review": (ActionForm, services.document_submit_review),
    "review": (ReviewForm, services.document_review),
    "deliberate": (DeliberateForm, services.document_deliberate),
    "publish": (PublishForm, services.document_publish),
    "file": (FileForm, services.document_file),
    "filing_result": (FilingResultForm, services.document_filing_result),
    "correct": (ActionForm, services.document_correct),
    "clean_up": (CleanUpForm, services.document_clean_up),
    "repeal": (RepealForm, services.document_repeal),
}


class SettingsForm(forms.Form):
    filing_days = forms.IntegerField(label="报备期限(公布之日起,自然日)", min_value=1, max_value=365)
    validity_years = forms.IntegerField(label="有效期(年)", min_value=1, max_value=10)
    trial_validity_years = forms.IntegerField(label="暂行/试行文件有效期(年)", min_value=1, max_value=5)
    expiry_notice_months = forms.IntegerField(label="届满前评估提醒(月)", min_value=0, max_value=24)
