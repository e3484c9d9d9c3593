from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("towns", api.TownViewSet, basename="town")
router.register("villages", api.VillageViewSet, basename="village")
router.register("grids", api.GridViewSet, basename="grid")
router.register("units", api.UnitViewSet, basename="unit")
router.register("clocks", api.ClockViewSet, basename="clock")

urlpatterns = router.urls
