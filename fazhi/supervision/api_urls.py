from django.urls import path

from . import api

urlpatterns = [
    path("supervision/submissions/", api.SubmissionsView.as_view(), name="supervision-submissions"),
]
