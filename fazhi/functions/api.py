"""REST API: /api/v1/power-items/ and /api/v1/service-guides/. Changes are dated and carry a
reason (PATCH with ``reason`` and ``effective_on``); removal is ``POST …/<id>/remove/``."""

from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied

from fazhi.core.api import ScopedModelViewSet, run_action

from . import permissions, services
from .models import PowerCategory, PowerItem, ServiceGuide, ServiceItem


class PowerItemSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category = serializers.ChoiceField(choices=PowerCategory.choices)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    reason = serializers.CharField(write_only=True, required=False, allow_blank=True)
    effective_on = serializers.DateField(write_only=True, required=False, allow_null=True)

    class Meta:
        model = PowerItem
        fields = ["id", "town", "code", "name", "category", "category_label", "unit", "legal_basis",
                  "responsibilities", "accountability", "added_on", "changed_on", "removed_on", "reason",
                  "effective_on"]
        read_only_fields = ["added_on", "changed_on", "removed_on"]


class ScopedItemField(serializers.PrimaryKeyRelatedField):
    """A related list item, chosen among those the caller may see (another town's: invalid)."""

    def get_queryset(self):
        from fazhi.core.tenancy import visible_to

        return visible_to(self.context["request"].user, self.queryset_model)

    def __init__(self, model, **kw):
        self.queryset_model = model
        super().__init__(**kw)


class ServiceGuideSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    power_item = ScopedItemField(PowerItem, required=False, allow_null=True)
    service_item = ScopedItemField(ServiceItem, required=False, allow_null=True)
    certificates = serializers.SerializerMethodField()
    reason = serializers.CharField(write_only=True, required=False, allow_blank=True)
    effective_on = serializers.DateField(write_only=True, required=False, allow_null=True)

    class Meta:
        model = ServiceGuide
        fields = ["id", "town", "code", "title", "power_item", "service_item", "materials", "steps", "legal_limit",
                  "promised_limit", "fees", "place", "hours", "contact", "legal_basis", "added_on", "changed_on",
                  "removed_on", "certificates", "reason", "effective_on"]
        read_only_fields = ["added_on", "changed_on", "removed_on"]

    def get_certificates(self, obj) -> list[dict]:
        return [{"id": c.pk, "name": c.name, "verification": c.verification} for c in obj.certificates.all()
                if c.removed_on is None]


class RemoveInput(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, required=False, default="")
    date = serializers.DateField(required=False, allow_null=True)


class _ListViewSet(ScopedModelViewSet):
    http_method_names = ["get", "post", "patch", "head", "options"]
    model = None

    def _require_editor(self):
        if not permissions.can_edit_lists(self.request.user):
            raise PermissionDenied("只有本镇经办人或镇领导可以调整清单。")

    def perform_create(self, serializer):
        self._require_editor()
        serializer.instance = services.item_create(actor=self.request.user, model=self.model,
                                                   town=self.request.user.town, **serializer.validated_data)

    def perform_update(self, serializer):
        self._require_editor()
        data = dict(serializer.validated_data)
        data.pop("code", None)
        serializer.instance = services.item_change(actor=self.request.user, item=serializer.instance,
                                                   reason=data.pop("reason", ""), **data)

    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None):
        self._require_editor()
        return run_action(self, request, RemoveInput, lambda item, data: services.item_remove(
            actor=request.user, item=item, reason=data["reason"], effective_on=data.get("date")))


class PowerItemViewSet(_ListViewSet):
    model = PowerItem
    base_queryset = PowerItem.objects.select_related("town").order_by("category", "code")
    serializer_class = PowerItemSerializer
    filterset_fields = ["category", "code"]


class ServiceGuideViewSet(_ListViewSet):
    model = ServiceGuide
    base_queryset = ServiceGuide.objects.select_related("town").prefetch_related("certificates").order_by("code")
    serializer_class = ServiceGuideSerializer
    filterset_fields = ["code", "power_item", "service_item"]
