from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("study-sessions", api.StudySessionViewSet, basename="study-session")
router.register("course-completions", api.CourseCompletionViewSet, basename="course-completion")
router.register("study-officials", api.OfficialViewSet, basename="study-official")

urlpatterns = router.urls
