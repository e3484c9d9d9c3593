from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("annual-reports", api.AnnualReportViewSet, basename="annual-report")

urlpatterns = [
    path("annual-reports/check/", api.ReportCheckView.as_view(), name="annual-report-check"),
    *router.urls,
]
