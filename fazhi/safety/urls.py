from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("", views.index, name="index"),
    path("patrols/new/", views.patrol_new, name="patrol_new"),
    path("hazards/new/", views.hazard_new, name="hazard_new"),
    path("hazards/<int:pk>/rectify/", views.hazard_rectify, name="hazard_rectify"),
    path("accidents/new/", views.accident_new, name="accident_new"),
    path("patrols.xlsx", views.patrols_export, name="patrols_export"),
    path("hazards.xlsx", views.hazards_export, name="hazards_export"),
]
