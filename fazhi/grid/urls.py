from django.urls import path

from . import views

app_name = "grid"

urlpatterns = [
    path("", views.index, name="index"),
    path("report/", views.report, name="report"),
    path("events/<int:pk>/route/", views.route, name="route"),
    path("events/<int:pk>/resolve/", views.resolve, name="resolve"),
    path("assignments/new/", views.assign, name="assign"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
]
