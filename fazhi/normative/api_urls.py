from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("normative-documents", api.NormativeDocumentViewSet, basename="normative-document")

urlpatterns = router.urls
