from django.urls import path

from . import views

app_name = "functions"

urlpatterns = [
    path("", views.index, name="index"),
    path("powers/<int:pk>/", views.power_detail, name="power_detail"),
    path("powers/<int:pk>/change/", views.power_change, name="power_change"),
    path("powers/export/", views.export_power_list, name="export"),
    path("powers/import/", views.import_power_list, name="import"),
    path("commitments/", views.commitments, name="commitments"),
    path("commitments/new/", views.commitment_record, name="commitment_record"),
    path("commitments/<int:pk>/verify/", views.commitment_verify, name="commitment_verify"),
]
