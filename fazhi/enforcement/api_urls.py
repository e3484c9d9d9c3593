from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("officers", api.OfficerViewSet, basename="officer")
router.register("enforcement-matters", api.MatterViewSet, basename="enforcement-matter")
router.register("discretion-benchmarks", api.BenchmarkViewSet, basename="discretion-benchmark")
router.register("inspections", api.InspectionViewSet, basename="enforcement-inspection")
router.register("enforcement-cases", api.CaseViewSet, basename="enforcement-case")

urlpatterns = router.urls
