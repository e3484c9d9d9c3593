from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.request_new, name="request_new"),
    path("ledger.xlsx", views.ledger_export, name="ledger_export"),
    path("annual-report/", views.annual_report, name="annual_report"),
    path("items/", views.item_list, name="item_list"),
    path("items/new/", views.item_new, name="item_new"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/publish/", views.item_publish, name="item_publish"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/<slug:action>/", views.request_action, name="request_action"),
]
