from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("check/", views.check, name="check"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/docx/", views.download_docx, name="docx"),
    path("<int:pk>/versions/", views.versions, name="versions"),
    path("<int:pk>/versions/<int:number>/", views.version, name="version"),
    path("<int:pk>/paragraphs/add/", views.paragraph_add, name="paragraph_add"),
    path("<int:pk>/paragraphs/<int:pid>/", views.paragraph_edit, name="paragraph_edit"),
    path("<int:pk>/<str:name>/", views.action, name="action"),
]
