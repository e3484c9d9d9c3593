from django.urls import path

from . import views

app_name = "disputes"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", views.act, name="act"),
    path("<int:pk>/agreement.docx", views.agreement, name="agreement"),
    path("ledger.xlsx", views.ledger_export, name="ledger"),
    path("import/", views.ledger_import, name="import"),
    path("statistics/<int:year>.xlsx", views.statistics_export, name="statistics"),
]
