from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.portal_home, name="portal"),
    path("portal/<slug:town>/", views.portal_town, name="portal_town"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("workbench/", views.workbench, name="workbench"),
    path("clocks/", views.clock_list, name="clock_list"),
    path("clocks/<int:pk>/", views.clock_detail, name="clock_detail"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("org/", views.org_overview, name="org"),
]
