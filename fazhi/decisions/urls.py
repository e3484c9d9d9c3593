from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("incidents/new/", views.incident_create, name="incident_create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/attach/", views.attach, name="attach"),
    path("<int:pk>/<slug:name>/", views.act, name="act"),
]
