from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("interference-records", api.InterferenceRecordViewSet, basename="interference-record")
router.register("interference-zero-reports", api.ZeroReportViewSet, basename="interference-zero-report")
router.register("litigation-cases", api.LitigationCaseViewSet, basename="litigation-case")
router.register("reconsideration-cases", api.ReconsiderationCaseViewSet, basename="reconsideration-case")

urlpatterns = router.urls
