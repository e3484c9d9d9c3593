from django.urls import path

from . import views

app_name = "enforcement"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.case_new, name="case_new"),
    path("officers/", views.officers, name="officers"),
    path("matters/new/", views.matter_new, name="matter_new"),
    path("matters/<int:pk>/edit/", views.matter_edit, name="matter_edit"),
    path("benchmarks/new/", views.benchmark_new, name="benchmark_new"),
    path("benchmarks/<int:pk>/edit/", views.benchmark_edit, name="benchmark_edit"),
    path("inspections/", views.inspections, name="inspections"),
    path("inspections/<int:pk>/result/", views.inspection_result, name="inspection_result"),
    path("ledger.xlsx", views.ledger, name="ledger"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/act/<slug:action>/", views.case_act, name="case_act"),
    path("<int:pk>/evidence/", views.case_evidence, name="case_evidence"),
]
