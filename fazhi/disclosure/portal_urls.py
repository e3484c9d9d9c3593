from django.urls import path

from . import portal

app_name = "disclosure_portal"

urlpatterns = [
    path("disclosure/", portal.index, name="index"),
    path("disclosure/items/<int:pk>/", portal.item, name="item"),
    path("disclosure/apply/", portal.apply, name="apply"),
    path("disclosure/track/", portal.track, name="track"),
]
