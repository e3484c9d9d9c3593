from django.urls import path

from . import views

app_name = "functions"

urlpatterns = [
    path("", views.index, name="index"),
    path("powers/<int:pk>/", views.power_detail, name="power_detail"),
    path("powers/<int:pk>/change/", views.power_change, name="power_change"),
    path("powers/export/", views.export_power_list, name="export"),
    path("powers/import/", views.import_power_list, name="import"),
    path("services/new/", views.service_create, name="service_create"),
    path("services/<int:pk>/", views.service_detail, name="service_detail"),
    path("services/<int:pk>/change/", views.service_change, name="service_change"),
    path("guides/new/", views.guide_create, name="guide_create"),
    path("guides/<int:pk>/", views.guide_detail, name="guide_detail"),
    path("guides/<int:pk>/change/", views.guide_change, name="guide_change"),
    path("guides/<int:pk>/certificates/new/", views.certificate_create, name="certificate_create"),
    path("certificates/<int:pk>/change/", views.certificate_change, name="certificate_change"),
    path("commitments/", views.commitments, name="commitments"),
    path("commitments/new/", views.commitment_record, name="commitment_record"),
    path("commitments/<int:pk>/verify/", views.commitment_verify, name="commitment_verify"),
]
