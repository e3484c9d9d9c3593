from django.urls import path

from . import views

app_name = "enforcement_portal"

urlpatterns = [
    path("enforcement/", views.portal_index, name="index"),
    path("enforcement/decisions/<int:pk>/", views.portal_decision, name="decision"),
]
