"""REST API of the core: the organisation tree the caller may see, and the statutory clocks.

Every queryset starts from the tenancy scoper; another town's row answers 404."""

import django_filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from .clocks import today as local_today
from .holidays import current_calendar
from .models import Clock, Grid, Town, Unit, Village
from .tenancy import visible_to
from .workdays import add_workdays


class ScopedViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose rows are exactly those the scoper lets the caller see."""

    base_queryset = None

    def get_queryset(self):
        return visible_to(self.request.user, self.base_queryset.all())


class TownSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Town
        fields = ["id", "slug", "name", "kind", "code", "district", "government_name"]


class VillageSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Village
        fields = ["id", "slug", "name", "kind", "code", "town"]


class GridSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Grid
        fields = ["id", "slug", "name", "village", "town", "households"]


class UnitSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "slug", "name", "town", "enforces_law"]


class ClockSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    subject_type = serializers.CharField(source="content_type.model", read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Clock
        fields = ["id", "town", "subject_type", "object_id", "subject_label", "subject_url", "rule", "label",
                  "article", "start_date", "length", "unit", "extension", "pauses", "state", "due_date",
                  "provisional", "stopped_on", "overdue"]

    def get_overdue(self, obj) -> bool:
        return obj.state == Clock.State.RUNNING and obj.due_date < self.context["today"]


class TownFilter(django_filters.FilterSet):
    class Meta:
        model = Town
        fields = ["slug", "kind"]


class VillageFilter(django_filters.FilterSet):
    town = django_filters.CharFilter(field_name="town__slug")

    class Meta:
        model = Village
        fields = ["town", "kind"]


class GridFilter(django_filters.FilterSet):
    town = django_filters.CharFilter(field_name="town__slug")

    class Meta:
        model = Grid
        fields = ["town", "village"]


class UnitFilter(django_filters.FilterSet):
    town = django_filters.CharFilter(field_name="town__slug")

    class Meta:
        model = Unit
        fields = ["town", "enforces_law"]


class ClockFilter(django_filters.FilterSet):
    town = django_filters.CharFilter(field_name="town__slug")
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    due_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="已超期")
    within = django_filters.NumberFilter(method="filter_within", label="N个工作日内到期(含已超期)")

    class Meta:
        model = Clock
        fields = ["town", "state", "rule", "due_before", "due_after", "overdue", "within"]

    def filter_overdue(self, queryset, name, value):
        today = local_today()
        if value:
            return queryset.overdue(today)
        return queryset.exclude(state=Clock.State.RUNNING, due_date__lt=today)

    def filter_within(self, queryset, name, value):
        horizon = add_workdays(current_calendar(), local_today(), max(int(value), 0)).due
        return queryset.running().filter(due_date__lte=horizon)


class TownViewSet(ScopedViewSet):
    base_queryset = Town.objects.select_related("district")
    serializer_class = TownSerializer
    filterset_class = TownFilter


class VillageViewSet(ScopedViewSet):
    base_queryset = Village.objects.select_related("town")
    serializer_class = VillageSerializer
    filterset_class = VillageFilter


class GridViewSet(ScopedViewSet):
    base_queryset = Grid.objects.select_related("town")
    serializer_class = GridSerializer
    filterset_class = GridFilter


class UnitViewSet(ScopedViewSet):
    base_queryset = Unit.objects.select_related("town")
    serializer_class = UnitSerializer
    filterset_class = UnitFilter


@extend_schema_view(
    list=extend_schema(
        description="调用者可见范围内的法定期限。`within=5` 给出已超期及5个工作日内到期的期限;暂停中的期限不计为超期。",
        parameters=[OpenApiParameter("within", int, description="N个工作日内到期(含已超期)")],
    )
)
class ClockViewSet(ScopedViewSet):
    base_queryset = Clock.objects.select_related("town", "content_type").order_by("due_date", "id")
    serializer_class = ClockSerializer
    filterset_class = ClockFilter

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": local_today()}


class ScopedModelViewSet(viewsets.ModelViewSet):
    """A read/write viewset for a module's cases. Rows come from the scoper; creating and each
    workflow action go through the module's services (see ``run_action``)."""

    base_queryset = None

    def get_queryset(self):
        return visible_to(self.request.user, self.base_queryset.all())


def run_action(viewset, request, input_serializer_class, call, *, output_serializer_class=None):
    """``POST /<resource>/<id>/<action>/``: find the case through the scoper (404 otherwise),
    validate the body, call the one service function, answer with the case as it now is.
    A refusal raised by the service answers 400 or 409 with its Chinese message."""
    from rest_framework.response import Response

    obj = viewset.get_object()
    data = input_serializer_class(data=request.data, context=viewset.get_serializer_context())
    data.is_valid(raise_exception=True)
    result = call(obj, data.validated_data) or obj
    serializer_class = output_serializer_class or viewset.get_serializer_class()
    return Response(serializer_class(result, context=viewset.get_serializer_context()).data)
