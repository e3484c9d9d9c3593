"""REST API of the district's view: which towns submitted their annual report, when, on time or not."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from . import permissions, selectors


class SubmissionSerializer(serializers.Serializer):
    town = serializers.CharField(source="town.slug")
    town_name = serializers.CharField(source="town.name")
    report_id = serializers.IntegerField(source="report.pk", allow_null=True, default=None)
    status = serializers.CharField(source="report.status", allow_null=True, default=None)
    submitted_on = serializers.DateField(allow_null=True)
    deadline = serializers.DateField()
    state = serializers.CharField()
    locked = serializers.BooleanField()


class SubmissionsView(APIView):
    @extend_schema(parameters=[OpenApiParameter("year", int, description="报告年度，默认上一年")],
                   responses={200: SubmissionSerializer(many=True)})
    def get(self, request):
        if not permissions.can_supervise(request.user):
            raise Http404
        try:
            year = int(request.query_params.get("year", timezone.localdate().year - 1))
        except ValueError:
            year = timezone.localdate().year - 1
        rows = selectors.submissions(request.user, year)
        return Response({"year": year, "results": SubmissionSerializer(rows, many=True).data})
