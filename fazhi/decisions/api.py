"""REST API: /api/v1/major-decisions/ and its procedure actions (POST …/<id>/<action>/)."""

from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied

from fazhi.core.api import ScopedModelViewSet, run_action

from . import permissions, services
from .models import Category, Decision


class DecisionSerializer(serializers.ModelSerializer):
    town = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    category = serializers.ChoiceField(choices=Category.choices)
    actions = serializers.SerializerMethodField()
    started_on = serializers.DateField(required=False, allow_null=True)

    class Meta:
        model = Decision
        fields = ["id", "town", "title", "category", "sponsor_unit", "summary", "status", "status_label",
                  "started_on", "consultation_start", "consultation_end", "comments_received", "comments_adopted",
                  "expert_on", "expert_not_required", "risk_on", "risk_level", "risk_not_required", "counsel_on",
                  "counsel_name", "counsel_opinion", "review_submitted_on", "review_due", "reviewed_on",
                  "review_result", "review_opinion", "discussed_on", "discussion_result", "decided_on",
                  "published_on", "archived_on", "actions"]
        read_only_fields = [f for f in fields if f not in ("title", "category", "sponsor_unit", "summary",
                                                          "started_on")]

    def get_actions(self, obj) -> list[str]:
        user = self.context["request"].user
        return [name.replace("_", "-") for name, _label in services.TRANSITIONS.available(obj, user)]


class DateInput(serializers.Serializer):
    date = serializers.DateField(required=False, allow_null=True)


class ConsultationInput(DateInput):
    start = serializers.DateField()
    end = serializers.DateField()
    short_reason = serializers.CharField(allow_blank=True, required=False, default="")


class CloseConsultationInput(DateInput):
    comments_received = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    comments_adopted = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    reply = serializers.CharField(allow_blank=True, required=False, default="")


class StepInput(DateInput):
    opinion = serializers.CharField(allow_blank=True, required=False, default="")
    not_required = serializers.CharField(allow_blank=True, required=False, default="")


class RiskInput(StepInput):
    level = serializers.CharField(allow_blank=True, required=False, default="")


class CounselInput(DateInput):
    opinion = serializers.CharField(allow_blank=True, required=False, default="")
    counsel = serializers.CharField(allow_blank=True, required=False, default="")


class ReviewInput(DateInput):
    result = serializers.ChoiceField(choices=Decision.Result.values)
    opinion = serializers.CharField(allow_blank=True, required=False, default="")


class DiscussionInput(DateInput):
    result = serializers.ChoiceField(choices=Decision.Result.values)
    meeting = serializers.CharField(allow_blank=True, required=False, default="")
    minutes = serializers.CharField(allow_blank=True, required=False, default="")


class DecideInput(DateInput):
    text = serializers.CharField(allow_blank=True, required=False, default="")


class PublishInput(DateInput):
    channel = serializers.CharField(allow_blank=True, required=False, default="")


class EvaluateInput(DateInput):
    evaluation = serializers.CharField(allow_blank=True, required=False, default="")


class MajorDecisionViewSet(ScopedModelViewSet):
    base_queryset = Decision.objects.select_related("town").order_by("-started_on", "-id")
    serializer_class = DecisionSerializer
    filterset_fields = ["status", "category"]
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer):
        user = self.request.user
        if not permissions.can_create_decision(user):
            raise PermissionDenied("只有镇街工作人员可以登记重大行政决策。")
        serializer.instance = services.decision_create(actor=user, town=user.town, **serializer.validated_data)

    def _act(self, request, input_class, fn):
        return run_action(self, request, input_class, lambda d, data: fn(actor=request.user, decision=d, **data))

    @action(detail=True, methods=["post"], url_path="open-consultation")
    def open_consultation(self, request, pk=None):
        return self._act(request, ConsultationInput, services.decision_open_consultation)

    @action(detail=True, methods=["post"], url_path="close-consultation")
    def close_consultation(self, request, pk=None):
        return self._act(request, CloseConsultationInput, services.decision_close_consultation)

    @action(detail=True, methods=["post"], url_path="expert-opinion")
    def expert_opinion(self, request, pk=None):
        return self._act(request, StepInput, services.decision_expert_opinion)

    @action(detail=True, methods=["post"], url_path="risk-assessment")
    def risk_assessment(self, request, pk=None):
        return self._act(request, RiskInput, services.decision_risk_assessment)

    @action(detail=True, methods=["post"], url_path="counsel-opinion")
    def counsel_opinion(self, request, pk=None):
        return self._act(request, CounselInput, services.decision_counsel_opinion)

    @action(detail=True, methods=["post"], url_path="submit-review")
    def submit_review(self, request, pk=None):
        return self._act(request, DateInput, services.decision_submit_review)

    @action(detail=True, methods=["post"], url_path="legality-review")
    def legality_review(self, request, pk=None):
        return self._act(request, ReviewInput, services.decision_legality_review)

    @action(detail=True, methods=["post"], url_path="collective-discussion")
    def collective_discussion(self, request, pk=None):
        return self._act(request, DiscussionInput, services.decision_collective_discussion)

    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        return self._act(request, DecideInput, services.decision_decide)

    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._act(request, PublishInput, services.decision_publish)

    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        return self._act(request, DateInput, services.decision_archive)

    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        return self._act(request, EvaluateInput, services.decision_evaluate)
