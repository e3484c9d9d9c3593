from django.urls import path

from . import portal

app_name = "normative_portal"

urlpatterns = [
    path("normative/", portal.index, name="index"),
]
