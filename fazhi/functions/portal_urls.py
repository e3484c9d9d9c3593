from django.urls import path

from . import portal

app_name = "functions_portal"

urlpatterns = [
    path("lists/", portal.index, name="index"),
    path("guides/", portal.guides, name="guides"),
    path("guides/<int:pk>/", portal.guide, name="guide"),
]
