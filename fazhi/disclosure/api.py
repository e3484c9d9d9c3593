"""REST API: ``/api/v1/disclosure-requests/`` (list, read, register) and one POST per
transition, ``/api/v1/disclosure-requests/<id>/<action>/`` with a JSON body carrying ``date``.
Personal data leaves masked; a refused action answers 400/409 with a Chinese message."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from fazhi.core.api import ScopedModelViewSet, run_action

from . import permissions, services
from .models import (
    REASONS_BY_TYPE,
    ApplicantType,
    Channel,
    ConsultKind,
    ConsultOpinion,
    DeliveryMethod,
    DisclosureRequest,
    FormWanted,
    OrgKind,
    ReplyReason,
    ReplyType,
)
from .models import (
    ReplyType as RT,
)


class RequestOutSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    applicant_name = serializers.CharField(source="applicant_masked", read_only=True)
    id_number = serializers.CharField(source="id_number_masked", read_only=True)
    credit_code = serializers.CharField(source="credit_code_masked", read_only=True)
    phone = serializers.CharField(source="phone_masked", read_only=True)
    actions = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureRequest
        fields = ["id", "town", "query_code", "applicant_type", "org_kind", "applicant_name", "id_number",
                  "credit_code", "phone", "channel", "arrived_date", "received_date", "content", "form_wanted",
                  "delivery_wanted", "status", "due_date", "correction_requested_on", "correction_deadline",
                  "correction_received_on", "consult_kind", "consult_party", "consult_sent_on",
                  "consult_replied_on", "consult_opinion", "extension_workdays", "extension_reason",
                  "extension_approved_on", "reasons_asked_on", "delay_until", "fee_method", "fee_pages", "fee_amount", "fee_notified_on", "fee_paid_on",
                  "review_reason", "review_agreed", "reviewed_on", "reply_type",
                  "reply_reason", "replied_on", "replied_on_time", "delivered_on", "closed_on", "withdrawn_on",
                  "actions"]
        read_only_fields = fields

    def get_actions(self, obj) -> list[str]:
        request = self.context.get("request")
        if request is None:
            return []
        return [slug for _n, slug, _l in services.available_actions(obj, request.user)]


class RequestCreateSerializer(serializers.Serializer):
    applicant_type = serializers.ChoiceField(choices=ApplicantType.choices)
    org_kind = serializers.ChoiceField(choices=OrgKind.choices, required=False, allow_blank=True)
    applicant_name = serializers.CharField(max_length=100)
    id_number = serializers.CharField(max_length=30, required=False, allow_blank=True)
    credit_code = serializers.CharField(max_length=30, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    channel = serializers.ChoiceField(choices=Channel.choices)
    arrived_date = serializers.DateField(required=False, allow_null=True)
    received_date = serializers.DateField(required=False, allow_null=True)
    content = serializers.CharField()
    purpose = serializers.CharField(max_length=200, required=False, allow_blank=True)
    form_wanted = serializers.ChoiceField(choices=FormWanted.choices, required=False)
    delivery_wanted = serializers.ChoiceField(choices=DeliveryMethod.choices, required=False)


class DateIn(serializers.Serializer):
    date = serializers.DateField(required=False, allow_null=True, help_text=_("发生之日,默认今天"))


class CorrectionIn(DateIn):
    items = serializers.CharField()
    deadline = serializers.DateField()


class ReceiveCorrectionIn(DateIn):
    late_reason = serializers.CharField(required=False, allow_blank=True, default="")


class ConsultIn(DateIn):
    kind = serializers.ChoiceField(choices=ConsultKind.choices, default=ConsultKind.THIRD_PARTY)
    party = serializers.CharField(max_length=100)


class ConsultRepliedIn(DateIn):
    opinion = serializers.ChoiceField(choices=ConsultOpinion.choices)


class ExtendIn(DateIn):
    workdays = serializers.IntegerField()
    reason = serializers.CharField()


class ReviewIn(DateIn):
    reason = serializers.ChoiceField(choices=[(r.value, r.label) for r in REASONS_BY_TYPE[RT.WITHHELD]])
    agreed = serializers.BooleanField()
    opinion = serializers.CharField()


class DelayIn(DateIn):
    until = serializers.DateField()
    reason = serializers.CharField()


class FeeNoticeIn(DateIn):
    method = serializers.ChoiceField(choices=[("item", "按件计收"), ("page", "按量计收")], default="item")
    pages = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ReplyIn(DateIn):
    reply_type = serializers.ChoiceField(choices=ReplyType.choices)
    reason = serializers.ChoiceField(choices=ReplyReason.choices, required=False, allow_blank=True, default="")
    explanation = serializers.CharField(required=False, allow_blank=True, default="")
    released_text = serializers.CharField(required=False, allow_blank=True, default="")
    responsible_agency = serializers.CharField(required=False, allow_blank=True, default="")


class DeliverIn(DateIn):
    method = serializers.ChoiceField(choices=DeliveryMethod.choices, default=DeliveryMethod.POST)


class WithdrawIn(DateIn):
    note = serializers.CharField(required=False, allow_blank=True, default="")


def _act(name, input_serializer):
    slug = services.ACTION_SLUGS[name]

    def view(self, request, pk=None):
        return run_action(self, request, input_serializer,
                          lambda obj, data: services.SERVICES[name](actor=request.user, request=obj, **data))

    # The router maps POST to the method by its name: name it as the class attribute first.
    view.__name__ = view.__qualname__ = name
    view = action(detail=True, methods=["post"], url_path=slug, url_name=slug)(view)
    return extend_schema(request=input_serializer, responses=RequestOutSerializer,
                         description=str(services.TRANSITIONS[name].label))(view)


class DisclosureRequestViewSet(ScopedModelViewSet):
    base_queryset = DisclosureRequest.objects.select_related("town").order_by("-arrived_date", "-id")
    serializer_class = RequestOutSerializer
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["status", "channel", "applicant_type", "reply_type"]

    @extend_schema(request=RequestCreateSerializer, responses={201: RequestOutSerializer})
    def create(self, request, *args, **kwargs):
        if not permissions.can_register_request(request.user):
            raise PermissionDenied("您的角色不能登记政府信息公开申请。")
        data = RequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        req = services.request_register(actor=request.user, town=request.user.town, data=data.validated_data)
        return Response(RequestOutSerializer(req, context=self.get_serializer_context()).data, status=201)

    confirm_receipt = _act("confirm_receipt", DateIn)
    confirm_clear = _act("confirm_clear", DateIn)
    request_correction = _act("request_correction", CorrectionIn)
    receive_correction = _act("receive_correction", ReceiveCorrectionIn)
    abandon = _act("abandon", DateIn)
    consult = _act("consult", ConsultIn)
    consult_replied = _act("consult_replied", ConsultRepliedIn)
    extend = _act("extend", ExtendIn)
    review_refusal = _act("review_refusal", ReviewIn)
    ask_reasons = _act("ask_reasons", DateIn)
    set_delay = _act("set_delay", DelayIn)
    fee_notice = _act("fee_notice", FeeNoticeIn)
    fee_paid = _act("fee_paid", DateIn)
    reply = _act("reply", ReplyIn)
    deliver = _act("deliver", DeliverIn)
    close = _act("close", DateIn)
    withdraw = _act("withdraw", WithdrawIn)
