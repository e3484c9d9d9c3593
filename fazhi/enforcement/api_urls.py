from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("officers", api.OfficerViewSet, basename="officer")
router.register("enforcement-cases", api.CaseViewSet, basename="enforcement-case")

urlpatterns = router.urls
