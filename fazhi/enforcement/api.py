"""REST API: ``/api/v1/officers/`` and ``/api/v1/enforcement-cases/`` with one action endpoint
per transition (``POST /api/v1/enforcement-cases/<id>/<action>/``). Rows come from the scoper;
every write goes through a service; personal data leaves masked."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import run_action
from fazhi.core.clocks import today as local_today
from fazhi.core.errors import InvalidInput
from fazhi.core.models import Unit
from fazhi.core.tenancy import visible_to

from . import actions, selectors, services
from .models import Benchmark, Case, Circumstance, Matter, Officer, PartyType, PenaltyType, Procedure


class OfficerSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), label="所在执法单位")
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    valid_today = serializers.SerializerMethodField()

    class Meta:
        model = Officer
        fields = ["id", "name", "certificate_number", "valid_from", "valid_until", "unit", "unit_name", "active",
                  "valid_today"]
        read_only_fields = ["active"]
        extra_kwargs = {"certificate_number": {"validators": []}}

    def get_valid_today(self, obj) -> bool:
        return obj.valid_on(self.context.get("today") or local_today())


class OfficerViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = OfficerSerializer
    filterset_fields = ["unit", "active"]

    def get_queryset(self):
        return selectors.officers_visible_to(self.request.user).order_by("unit__name", "name", "id")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": local_today()}

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        unit = visible_to(request.user, Unit).filter(pk=v["unit"].pk).first()
        if unit is None:
            raise InvalidInput("所在执法单位不存在。", field="unit")
        officer = services.officer_create(actor=request.user, unit=unit, name=v["name"],
                                          certificate_number=v["certificate_number"], valid_from=v["valid_from"],
                                          valid_until=v["valid_until"])
        return Response(self.get_serializer(officer).data, status=status.HTTP_201_CREATED)


class CaseSerializer(serializers.ModelSerializer):
    """A case as it leaves the platform: the party's personal data masked."""

    party_name = serializers.CharField(source="party_masked")
    id_number = serializers.SerializerMethodField()
    credit_code = serializers.SerializerMethodField()
    officers = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    status_label = serializers.CharField(source="get_status_display")
    unit_name = serializers.CharField(source="unit.name")

    class Meta:
        model = Case
        fields = ["id", "number", "procedure", "status", "status_label", "unit", "unit_name", "matter",
                  "party_type", "party_name", "id_number", "credit_code", "violation", "place", "occurred_date",
                  "filed_date", "officers", "outcome", "penalty_type", "fine_amount", "circumstance", "benchmark",
                  "outside_benchmark", "outside_benchmark_reason", "beyond_powers_risk", "hearing_eligible",
                  "hearing_request_due", "review_required", "review_grounds", "review_passed",
                  "discussion_required", "decided_date", "decision_number", "served_date", "paid_date",
                  "paid_amount", "surcharge", "closed_date", "published_date", "revoked_date", "withdrawn_date",
                  "withdrawal_reason", "decision_due", "service_due", "payment_due", "publicity_due",
                  "withdrawal_due"]
        read_only_fields = fields

    def get_id_number(self, obj) -> str:
        from fazhi.core.personal import mask

        return mask("id_number", obj.id_number)

    def get_credit_code(self, obj) -> str:
        from fazhi.core.personal import mask

        return mask("credit_code", obj.credit_code)


