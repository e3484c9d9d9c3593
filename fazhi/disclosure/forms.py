"""Forms of the staff pages and the portal. They only parse input; services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    REASONS_BY_TYPE,
    ApplicantType,
    Channel,
    ConsultKind,
    ConsultOpinion,
    DeliveryMethod,
    FormWanted,
    OrgKind,
    ProactiveCategory,
    ReplyReason,
    ReplyType,
)

DATE = forms.DateInput(attrs={"type": "date"})


class ApplicantForm(forms.Form):
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    org_kind = forms.ChoiceField(label=_("组织类别(法人或其他组织填写)"), choices=[("", "—"), *OrgKind.choices],
                                 required=False)
    applicant_name = forms.CharField(label=_("姓名/名称"), max_length=100)
    id_number = forms.CharField(label=_("身份证号码(自然人)"), max_length=30, required=False)
    credit_code = forms.CharField(label=_("统一社会信用代码(法人或其他组织)"), max_length=30, required=False)
    legal_representative = forms.CharField(label=_("法定代表人/负责人"), max_length=50, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30)
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    content = forms.CharField(label=_("所需政府信息的名称、文号或者特征性描述"), widget=forms.Textarea(attrs={"rows": 4}))
    purpose = forms.CharField(label=_("用途说明(选填)"), max_length=200, required=False)
    form_wanted = forms.ChoiceField(label=_("获取信息的方式"), choices=FormWanted.choices)
    delivery_wanted = forms.ChoiceField(label=_("获取信息的途径"), choices=DeliveryMethod.choices)


class RegisterForm(ApplicantForm):
    channel = forms.ChoiceField(label=_("提交方式"), choices=Channel.choices)
    arrived_date = forms.DateField(label=_("申请到达日期"), widget=DATE)
    received_date = forms.DateField(label=_("收到申请之日(签收或双方确认之日;尚未确认的留空)"), widget=DATE,
                                    required=False)


class PortalRequestForm(ApplicantForm):
    pass


class TrackerForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=12)


# --- one form per action ------------------------------------------------------------------------


class DateForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=DATE, required=False, help_text=_("留空为今天"))


class CorrectionForm(DateForm):
    items = forms.CharField(label=_("补正事项"), widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label=_("补正期限"), widget=DATE)


class ReceiveCorrectionForm(DateForm):
    late_reason = forms.CharField(label=_("逾期补正的正当理由(如有)"), max_length=200, required=False)


class ConsultForm(DateForm):
    kind = forms.ChoiceField(label=_("征求意见对象类别"), choices=ConsultKind.choices)
    party = forms.CharField(label=_("征求意见对象"), max_length=100)


class ConsultRepliedForm(DateForm):
    opinion = forms.ChoiceField(label=_("意见"), choices=ConsultOpinion.choices)


class ExtendForm(DateForm):
    workdays = forms.IntegerField(label=_("延长工作日数(最多20)"), min_value=1, max_value=20)
    reason = forms.CharField(label=_("延长理由"), max_length=200)


WITHHELD_REASONS = [(r.value, r.label) for r in REASONS_BY_TYPE[ReplyType.WITHHELD]]


class ReviewForm(DateForm):
    reason = forms.ChoiceField(label=_("拟不予公开理由"), choices=WITHHELD_REASONS)
    agreed = forms.TypedChoiceField(label=_("审核结论"), choices=[("1", "同意"), ("0", "不同意")],
                                    coerce=lambda v: v == "1")
    opinion = forms.CharField(label=_("审核意见"), widget=forms.Textarea(attrs={"rows": 2}))


class DelayForm(DateForm):
    until = forms.DateField(label=_("延迟答复期限"), widget=DATE)
    reason = forms.CharField(label=_("无法在法定期限内答复的理由"), max_length=200)


class FeeNoticeForm(DateForm):
    method = forms.ChoiceField(label=_("计收方式"), choices=[("item", "按件计收"), ("page", "按量计收")])
    pages = forms.IntegerField(label=_("页数(按量计收)"), min_value=1, required=False)


class ReplyForm(DateForm):
    reply_type = forms.ChoiceField(label=_("答复类型"), choices=ReplyType.choices)
    reason = forms.ChoiceField(label=_("具体理由(予以公开、部分公开不选)"),
                               choices=[("", "—"), *ReplyReason.choices], required=False)
    explanation = forms.CharField(label=_("答复说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    released_text = forms.CharField(label=_("提供的信息(将自动遮蔽他人个人信息)"),
                                    widget=forms.Textarea(attrs={"rows": 3}), required=False)
    responsible_agency = forms.CharField(label=_("负责公开的机关(不属于本机关时)"), max_length=100, required=False)


class DeliverForm(DateForm):
    method = forms.ChoiceField(label=_("送达方式"), choices=DeliveryMethod.choices)


class WithdrawForm(DateForm):
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


ACTION_FORMS = {
    "confirm_receipt": DateForm,
    "confirm_clear": DateForm,
    "request_correction": CorrectionForm,
    "receive_correction": ReceiveCorrectionForm,
    "abandon": DateForm,
    "consult": ConsultForm,
    "consult_replied": ConsultRepliedForm,
    "extend": ExtendForm,
    "review_refusal": ReviewForm,
    "ask_reasons": DateForm,
    "set_delay": DelayForm,
    "fee_notice": FeeNoticeForm,
    "fee_paid": DateForm,
    "reply": ReplyForm,
    "deliver": DeliverForm,
    "close": DateForm,
    "withdraw": WithdrawForm,
}


class ItemForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    category = forms.ChoiceField(label=_("类别"), choices=ProactiveCategory.choices)
    document_number = forms.CharField(label=_("文号"), max_length=80, required=False)
    formed_date = forms.DateField(label=_("信息形成(变更)日期"), widget=DATE)
    content = forms.CharField(label=_("公开内容"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
