from django.urls import path

from . import views

app_name = "judicial"

urlpatterns = [
    path("", views.index, name="index"),
    path("litigation/new/", views.litigation_create, name="litigation_create"),
    path("litigation/<int:pk>/", views.litigation_detail, name="litigation_detail"),
    path("reconsideration/new/", views.reconsideration_create, name="reconsideration_create"),
    path("reconsideration/<int:pk>/", views.reconsideration_detail, name="reconsideration_detail"),
    path("interference/new/", views.interference_create, name="interference_create"),
    path("zero-reports/new/", views.zero_report_create, name="zero_report_create"),
    path("zero-reports/<int:pk>/withdraw/", views.zero_report_withdraw, name="zero_report_withdraw"),
    path("resolutions/new/", views.resolution_create, name="resolution_create"),
    path("interference/<int:pk>/", views.interference_detail, name="interference_detail"),
    path("resolutions/<int:pk>/", views.resolution_detail, name="resolution_detail"),
    path("<str:kind>/<int:pk>/attach/", views.attach, name="attach"),
    path("ledger/<str:name>.xlsx", views.ledger_export, name="ledger_export"),
    path("resolutions/<int:pk>/conclude/", views.resolution_conclude, name="resolution_conclude"),
]
