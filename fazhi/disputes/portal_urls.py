from django.urls import path

from . import portal_views

app_name = "disputes_portal"

urlpatterns = [
    path("mediation/", portal_views.index, name="index"),
    path("mediation/track/", portal_views.track, name="track"),
]
