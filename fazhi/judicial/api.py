"""REST API of the judicial module. Rows come from the scoper; creating and every workflow
action go through the services (``POST /api/v1/<resource>/<id>/<action>/``)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import ScopedModelViewSet, run_action
from fazhi.core.errors import DomainError
from fazhi.core.models import Unit
from fazhi.core.personal import mask_name

from . import services
from .models import InterferenceRecord, LitigationCase, Outcome, ReconsiderationCase, ZeroReport


def _town_of(request):
    town = getattr(request.user, "town", None)
    if town is None:
        raise DomainError("只有镇街工作人员可以登记。", code="forbidden_role")
    return town


class _CreateViaService:
    """``POST`` on the collection: validate the input serializer, call the create service,
    answer with the output serializer."""

    http_method_names = ["get", "post", "head", "options"]
    input_serializer_class = None

    def get_serializer_class(self):
        if self.action == "create":
            return self.input_serializer_class
        return self.serializer_class

    def create(self, request, *args, **kwargs):
        data = self.input_serializer_class(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        obj = self.perform_service_create(request, data.validated_data)
        return Response(self.serializer_class(obj, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)


# --- interference -------------------------------------------------------------------------

class InterferenceRecordSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = InterferenceRecord
        fields = ["id", "town", "unit", "unit_name", "occurred_on", "official_name", "official_position",
                  "case_reference", "conduct", "handling", "handling_detail", "handled_on", "recorded_by_label"]
        read_only_fields = fields


class InterferenceRecordInput(serializers.Serializer):
    unit = serializers.IntegerField()
    occurred_on = serializers.DateField()
    official_name = serializers.CharField(max_length=50)
    official_position = serializers.CharField(max_length=80, required=False, allow_blank=True)
    case_reference = serializers.CharField(max_length=200)
    conduct = serializers.CharField()
    handling = serializers.ChoiceField(choices=InterferenceRecord.Handling.choices)
    handling_detail = serializers.CharField(required=False, allow_blank=True)
    handled_on = serializers.DateField(required=False, allow_null=True)


class InterferenceRecordViewSet(_CreateViaService, ScopedModelViewSet):
    base_queryset = InterferenceRecord.objects.select_related("town", "unit")
    serializer_class = InterferenceRecordSerializer
    input_serializer_class = InterferenceRecordInput
    filterset_fields = ["unit", "handling"]

    def perform_service_create(self, request, data):
        town = _town_of(request)
        unit = Unit.objects.filter(town=town, pk=data.pop("unit")).first()
        return services.interference_record(actor=request.user, town=town, unit=unit, **data)


class ZeroReportSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ZeroReport
        fields = ["id", "town", "unit", "unit_name", "year", "quarter", "confirmed_on", "confirmed_by_label", "note"]
        read_only_fields = fields


class ZeroReportInput(serializers.Serializer):
    unit = serializers.IntegerField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    quarter = serializers.IntegerField(min_value=1, max_value=4)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class ZeroReportViewSet(_CreateViaService, ScopedModelViewSet):
    base_queryset = ZeroReport.objects.select_related("town", "unit")
    serializer_class = ZeroReportSerializer
    input_serializer_class = ZeroReportInput
    filterset_fields = ["unit", "year", "quarter"]

    def perform_service_create(self, request, data):
        town = _town_of(request)
        unit = Unit.objects.filter(town=town, pk=data.pop("unit")).first()
        return services.zero_report_confirm(actor=request.user, town=town, unit=unit, **data)


class _MaskedPartyInLists:
    """A citizen's name stays inside its own case: lists show it masked (张某某 → 张**)."""

    party_field = ""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        view = self.context.get("view")
        if (getattr(view, "action", None) == "list" and data.get(self.party_field)
                and not instance.party_is_organisation):
            data[self.party_field] = mask_name(data[self.party_field])
        return data


# --- litigation ---------------------------------------------------------------------------

class LitigationCaseSerializer(_MaskedPartyInLists, serializers.ModelSerializer):
    party_field = "plaintiff"
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    head_appeared = serializers.BooleanField(read_only=True)

    class Meta:
        model = LitigationCase
        fields = ["id", "town", "court", "case_number", "plaintiff", "party_is_organisation", "cause", "stage",
                  "concerns_disclosure",
                  "after_reconsideration", "served_date", "answer_due", "status", "answered_on", "hearing_date",
                  "appearance", "appearer_name", "appearer_position", "absence_reason", "absence_detail",
                  "head_appeared", "closed_on", "outcome", "lost", "result_detail"]
        read_only_fields = fields


class LitigationCaseInput(serializers.Serializer):
    court = serializers.CharField(max_length=80)
    case_number = serializers.CharField(max_length=60)
    plaintiff = serializers.CharField(max_length=100)
    party_is_organisation = serializers.BooleanField(default=False)
    cause = serializers.CharField(max_length=200)
    stage = serializers.ChoiceField(choices=LitigationCase.Stage.choices, default=LitigationCase.Stage.FIRST)
    served_date = serializers.DateField()
    concerns_disclosure = serializers.BooleanField(default=False)
    after_reconsideration = serializers.BooleanField(default=False)


class DateInput(serializers.Serializer):
    on = serializers.DateField(required=False, allow_null=True)


