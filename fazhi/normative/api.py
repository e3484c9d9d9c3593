"""REST API: /api/v1/normative-documents/ and its workflow actions (POST …/<id>/<action>/)."""

from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied

from fazhi.core.api import ScopedModelViewSet, run_action

from . import permissions, services
from .models import CleanupDecision, NormativeDocument, Review


class DocumentSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    actions = serializers.SerializerMethodField()
    drafted_on = serializers.DateField(required=False, allow_null=True)

    class Meta:
        model = NormativeDocument
        fields = ["id", "town", "title", "drafting_unit", "doc_number", "trial", "summary", "status", "status_label",
                  "drafted_on", "submitted_on", "review_due", "reviewed_on", "deliberated_on", "published_on",
                  "filing_due", "filed_on", "filing_result", "filing_result_on", "corrected_on", "valid_until",
                  "ended_on", "actions"]
        read_only_fields = [f for f in fields if f not in ("title", "drafting_unit", "trial", "summary",
                                                          "drafted_on")]

    def get_actions(self, obj) -> list[str]:
        user = self.context["request"].user
        return [name.replace("_", "-") for name, _label in services.TRANSITIONS.available(obj, user)]


class DateInput(serializers.Serializer):
    date = serializers.DateField(required=False, allow_null=True)


class ReviewInput(DateInput):
    result = serializers.ChoiceField(choices=Review.Result.values)
    opinion = serializers.CharField(allow_blank=True, required=False, default="")
    authority = serializers.CharField(allow_blank=True, required=False, default="")
    procedure = serializers.CharField(allow_blank=True, required=False, default="")
    content = serializers.CharField(allow_blank=True, required=False, default="")


class DeliberateInput(DateInput):
    meeting = serializers.CharField(allow_blank=True, required=False, default="")


class PublishInput(DateInput):
    doc_number = serializers.CharField(allow_blank=True, required=False, default="")


class FileInput(DateInput):
    late_reason = serializers.CharField(allow_blank=True, required=False, default="")


class FilingResultInput(DateInput):
    result = serializers.ChoiceField(choices=NormativeDocument.FilingResult.values)
    opinion = serializers.CharField(allow_blank=True, required=False, default="")


class CleanUpInput(DateInput):
    decision = serializers.ChoiceField(choices=CleanupDecision.Decision.values)
    reason = serializers.CharField(allow_blank=True, required=False, default="")


class RepealInput(DateInput):
    reason = serializers.CharField(allow_blank=True, required=False, default="")


class NormativeDocumentViewSet(ScopedModelViewSet):
    base_queryset = NormativeDocument.objects.select_related("town").order_by("-drafted_on", "-id")
    serializer_class = DocumentSerializer
    filterset_fields = ["status", "trial"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer):
        user = self.request.user
        if not permissions.can_create_document(user):
            raise PermissionDenied("只有镇街工作人员可以登记规范性文件。")
        serializer.instance = services.document_create(actor=user, town=user.town, **serializer.validated_data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("drafted_on", None)
        serializer.instance = services.document_update(actor=self.request.user, document=serializer.instance, **data)

    def _act(self, request, input_class, fn):
        return run_action(self, request, input_class,
                          lambda doc, data: fn(actor=request.user, document=doc, **data))

    @action(detail=True, methods=["post"], url_path="submit-review")
    def submit_review(self, request, pk=None):
        return self._act(request, DateInput, services.document_submit_review)

    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        return self._act(request, ReviewInput, services.document_review)

    @action(detail=True, methods=["post"])
    def deliberate(self, request, pk=None):
        return self._act(request, DeliberateInput, services.document_deliberate)

    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._act(request, PublishInput, services.document_publish)

    @action(detail=True, methods=["post"], url_path="file")
    def file_with_district(self, request, pk=None):
        return self._act(request, FileInput, services.document_file)

    @action(detail=True, methods=["post"], url_path="filing-result")
    def filing_result(self, request, pk=None):
        return self._act(request, FilingResultInput, services.document_filing_result)

    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        return self._act(request, DateInput, services.document_correct)

    @action(detail=True, methods=["post"], url_path="clean-up")
    def clean_up(self, request, pk=None):
        return self._act(request, CleanUpInput, services.document_clean_up)

    @action(detail=True, methods=["post"])
    def repeal(self, request, pk=None):
        return self._act(request, RepealInput, services.document_repeal)
