"""REST API: ``/api/v1/officers/``, ``/api/v1/enforcement-matters/``, ``/api/v1/discretion-benchmarks/``,
``/api/v1/inspections/`` (with ``record`` and ``open-case`` actions) and ``/api/v1/enforcement-cases/``
with one action endpoint per transition (``POST /api/v1/enforcement-cases/<id>/<action>/``). Rows
come from the scoper; every write goes through a service; personal data leaves masked."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import ScopedModelViewSet, run_action
from fazhi.core.clocks import today as local_today
from fazhi.core.errors import InvalidInput
from fazhi.core.models import Unit
from fazhi.core.tenancy import visible_to

from . import actions, selectors, services
from .models import Benchmark, Case, Circumstance, Inspection, Matter, Officer, PartyType, PenaltyType, Procedure


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


# --- matters, benchmarks -----------------------------------------------------------------------


def _visible_one(user, model, pk, field, label=None):
    """An id the caller may not see is simply unknown."""
    obj = visible_to(user, model).filter(pk=pk).first()
    if obj is None:
        raise InvalidInput(f"{label or model._meta.verbose_name}不存在。", field=field)
    return obj


class MatterSerializer(serializers.ModelSerializer):
    unit = serializers.IntegerField(source="unit_id", label="实施单位")
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Matter
        fields = ["id", "name", "category", "category_label", "legal_basis", "unit", "unit_name", "power_list_ref",
                  "requires_legal_review", "active"]
        read_only_fields = ["active"]


class MatterViewSet(ScopedModelViewSet):
    """执法事项: the town's leader or clerk registers and changes them; cases and inspections cite them."""

    base_queryset = Matter.objects.select_related("unit").order_by("unit__name", "name", "id")
    serializer_class = MatterSerializer
    filterset_fields = ["unit", "category", "active", "requires_legal_review"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def _args(self, v):
        args = {k: v[k] for k in ("name", "category", "legal_basis", "power_list_ref", "requires_legal_review")
                if k in v}
        if "unit_id" in v:
            args["unit"] = _visible_one(self.request.user, Unit, v["unit_id"], "unit", "实施单位")
        return args

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        matter = services.matter_create(actor=request.user, **self._args(data.validated_data))
        return Response(self.get_serializer(matter).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        matter = self.get_object()
        data = self.get_serializer(matter, data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        matter = services.matter_update(actor=request.user, matter=matter, **self._args(data.validated_data))
        return Response(self.get_serializer(self.get_queryset().get(pk=matter.pk)).data)


class BenchmarkSerializer(serializers.ModelSerializer):
    matter = serializers.IntegerField(source="matter_id", label="执法事项")
    matter_name = serializers.CharField(source="matter.name", read_only=True)
    circumstance_label = serializers.CharField(source="get_circumstance_display", read_only=True)
    penalty_type_label = serializers.CharField(source="get_penalty_type_display", read_only=True)
    range_label = serializers.CharField(read_only=True)

    class Meta:
        model = Benchmark
        fields = ["id", "matter", "matter_name", "violation", "circumstance", "circumstance_label", "penalty_type",
                  "penalty_type_label", "fine_min", "fine_max", "range_label", "description"]


class BenchmarkViewSet(ScopedModelViewSet):
    """裁量基准 of the town's matters (第三十四条). A benchmark stays with its matter."""

    base_queryset = Benchmark.objects.select_related("matter").order_by("matter__name", "violation", "id")
    serializer_class = BenchmarkSerializer
    filterset_fields = ["matter", "circumstance", "penalty_type"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    @staticmethod
    def _args(v):
        return {k: v[k] for k in ("violation", "circumstance", "penalty_type", "fine_min", "fine_max", "description")
                if k in v}

    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        matter = _visible_one(request.user, Matter, v["matter_id"], "matter")
        benchmark = services.benchmark_create(actor=request.user, matter=matter, **self._args(v))
        return Response(self.get_serializer(benchmark).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        benchmark = self.get_object()
        data = self.get_serializer(benchmark, data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if "matter_id" in v and v["matter_id"] != benchmark.matter_id:
            raise InvalidInput("裁量基准的执法事项不能更改,请为新事项另行制定。", field="matter")
        benchmark = services.benchmark_update(actor=request.user, benchmark=benchmark, **self._args(v))
        return Response(self.get_serializer(self.get_queryset().get(pk=benchmark.pk)).data)


# --- inspections -------------------------------------------------------------------------------


class InspectionSerializer(serializers.ModelSerializer):
    """An inspection as it leaves the platform: a natural person inspected is shown masked."""

    subject_name = serializers.CharField(source="subject_label", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    result_label = serializers.CharField(source="get_result_display", read_only=True)
    officers = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    cases = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = ["id", "kind", "kind_label", "unit", "unit_name", "matter", "subject_name", "subject_is_person",
                  "place", "planned_date", "inspected_date", "officers", "findings", "result", "result_label",
                  "cases"]
        read_only_fields = fields


class InspectionCreateInput(serializers.Serializer):
    unit = serializers.IntegerField(label="检查单位")
    matter = serializers.IntegerField(label="执法事项", required=False, allow_null=True)
    kind = serializers.ChoiceField(label="类型", choices=Inspection.Kind.choices)
    subject_name = serializers.CharField(label="检查对象", max_length=100)
    subject_is_person = serializers.BooleanField(label="检查对象为自然人", default=False)
    place = serializers.CharField(label="地点", required=False, allow_blank=True, default="")
    planned_date = serializers.DateField(label="计划日期")
    officers = serializers.ListField(label="执法人员", child=serializers.IntegerField(), required=False, default=list)


class InspectionRecordInput(serializers.Serializer):
    date = serializers.DateField(label="检查日期", required=False, allow_null=True)
    findings = serializers.CharField(label="检查情况")
    result = serializers.ChoiceField(label="检查结果", default=Inspection.Result.NO_ISSUE,
                                     choices=[(Inspection.Result.NO_ISSUE, "未发现问题"),
                                              (Inspection.Result.RECTIFY, "责令整改")])
    officers = serializers.ListField(label="执法人员(不填则为已安排的人员)", child=serializers.IntegerField(),
                                     required=False, allow_null=True, default=None)


class InspectionOpenCaseInput(serializers.Serializer):
    date = serializers.DateField(label="立案日期", required=False, allow_null=True)
    findings = serializers.CharField(label="检查情况", required=False, allow_blank=True, default="")
    violation = serializers.CharField(label="违法行为", max_length=300)
    party_type = serializers.ChoiceField(label="当事人类型", choices=PartyType.choices)
    party_name = serializers.CharField(label="当事人", max_length=100)
    occurred_date = serializers.DateField(label="违法行为发生日")
    id_number = serializers.CharField(label="身份证号码", required=False, allow_blank=True, default="")
    credit_code = serializers.CharField(label="统一社会信用代码", required=False, allow_blank=True, default="")


def _officers_of(user, ids):
    ids = list(dict.fromkeys(ids or []))
    officers = list(visible_to(user, Officer).filter(pk__in=ids))
    if len(officers) != len(ids):
        raise InvalidInput("所选执法人员不存在。", field="officers")
    return officers


class InspectionFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="planned_date", lookup_expr="year")

    class Meta:
        model = Inspection
        fields = ["kind", "result", "unit", "matter", "year"]


class InspectionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """行政检查: planned and recorded; one that found a violation opens a general-procedure case."""

    serializer_class = InspectionSerializer
    filterset_class = InspectionFilter

    def get_queryset(self):
        return selectors.inspections_visible_to(self.request.user).prefetch_related("cases").order_by(
            "-planned_date", "-id")

    def _fresh(self, inspection):
        return self.get_queryset().get(pk=inspection.pk)

    @extend_schema(request=InspectionCreateInput, responses={201: InspectionSerializer})
    def create(self, request, *args, **kwargs):
        data = InspectionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        unit = _visible_one(request.user, Unit, v["unit"], "unit", "检查单位")
        matter = _visible_one(request.user, Matter, v["matter"], "matter") if v.get("matter") else None
        inspection = services.inspection_plan(
            actor=request.user, unit=unit, matter=matter, kind=v["kind"], subject_name=v["subject_name"],
            subject_is_person=v["subject_is_person"], place=v["place"], planned_date=v["planned_date"],
            officers=_officers_of(request.user, v["officers"]))
        return Response(InspectionSerializer(self._fresh(inspection)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=InspectionRecordInput, responses=InspectionSerializer, summary="登记检查结果")
    @action(detail=True, methods=["post"], url_path="record", url_name="record")
    def record(self, request, pk=None):
        def call(inspection, v):
            officers = None if v.get("officers") is None else _officers_of(request.user, v["officers"])
            services.inspection_record(actor=request.user, inspection=inspection, date=v.get("date"),
                                       findings=v["findings"], result=v["result"], officers=officers)
            return self._fresh(inspection)

        return run_action(self, request, InspectionRecordInput, call)

    @extend_schema(request=InspectionOpenCaseInput, responses={201: CaseSerializer}, summary="检查发现违法,立案查处")
    @action(detail=True, methods=["post"], url_path="open-case", url_name="open-case")
    def open_case(self, request, pk=None):
        inspection = self.get_object()
        data = InspectionOpenCaseInput(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.inspection_open_case(actor=request.user, inspection=inspection, **data.validated_data)
        case = selectors.cases_visible_to(request.user).get(pk=case.pk)
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)
