from django.urls import path

from . import views

app_name = "leadership"

urlpatterns = [
    path("", views.index, name="index"),
    path("persons/new/", views.person_create, name="person_create"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("debriefs/new/", views.debrief_create, name="debrief_create"),
    path("evidence/new/", views.evidence_create, name="evidence_create"),
]