class HearInput(serializers.Serializer):
    hearing_date = serializers.DateField()
    appearance = serializers.ChoiceField(choices=LitigationCase.Appearance.choices)
    appearer_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    appearer_position = serializers.CharField(max_length=80, required=False, allow_blank=True)
    absence_reason = serializers.ChoiceField(choices=LitigationCase.AbsenceReason.choices, required=False,
                                             allow_blank=True)
    absence_detail = serializers.CharField(max_length=200, required=False, allow_blank=True)


class CloseInput(serializers.Serializer):
    closed_on = serializers.DateField()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    lost = serializers.BooleanField(default=False)
    result_detail = serializers.CharField(max_length=200, required=False, allow_blank=True)


class LitigationCorrectInput(serializers.Serializer):
    """Only the fields sent are corrected; ``reason`` is required."""

    court = serializers.CharField(max_length=80, required=False)
    case_number = serializers.CharField(max_length=60, required=False)
    plaintiff = serializers.CharField(max_length=100, required=False)
    party_is_organisation = serializers.BooleanField(required=False)
    cause = serializers.CharField(max_length=200, required=False)
    served_date = serializers.DateField(required=False)
    reason = serializers.CharField(max_length=200)


class LitigationCaseViewSet(_CreateViaService, ScopedModelViewSet):
    base_queryset = LitigationCase.objects.select_related("town")
    serializer_class = LitigationCaseSerializer
    input_serializer_class = LitigationCaseInput
    filterset_fields = ["status", "stage", "concerns_disclosure"]

    def perform_service_create(self, request, data):
        return services.litigation_create(actor=request.user, town=_town_of(request), **data)

    @extend_schema(request=DateInput, responses=LitigationCaseSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        return run_action(self, request, DateInput, lambda case, d: services.litigation_answer(
            actor=request.user, case=case, on=d.get("on")), output_serializer_class=LitigationCaseSerializer)

    @extend_schema(request=HearInput, responses=LitigationCaseSerializer)
    @action(detail=True, methods=["post"])
    def hear(self, request, pk=None):
        return run_action(self, request, HearInput, lambda case, d: services.litigation_hear(
            actor=request.user, case=case, **d), output_serializer_class=LitigationCaseSerializer)

    @extend_schema(request=CloseInput, responses=LitigationCaseSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return run_action(self, request, CloseInput, lambda case, d: services.litigation_close(
            actor=request.user, case=case, **d), output_serializer_class=LitigationCaseSerializer)

    @extend_schema(request=LitigationCorrectInput, responses=LitigationCaseSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        return run_action(self, request, LitigationCorrectInput, lambda case, d: services.litigation_correct(
            actor=request.user, case=case, **d), output_serializer_class=LitigationCaseSerializer)


# --- reconsideration ------------------------------------------------------------------------

class ReconsiderationCaseSerializer(_MaskedPartyInLists, serializers.ModelSerializer):
    party_field = "applicant"
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ReconsiderationCase
        fields = ["id", "town", "authority", "case_number", "applicant", "party_is_organisation", "act_challenged",
                  "procedure",
                  "concerns_disclosure", "served_date", "reply_due", "status", "replied_on", "decided_on",
                  "outcome", "decision_detail"]
        read_only_fields = fields


class ReconsiderationCaseInput(serializers.Serializer):
    authority = serializers.CharField(max_length=80)
    case_number = serializers.CharField(max_length=60)
    applicant = serializers.CharField(max_length=100)
    party_is_organisation = serializers.BooleanField(default=False)
    act_challenged = serializers.CharField(max_length=200)
    procedure = serializers.ChoiceField(choices=ReconsiderationCase.Procedure.choices,
                                        default=ReconsiderationCase.Procedure.NORMAL)
    served_date = serializers.DateField()
    concerns_disclosure = serializers.BooleanField(default=False)


class DecideInput(serializers.Serializer):
    decided_on = serializers.DateField()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    decision_detail = serializers.CharField(max_length=200, required=False, allow_blank=True)


class ReconsiderationCorrectInput(serializers.Serializer):
    authority = serializers.CharField(max_length=80, required=False)
    case_number = serializers.CharField(max_length=60, required=False)
    applicant = serializers.CharField(max_length=100, required=False)
    party_is_organisation = serializers.BooleanField(required=False)
    act_challenged = serializers.CharField(max_length=200, required=False)
    served_date = serializers.DateField(required=False)
    reason = serializers.CharField(max_length=200)


class ReconsiderationCaseViewSet(_CreateViaService, ScopedModelViewSet):
    base_queryset = ReconsiderationCase.objects.select_related("town")
    serializer_class = ReconsiderationCaseSerializer
    input_serializer_class = ReconsiderationCaseInput
    filterset_fields = ["status", "procedure", "concerns_disclosure"]

    def perform_service_create(self, request, data):
        return services.reconsideration_create(actor=request.user, town=_town_of(request), **data)

    @extend_schema(request=DateInput, responses=ReconsiderationCaseSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return run_action(self, request, DateInput, lambda case, d: services.reconsideration_reply(
            actor=request.user, case=case, on=d.get("on")), output_serializer_class=ReconsiderationCaseSerializer)

    @extend_schema(request=DecideInput, responses=ReconsiderationCaseSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        return run_action(self, request, DecideInput, lambda case, d: services.reconsideration_decide(
            actor=request.user, case=case, **d), output_serializer_class=ReconsiderationCaseSerializer)

    @extend_schema(request=ReconsiderationCorrectInput, responses=ReconsiderationCaseSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        return run_action(self, request, ReconsiderationCorrectInput, lambda case, d: services.reconsideration_correct(
            actor=request.user, case=case, **d), output_serializer_class=ReconsiderationCaseSerializer)