class CaseCreateInput(serializers.Serializer):
    procedure = serializers.ChoiceField(choices=Procedure.choices, default=Procedure.GENERAL)
    unit = serializers.IntegerField(required=False, help_text="承办单位(默认为本人所在单位)")
    matter = serializers.IntegerField(required=False, allow_null=True)
    party_type = serializers.ChoiceField(choices=PartyType.choices)
    party_name = serializers.CharField(max_length=100)
    id_number = serializers.CharField(required=False, allow_blank=True, default="")
    credit_code = serializers.CharField(required=False, allow_blank=True, default="")
    violation = serializers.CharField(max_length=300)
    place = serializers.CharField(required=False, allow_blank=True, default="")
    occurred_date = serializers.DateField()
    continuing_until = serializers.DateField(required=False, allow_null=True)
    long_limitation = serializers.BooleanField(default=False)
    filed_date = serializers.DateField(required=False, allow_null=True)
    decided_date = serializers.DateField(required=False, allow_null=True, help_text="简易程序:当场决定日期")
    officers = serializers.ListField(child=serializers.IntegerField(), allow_empty=True)
    penalty_type = serializers.ChoiceField(choices=PenaltyType.choices, required=False, allow_blank=True)
    fine_amount = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True,
                                           min_value=0)
    benchmark = serializers.IntegerField(required=False, allow_null=True)
    circumstance = serializers.ChoiceField(choices=Circumstance.choices, required=False, allow_blank=True)
    outside_benchmark_reason = serializers.CharField(required=False, allow_blank=True, default="")
    decision_number = serializers.CharField(required=False, allow_blank=True, default="")


def create_case_from(user, v: dict) -> Case:
    """Resolve ids through the scoper (an id of another town is simply unknown) and call the
    service of the procedure."""

    def one(model, pk, field):
        if pk in (None, ""):
            return None
        obj = visible_to(user, model).filter(pk=pk).first()
        if obj is None:
            raise InvalidInput(f"{model._meta.verbose_name}不存在。", field=field)
        return obj

    unit = one(Unit, v.get("unit"), "unit") if v.get("unit") else (user.unit if user.unit_id else None)
    if unit is None:
        raise InvalidInput("请选择承办单位。", field="unit")
    ids = list(dict.fromkeys(v.get("officers") or []))
    officers = list(visible_to(user, Officer).filter(pk__in=ids))
    if len(officers) != len(ids):
        raise InvalidInput("所选执法人员不存在。", field="officers")
    common = dict(actor=user, unit=unit, matter=one(Matter, v.get("matter"), "matter"), violation=v["violation"],
                  party_type=v["party_type"], party_name=v["party_name"], occurred_date=v["occurred_date"],
                  officers=officers, id_number=v.get("id_number", ""), credit_code=v.get("credit_code", ""),
                  place=v.get("place", ""))
    if v.get("procedure") == Procedure.SIMPLE:
        if not v.get("penalty_type"):
            raise InvalidInput("简易程序须同时作出处罚决定,请选择处罚种类。", field="penalty_type")
        return services.case_create_simple(
            **common, decided_date=v.get("decided_date"), penalty_type=v["penalty_type"],
            fine_amount=v.get("fine_amount"), benchmark=one(Benchmark, v.get("benchmark"), "benchmark"),
            circumstance=v.get("circumstance") or "", outside_benchmark_reason=v.get("outside_benchmark_reason", ""),
            decision_number=v.get("decision_number", ""))
    return services.case_create(**common, filed_date=v.get("filed_date"),
                                continuing_until=v.get("continuing_until"),
                                long_limitation=v.get("long_limitation", False))


class CaseFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="filed_date", lookup_expr="year")

    class Meta:
        model = Case
        fields = ["procedure", "status", "outcome", "unit", "year"]


def _action_view(name):
    input_class, _service = actions.ACTIONS[name]

    @extend_schema(request=input_class, responses=CaseSerializer, summary=str(services.TRANSITIONS[name].label))
    def view(self, request, pk=None):
        return run_action(self, request, input_class,
                          lambda case, data: actions.run(name, actor=request.user, case=case, data=data))

    view.__name__ = name.replace("-", "_")
    return action(detail=True, methods=["post"], url_path=name, url_name=name)(view)


class CaseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CaseSerializer
    filterset_class = CaseFilter

    def get_queryset(self):
        return selectors.cases_visible_to(self.request.user).order_by("-filed_date", "-id")

    @extend_schema(request=CaseCreateInput, responses={201: CaseSerializer})
    def create(self, request, *args, **kwargs):
        data = CaseCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        case = create_case_from(request.user, data.validated_data)
        case = self.get_queryset().get(pk=case.pk)
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)


for _name in actions.ACTIONS:
    setattr(CaseViewSet, _name.replace("-", "_"), _action_view(_name))
