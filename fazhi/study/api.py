"""REST API of the study module."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from fazhi.core.api import ScopedModelViewSet, ScopedViewSet
from fazhi.core.errors import DomainError, InvalidInput

from . import services
from .models import Attendance, Course, CourseCompletion, Official, StudySession


def _town_of(request):
    town = getattr(request.user, "town", None)
    if town is None:
        raise DomainError("只有镇街工作人员可以登记。", code="forbidden_role")
    return town


def _official(town, pk):
    official = Official.objects.filter(town=town, pk=pk).first()
    if official is None:
        raise InvalidInput("该干部不在本镇街花名册中。", field="official")
    return official


class OfficialSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True, default="")

    class Meta:
        model = Official
        fields = ["id", "name", "unit", "unit_name", "position", "joined_on", "left_on", "required"]
        read_only_fields = fields


class OfficialViewSet(ScopedViewSet):
    base_queryset = Official.objects.select_related("unit").order_by("name")
    serializer_class = OfficialSerializer
    filterset_fields = ["unit", "required"]


class AttendanceSerializer(serializers.ModelSerializer):
    official_name = serializers.CharField(source="official.name", read_only=True)

    class Meta:
        model = Attendance
        fields = ["id", "official", "official_name", "present", "absence_reason"]
        read_only_fields = fields


class StudySessionSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    attendance = AttendanceSerializer(many=True, read_only=True)

    class Meta:
        model = StudySession
        fields = ["id", "town", "date", "form", "title", "texts", "speaker", "location", "attendance"]
        read_only_fields = fields


class StudySessionInput(serializers.Serializer):
    date = serializers.DateField()
    form = serializers.ChoiceField(choices=StudySession.Form.choices)
    title = serializers.CharField(max_length=200)
    texts = serializers.ListField(child=serializers.CharField(max_length=60), allow_empty=False)
    speaker = serializers.CharField(max_length=50, required=False, allow_blank=True)
    location = serializers.CharField(max_length=80, required=False, allow_blank=True)


class AttendanceInput(serializers.Serializer):
    official = serializers.IntegerField()
    present = serializers.BooleanField()
    absence_reason = serializers.CharField(max_length=100, required=False, allow_blank=True)


class StudySessionViewSet(ScopedModelViewSet):
    base_queryset = StudySession.objects.select_related("town").prefetch_related("attendance__official")
    serializer_class = StudySessionSerializer
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["form"]

    def get_queryset(self):
        qs = super().get_queryset()
        year = self.request.query_params.get("year")
        return qs.filter(date__year=int(year)) if year and year.isdigit() else qs

    @extend_schema(request=StudySessionInput, responses=StudySessionSerializer)
    def create(self, request, *args, **kwargs):
        data = StudySessionInput(data=request.data)
        data.is_valid(raise_exception=True)
        session = services.session_create(actor=request.user, town=_town_of(request), **data.validated_data)
        return Response(StudySessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AttendanceInput, responses=StudySessionSerializer)
    @action(detail=True, methods=["post"])
    def attendance(self, request, pk=None):
        session = self.get_object()
        data = AttendanceInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        services.attendance_record(actor=request.user, session=session,
                                   official=_official(session.town, d["official"]), present=d["present"],
                                   absence_reason=d.get("absence_reason", ""))
        return Response(StudySessionSerializer(self.get_queryset().get(pk=session.pk)).data)


class CourseCompletionSerializer(serializers.ModelSerializer):
    official_name = serializers.CharField(source="official.name", read_only=True)
    course_title = serializers.CharField(source="course.title", read_only=True)
    year = serializers.IntegerField(source="course.year", read_only=True)

    class Meta:
        model = CourseCompletion
        fields = ["id", "course", "course_title", "year", "official", "official_name", "completed_on"]
        read_only_fields = fields


class CourseCompletionInput(serializers.Serializer):
    course = serializers.IntegerField()
    official = serializers.IntegerField()
    completed_on = serializers.DateField()


class CourseCompletionViewSet(ScopedModelViewSet):
    base_queryset = CourseCompletion.objects.select_related("course", "official")
    serializer_class = CourseCompletionSerializer
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["course", "official"]

    def get_queryset(self):
        qs = super().get_queryset()
        year = self.request.query_params.get("year")
        return qs.filter(course__year=int(year)) if year and year.isdigit() else qs

    @extend_schema(request=CourseCompletionInput, responses=CourseCompletionSerializer)
    def create(self, request, *args, **kwargs):
        data = CourseCompletionInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        town = _town_of(request)
        course = Course.objects.filter(town=town, pk=d["course"]).first()
        if course is None:
            raise InvalidInput("没有该课程。", field="course")
        row = services.completion_record(actor=request.user, course=course, official=_official(town, d["official"]),
                                         completed_on=d["completed_on"])
        return Response(CourseCompletionSerializer(row).data, status=status.HTTP_201_CREATED)



