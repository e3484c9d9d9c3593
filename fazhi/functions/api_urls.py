from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("power-items", api.PowerItemViewSet, basename="power-item")
router.register("service-guides", api.ServiceGuideViewSet, basename="service-guide")

urlpatterns = router.urls
