"""Read-only API of grid assignments and grid events (writes go through the pages' services)."""

from rest_framework import serializers

from fazhi.core.api import ScopedViewSet

from .models import GridAssignment, GridEvent


class GridAssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = GridAssignment
        fields = ["id", "town", "village", "grid", "worker", "worker_label", "start_date", "end_date"]


class GridEventSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=GridEvent.Kind.choices)
    status = serializers.ChoiceField(choices=GridEvent.Status.choices)
    routed_to = serializers.ChoiceField(choices=GridEvent.Route.choices, allow_blank=True)

    class Meta:
        model = GridEvent
        fields = ["id", "town", "village", "grid", "kind", "reported_date", "title", "description", "location",
                  "status", "reporter_label", "routed_to", "routed_date", "routing_note", "dispute", "hazard"]


class GridAssignmentViewSet(ScopedViewSet):
    base_queryset = GridAssignment.objects.order_by("grid_id", "-start_date")
    serializer_class = GridAssignmentSerializer
    filterset_fields = ["grid", "village", "worker"]


class GridEventViewSet(ScopedViewSet):
    base_queryset = GridEvent.objects.order_by("-reported_date", "-id")
    serializer_class = GridEventSerializer
    filterset_fields = ["grid", "village", "kind", "status", "routed_to"]
