from django.urls import path

from . import views

app_name = "study"

urlpatterns = [
    path("", views.index, name="index"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/attendance.xlsx", views.attendance_template, name="attendance_template"),
    path("sessions/<int:pk>/attendance/import/", views.attendance_import, name="attendance_import"),
    path("officials/new/", views.official_create, name="official_create"),
    path("officials/<int:pk>/leave/", views.official_leave, name="official_leave"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("courses/new/", views.course_create, name="course_create"),
    path("ledgers/<slug:name>/", views.ledger, name="ledger"),
]
