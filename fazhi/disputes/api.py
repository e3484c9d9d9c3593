"""REST API: /api/v1/disputes/ with the transitions as POST /api/v1/disputes/<id>/<action>/."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import run_action
from fazhi.core.errors import DomainError
from fazhi.core.models import Grid, LinkageBody, User, Village
from fazhi.core.tenancy import visible_to

from . import services
from .models import AgreementForm, Category, Dispute, GuidedTo, Level, PartyRole, ReturnVisit, RiskLevel, Source, Status
from .permissions import can_see_personal_data


class DisputePartyInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=80)
    id_number = serializers.CharField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=PartyRole.choices)


class DisputePartyOutSerializer(serializers.Serializer):
    name = serializers.CharField()
    id_number = serializers.CharField()
    phone = serializers.CharField()
    role = serializers.ChoiceField(choices=PartyRole.choices)


def _party_out(party, clear: bool) -> dict:
    if clear:
        return {"name": party.name, "id_number": party.id_number or "", "phone": party.phone or "", "role": party.role}
    return {"name": party.masked_name, "id_number": party.masked_id_number, "phone": party.masked_phone,
            "role": party.role}


class DisputeSerializer(serializers.ModelSerializer):
    """A dispute. In lists ID numbers, phones and names are masked; inside the case they are clear
    for its mediators, clerks and leaders."""

    source = serializers.ChoiceField(choices=Source.choices)
    category = serializers.ChoiceField(choices=Category.choices)
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    level = serializers.ChoiceField(choices=Level.choices, read_only=True)
    parties = serializers.SerializerMethodField()
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Dispute
        fields = ["id", "code", "town", "source", "source_body", "category", "received_date", "village", "grid",
                  "title", "description", "parties", "amount", "people_involved", "risk_level", "status",
                  "accepted_date", "level", "mediator_label", "linkage_body", "assigned_date", "outcome",
                  "concluded_date", "concluded_level", "agreement_form", "guided_to", "confirmation_applied_date",
                  "handed_to", "handed_date", "closed_date", "actions"]
        read_only_fields = fields

    @extend_schema(responses=DisputePartyOutSerializer(many=True))
    def get_parties(self, obj) -> list[dict]:
        clear = self.context.get("clear") and can_see_personal_data(self.context["request"].user, obj)
        return [_party_out(p, bool(clear)) for p in obj.parties.all()]

    def get_actions(self, obj) -> list[str]:
        return [name for name, _label in services.TRANSITIONS.available(obj, self.context["request"].user)]


class DisputeCreateSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=Source.choices)
    source_body = serializers.PrimaryKeyRelatedField(queryset=LinkageBody.objects.all(), required=False, allow_null=True)
    category = serializers.ChoiceField(choices=Category.choices)
    received_date = serializers.DateField(required=False)
    village = serializers.PrimaryKeyRelatedField(queryset=Village.objects.all(), required=False, allow_null=True)
    grid = serializers.PrimaryKeyRelatedField(queryset=Grid.objects.all(), required=False, allow_null=True)
    title = serializers.CharField(max_length=100)
    description = serializers.CharField()
    parties = DisputePartyInSerializer(many=True)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, default=0)
    people_involved = serializers.IntegerField(min_value=1, required=False, default=2)
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices, required=False, default=RiskLevel.LOW)

    def validate(self, attrs):
        user = self.context["request"].user
        for key, model in (("village", Village), ("grid", Grid), ("source_body", LinkageBody)):
            if attrs.get(key) is not None and not visible_to(user, model).filter(pk=attrs[key].pk).exists():
                raise serializers.ValidationError({key: "不存在。"})
        return attrs


class DisputeDateInput(serializers.Serializer):
    date = serializers.DateField(required=False, help_text="办理日期,默认今天")


class DisputeCloseInput(DisputeDateInput):
    confirmation_waived = serializers.BooleanField(required=False, default=False,
                                                   help_text="双方表示不申请司法确认(期限届满前结案时)")


class DisputeReasonInput(DisputeDateInput):
    reason = serializers.CharField(allow_blank=True)


class DisputeAssignInput(DisputeDateInput):
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    mediator = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), required=False, allow_null=True)
    linkage_body = serializers.PrimaryKeyRelatedField(queryset=LinkageBody.objects.all(), required=False,
                                                      allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DisputeEscalateInput(DisputeAssignInput):
    reason = serializers.CharField(allow_blank=True)


class DisputeSessionInput(DisputeDateInput):
    record = serializers.CharField()
    place = serializers.CharField(required=False, allow_blank=True, default="")


class DisputeSettleInput(DisputeDateInput):
    facts = serializers.CharField()
    terms = serializers.CharField()
    performance = serializers.CharField(required=False, allow_blank=True, default="")
    form = serializers.ChoiceField(choices=AgreementForm.choices, required=False, default=AgreementForm.WRITTEN)
    agreement_amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, default=0)


class DisputeFailInput(DisputeDateInput):
    guided_to = serializers.ChoiceField(choices=GuidedTo.choices)
    reason = serializers.CharField()


class DisputeHandOverInput(DisputeDateInput):
    body = serializers.PrimaryKeyRelatedField(queryset=LinkageBody.objects.all())
    reason = serializers.CharField()


class DisputeReturnVisitInput(DisputeDateInput):
    method = serializers.ChoiceField(choices=ReturnVisit.Method.choices, required=False,
                                     default=ReturnVisit.Method.PHONE)
    performed = serializers.BooleanField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")


def _scoped_body(user, body):
    if body is not None and not visible_to(user, LinkageBody).filter(pk=body.pk).exists():
        raise DomainError("联动单位不存在。", field="linkage_body")
    return body


class DisputeViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = DisputeSerializer
    filterset_fields = ["status", "source", "category", "risk_level", "village", "grid", "level"]

    def get_queryset(self):
        from .selectors import dispute_list

        return dispute_list(self.request.user).prefetch_related("parties")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "clear": self.action not in ("list",)}

    @extend_schema(request=DisputeCreateSerializer, responses={201: DisputeSerializer})
    def create(self, request, *args, **kwargs):
        data = DisputeCreateSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if not request.user.town_id:
            raise DomainError("只有镇街及以下的工作人员可以登记纠纷。", code="forbidden_place")
        dispute = services.dispute_create(
            actor=request.user, town=request.user.town, source=v["source"], category=v["category"],
            received_date=v.get("received_date") or timezone.localdate(), title=v["title"],
            description=v["description"], parties=v["parties"], village=v.get("village"), grid=v.get("grid"),
            amount=v["amount"], people_involved=v["people_involved"], risk_level=v["risk_level"],
            source_body=v.get("source_body"),
        )
        out = DisputeSerializer(self.get_queryset().get(pk=dispute.pk), context=self.get_serializer_context())
        return Response(out.data, status=status.HTTP_201_CREATED)

    def _run(self, request, serializer, call):
        return run_action(self, request, serializer, lambda obj, v: call(obj, v, request.user))

    @extend_schema(request=DisputeDateInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._run(request, DisputeDateInput, lambda d, v, u: services.dispute_accept(actor=u, dispute=d, date=v.get("date")))

    @extend_schema(request=DisputeReasonInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._run(request, DisputeReasonInput, lambda d, v, u: services.dispute_decline(
            actor=u, dispute=d, reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeAssignInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self._run(request, DisputeAssignInput, lambda d, v, u: services.dispute_assign(
            actor=u, dispute=d, level=v.get("level"), mediator=v.get("mediator"),
            linkage_body=_scoped_body(u, v.get("linkage_body")), reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeEscalateInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        return self._run(request, DisputeEscalateInput, lambda d, v, u: services.dispute_escalate(
            actor=u, dispute=d, mediator=v.get("mediator"), linkage_body=_scoped_body(u, v.get("linkage_body")),
            reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeSessionInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"], url_path="record-session")
    def record_session(self, request, pk=None):
        def call(d, v, u):
            services.dispute_record_session(actor=u, dispute=d, record=v["record"], place=v["place"],
                                            date=v.get("date"))
            return self.get_queryset().get(pk=d.pk)
        return self._run(request, DisputeSessionInput, call)

    @extend_schema(request=DisputeReasonInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        return self._run(request, DisputeReasonInput, lambda d, v, u: services.dispute_extend(
            actor=u, dispute=d, reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeSettleInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def settle(self, request, pk=None):
        return self._run(request, DisputeSettleInput, lambda d, v, u: services.dispute_settle(
            actor=u, dispute=d, facts=v["facts"], terms=v["terms"], performance=v["performance"], form=v["form"],
            agreement_amount=v["agreement_amount"], date=v.get("date")))

    @extend_schema(request=DisputeFailInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def fail(self, request, pk=None):
        return self._run(request, DisputeFailInput, lambda d, v, u: services.dispute_fail(
            actor=u, dispute=d, guided_to=v["guided_to"], reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeHandOverInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"], url_path="hand-over")
    def hand_over(self, request, pk=None):
        return self._run(request, DisputeHandOverInput, lambda d, v, u: services.dispute_hand_over(
            actor=u, dispute=d, body=_scoped_body(u, v["body"]), reason=v["reason"], date=v.get("date")))

    @extend_schema(request=DisputeDateInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"], url_path="apply-confirmation")
    def apply_confirmation(self, request, pk=None):
        return self._run(request, DisputeDateInput, lambda d, v, u: services.dispute_apply_confirmation(
            actor=u, dispute=d, date=v.get("date")))

    @extend_schema(request=DisputeReturnVisitInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"], url_path="return-visit")
    def return_visit(self, request, pk=None):
        def call(d, v, u):
            services.dispute_return_visit(actor=u, dispute=d, method=v["method"], performed=v["performed"],
                                          note=v["note"], date=v.get("date"))
            return self.get_queryset().get(pk=d.pk)
        return self._run(request, DisputeReturnVisitInput, call)

    @extend_schema(request=DisputeCloseInput, responses=DisputeSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._run(request, DisputeCloseInput, lambda d, v, u: services.dispute_close(
            actor=u, dispute=d, date=v.get("date"), confirmation_waived=v["confirmation_waived"]))
