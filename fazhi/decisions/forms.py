"""Forms of the major-decision pages: one per procedure step, each calling one service."""

from django import forms

from . import services
from .models import Category, Decision, Incident


class DateWidget(forms.DateInput):
    input_type = "date"


def _area(rows=2):
    return forms.Textarea(attrs={"rows": rows})


class ActionForm(forms.Form):
    date = forms.DateField(label="日期", required=False, widget=DateWidget, help_text="不填为今天")


class DecisionForm(forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    category = forms.ChoiceField(label="类别", choices=Category.choices)
    sponsor_unit = forms.CharField(label="承办单位", max_length=100, required=False)
    summary = forms.CharField(label="决策草案要点", required=False, widget=_area(3))
    started_on = forms.DateField(label="启动日期", required=False, widget=DateWidget)


class ConsultationForm(ActionForm):
    start = forms.DateField(label="征求意见开始", widget=DateWidget)
    end = forms.DateField(label="征求意见截止", widget=DateWidget)
    short_reason = forms.CharField(label="少于30日的理由", required=False, max_length=300)


class CloseConsultationForm(ActionForm):
    comments_received = forms.IntegerField(label="收到意见(条)", min_value=0, required=False)
    comments_adopted = forms.IntegerField(label="采纳意见(条)", min_value=0, required=False)
    reply = forms.CharField(label="采纳情况说明", required=False, widget=_area())


class StepForm(ActionForm):
    opinion = forms.CharField(label="意见/结论", required=False, widget=_area(3))
    not_required = forms.CharField(label="无需该程序的理由", required=False, max_length=300)


class RiskForm(StepForm):
    level = forms.CharField(label="风险等级", required=False, max_length=20)


class CounselForm(ActionForm):
    counsel = forms.CharField(label="法律顾问", required=False, max_length=100)
    opinion = forms.CharField(label="法律顾问意见", required=False, widget=_area(3))


class ReviewForm(ActionForm):
    result = forms.ChoiceField(label="审查结论", choices=Decision.Result.choices)
    opinion = forms.CharField(label="审查意见", required=False, widget=_area(3))


class DiscussionForm(ActionForm):
    result = forms.ChoiceField(label="讨论结果", choices=Decision.Result.choices)
    meeting = forms.CharField(label="会议", required=False, max_length=200)
    minutes = forms.CharField(label="会议纪要(含不同意见)", required=False, widget=_area(3))


class DecideForm(ActionForm):
    text = forms.CharField(label="决定内容", required=False, widget=_area(3))


class PublishForm(ActionForm):
    channel = forms.CharField(label="公布渠道", required=False, max_length=200)


class EvaluateForm(ActionForm):
    evaluation = forms.CharField(label="执行情况与后评估", required=False, widget=_area(3))


class IncidentForm(forms.Form):
    title = forms.CharField(label="事件", max_length=200)
    occurred_on = forms.DateField(label="发生日期", widget=DateWidget)
    cause = forms.ChoiceField(label="原因", choices=Incident.Cause.choices)
    major = forms.BooleanField(label="重大群体性事件", required=False)
    handling = forms.CharField(label="处置情况", required=False, widget=_area())


ACTIONS = {
    "open_consultation": (ConsultationForm, services.decision_open_consultation),
    "close_consultation": (CloseConsultationForm, services.decision_close_consultation),
    "expert_opinion": (StepForm, services.decision_expert_opinion),
    "risk_assessment": (RiskForm, services.decision_risk_assessment),
    "counsel_opinion": (CounselForm, services.decision_counsel_opinion),
    "submit_review": (ActionForm, services.decision_submit_review),
    "legality_review": (ReviewForm, services.decision_legality_review),
    "collective_discussion": (DiscussionForm, services.decision_collective_discussion),
    "decide": (DecideForm, services.decision_decide),
    "publish": (PublishForm, services.decision_publish),
    "archive": (ActionForm, services.decision_archive),
    "evaluate": (EvaluateForm, services.decision_evaluate),
}
