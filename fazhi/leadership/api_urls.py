from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("leadership-duties", api.LeadershipDutyViewSet, basename="leadership-duty")

urlpatterns = router.urls
