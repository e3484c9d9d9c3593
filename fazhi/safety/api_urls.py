from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("patrols", api.PatrolViewSet, basename="patrol")
router.register("hazards", api.HazardViewSet, basename="hazard")
router.register("accidents", api.AccidentViewSet, basename="accident")

urlpatterns = router.urls
