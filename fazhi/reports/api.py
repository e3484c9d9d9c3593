"""REST API: the annual reports the caller may see, their assembled text, the workflow actions,
and the checker (POST a draft, get the findings)."""

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core.api import run_action
from fazhi.core.errors import DomainError

from . import assembly, permissions, selectors, services
from .models import AnnualReport


class AnnualReportSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    submission_deadline = serializers.DateField(read_only=True)
    submitted_on_time = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = AnnualReport
        fields = ["id", "town", "year", "status", "title", "signature", "document_date", "approved_by_label",
                  "approved_on", "published_on", "submitted_on", "submitted_by_label", "submission_deadline",
                  "submitted_on_time"]
        read_only_fields = fields


class ReportCreateSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)


class ReportDateInputSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, allow_null=True)


class ReportReopenInputSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class ReportFindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    line = serializers.IntegerField()
    message = serializers.CharField()


class ReportCheckInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200000)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class AnnualReportViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AnnualReportSerializer
    filterset_fields = ["year", "status"]

    def get_queryset(self):
        return permissions.reports_visible_to(self.request.user).order_by("-year", "town__name")

    @extend_schema(request=ReportCreateSerializer, responses={201: AnnualReportSerializer})
    def create(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request.user
        if not user.town_id:
            raise DomainError("只有镇街工作人员可以起草年度报告。", code="forbidden_role")
        report = services.report_create(actor=user, town=user.town, year=data.validated_data["year"])
        return Response(AnnualReportSerializer(report).data, status=201)

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def document(self, request, pk=None):
        """The report as the ``annual_report --format json`` command writes it."""
        return Response(assembly.document_for(self.get_object()).as_json())

    @extend_schema(request=ReportDateInputSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return run_action(self, request, ReportDateInputSerializer,
                          lambda r, d: services.report_approve(actor=request.user, report=r, on=d.get("on")))

    @extend_schema(request=ReportReopenInputSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return run_action(self, request, ReportReopenInputSerializer,
                          lambda r, d: services.report_reopen(actor=request.user, report=r, reason=d.get("reason", "")))

    @extend_schema(request=ReportDateInputSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return run_action(self, request, ReportDateInputSerializer,
                          lambda r, d: services.report_publish(actor=request.user, report=r, on=d.get("on")))

    @extend_schema(request=ReportDateInputSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return run_action(self, request, ReportDateInputSerializer,
                          lambda r, d: services.report_submit(actor=request.user, report=r, on=d.get("on")))


class ReportCheckView(APIView):
    """Check a draft given as plain text; with ``year``, the caller's town figures are compared too."""

    parser_classes = [parsers.JSONParser, parsers.FormParser]

    @extend_schema(request=ReportCheckInputSerializer, responses={200: ReportFindingSerializer(many=True)})
    def post(self, request):
        data = ReportCheckInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        year = data.validated_data.get("year")
        town = request.user.town if (year and request.user.town_id) else None
        findings = selectors.check_document_lines(data.validated_data["text"].splitlines(), town=town, year=year)
        return Response({"findings": [f.as_dict() for f in findings]})
