from django.urls import path

from . import views

app_name = "publicity"

urlpatterns = [
    path("", views.index, name="index"),
    path("responsibilities/", views.responsibility_new, name="responsibility_new"),
]
