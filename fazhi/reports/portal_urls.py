from django.urls import path

from . import views

app_name = "reports_portal"

urlpatterns = [
    path("reports/", views.portal_index, name="index"),
    path("reports/<int:year>/", views.portal_report, name="report"),
    path("reports/<int:year>/docx/", views.portal_docx, name="docx"),
]
