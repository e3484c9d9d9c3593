from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("major-decisions", api.MajorDecisionViewSet, basename="major-decision")

urlpatterns = router.urls
