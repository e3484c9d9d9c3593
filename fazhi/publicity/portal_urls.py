from django.urls import path

from . import views

app_name = "publicity_portal"

urlpatterns = [path("publicity/", views.portal_index, name="index")]
