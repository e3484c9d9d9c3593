from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("grid-assignments", api.GridAssignmentViewSet, basename="grid-assignment")
router.register("grid-events", api.GridEventViewSet, basename="grid-event")

urlpatterns = router.urls
