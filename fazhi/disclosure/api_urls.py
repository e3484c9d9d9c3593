from rest_framework.routers import SimpleRouter

from .api import DisclosureRequestViewSet

router = SimpleRouter()
router.register("disclosure-requests", DisclosureRequestViewSet, basename="disclosure-request")

urlpatterns = router.urls
