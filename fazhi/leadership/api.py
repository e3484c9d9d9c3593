"""REST API of the leadership module: the duty checklist of a year (``?year=``), each duty with
its evidence; ``POST /api/v1/leadership-duties/<duty>/evidence/`` adds evidence to a duty."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core import clocks as clock_service
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.tenancy import towns_visible_to

from . import services
from .models import Duty
from .selectors import checklist


class EvidenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    text = serializers.CharField()
    url = serializers.CharField()


class DutySerializer(serializers.Serializer):
    duty = serializers.CharField()
    label = serializers.CharField()
    article = serializers.CharField()
    evidenced = serializers.BooleanField()
    evidence = EvidenceSerializer(many=True)
    gaps = serializers.ListField(child=serializers.CharField())


class EvidenceInput(serializers.Serializer):
    date = serializers.DateField()
    description = serializers.CharField(max_length=300)
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


PARAMS = [OpenApiParameter("year", int, description="年度(缺省为今年)"),
          OpenApiParameter("town", str, description="镇街简称(区级用户必填)")]


class LeadershipDutyViewSet(viewsets.ViewSet):
    lookup_field = "duty"
    lookup_value_regex = "[a-z_]+"

    def _scope(self, request):
        try:
            year = int(request.query_params.get("year") or clock_service.today().year)
        except ValueError:
            raise InvalidInput("年度格式不正确。", field="year") from None
        slug = request.query_params.get("town")
        towns = towns_visible_to(request.user)
        if slug:
            town = towns.filter(slug=slug).first()
        else:
            town = request.user.town if request.user.town_id else None
        if town is None:
            raise Http404
        return town, year

    @extend_schema(parameters=PARAMS, responses=DutySerializer(many=True))
    def list(self, request):
        town, year = self._scope(request)
        return Response(DutySerializer(checklist(town, year), many=True).data)

    @extend_schema(parameters=PARAMS, responses=DutySerializer)
    def retrieve(self, request, duty=None):
        town, year = self._scope(request)
        item = next((i for i in checklist(town, year) if i.duty == duty), None)
        if item is None:
            raise Http404
        return Response(DutySerializer(item).data)

    @extend_schema(request=EvidenceInput, responses=DutySerializer)
    @action(detail=True, methods=["post"])
    def evidence(self, request, duty=None):
        if duty not in Duty.values:
            raise Http404
        if not request.user.town_id:
            raise DomainError("只有镇街工作人员可以登记。", code="forbidden_role")
        data = EvidenceInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        e = services.evidence_add(actor=request.user, town=request.user.town, duty=duty, date=d["date"],
                                  description=d["description"], year=d.get("year"))
        item = next(i for i in checklist(request.user.town, e.year) if i.duty == duty)
        return Response(DutySerializer(item).data, status=201)
