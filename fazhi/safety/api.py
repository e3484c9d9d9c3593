"""Read-only API of patrols, hazards and accidents."""

from rest_framework import serializers

from fazhi.core.api import ScopedViewSet

from .models import Accident, Grade, Hazard, Patrol


class PatrolSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Patrol.Kind.choices)

    class Meta:
        model = Patrol
        fields = ["id", "town", "kind", "date", "route", "participants", "people_count", "findings"]


class HazardSerializer(serializers.ModelSerializer):
    level = serializers.ChoiceField(choices=Hazard.Level.choices)
    status = serializers.ChoiceField(choices=Hazard.Status.choices)

    class Meta:
        model = Hazard
        fields = ["id", "town", "village", "grid", "found_date", "title", "location", "level", "responsible",
                  "rectify_days", "due_date", "status", "rectified_date", "on_time"]


class AccidentSerializer(serializers.ModelSerializer):
    grade = serializers.ChoiceField(choices=Grade.choices)

    class Meta:
        model = Accident
        fields = ["id", "town", "village", "date", "title", "deaths", "serious_injuries", "direct_loss", "grade"]


class PatrolViewSet(ScopedViewSet):
    base_queryset = Patrol.objects.order_by("-date", "-id")
    serializer_class = PatrolSerializer
    filterset_fields = ["kind"]


class HazardViewSet(ScopedViewSet):
    base_queryset = Hazard.objects.order_by("-found_date", "-id")
    serializer_class = HazardSerializer
    filterset_fields = ["status", "level", "village", "grid"]


class AccidentViewSet(ScopedViewSet):
    base_queryset = Accident.objects.order_by("-date", "-id")
    serializer_class = AccidentSerializer
    filterset_fields = ["grade"]
