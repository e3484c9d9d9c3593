from django.urls import path

from . import portal

app_name = "decisions_portal"

urlpatterns = [
    path("decisions/", portal.index, name="index"),
]
